# --max-document-size (issue 12, section 3): a document over the limit is an
# error naming the file, the document's offset, its sequence and file name,
# its size and the limit; the filing's other documents and the rest of the
# batch are still processed, and the run exits 1.  A document of exactly
# the limit passes.  The same from a file, from a pipe and from an archive.
#   limit_sub FILE SIZE...: a submission of one small 8-K document, then one
#   single-line EX-99 document of each SIZE (bytes of body), then a small one
limit_sub() {
  local f=$1 seq=2; shift
  {
    printf '<SEC-DOCUMENT>0009900240-21-000001.txt : 20210303\n<SEC-HEADER>0009900240-21-000001.hdr.sgml : 20210303\n'
    printf 'ACCESSION NUMBER:\t\t0009900240-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t%d\n' $(($# + 2))
    printf 'FILED AS OF DATE:\t\t20210303\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tBOUNDED WIDGET CORP\n\t\tCENTRAL INDEX KEY:\t\t\t0009900240\n</SEC-HEADER>\n'
    printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>main.htm\n<TEXT>\n<html><body><p>Bounded Widget Corp main text.</p>\n'
    printf '<p>Item 8.01 Other Events</p><p>Widgets were counted.</p></body></html>\n</TEXT>\n</DOCUMENT>\n'
    for n in "$@"; do
      printf '<DOCUMENT>\n<TYPE>EX-99.%d\n<SEQUENCE>%d\n<FILENAME>ex%d.htm\n<TEXT>\n' $seq $seq $seq
      { printf '<p>Exhibit %d opens.</p>' $seq; yes 'Bounded widgets, counted one by one. ' | tr -d '\n'; } | head -c "$n"
      printf '\n</TEXT>\n</DOCUMENT>\n'
      seq=$((seq + 1))
    done
    printf '<DOCUMENT>\n<TYPE>EX-99.%d\n<SEQUENCE>%d\n<FILENAME>last.htm\n<TEXT>\n<p>The last exhibit of Bounded Widget Corp.</p>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n' $seq $seq
  } > "$f"
}
lim=$case_dir
limit_sub "$lim/over.txt" 3145728
limit_sub "$lim/exact.txt" 1048576
limit_sub "$lim/small.txt"
big_off=$(grep -abo '<DOCUMENT>' "$lim/over.txt" | sed -n 2p | cut -d: -f1)

# from a file: the 3 MB exhibit is refused, naming it; the rest is printed
expect "text over the limit" 1 "$edgr" text --doc all --max-document-size 1M "$lim/over.txt" "$lim/small.txt"
grep -q "over.txt: $big_off: document 2 (ex2.htm) is 3145728 bytes, over --max-document-size (1048576)" "$tmp/err" && ok ||
  bad "text: no error naming the document over the limit: $(head -c 300 "$tmp/err")"
grep -q 'main text' "$tmp/out" && grep -q 'last exhibit' "$tmp/out" && ok || bad "text: the other documents were not printed"
[ "$(grep -c 'main text' "$tmp/out")" = 2 ] && ok || bad "text: the second filing of the batch was not printed"
grep -q 'counted one by one' "$tmp/out" && bad "text: the document over the limit was printed" || ok

# exactly the limit passes
expect "text at the limit" 0 "$edgr" text --doc all --max-document-size 1M "$lim/exact.txt"
grep -q 'counted one by one' "$tmp/out" && ok || bad "text: the document at the limit was not printed"

# from a pipe and from an archive: the same
expect "text over the limit, piped" 1 sh -c "cat '$lim/over.txt' | '$edgr' text --doc all --max-document-size 1M"
grep -q "^<stdin>: $big_off: document 2 (ex2.htm) is 3145728 bytes, over --max-document-size (1048576)" "$tmp/err" && ok ||
  bad "text from a pipe: no error naming the document: $(head -c 300 "$tmp/err")"
grep -q 'last exhibit' "$tmp/out" && ok || bad "text from a pipe: the documents after the big one were not printed"
grep -q 'counted one by one' "$tmp/out" && bad "text from a pipe: the document over the limit was printed" || ok
expect "text at the limit, piped" 0 sh -c "cat '$lim/exact.txt' | '$edgr' text --doc 2 --max-document-size 1M"
tar -C "$lim" -czf "$lim/both.tar.gz" over.txt small.txt
expect "text over the limit, archive" 1 "$edgr" text --doc all --max-document-size 1M "$lim/both.tar.gz"
grep -q "over.txt: $big_off: document 2 (ex2.htm) is 3145728 bytes" "$tmp/err" && ok ||
  bad "text from an archive: no error naming the document: $(head -c 300 "$tmp/err")"
[ "$(grep -c 'main text' "$tmp/out")" = 2 ] && ok || bad "text from an archive: the other filings were not printed"

# the main document over the limit: text and items fail naming it, facts too
limit_sub "$lim/main.txt"
expect "text, main over the limit" 1 "$edgr" text --max-document-size 100 "$lim/main.txt" "$lim/small.txt"
grep -q 'document 1 (main.htm) is [0-9]* bytes, over --max-document-size (100)' "$tmp/err" && ok ||
  bad "text: main document over the limit not named: $(head -c 300 "$tmp/err")"
expect "items, main over the limit" 1 "$edgr" items --max-document-size 100 "$lim/main.txt"
grep -q 'document 1 (main.htm) is [0-9]* bytes, over --max-document-size (100)' "$tmp/err" && ok ||
  bad "items: main document over the limit not named: $(head -c 300 "$tmp/err")"
expect "items under the limit" 0 "$edgr" items --max-document-size 1M "$lim/main.txt"
expect "facts, over the limit" 1 "$edgr" facts --max-document-size 1M "$lim/over.txt" "$lim/small.txt"
grep -q 'document 2 (ex2.htm) is 3145728 bytes' "$tmp/err" && ok || bad "facts: no error naming the document"
[ "$(wc -l < "$tmp/out")" = 2 ] && ok || bad "facts: the filings were not both written"
rm -f "$lim"/*.txt "$lim"/*.tar.gz

# a pipe gives what the file gives, however its bytes come in (a byte at a
# time, 7, 4093): three filings, documents over the limit among them, and
# submissions past what may be held (twice the limit)
limit_sub "$lim/q.txt" 5000 300 7000
limit_sub "$lim/s.txt"
cat "$lim/q.txt" "$lim/s.txt" "$lim/q.txt" > "$lim/qq.txt"
for l in 300 4999 7000; do
  "$edgr" text --doc all --max-document-size $l "$lim/qq.txt" > "$lim/f.out" 2> "$lim/f.err"
  frc=$?
  for bs in 1 7 4093; do
    dd if="$lim/qq.txt" bs=$bs 2>/dev/null | "$edgr" text --doc all --max-document-size $l > "$lim/p.out" 2> "$lim/p.err"
    prc=$?
    if [ $frc = $prc ] && cmp -s "$lim/f.out" "$lim/p.out" &&
      cmp -s <(sed "s|^$lim/qq.txt:|X:|" "$lim/f.err" | sort) <(sed 's|^<stdin>:|X:|' "$lim/p.err" | sort); then ok
    else bad "text --max-document-size $l: a pipe fed $bs bytes at a time differs from the file (exit $frc, $prc)"; fi
  done
done

# ingest: a filing with a document over the limit is not stored (said),
# the rest of the batch is
limit_sub "$lim/over.txt" 3145728
limit_sub "$lim/small.txt"
sed -i 's/0009900240-21-000001/0009900240-21-000002/g' "$lim/small.txt"
expect "ingest over the limit" 1 "$edgr" ingest --db "$lim/l.db" --max-document-size 1M "$lim/over.txt" "$lim/small.txt"
grep -q "over.txt: $big_off: document 2 (ex2.htm) is 3145728 bytes, over --max-document-size (1048576)" "$tmp/err" &&
  grep -q 'filing 0009900240-21-000001 not stored' "$tmp/err" && ok ||
  bad "ingest: the document over the limit not said: $(head -c 300 "$tmp/err")"
expect "ingest: the filing over the limit absent" 1 "$edgr" show --db "$lim/l.db" 0009900240-21-000001
expect "ingest: the other filing stored" 0 "$edgr" show --db "$lim/l.db" 0009900240-21-000002
rm -f "$lim"/*.txt "$lim"/l.db*
