# An archive member holding several filings, each under --max-document-size
# but together over it: ingest refused the member as a whole ("more than
# the document size limit") where the same file, plain or gzipped, is
# stored -- a member is held as a submission is, up to twice the limit.
d=$case_dir
cat samples/0009900001-17-000001.txt samples/0009900002-97-000003.txt samples/0009900003-19-000010.txt >"$d/three.txt"
(cd "$d" && tar cf three.tar three.txt)
for f in three.txt three.tar; do
  rm -f "$d/s.db"*
  expect "member of many filings: ingest $f at 12K" 0 "$edgr" ingest -q --db "$d/s.db" --max-document-size 12K "$d/$f"
  n=$(sqlite3 "$d/s.db" 'select count(*) from filings' 2>/dev/null)
  [ "$n" = 3 ] && ok || bad "member of many filings: $f stored $n filings, want 3"
done
# past twice the limit, the member is still refused, said
rm -f "$d/s.db"*
expect "member of many filings: ingest three.tar at 8K" 1 "$edgr" ingest -q --db "$d/s.db" --max-document-size 8K "$d/three.tar"
grep -q 'three.tar:three.txt: 0: the member is 21734 bytes' "$tmp/err" && ok || bad "member of many filings: $(head -c 300 "$tmp/err")"
