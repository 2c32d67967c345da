# A file that shrinks while edgr reads it (issue 12, faults): it used to
# be memory-mapped, so the pages past the new end raised SIGBUS (exit 135)
# in text, docs, parse and ingest.  It must be an error for that file
# ("the file shrank while being read"), exit 1, never a crash.
# shellcheck source=../read-gen.sh
. "$top/tests/hostile/read-gen.sh"
read_filings "$case_dir/many.txt" 14000   # 7.7 MB: ~3 MB of docs output
# read_shrink CMD...: edgr CMD FILE | a reader that takes one line, cuts
# FILE to 4 KB and drains the rest.  The pipe holds 64 KB, so edgr is
# blocked on its output, mid-file, when the cut happens: no timing.
read_shrink() {
  cp "$case_dir/many.txt" "$case_dir/s.txt"
  { "$edgr" "$@" "$case_dir/s.txt" 2>"$case_dir/err"; echo $? >"$case_dir/rc"; } |
    { IFS= read -r _; truncate -s 4096 "$case_dir/s.txt"; cat >/dev/null; }
  read -r shrink_rc <"$case_dir/rc"
}
for cmd in docs parse; do
  read_shrink "$cmd"
  if [ "$shrink_rc" = 1 ] && grep -q "s.txt: [0-9]*: the file shrank while being read ([0-9]* of 7761788 bytes)" "$case_dir/err"; then ok
  else bad "read/shrink: edgr $cmd of a file cut while read: exit $shrink_rc, want 1 and a message ($(head -c 300 "$case_dir/err"))"; fi
done
# text reads a file whole before it writes: the cut comes after the read
# (exit 0, the file as it was) -- or, if it ever came before, an error
for cmd in text; do
  read_shrink "$cmd"
  if [ "$shrink_rc" = 0 ] || { [ "$shrink_rc" = 1 ] && grep -q "the file shrank while being read" "$case_dir/err"; }; then ok
  else bad "read/shrink: edgr $cmd of a file cut while read: exit $shrink_rc, want 0 or 1 ($(head -c 300 "$case_dir/err"))"; fi
done
# A second file after the one cut is still read (the batch goes on).
read_filings "$case_dir/next.txt" 1 20000
cp "$case_dir/many.txt" "$case_dir/s.txt"
{ "$edgr" docs "$case_dir/s.txt" "$case_dir/next.txt" 2>"$case_dir/err"; echo $? >"$case_dir/rc"; } |
  { IFS= read -r _; truncate -s 4096 "$case_dir/s.txt"; cat >"$case_dir/out2"; }
read -r shrink_rc <"$case_dir/rc"
if [ "$shrink_rc" = 1 ] && grep -q "0009900210-20-020000" "$case_dir/out2"; then ok
else bad "read/shrink: the file after the one cut: exit $shrink_rc, want 1 and its table"; fi

# ingest: no output to block on, so edgr is caught in the act: wait
# (bounded, no timing) until it has the file open or mapped (/proc), then
# cut it.  Either it had read the file already (exit 0) or the cut is an
# error (exit 1): never SIGBUS.  A 16 MB document keeps a worker busy
# long enough for the cut to land mid-read (before the fix, mid-map).
if [ -d /proc/self/fd ]; then
  read_big_filing "$case_dir/big.txt" 260000 0009900214-20-000001
  for try in 1 2 3; do
    cp "$case_dir/big.txt" "$case_dir/b.txt"
    rm -f "$case_dir/db"
    "$edgr" ingest --db "$case_dir/db" --jobs 1 "$case_dir/b.txt" >/dev/null 2>"$case_dir/err" &
    pid=$!
    caught=0
    for _ in $(seq 1 20000); do
      if grep -qs "$case_dir/b.txt" "/proc/$pid/maps" ||
         ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$case_dir/b.txt"; then
        truncate -s 4096 "$case_dir/b.txt"; caught=1; break
      fi
      kill -0 "$pid" 2>/dev/null || break
    done
    wait "$pid"; shrink_rc=$?
    [ "$caught" = 1 ] && break
  done
  if [ "$shrink_rc" = 0 ] || { [ "$shrink_rc" = 1 ] && grep -q "the file shrank while being read" "$case_dir/err"; }; then ok
  else bad "read/shrink: ingest of a file cut while read: exit $shrink_rc, want 0 or 1 ($(head -c 300 "$case_dir/err"))"; fi
  rm -f "$case_dir/big.txt" "$case_dir/b.txt" "$case_dir/db"*
fi
rm -f "$case_dir/many.txt" "$case_dir/s.txt" "$case_dir/out2"
