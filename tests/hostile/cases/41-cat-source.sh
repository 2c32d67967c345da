# edgr cat ACCESSION reads the recorded source again (issue 12): a source
# truncated, removed, changed, or an archive that lost its member, is
# refused with a clear message, exit 1 and nothing written; an unknown
# document is said, from the store and from the file.
d41=$case_dir
s41=samples/0009900001-17-000001.txt
cp $s41 "$d41/f.txt"
expect "cat source: ingest" 0 "$edgr" ingest -q --db "$d41/f.db" "$d41/f.txt"
expect "cat source: a sequence that is not there" 1 "$edgr" cat --db "$d41/f.db" 0009900001-17-000001 9
grep -q 'no document with sequence or filename "9"' "$tmp/err" && ok || bad "cat source: unknown sequence: $(head -c 300 "$tmp/err")"
expect "cat file: a filename that is not there" 1 "$edgr" cat "$d41/f.txt" nothere.htm
grep -q 'no document with sequence or filename "nothere.htm"' "$tmp/err" && ok || bad "cat file: unknown filename: $(head -c 300 "$tmp/err")"
truncate -s 3000 "$d41/f.txt"
expect "cat source: truncated" 1 "$edgr" cat --db "$d41/f.db" 0009900001-17-000001 1
[ ! -s "$tmp/out" ] && ok || bad "cat source: truncated: wrote $(wc -c <"$tmp/out") bytes"
grep -q "^edgr cat: $d41/f.txt: .*short of the .* ingested" "$tmp/err" && ok || bad "cat source: truncated: $(head -c 300 "$tmp/err")"
rm -f "$d41/f.txt"
expect "cat source: gone" 1 "$edgr" cat --db "$d41/f.db" 0009900001-17-000001 1
[ ! -s "$tmp/out" ] && ok || bad "cat source: gone: wrote something"
grep -q "f.txt: cannot open the source of this filing: No such file" "$tmp/err" && ok || bad "cat source: gone: $(head -c 300 "$tmp/err")"

# an archive member: changed in place, then gone
mkdir -p "$d41/a"
cp $s41 "$d41/a/f.txt"
tar -czf "$d41/a.tar.gz" -C "$d41/a" f.txt
expect "cat member: ingest" 0 "$edgr" ingest -q --db "$d41/a.db" "$d41/a.tar.gz"
expect "cat member: unchanged" 0 "$edgr" cat --db "$d41/a.db" 0009900001-17-000001 1
cmp -s "$tmp/out" <("$edgr" cat $s41 1) && ok || bad "cat member: not the document"
sed -i 's/SECURITIES AND EXCHANGE COMMISSION/SECURITIES AND EXCHANGE COMMISSIOX/' "$d41/a/f.txt"
tar -czf "$d41/a.tar.gz" -C "$d41/a" f.txt
expect "cat member: changed" 1 "$edgr" cat --db "$d41/a.db" 0009900001-17-000001 1
[ ! -s "$tmp/out" ] && ok || bad "cat member: changed: wrote the changed bytes"
grep -q "^edgr cat: $d41/a.tar.gz:f.txt: document 1 changed since it was ingested" "$tmp/err" && ok || bad "cat member: changed: $(head -c 300 "$tmp/err")"
head -c 2000 $s41 >"$d41/a/f.txt"
tar -czf "$d41/a.tar.gz" -C "$d41/a" f.txt
expect "cat member: truncated" 1 "$edgr" cat --db "$d41/a.db" 0009900001-17-000001 1
[ ! -s "$tmp/out" ] && ok || bad "cat member: truncated: wrote something"
grep -q "short of the .* ingested" "$tmp/err" && ok || bad "cat member: truncated: $(head -c 300 "$tmp/err")"
mv "$d41/a/f.txt" "$d41/a/g.txt"
tar -czf "$d41/a.tar.gz" -C "$d41/a" g.txt
expect "cat member: gone" 1 "$edgr" cat --db "$d41/a.db" 0009900001-17-000001 1
grep -q "member f.txt is no longer in the archive" "$tmp/err" && ok || bad "cat member: gone: $(head -c 300 "$tmp/err")"
rm -rf "$d41/a" "$d41"/*.db* "$d41"/*.gz

# the charset the first pass learns is the one the file form decides:
# Windows-1252, UTF-8, and UTF-8 with one Windows-1252 byte at its end,
# from the store as from the file, converted and --raw
c41_filing() { # ACCESSION LINE TAIL
  printf '<SEC-DOCUMENT>%s.txt : 20260101\n<SEC-HEADER>%s.hdr.sgml : 20260101\nACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20260101\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tCharset Cartography Corp\n\t\tCENTRAL INDEX KEY:\t\t\t0009900231\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>1\n<FILENAME>notes.txt\n<TEXT>\n' "$1" "$1" "$1"
  yes "$2" | head -n 3000
  printf '%s</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n' "$3"
}
c41_filing 0009900231-26-000001 "$(printf 'Caf\351 Cartography \227 fictional.')" '' >"$d41/cp.txt"
c41_filing 0009900231-26-000002 'Café Cartography — fictional.' '' >"$d41/u8.txt"
c41_filing 0009900231-26-000003 'Café Cartography — fictional.' "$(printf '\351\n')" >"$d41/late.txt"
gzip -k "$d41/late.txt"
expect "cat charsets: ingest" 0 "$edgr" ingest -q --db "$d41/c.db" "$d41/cp.txt" "$d41/u8.txt" "$d41/late.txt.gz"
for c41 in cp:1 u8:2 late:3; do
  for r41 in "" --raw; do
    "$edgr" cat $r41 "$d41/${c41%%:*}.txt" 1 >"$d41/want" 2>/dev/null
    expect "cat charsets: ${c41%%:*} $r41 from the store" 0 "$edgr" cat $r41 --db "$d41/c.db" "0009900231-26-00000${c41#*:}" 1
    cmp -s "$tmp/out" "$d41/want" && ok || bad "cat charsets: ${c41%%:*} $r41: the store's is not the file's"
  done
done
[ "$(grep -c 'Café' "$d41/want")" = 3000 ] && ok || bad "cat charsets: late: --raw has the bytes as filed"
"$edgr" cat "$d41/late.txt" 1 2>/dev/null | grep -q 'CafÃ©' && ok || bad "cat charsets: late: Windows-1252 throughout"
"$edgr" cat "$d41/cp.txt" 1 | grep -q '^Café Cartography — fictional.$' && ok || bad "cat charsets: cp: made UTF-8"
rm -f "$d41"/*.txt "$d41"/*.gz "$d41"/*.db* "$d41/want"
