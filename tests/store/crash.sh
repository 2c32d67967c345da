#!/bin/bash
# kill -9 during edgr ingest, at random moments, many times.  After each
# kill the store must open, pass PRAGMA integrity_check and the FTS5
# integrity check, hold every filing whose batch was reported committed,
# and hold each filing whole (the same rows as a clean ingest) or not at
# all; running the same command again must finish the job.
#   tests/store/crash.sh path/to/edgr [ROUNDS]
. "$(dirname "$0")/../lib.sh" "$@"
rounds=${2:-25}

# The input: the samples copied 150 times with their own accession numbers
# (and the corpus submissions, when ../shared/corpus is there), so that an
# ingest runs long enough to be killed in the middle of many batches.
data=$tmp/data
mkdir -p "$data"
copies=150
[ -d ../shared/corpus/submissions ] || copies=400 # a run long enough to land kills in
for f in samples/*.txt; do # one awk a sample, not one sed a copy (600 processes: 2.5 s)
  acc=${f##*/} acc=${acc%.txt}
  awk -v acc="$acc" -v n="$copies" -v dir="$data" '{ line[NR] = $0 } END {
    for (k = 1; k <= n; k++) {
      new = substr(acc, 1, 13) sprintf("%06d", k); out = dir "/" new ".txt"
      for (i = 1; i <= NR; i++) { l = line[i]; gsub(acc, new, l); print l > out }
      close(out)
    } }' "$f"
done
if [ -d ../shared/corpus/submissions ]; then
  mkdir -p "$data/corpus" && cp ../shared/corpus/submissions/* "$data/corpus/"
else
  echo "crash: ../shared/corpus absent: killing ingests of the sample copies only"
fi

# what a clean run stores: per filing, its documents, text rows and sections
counts() {
  sqlite3 "$1" "select f.accession_number, f.doc_count,
      (select count(*) from documents d where d.filing_id=f.id),
      (select count(*) from text_rows r where r.filing_id=f.id),
      (select count(*) from sections s where s.filing_id=f.id),
      (select count(*) from roles r where r.filing_id=f.id)
    from filings f order by f.accession_number"
}
run() { "$edgr" ingest --db "$1" --jobs 2 --batch-mb 1 --json -q "$data" >"$2" 2>/dev/null; }
start=$(date +%s%N)
run "$tmp/ref.db" "$tmp/ref.log"
took_ms=$((($(date +%s%N) - start) / 1000000))
counts "$tmp/ref.db" >"$tmp/ref.counts"
total=$(wc -l <"$tmp/ref.counts")
[ "$total" -gt 500 ] && ok || bad "reference ingest stored $total filings"

orphans="select (select count(*) from documents where filing_id not in (select id from filings))
  + (select count(*) from text_rows where filing_id not in (select id from filings))
  + (select count(*) from sections where filing_id not in (select id from filings))
  + (select count(*) from roles where filing_id not in (select id from filings))"
partial=0
for r in $(seq 1 "$rounds"); do
  db=$tmp/r$r.db
  # a random moment within the run's length (plus some, to also kill late)
  delay_ms=$((RANDOM % (took_ms + took_ms / 4 + 1)))
  "$edgr" ingest --db "$db" --jobs 2 --batch-mb 1 --json -q "$data" >"$tmp/log" 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if [ ! -e "$db" ]; then ok; continue; fi
  if [ "$(sqlite3 "$db" 'select count(*) from sqlite_schema' 2>&1)" = 0 ]; then
    # killed before the schema's transaction committed: an empty database,
    # which the next ingest takes as new
    run "$db" "$tmp/log2"
    counts "$db" >"$tmp/got2"
    cmp -s "$tmp/got2" "$tmp/ref.counts" && ok || bad "round $r: an ingest after an early kill did not complete"
    rm -f "$db" "$db-wal" "$db-shm"
    continue
  fi
  [ "$(sqlite3 "$db" 'pragma integrity_check' 2>&1)" = ok ] && ok || bad "round $r: integrity_check"
  sqlite3 "$db" "insert into text_fts(text_fts) values('integrity-check')" 2>/dev/null && ok ||
    bad "round $r: FTS index integrity"
  [ "$(sqlite3 "$db" "$orphans")" = 0 ] && ok || bad "round $r: rows of filings not stored"
  counts "$db" >"$tmp/got"
  # every filing present is whole: its line matches the reference's
  comm -23 "$tmp/got" "$tmp/ref.counts" >"$tmp/diff"
  [ ! -s "$tmp/diff" ] && ok || bad "round $r: partial filings: $(head -3 "$tmp/diff")"
  # every filing reported committed is there
  grep -o '"accession_number":"[^"]*"' "$tmp/log" | cut -d'"' -f4 | sort -u >"$tmp/logged"
  cut -d'|' -f1 "$tmp/got" | sort -u >"$tmp/have"
  missing=$(comm -23 "$tmp/logged" "$tmp/have" | wc -l)
  [ "$missing" = 0 ] && ok || bad "round $r: $missing filings reported committed are missing"
  n=$(wc -l <"$tmp/got")
  [ "$n" -gt 0 ] && [ "$n" -lt "$total" ] && partial=$((partial + 1))
  # running the same command again completes the job
  run "$db" "$tmp/log2"
  counts "$db" >"$tmp/got2"
  cmp -s "$tmp/got2" "$tmp/ref.counts" && ok || bad "round $r: the second run did not complete the job"
  rm -f "$db" "$db-wal" "$db-shm"
done
# the kills must have landed inside runs, not only before or after
[ "$partial" -ge $((rounds / 8)) ] && ok || bad "only $partial of $rounds kills hit a run half-way"
echo "crash: $rounds kills at random moments ($partial half-way through, run ${took_ms} ms): $pass passed, $fail failed"
[ "$fail" = 0 ]
