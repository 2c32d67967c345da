#!/usr/bin/env bash
# tests/xbrl/frames.sh FRAMES_CHECK: the SEC's frames rule (src/xbrl/frames.h)
#
#   synthetic  fictional facts with the frames the rule gives them: a 10-K
#              year, a 10-Q quarter, an instant on a fiscal quarter end,
#              restatements, ties between quarter ends and between filings
#              of one day; and the checker's refusals (a long line, a bad
#              date), naming the line
#   corpus     every ../shared/corpus/xbrl/*.json (data.sec.gov companyfacts):
#              each fact's frame recomputed per taxonomy/tag/unit and compared
#              with the SEC's; one line per document.  Skipped without the
#              folder.
#
# A document may differ by exactly its KNOWN count, no more and no fewer:
#   tsla_facts.json 26  an older snapshot of the SEC's data (edgartools'
#                       history): 26 one-month durations filed 2012-2021
#                       carry no frame there, while the same case carries
#                       one in the 4 current documents and in TSLA's own 2022
#                       10-K (frames.h).  FRAMES_STRICT=1 counts them too.
# Exit 0 when all pass, 1 otherwise.
set -u
[ $# = 1 ] || { echo "usage: tests/xbrl/frames.sh FRAMES_CHECK_BINARY" >&2; exit 2; }
check=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$top/../shared/corpus/xbrl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A KNOWN=([tsla_facts.json]=26)
[ "${FRAMES_STRICT:-0}" = 1 ] && KNOWN=()
fail=0
bad() { fail=1; echo "frames: FAIL: $*" >&2; }

# ---- synthetic (fictional facts; G groups, expected frames in column 6)
cat >"$tmp/syn.tsv" <<'EOF'
annual	2019-09-29	2020-09-26	2020-10-30	0009999999-20-000010	CY2020
annual	2018-09-30	2019-09-28	2019-10-31	0009999999-19-000010	
annual	2018-09-30	2019-09-28	2020-10-30	0009999999-20-000010	CY2019
week53	2022-01-02	2023-01-07	2023-02-20	0009999999-23-000001	CY2022
quarter	2020-03-29	2020-06-27	2020-07-31	0009999999-20-000007	CY2020Q2
quarter	2019-12-29	2020-03-28	2020-05-01	0009999999-20-000005	CY2020Q1
quarter	2019-12-29	2020-06-27	2020-07-31	0009999999-20-000007	
quarter	2019-09-29	2020-06-27	2020-07-31	0009999999-20-000007	
instant		2020-03-28	2020-05-01	0009999999-20-000005	CY2020Q1I
instant		2019-12-28	2020-05-01	0009999999-20-000005	CY2019Q4I
instant		2019-12-28	2020-01-31	0009999999-20-000001	
sameday		2021-06-30	2021-08-02	0009999999-21-000040	
sameday		2021-06-30	2021-08-02	0009999999-21-000041	CY2021Q2I
feb14		2018-02-14	2018-02-23	0009999999-18-000002	CY2017Q4I
feb14		2018-04-30	2018-05-07	0009999999-18-000005	CY2018Q1I
nov15		2018-11-15	2019-02-21	0009999999-19-000002	CY2018Q4I
aug15		2014-08-15	2014-08-20	0009999999-14-000008	
aug15		2014-05-16	2014-05-21	0009999999-14-000005	CY2014Q2I
aug15		2014-09-30	2014-11-20	0009999999-14-000011	CY2014Q3I
month	2016-04-01	2016-04-30	2016-08-04	0009999999-16-000032	
month	2016-04-01	2016-04-30	2017-02-03	0009999999-17-000008	CY2016Q1I
nearest	2024-05-01	2024-05-31	2025-05-28	0009999999-25-000116	
nearest	2024-06-01	2024-06-30	2024-08-28	0009999999-24-000264	CY2024Q2I
leapyear	2019-07-02	2020-07-01	2020-08-30	0009999999-20-000090	CY2020
leapyear2	2019-07-02	2020-07-01	2020-08-30	0009999999-20-000090	CY2019
leapyear2	2020-01-01	2020-12-31	2021-02-01	0009999999-21-000010	CY2020
days2	2020-01-01	2020-01-02	2020-02-01	0009999999-20-000003	CY2019Q4I
days60	2020-01-01	2020-02-29	2020-04-01	0009999999-20-000004	
days61	2020-01-01	2020-03-01	2020-04-01	0009999999-20-000004	CY2020Q1
days334	2020-01-02	2020-11-30	2021-01-01	0009999999-21-000001	
days335	2020-01-01	2020-11-30	2021-01-01	0009999999-21-000001	CY2020
days395	2019-01-01	2020-01-30	2021-01-01	0009999999-21-000001	CY2019
days396	2019-01-01	2020-01-31	2021-01-01	0009999999-21-000001	
EOF
# annual: the 10-K's year, the latest filed of a year reported twice;
# week53: 371 days; quarter: 10-Q quarters, half and nine months unframed;
# instant: fiscal quarter ends Mar 28 and Dec 28; sameday: greater accn;
# feb14: between Dec 31 and Mar 31 (45 days each), the later taken, so the
# earlier; nov15: alone, the later; aug15: taken on both sides, none;
# month: a month as an instant at its end; nearest: the nearer end before
# the later filing; leapyear: Jul 1 2020 (183 days from both Dec 31s), alone
# and beside the calendar year; daysN: the limits, N days counted inclusive.
"$check" <"$tmp/syn.tsv" >"$tmp/syn.out" 2>&1
rc=$?
if [ $rc = 0 ] && grep -qx 'frames: 33 facts, 22 frames expected, 22 assigned, 0 differ' "$tmp/syn.out"; then
    echo "frames: synthetic: $(tail -1 "$tmp/syn.out")"
else
    bad "synthetic (rc $rc):"; cat "$tmp/syn.out" >&2
fi
# the same facts in reverse order give the same frames (lines of a group
# stay contiguous: reversing the whole file reverses each group)
tac "$tmp/syn.tsv" | "$check" >"$tmp/rev.out" 2>&1 || { bad "synthetic reversed:"; cat "$tmp/rev.out" >&2; }
# refusals name the line and do not crash
{ head -3 "$tmp/syn.tsv"; printf 'g\t\t2020-02-30\t2020-03-01\tx\t\n'; } | "$check" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ $rc = 2 ] && grep -q 'line 4:' "$tmp/e" || bad "bad date: rc $rc, $(cat "$tmp/e")"
{ head -2 "$tmp/syn.tsv"; printf 'g%05000d\t\t2020-03-31\t2020-04-01\tx\t\n' 0; } | "$check" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ $rc = 2 ] && grep -q 'line 3: longer' "$tmp/e" || bad "long line: rc $rc, $(cat "$tmp/e")"
printf 'g\t2020-01-01\t2020-03-31\t2020-04-01\n' | "$check" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ $rc = 2 ] && grep -q 'line 1:' "$tmp/e" || bad "5 fields: rc $rc, $(cat "$tmp/e")"

# ---- corpus
if [ ! -d "$corpus" ]; then
    echo "frames: SKIPPED (no ../shared/corpus/xbrl)"
    [ $fail = 0 ] && exit 0 || exit 1
fi
command -v jq >/dev/null || { echo "frames: needs jq (scripts/deps.sh check)" >&2; exit 1; }
# The SEC's order: facts/taxonomy/tag/units/unit/[...], each group whole.
tsv='.facts | to_entries[] | .key as $tax | .value | to_entries[] | .key as $tag
     | .value.units | to_entries[] | .key as $unit | .value[]
     | [$tax + "/" + $tag + "/" + $unit, (.start // ""), .end, .filed, .accn, (.frame // "")]
     | @tsv'
n=0
for doc in "$corpus"/*.json; do
    [ -e "$doc" ] || continue
    base=$(basename "$doc")
    n=$((n + 1))
    if jq -e . "$doc" >/dev/null 2>&1; then
        jq -r "$tsv" "$doc" >"$tmp/doc.tsv"
    elif command -v python3 >/dev/null; then
        # tsla_facts.json is written as a Python literal, not JSON
        # (tests/xbrl/companyfacts.py reads it so too)
        python3 -c 'import ast, json, sys; json.dump(ast.literal_eval(open(sys.argv[1], encoding="utf-8").read()), sys.stdout)' \
            "$doc" | jq -r "$tsv" >"$tmp/doc.tsv"
    else
        bad "$base: not JSON, and no python3 to read it as a Python literal"
        continue
    fi
    if [ ! -s "$tmp/doc.tsv" ]; then
        bad "$base: no facts read"
        continue
    fi
    "$check" <"$tmp/doc.tsv" >"$tmp/doc.out" 2>"$tmp/doc.err"
    rc=$?
    last=$(tail -1 "$tmp/doc.out")
    differ=$(sed -n 's/^frames: .* \([0-9][0-9]*\) differ$/\1/p' <<<"$last")
    known=${KNOWN[$base]:-0}
    if [ $rc -gt 1 ] || [ -z "$differ" ]; then
        bad "$base: checker rc $rc: $(cat "$tmp/doc.err")"
    elif [ "$differ" = "$known" ]; then
        if [ "$known" = 0 ]; then echo "$base: $last"
        else echo "$base: $last (the $known known: older snapshot, see frames.h)"; fi
    else
        bad "$base: $last (known: $known)"
        grep '^differ:' "$tmp/doc.out" >&2
    fi
done
[ $n -gt 0 ] || bad "no *.json in $corpus"
exit $fail
