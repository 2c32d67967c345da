# 05-signals: SIGINT, SIGTERM and SIGHUP during ingest and extract, at
# points reached by what the process has done, not by a clock: before any
# commit, while it waits for more names after committing batches, and in
# the middle of a run over a folder.  The store stays whole (integrity
# checks), holds every filing reported committed, and the same command run
# again finishes the job; extract leaves no temporary file.  (kill -9 at
# random moments is tests/store/crash.sh.)
d=$case_dir
mkdir -p "$d/data"
python3 - "$d/data" samples/*.txt <<'PY'
import os, sys
for f in sys.argv[2:]:
    acc = os.path.basename(f)[:-4]; s = open(f).read()
    for k in range(1, 121):
        n = acc[:13] + "%06d" % k
        open(os.path.join(sys.argv[1], n + ".txt"), "w").write(s.replace(acc, n))
PY
total=$(ls "$d/data" | wc -l)
# a background job of a script ignores SIGINT: give it back its default
# (each run below: $bg "$edgr" ... <INPUT & pid=$!)
bg="env --default-signal=INT,TERM,HUP"
# ... and signal it only once it is edgr (not the shell or env before the exec)
is_edgr() { [ "$(readlink "/proc/$pid/exe")" = "$edgr" ]; }
wait_for() { # wait_for TEST: until TEST holds (or 60 s, a guard against a hang)
  local i; for i in $(seq 600); do eval "$1" && return 0; sleep 0.1; done; return 1
}
whole() { # whole WHAT STORE JSON-LOG: integrity, and every filing said committed is there
  local ic; ic=$(sqlite3 "$2" 'pragma integrity_check' 2>&1)
  [ "$ic" = ok ] && ok || bad "$1: integrity_check: $ic"
  sqlite3 "$2" "insert into text_fts(text_fts) values('integrity-check')" 2>/dev/null && ok || bad "$1: FTS5 integrity"
  local missing; missing=$(grep -o '"accession_number":"[^"]*"' "$3" | cut -d'"' -f4 | sort -u |
    comm -23 - <(sqlite3 "$2" 'select accession_number from filings' | sort -u) | head -3)
  [ -z "$missing" ] && ok || bad "$1: reported committed, not in the store: $missing"
}
again() { # again WHAT STORE: the same ingest run again finishes the job
  expect "$1: run again" 0 timeout 120 "$edgr" ingest -q --db "$2" "$d/data"
  [ "$(sqlite3 "$2" 'select count(*) from filings')" = "$total" ] && ok || bad "$1: run again: $(sqlite3 "$2" 'select count(*) from filings') filings, want $total"
}
mkfifo "$d/names"
for sig in INT TERM HUP; do
  # 1. before any commit: nothing read yet
  rm -f "$d"/s.db*
  $bg "$edgr" ingest --db "$d/s.db" --batch-mb 1 --json -q --files-from - <"$d/names" >"$d/log" 2>"$d/err" &
  pid=$!
  exec 7>"$d/names"
  wait_for is_edgr
  kill -"$sig" "$pid"; exec 7>&-; wait "$pid" 2>/dev/null; rc=$?
  [ "$rc" = $((128 + $(kill -l "$sig"))) ] && ok || bad "SIG$sig before a commit: exit $rc"
  # no store, an empty one (killed before its schema), or a whole one
  if [ -e "$d/s.db" ] && [ "$(sqlite3 "$d/s.db" "select count(*) from sqlite_master where name='filings'")" = 1 ]; then
    whole "SIG$sig before a commit" "$d/s.db" "$d/log"
  fi
  again "SIG$sig before a commit" "$d/s.db"
  # 2. after batches committed, waiting for more names
  rm -f "$d"/s.db*
  $bg "$edgr" ingest --db "$d/s.db" --batch-mb 1 --json -q --files-from - <"$d/names" >"$d/log" 2>"$d/err" &
  pid=$!
  exec 7>"$d/names"
  ls "$d"/data/*.txt | head -200 >&7
  wait_for '[ -s "$d/log" ]' && ok || bad "SIG$sig: no batch committed"
  kill -"$sig" "$pid"; exec 7>&-; wait "$pid" 2>/dev/null; rc=$?
  [ "$rc" = $((128 + $(kill -l "$sig"))) ] && ok || bad "SIG$sig between batches: exit $rc"
  whole "SIG$sig between batches" "$d/s.db" "$d/log"
  again "SIG$sig between batches" "$d/s.db"
  # 3. in the middle of a run over a folder (once a filing is reported)
  rm -f "$d"/s.db*
  $bg "$edgr" ingest --db "$d/s.db" --jobs 2 --batch-mb 1 --json -q "$d/data" >"$d/log" 2>"$d/err" &
  pid=$!
  wait_for '[ -s "$d/log" ]'
  kill -"$sig" "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  [ "$rc" -ge 128 ] || [ "$rc" = 0 ] && ok || bad "SIG$sig in mid-run: exit $rc ($(head -c 200 "$d/err"))"
  whole "SIG$sig in mid-run" "$d/s.db" "$d/log"
  again "SIG$sig in mid-run" "$d/s.db"
done
# extract interrupted while it writes a document (its input a pipe that
# stops in mid-document): no temporary file left in DIR
for sig in INT TERM HUP; do
  rm -rf "$d/x"
  $bg "$edgr" extract -o "$d/x" - <"$d/names" >"$d/out" 2>"$d/err" &
  pid=$!
  exec 7>"$d/names"
  head -c 3000 samples/0009900001-17-000001.txt >&7
  yes 'a line of a long document' | head -c 1000000 >&7
  wait_for '[ -n "$(find "$d/x" -name ".edgr-*" 2>/dev/null)" ]' || bad "extract: no temporary file seen"
  kill -"$sig" "$pid"; exec 7>&-; wait "$pid" 2>/dev/null; rc=$?
  [ "$rc" -ge 128 ] && ok || bad "extract, SIG$sig: exit $rc"
  [ -z "$(find "$d/x" -name '.edgr-*')" ] && ok || bad "extract, SIG$sig: left $(find "$d/x" -name '.edgr-*')"
done
rm -rf "$d/data" "$d/x" "$d"/s.db* "$d/names"
