# edgr cat streams a document (issue 12, "cat holds a whole document in
# memory"): a 200 MB body in a 1 MB .gz, from the file, from standard
# input and (after ingest) from the store by accession, is written whole
# with bounded memory; under a memory limit it is still written whole (it
# was nothing, with exit 0); text is still transcoded to UTF-8 per
# document, whatever the size; a failure is an error, never silence.
# Fictional filer: Longwinded Ledger Corp, CIK 0009900230.

# cat_filing LINES ACCESSION [LINE]: a submission whose one document
# (sequence 1, ledger.txt) is LINE (a line of text, the default ASCII)
# LINES times, on stdout; cat writes the lines without the last newline
cat_filing() {
  printf '<SEC-DOCUMENT>%s.txt : 20260101\n<SEC-HEADER>%s.hdr.sgml : 20260101\nACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20260101\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tLongwinded Ledger Corp\n\t\tCENTRAL INDEX KEY:\t\t\t0009900230\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>1\n<FILENAME>ledger.txt\n<TEXT>\n' "$2" "$2" "$2"
  yes "${3:-Longwinded Ledger Corp reports the same fictional quarter again and again.}" | head -n "$1"
  printf '</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
}
# cat_body LINES [LINE]: the SHA-256 of what cat writes of that document
cat_body() {
  yes "${2:-Longwinded Ledger Corp reports the same fictional quarter again and again.}" | head -n "$1" \
    | head -c -1 | sha256sum | cut -d' ' -f1
}
# cat_sha CMD...: runs CMD, its output piped to sha256sum, under peak_rss_mb
# (the digest in $tmp/out; CMD's exit status in $rss_rc, by pipefail; its
# peak RSS in MB in $rss)
cat_sha() {
  peak_rss_mb bash -c 'set -o pipefail; "$@" | sha256sum | cut -d" " -f1' cat_sha "$@" >"$case_dir/rss"
  rss=$(cat "$case_dir/rss")
}

big_lines=2800000 # 210 MB of body
# under a sanitizer the memory bounds are skipped: smaller bodies keep the
# checks of what is written, in a fraction of the time
sanitized && big_lines=300000
cat_filing $big_lines 0009900230-26-000001 | gzip -1 >"$case_dir/big.gz"
want=$(cat_body $big_lines)

cat_sha "$edgr" cat "$case_dir/big.gz" 1
[ "$rss_rc" = 0 ] && ok || bad "cat of a 200 MB body in a .gz: exit $rss_rc ($(head -c 300 "$tmp/err"))"
[ "$(cat "$tmp/out")" = "$want" ] && ok || bad "cat of a 200 MB body in a .gz: not the body"
sanitized || { [ "$rss" -lt 64 ] && ok || bad "cat of a 200 MB body in a .gz: peak RSS $rss MB"; }

cat_sha bash -c 'gzip -dc "$1" | "$0" cat - 1' "$edgr" "$case_dir/big.gz"
[ "$rss_rc" = 0 ] && ok || bad "cat of a 200 MB body on stdin: exit $rss_rc ($(head -c 300 "$tmp/err"))"
[ "$(cat "$tmp/out")" = "$want" ] && ok || bad "cat of a 200 MB body on stdin: not the body"
sanitized || { [ "$rss" -lt 64 ] && ok || bad "cat of a 200 MB body on stdin: peak RSS $rss MB"; }

# under a memory limit (address space: no sanitizer's shadow) the body is
# written whole; it was nothing at all, with exit 0
if ! sanitized; then
  cat_sha bash -c 'ulimit -v 150000; "$0" cat "$1" 1' "$edgr" "$case_dir/big.gz"
  [ "$rss_rc" = 0 ] && ok || bad "cat under ulimit -v: exit $rss_rc ($(head -c 300 "$tmp/err"))"
  [ "$(cat "$tmp/out")" = "$want" ] && ok || bad "cat under ulimit -v: not the body ($(head -c 300 "$tmp/err"))"
fi
rm -f "$case_dir/big.gz"

# from the store: the archive member read again, checked, streamed (48 MB:
# ingest indexes the text)
store_lines=640000
sanitized && store_lines=100000
cat_filing $store_lines 0009900230-26-000002 | gzip -1 >"$case_dir/store.gz"
expect "cat stream: ingest a 48 MB body" 0 "$edgr" ingest -q --db "$case_dir/s.db" "$case_dir/store.gz"
cat_sha "$edgr" cat --db "$case_dir/s.db" 0009900230-26-000002 1
[ "$rss_rc" = 0 ] && ok || bad "cat from the store of a 48 MB body: exit $rss_rc ($(head -c 300 "$tmp/err"))"
[ "$(cat "$tmp/out")" = "$(cat_body $store_lines)" ] && ok || bad "cat from the store of a 48 MB body: not the body"
sanitized || { [ "$rss" -lt 64 ] && ok || bad "cat from the store of a 48 MB body: peak RSS $rss MB"; }
if ! sanitized; then
  cat_sha bash -c 'ulimit -v 150000; "$0" cat --db "$1" 0009900230-26-000002 1' "$edgr" "$case_dir/s.db"
  [ "$rss_rc" = 0 ] && ok || bad "cat from the store under ulimit -v: exit $rss_rc ($(head -c 300 "$tmp/err"))"
  [ "$(cat "$tmp/out")" = "$(cat_body $store_lines)" ] && ok || bad "cat from the store under ulimit -v: not the body"
fi
rm -f "$case_dir/store.gz" "$case_dir/s.db"*

# the charset is the document's, decided over all of it: Windows-1252 (an
# e-acute alone, not UTF-8) is made UTF-8 from the start; UTF-8 is written
# as it is; UTF-8 with one Windows-1252 byte at its very end is Windows-1252
# throughout (its UTF-8 read byte by byte), as before -- large enough to be
# held on disk until its end
cp_line=$(printf 'Caf\351 Ledger Corp, fictional \227 quarter.')
u8_line='Café Ledger Corp, fictional — quarter.'
cat_filing 400000 0009900230-26-000003 "$cp_line" | gzip -1 >"$case_dir/cp.gz"
cat_sha "$edgr" cat "$case_dir/cp.gz" 1
[ "$rss_rc" = 0 ] && ok || bad "cat of a Windows-1252 body: exit $rss_rc"
[ "$(cat "$tmp/out")" = "$(cat_body 400000 "$u8_line")" ] && ok || bad "cat of a Windows-1252 body: not its UTF-8"
sanitized || { [ "$rss" -lt 64 ] && ok || bad "cat of a Windows-1252 body: peak RSS $rss MB"; }
expect "cat --raw of a Windows-1252 body" 0 "$edgr" cat --raw "$case_dir/cp.gz" 1
[ "$(sha256sum <"$tmp/out" | cut -d' ' -f1)" = "$(cat_body 400000 "$cp_line")" ] && ok || bad "cat --raw: not the bytes"
cat_filing 400000 0009900230-26-000004 "$u8_line" | gzip -1 >"$case_dir/u8.gz"
cat_sha "$edgr" cat "$case_dir/u8.gz" 1
[ "$rss_rc" = 0 ] && ok || bad "cat of a UTF-8 body: exit $rss_rc"
[ "$(cat "$tmp/out")" = "$(cat_body 400000 "$u8_line")" ] && ok || bad "cat of a UTF-8 body: not the body"
sanitized || { [ "$rss" -lt 64 ] && ok || bad "cat of a UTF-8 body: peak RSS $rss MB"; }
{ cat_filing 400000 0009900230-26-000005 "$u8_line" | head -n -3; printf '\351\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'; } \
  | gzip -1 >"$case_dir/late.gz"
late=$( { yes "$u8_line" | head -n 400000; printf '\351'; } | iconv -f WINDOWS-1252 -t UTF-8 | sha256sum | cut -d' ' -f1)
expect "cat of UTF-8 with a late Windows-1252 byte" 0 "$edgr" cat "$case_dir/late.gz" 1
[ "$(sha256sum <"$tmp/out" | cut -d' ' -f1)" = "$late" ] && ok || bad "cat of UTF-8 with a late Windows-1252 byte: not Windows-1252 throughout"
# nowhere to hold it: an error, not silence
expect "cat with no room to hold an undecided body" 1 env TMPDIR=/nonexistent/edgr "$edgr" cat "$case_dir/u8.gz" 1
[ -s "$tmp/err" ] && ok || bad "cat with no room to hold an undecided body: said nothing"
rm -f "$case_dir"/*.gz
