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
rm -f "$db" "$db-wal" "$db-shm"
# several such files on several workers: those behind the one being
# written wait their turn, and everything comes out in the inputs' order
for y in 21 22 23; do "$top/tests/hostile/many_filings.sh" 2000 $y >"$case_dir/m$y.txt"; done
expect "ingest --jobs 3 of three files of 2,000 filings" 0 "$edgr" ingest --jobs 3 --json --db "$db" \
  "$case_dir/m21.txt" "$top/samples/0009900001-17-000001.txt" "$case_dir/m22.txt" "$case_dir/m23.txt"
[ "$(grep -c '"status":"added"' "$tmp/out")" = 6001 ] && ok || bad "ingest --jobs 3: not 6,001 filings added"
want=$(cat "$case_dir"/m21.txt "$top/samples/0009900001-17-000001.txt" "$case_dir"/m22.txt "$case_dir"/m23.txt |
       sed -n 's/^ACCESSION NUMBER:[[:space:]]*//p' | cksum)
[ "$(sed 's/^{"accession_number":"\([^"]*\)".*/\1/' "$tmp/out" | cksum)" = "$want" ] && ok ||
  bad "ingest --jobs 3: the filings out of the inputs' order"
rm -f "$db" "$db-wal" "$db-shm"
# kill -9 part-way through a file, once a batch is committed (--json says
# it): each filing whole or absent, and a second run stores the rest
"$edgr" ingest --json --db "$db" "$many" >"$case_dir/log" 2>/dev/null &
pid=$!
for _ in $(seq 200); do [ -s "$case_dir/log" ] && break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
n=$(sqlite3 "$db" 'select count(*) from filings')
[ "$n" -ge "$(wc -l <"$case_dir/log")" ] && ok || bad "kill -9: $n filings stored, fewer than ingest said"
expect "ingest after kill -9" 0 "$edgr" ingest --db "$db" "$many"
[ "$(sqlite3 "$db" 'select count(*) from filings')" = 20000 ] && ok || bad "after kill -9 and a rerun: not 20,000 filings"
[ "$(sqlite3 "$db" 'pragma integrity_check')" = ok ] && ok || bad "after kill -9 and a rerun: the store is damaged"
rm -f "$many" "$case_dir"/m2?.txt "$db" "$db-wal" "$db-shm"
