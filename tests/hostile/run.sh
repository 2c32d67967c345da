#!/usr/bin/env bash
# tests/hostile: edgr used as a hostile or careless user would (issue 12):
# unsafe names, damaged and lying archives, files that change while read,
# pathological submissions, stores on odd files, hostile queries.
#   tests/hostile/run.sh [build/edgr]
#   EDGR_HOSTILE_CASES='20-*' tests/hostile/run.sh   only the cases that match
# Each case file in cases/ (run in name order) builds its inputs at test
# time in its own folder under $tmp -- small: bombs are sparse or streamed
# -- and checks the outcome with ok/bad/expect (tests/lib.sh).  A case may
# use `peak_rss_mb CMD...` (tests/hostile/lib.sh) to bound memory: a bound
# on memory is no timing, and is checked with room to spare.
. "$(dirname "$0")/../lib.sh" "$@"
. "$top/tests/hostile/lib.sh"
for case_file in "$top"/tests/hostile/cases/${EDGR_HOSTILE_CASES:-*}.sh; do
  [ -e "$case_file" ] || continue
  case_name=$(basename "$case_file" .sh)
  case_dir="$tmp/$case_name"
  mkdir -p "$case_dir"
  before=$fail
  # shellcheck disable=SC1090
  . "$case_file"
  [ "$fail" = "$before" ] || echo "hostile: $case_name: $((fail - before)) failed" >&2
done
echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
