# 30-ingest: one file of many small submissions.  Ingest kept every record
# of a file until the file was done (a 55.6 MB file of 100,000 filings took
# 1.35 GB; 20,000 took 288 MB): its memory must not grow with the count.
# The records go to the writer in slices as they are built, in order.
many=$case_dir/many.txt
"$top/tests/hostile/many_filings.sh" 20000 >"$many"
db=$case_dir/many.db
# (not in $(...): rss_rc would be set in a subshell)
peak_rss_mb "$edgr" ingest --json --db "$db" "$many" >"$case_dir/mb"
mb=$(cat "$case_dir/mb")
[ "$rss_rc" = 0 ] && ok || bad "ingest of 20,000 filings in one file: exit $rss_rc ($(head -c 300 "$tmp/err"))"
if ! sanitized; then
  [ "$mb" -lt 100 ] && ok || bad "ingest of 20,000 filings in one file: peak RSS $mb MB, want < 100"
fi
[ "$(grep -c '"status":"added"' "$tmp/out")" = 20000 ] && ok || bad "ingest --json: not 20,000 filings added"
# in the file's order
[ "$(head -1 "$tmp/out" | grep -o '"0009900220-24-000001"')" ] && [ "$(tail -1 "$tmp/out" | grep -o '"0009900229-24-002000"')" ] \
  && ok || bad "ingest --json: the filings out of the file's order"
[ "$(sqlite3 "$db" 'select count(*) from filings')" = 20000 ] && ok || bad "not 20,000 filings stored"
expect "search finds the last filing" 0 "$edgr" search --db "$db" '"Notice 19999"'
grep -q 0009900229-24-002000 "$tmp/out" && ok || bad "search: the last filing not found"
# again: nothing built, all unchanged, memory as flat
peak_rss_mb "$edgr" ingest --json --jobs 1 --db "$db" "$many" >"$case_dir/mb"
mb=$(cat "$case_dir/mb")
[ "$rss_rc" = 0 ] && ok || bad "second ingest: exit $rss_rc"
[ "$(grep -c '"status":"unchanged"' "$tmp/out")" = 20000 ] && ok || bad "second ingest: not 20,000 unchanged"
if ! sanitized; then
  [ "$mb" -lt 100 ] && ok || bad "second ingest of 20,000 filings: peak RSS $mb MB, want < 100"
fi
rm -f "$many" "$db" "$db-wal" "$db-shm"
