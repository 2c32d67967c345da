#!/usr/bin/env bash
# tests/hostile: edgr used as a hostile or careless user would (issue 12):
# unsafe names, damaged and lying archives, files that change while read,
# pathological submissions, stores on odd files, hostile queries.
#   tests/hostile/run.sh [build/edgr]
#   EDGR_HOSTILE_CASES='20-*' tests/hostile/run.sh   only the cases that match
#   EDGR_HOSTILE_PART=unsanitized tests/hostile/run.sh build/edgr
#     only the cases with a part that a sanitizer build skips or shrinks
#     (those that call `sanitized`: the memory bounds, the full-size bombs).
#     make check runs these on build/edgr, and every case on the ASan+UBSan
#     build (make asan): each check once where it means something.
# Each case file in cases/ (run in name order) builds its inputs at test
# time in its own folder under $tmp -- small: bombs are sparse or streamed
# -- and checks the outcome with ok/bad/expect (tests/lib.sh).  A case may
# use `peak_rss_mb CMD...` (tests/hostile/lib.sh) to bound memory: a bound
# on memory is no timing, and is checked with room to spare.
. "$(dirname "$0")/../lib.sh" "$@"
. "$top/tests/hostile/lib.sh"
skipped=0
for case_file in "$top"/tests/hostile/cases/${EDGR_HOSTILE_CASES:-*}.sh; do
  [ -e "$case_file" ] || continue
  if [ "${EDGR_HOSTILE_PART:-all}" = unsanitized ] && ! grep -qw sanitized "$case_file"; then
    skipped=$((skipped + 1))
    continue
  fi
  case_name=$(basename "$case_file" .sh)
  case_dir="$tmp/$case_name"
  mkdir -p "$case_dir"
  before=$fail
  # shellcheck disable=SC1090
  . "$case_file"
  [ "$fail" = "$before" ] || echo "hostile: $case_name: $((fail - before)) failed" >&2
done
[ "$skipped" = 0 ] || echo "hostile: $skipped cases left to the sanitizer run (EDGR_HOSTILE_PART=unsanitized: only those that call sanitized)"
echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
