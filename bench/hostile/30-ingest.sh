# 30-ingest: one file of 100,000 small filings (59 MB; the was
# 55.6 MB), ingested into a new store: 1.35 GB before its records went to
# the writer in slices.  Its peak RSS is the input's mapped pages and
# SQLite's caches (the writer's 64 MB), not the records.
"$top/tests/hostile/many_filings.sh" 100000 >"$tmp/ingest-many.txt"
rss_line "ingest, one file of 100,000 filings" "$edgr" ingest --db "$tmp/ingest-many.db" "$tmp/ingest-many.txt"
rss_line "ingest again (all stored, nothing built)" "$edgr" ingest --db "$tmp/ingest-many.db" "$tmp/ingest-many.txt"
rm -f "$tmp"/ingest-many.*
