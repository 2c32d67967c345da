#!/usr/bin/env bash
# tests/xbrl/run.sh EDGR: edgr xbrl (issue 14, facts).
#
#   fixture   a fictional 10-K (tests/fixtures/xbrl): its inline XBRL and the
#             instance written beside it give the same facts; values checked
#   cli       exit codes, --concept, --dimensions, --format, messages naming
#             the file and byte offset
#   hostile   100,000 nested ix:continuation, a chain of 100,000, a 50 MB
#             ix:hidden: read whole, in bounded time (a hang guard, not a
#             speed test: bench/ measures speed)
#   corpus    every corpus iXBRL document with the SEC's extracted instance
#             beside it (html/X.htm with xml/X_htm.xml; a submission holding
#             both): the same facts; every corpus iXBRL document: no numeric
#             fact untransformed (but those whose namespaces were cut, below)
#             and no duplicates that disagree.  Skipped without ../shared.
#   store     facts kept at ingest; facts-of and frames on the fixture and on
#             odd variants of it; the corpus's companyfacts documents rebuilt
#             from synthetic filings and given back entry by entry
# EDGR_XBRL_CORPUS=0 leaves the corpus out (the ASan run has read it plain);
# EDGR_XBRL_COMPANYFACTS=0 leaves out the rebuilt companyfacts alone (synthetic filings,
# the fixture's code paths: the ASan run leaves them to the plain one).
set -u
edgr=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=$top/tests/fixtures/xbrl
corpus=$top/../shared/corpus
cmp=$top/tests/xbrl/compare.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "xbrl: FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok; else bad "$what"; fi; }
for c in python3 jq; do command -v $c >/dev/null || { echo "xbrl: needs $c (scripts/deps.sh check)" >&2; exit 1; }; done

# ---- fixture
sub=$fx/0009900308-26-000004.txt
"$edgr" xbrl "$sub" >"$tmp/in.nd" 2>"$tmp/err"; check "fixture: inline read (rc $?)" test ! -s "$tmp/err"
"$edgr" xbrl --doc wdgt-20251231_htm.xml "$sub" >"$tmp/inst.nd"; check "fixture: instance read" test -s "$tmp/inst.nd"
check "fixture: inline = instance" python3 "$cmp" "$tmp/in.nd" "$tmp/inst.nd"
"$edgr" xbrl "$fx/wdgt-20251231.htm" >"$tmp/htm.nd"
"$edgr" xbrl "$fx/wdgt-20251231_htm.xml" >"$tmp/xml.nd"
check "fixture: bare files agree" python3 "$cmp" "$tmp/htm.nd" "$tmp/xml.nd"
check "fixture: 22 facts" test "$(wc -l <"$tmp/in.nd")" = 22
val() { jq -r --arg c "$1" --arg ctx "$2" 'select(.concept == $c and .context == $ctx) | .value' "$tmp/in.nd" | head -1; }
check "fixture: scale 6 on 1,234.5" test "$(val us-gaap:Revenues c-1)" = 1234500000
check "fixture: sign -" test "$(val us-gaap:NetIncomeLoss c-1)" = -12300000
check "fixture: fixed-zero" test "$(val us-gaap:GoodwillImpairmentLoss c-1)" = 0
check "fixture: -0.26 a share" test "$(val us-gaap:EarningsPerShareBasic c-1)" = -0.26
check "fixture: 0.10 canonical" test "$(val us-gaap:EarningsPerShareBasic c-2)" = 0.1
check "fixture: date transform" test "$(val dei:DocumentPeriodEndDate c-1)" = 2025-12-31
check "fixture: stateprovnameen" test "$(val dei:EntityIncorporationStateCountryCode c-1)" = DE
check "fixture: ballot box" test "$(val dei:EntityWellKnownSeasonedIssuer c-1)" = false
check "fixture: continuation joined, exclude left out" test \
  "$(val us-gaap:SegmentReportingDisclosureTextBlock c-1)" = \
  "Note 9. SegmentsWe report two segments, Gears and Springs.Gears sales were \$402.9 million."
check "fixture: markup kept" sh -c "jq -r 'select(.markup) | .markup' '$tmp/in.nd' | grep -q '<b>Note 9. Segments</b>'"
check "fixture: the less precise duplicate marked" test \
  "$(jq -r 'select(.id == "f-21") | .duplicate' "$tmp/in.nd")" = true
check "fixture: dimensions" test \
  "$(jq -r 'select(.id == "f-19") | .dimensions["us-gaap:StatementBusinessSegmentsAxis"]' "$tmp/in.nd")" = wdgt:GearsMember
check "fixture: unit key" test "$(jq -r 'select(.id == "f-17") | .unit' "$tmp/in.nd")" = USD/shares
check "fixture: accession and document" test \
  "$(jq -r 'select(.id == "f-1") | .accession_number + " " + .document' "$tmp/in.nd")" = \
  "0009900308-26-000004 wdgt-20251231.htm"

# every fact's offset is where its element starts, in the submission
bad_at=$(jq -r '.offset' "$tmp/in.nd" | while read -r o; do
  t=$(tail -c +$((o + 1)) "$sub" | head -c 4); [ "$t" = "<ix:" ] || echo "$o"; done | head -3)
check "fixture: offsets point at the facts' elements ($bad_at)" test -z "$bad_at"

# ---- cli
n=$("$edgr" xbrl --concept Revenues "$sub" | wc -l); check "--concept Revenues: 4 facts ($n)" test "$n" = 4
n=$("$edgr" xbrl --concept us-gaap:Revenues --dimensions none "$sub" | wc -l)
check "--dimensions none: 3 ($n)" test "$n" = 3
n=$("$edgr" xbrl --doc all "$sub" | wc -l); check "--doc all: both documents ($n)" test "$n" = 44
check "--format table" sh -c "'$edgr' xbrl --format table '$sub' | grep -q '^us-gaap:Revenues	2025-01-01..2025-12-31		USD	1234500000	-5\$'"
"$edgr" xbrl - <"$sub" | jq -c 'del(.file)' >"$tmp/stdin.nd"
check "standard input: the same facts" cmp -s "$tmp/stdin.nd" <(jq -c 'del(.file)' "$tmp/in.nd")
"$edgr" xbrl "$top/samples/0009900001-17-000001.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "no XBRL: exit 1 ($rc)" test $rc = 1
check "no XBRL: said" grep -q '0009900001-17-000001.txt: 0: no XBRL' "$tmp/err"
printf '<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a>\n</xbrli:xbrl>\n' >"$tmp/broken.xml"
"$edgr" xbrl "$tmp/broken.xml" >/dev/null 2>"$tmp/err"; rc=$?
check "broken instance: exit 1 ($rc)" test $rc = 1
check "broken instance: file, offset, reason" grep -Eq 'broken.xml: [0-9]+: .*not well-formed XML \(line [0-9]+\)' "$tmp/err"
"$edgr" xbrl "$tmp/broken.xml" "$sub" >"$tmp/out" 2>/dev/null; rc=$?
check "a bad file does not stop the batch (rc $rc)" test $rc = 1 -a "$(wc -l <"$tmp/out")" = 22
check "--dimensions takes all|none" sh -c "! '$edgr' xbrl --dimensions some '$sub' 2>/dev/null"
check "--help" sh -c "'$edgr' xbrl --help | grep -q -- '--concept'"

# ---- hostile: linear in the input, whatever its shape
hostile() { # NAME PYTHON-THAT-PRINTS-THE-DOCUMENT WANT-FACTS
  python3 -c "$2" >"$tmp/h.htm"
  local t0=$SECONDS
  timeout 60 "$edgr" xbrl -q "$tmp/h.htm" >"$tmp/h.nd" 2>"$tmp/h.err"; local rc=$?
  local n; n=$(wc -l <"$tmp/h.nd")
  if [ $rc -le 1 ] && [ "$n" = "$3" ]; then ok; else bad "hostile $1: rc $rc, $n facts (want $3), $((SECONDS - t0)) s: $(head -c 300 "$tmp/h.err")"; fi
}
head='import sys; w=sys.stdout.write; w("<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\"><body>")'
hostile "100,000 nested ix:continuation" "$head
w('<ix:nonNumeric name=\"us-gaap:Note\" contextRef=\"c\" continuedAt=\"k0\">a</ix:nonNumeric>')
w(''.join('<ix:continuation id=\"k%d\" continuedAt=\"k%d\">x' % (i, i + 1) for i in range(100000)))
w('</ix:continuation>' * 100000 + '</body></html>')" 1
hostile "a chain of 100,000 continuations, backwards" "$head
w('<ix:nonNumeric name=\"us-gaap:Note\" contextRef=\"c\" continuedAt=\"k0\">a</ix:nonNumeric>')
w(''.join('<ix:continuation id=\"k%d\" continuedAt=\"k%d\">x</ix:continuation>' % (i, i + 1) for i in reversed(range(100000))))
w('</body></html>')" 1
hostile "a cycle of continuations" "$head
w('<ix:nonNumeric name=\"us-gaap:Note\" contextRef=\"c\" continuedAt=\"k0\">a</ix:nonNumeric>')
w('<ix:continuation id=\"k0\" continuedAt=\"k1\">x</ix:continuation><ix:continuation id=\"k1\" continuedAt=\"k0\">y</ix:continuation></body></html>')" 1
hostile "a 50 MB ix:hidden" "$head
w('<ix:header><ix:hidden>')
w('<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\" decimals=\"0\">1</ix:nonFraction>' + ' ' * (50 << 20))
w('<ix:nonNumeric name=\"us-gaap:Note\" contextRef=\"c\">' + 'word ' * (2 << 20) + '</ix:nonNumeric>')
w('</ix:hidden></ix:header></body></html>')" 2
hostile "100,000 nested facts" "$head
w('<ix:nonNumeric name=\"us-gaap:Note\" contextRef=\"c\">' * 100000 + 'x' + '</ix:nonNumeric>' * 100000 + '</body></html>')" 32
hostile "100,000 unclosed elements" "$head
w('<div>' * 100000 + '<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\">1</ix:nonFraction>')" 1
hostile "a unit of a 70 KB measure" "$head
w('<ix:header><ix:resources><xbrli:unit xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" id=\"u\"><xbrli:measure>iso4217:' + 'U' * 70000 + '</xbrli:measure></xbrli:unit></ix:resources></ix:header>')
w('<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\">1</ix:nonFraction></body></html>')" 1
hostile "a concept name of 2,000 bytes" "$head
w('<ix:nonFraction name=\"us-gaap:' + 'N' * 2000 + '\" contextRef=\"c\" unitRef=\"u\">1</ix:nonFraction></body></html>')" 1
check "a long concept name printed whole" test "$(jq -r '.concept | length' "$tmp/h.nd")" = 2008
hostile "a tag cut by the end" "$head
w('<ix:nonFraction name=\"us-gaap:Cash\" contextRef=\"c\" unitRef=\"u\">1</ix:nonFraction><ix:nonFraction name=\"')" 1

# ---- corpus
if [ "${EDGR_XBRL_CORPUS:-1}" = 0 ]; then :
elif [ ! -d "$corpus/html" ]; then echo "xbrl corpus: SKIPPED (no ../shared/corpus)"
else
  pairs=0 pair_bad=0 numeric=0 text=0
  pair() { # NAME INLINE.nd INSTANCE.nd
    local line
    if line=$(python3 "$cmp" "$2" "$3"); then pairs=$((pairs + 1)); ok
    else pair_bad=$((pair_bad + 1)); bad "corpus pair $1: $(echo "$line" | head -3)"; fi
    numeric=$((numeric + $(echo "$line" | head -1 | sed 's|numeric \([0-9]*\)/.*|\1|')))
    text=$((text + $(echo "$line" | head -1 | sed 's|.*text \([0-9]*\)/.*|\1|')))
  }
  for x in "$corpus"/xml/*_htm.xml; do
    b=$(basename "$x" _htm.xml)
    [ -f "$corpus/html/$b.htm" ] || continue
    "$edgr" xbrl -q "$corpus/html/$b.htm" >"$tmp/a.nd"; "$edgr" xbrl -q "$x" >"$tmp/b.nd"
    pair "html/$b.htm" "$tmp/a.nd" "$tmp/b.nd"
  done
  for s in "$corpus"/submissions/*; do
    grep -q '<FILENAME>[^<]*_htm\.xml' "$s" || continue
    d=$(grep -o '<FILENAME>[^<]*_htm\.xml' "$s" | head -1 | sed 's/<FILENAME>//')
    "$edgr" xbrl -q "$s" >"$tmp/a.nd"; "$edgr" xbrl -q --doc "$d" "$s" >"$tmp/b.nd"
    pair "$(basename "$s")" "$tmp/a.nd" "$tmp/b.nd"
  done
  echo "xbrl corpus: $pairs pairs of inline XBRL and the SEC's instance give the same facts ($numeric numeric, $text text facts), $pair_bad differ"
  # Namespace declarations cut by the fixtures' makers (edgartools): the
  # formats' ixt prefix is declared nowhere, so those facts stay
  # untransformed, as edgr never guesses a registry from a prefix.
  # 0001564590-20-004475-minimal.txt is a hand-cut excerpt of a 10-K
  # (edgartools), its ixt declaration and contexts left out.
  cut_ns=" Apple.10-K.html Apple.10-Q.html ibm-20241231.htm 0001564590-20-004475-minimal.txt "
  docs=0 nfacts=0 unt=0 conflicts=0
  for h in "$corpus"/html/* "$corpus"/submissions/*; do
    grep -q -i 'ix:nonFraction\|ix:nonNumeric' "$h" || continue
    "$edgr" xbrl "$h" >"$tmp/a.nd" 2>"$tmp/a.err"
    docs=$((docs + 1))
    nfacts=$((nfacts + $(wc -l <"$tmp/a.nd")))
    u=$(jq -c 'select(.kind == "numeric" and .untransformed)' "$tmp/a.nd" | wc -l)
    k=$(grep -c 'disagrees with\|two different texts' "$tmp/a.err")
    conflicts=$((conflicts + k))
    case "$cut_ns" in *" $(basename "$h") "*) continue ;; esac
    unt=$((unt + u))
    [ "$u" = 0 ] || bad "corpus $(basename "$h"): $u numeric facts untransformed: $(grep -m2 untransformed -i "$tmp/a.err")"
    [ "$k" = 0 ] || bad "corpus $(basename "$h"): $k duplicate groups disagree: $(grep -m2 'disagrees\|different' "$tmp/a.err")"
  done
  [ "$unt" = 0 ] && [ "$conflicts" = 0 ] && ok
  echo "xbrl corpus: $docs files with inline XBRL (html/ and submissions/), $nfacts facts: $unt numeric facts untransformed (4 documents with cut namespaces not counted), $conflicts duplicate groups that disagree"
fi

# ---- the store: facts kept at ingest, the SEC's views built from them
db=$tmp/x.db
"$edgr" ingest -q --db "$db" "$sub" "$top/samples/0009900001-17-000001.txt"
check "ingest: the fixture's 22 facts stored" test "$(sqlite3 "$db" 'SELECT count(*) FROM xbrl_facts')" = 22
"$edgr" facts-of --db "$db" 9900308 >"$tmp/cf.json"; rc=$?
check "facts-of: exit 0 ($rc)" test $rc = 0
cfv() { jq -c "$1" "$tmp/cf.json"; }
check "facts-of: cik and entityName" test "$(cfv '[.cik, .entityName]')" = '[9900308,"Widget Works Holdings, Inc."]'
check "facts-of: the standard taxonomies only" test "$(cfv '.facts | keys')" = '["dei","us-gaap"]'
check "facts-of: no dimensional fact, no duplicate, the FY entry" test \
  "$(cfv '[.facts["us-gaap"].Revenues.units.USD[] | [.start, .end, .val, .fy, .fp, .form, .filed, .frame]]')" = \
  '[["2024-01-01","2024-12-31",1101000000,2025,"FY","10-K","2026-02-20","CY2024"],["2025-01-01","2025-12-31",1234500000,2025,"FY","10-K","2026-02-20","CY2025"]]'
check "facts-of: exact decimals" test "$(cfv '[.facts["us-gaap"].EarningsPerShareBasic.units["USD/shares"][].val]')" = '[0.1,-0.26]'
check "facts-of: an instant's frame" test \
  "$(cfv '.facts["us-gaap"].CashAndCashEquivalentsAtCarryingValue.units.USD[0] | [.end, .frame]')" = '["2025-12-31","CY2025Q4I"]'
check "facts-of: text facts left out" test "$(cfv '.facts["us-gaap"] | has("SegmentReportingDisclosureTextBlock")')" = false
"$edgr" facts-of --db "$db" --concept Revenues 9900308 >"$tmp/cc.json"
check "facts-of --concept: the companyconcept shape" test \
  "$(jq -c '[.cik, .taxonomy, .tag, .label, (.units.USD | length)]' "$tmp/cc.json")" = '[9900308,"us-gaap","Revenues",null,2]'
"$edgr" frames --db "$db" us-gaap:Revenues USD CY2025 >"$tmp/fr.json"; rc=$?
check "frames: exit 0 ($rc)" test $rc = 0
check "frames: the shape" test "$(jq -c '[.taxonomy, .tag, .ccp, .uom, .pts, .data[0].accn, .data[0].cik, .data[0].loc, .data[0].val]' "$tmp/fr.json")" = \
  '["us-gaap","Revenues","CY2025","USD",1,"0009900308-26-000004",9900308,"US-OH",1234500000]'
"$edgr" frames --db "$db" EarningsPerShareBasic USD-per-shares CY2024 >"$tmp/fr.json"
check "frames: USD-per-shares" test "$(jq -c '[.uom, .data[0].val]' "$tmp/fr.json")" = '["USD/shares",0.1]'
"$edgr" frames --db "$db" Revenues USD CY2031 >/dev/null 2>"$tmp/err"; rc=$?
check "frames: none carries it: exit 1 ($rc)" test $rc = 1 -a -s "$tmp/err"
"$edgr" frames --db "$db" Revenues USD FY2025 >/dev/null 2>"$tmp/err"; rc=$?
check "frames: not a frame: exit 2 ($rc)" test $rc = 2
check "frames: not a frame: said" grep -q "'FY2025' is not a frame" "$tmp/err"
"$edgr" facts-of --db "$db" 9900001 >/dev/null 2>"$tmp/err"; rc=$?
check "facts-of: a company without XBRL: exit 1 ($rc)" test $rc = 1
check "facts-of: said" grep -q 'no XBRL facts' "$tmp/err"
"$edgr" facts-of --db "$db" apple >/dev/null 2>&1; rc=$?
check "facts-of: not a CIK: exit 2 ($rc)" test $rc = 2
sed 's/format="ixt:num-dot-decimal" id="f-9"/format="ixt:num-roman" id="f-9"/' "$sub" >"$tmp/unknown-format.txt"
"$edgr" ingest -q --db "$tmp/u.db" "$tmp/unknown-format.txt"
check "store: an untransformed fact is kept, marked" test \
  "$(sqlite3 "$tmp/u.db" "SELECT untransformed || ' ' || value FROM xbrl_facts WHERE id = 'f-9'")" = "1 48,210,577"
check "facts-of: an untransformed fact left out" test \
  "$("$edgr" facts-of --db "$tmp/u.db" 9900308 | jq '.facts.dei | has("EntityCommonStockSharesOutstanding")')" = false
"$edgr" ingest -q --db "$db" --replace "$sub"
check "ingest --replace: the facts once" test "$(sqlite3 "$db" 'SELECT count(*) FROM xbrl_facts')" = 22

# ---- the store against odd facts: each a variant of the fixture, its own
# accession, its own store unless said
variant() { # variant N SED-EXPRESSION...: $tmp/var-N.txt, accession ...-26-1000N
  local n=$1; shift
  local args=(-e "s/0009900308-26-000004/0009900308-26-1000$n/g") e
  for e in "$@"; do args+=(-e "$e"); done
  sed "${args[@]}" "$sub" >"$tmp/var-$n.txt"
}
vdb() { rm -f "$tmp/var.db"; "$edgr" ingest -q --db "$tmp/var.db" "$@"; }
fo() { "$edgr" facts-of --db "$tmp/var.db" "$@"; }
variant 1 's/name="us-gaap:GoodwillImpairmentLoss" //'
vdb "$tmp/var-1.txt" "$sub"; rc=$?
check "a fact without a name does not stop the batch (rc $rc)" test $rc = 0 -a \
  "$(sqlite3 "$tmp/var.db" 'SELECT count(DISTINCT filing_id) FROM xbrl_facts')" = 2
variant 2 's/format="ixt:num-dot-decimal" id="f-11"/format="ixt:num-roman" id="f-11"/'
vdb "$tmp/var-2.txt"
check "an untransformed fact does not stand for its duplicate group" test \
  "$(fo --concept Revenues 9900308 | jq -c '[.units.USD[] | select(.end == "2025-12-31") | .val]')" = '[1200000000]'
variant 3 's/unitRef="usd" decimals="-3"/unitRef="nosuch" decimals="-3"/'
vdb "$tmp/var-3.txt"
check "a unitRef naming no unit is no unit" test "$(fo 9900308 | jq -c '[.facts[][].units | keys[]] | unique')" = '["USD","USD/shares","shares"]'
variant 4 's|xmlns:dei="http://xbrl.sec.gov/dei/2024"|& xmlns:ecd="http://xbrl.sec.gov/ecd/2024"|' \
  's/dei:EntityCommonStockSharesOutstanding/ecd:PeoTotalCompAmt/g'
vdb "$tmp/var-4.txt"
check "--concept with the SEC's ecd taxonomy" test "$(fo --concept ecd:PeoTotalCompAmt 9900308 | jq -c '[.taxonomy, .units.shares[0].val]')" = '["ecd",48210577]'
check "frames with the SEC's ecd taxonomy" test "$("$edgr" frames --db "$tmp/var.db" ecd:PeoTotalCompAmt shares CY2025Q4I | jq .pts)" = 1
variant 5 's|>0009900308</xbrli:identifier>|>00009900308</xbrli:identifier>|'
vdb "$sub" "$tmp/var-5.txt"
check "an entity of 11 digits is the same company" test \
  "$("$edgr" frames --db "$tmp/var.db" Revenues USD CY2025 | jq -c '[.pts, .data[0].cik]')" = '[1,9900308]'
check "facts-of: a CIK with more leading zeros" test "$(fo 00009900308 | jq .cik)" = 9900308
variant 6 's/^\(\t\tSTATE:\t*\)OH$/\1X0/'
vdb "$tmp/var-6.txt"
check "loc: a foreign state code is no US state" test "$("$edgr" frames --db "$tmp/var.db" Revenues USD CY2025 | jq -c '.data[0].loc')" = null
variant 7 's|id="f-2">2025<|id="f-2">\n 2025 \n<|' 's|id="f-3">FY<|id="f-3"> FY <|'
vdb "$tmp/var-7.txt"
check "fy and fp: white space around them" test "$(fo --concept Revenues 9900308 | jq -c '.units.USD[0] | [.fy, .fp]')" = '[2025,"FY"]'
variant 8 's|<xbrli:instant>2025-12-31</xbrli:instant>|<xbrli:instant>2025-12-31T00:00:00</xbrli:instant>|'
vdb "$tmp/var-8.txt"
check "a dateTime period: its date" test \
  "$(fo --concept CashAndCashEquivalentsAtCarryingValue 9900308 | jq -c '.units.USD[0] | [.end, .frame]')" = '["2025-12-31","CY2025Q4I"]'

# Real filings: the corpus's 10-Ks whose accession the SEC's documents
# name (bare documents, keyed by the accession in their names), ingested
# alone: their entries are the SEC's entries of that accession.
if [ "${EDGR_XBRL_CORPUS:-1}" != 0 ] && [ -d "$corpus/xbrl" ]; then
  for x in 320193:0000320193-25-000079.aapl-2025.htm 1045810:0001045810-24-000029.nvda-2024.htm; do
    cik=${x%%:*} h=$corpus/html/${x#*:} accn=${x#*:}; accn=${accn%%.*}
    j=$corpus/xbrl/companyfacts-CIK$(printf '%010d' "$cik").json
    [ -f "$h" ] && [ -f "$j" ] || continue
    rm -f "$tmp/real.db"; "$edgr" ingest -q --db "$tmp/real.db" "$h" 2>/dev/null
    "$edgr" facts-of --db "$tmp/real.db" "$cik" >"$tmp/real.json"
    if out=$(python3 "$top/tests/xbrl/companyfacts.py" cmp-filing "$j" "$tmp/real.json" "$accn"); then ok; else bad "$out"; fi
    echo "xbrl $(echo "$out" | head -1)"
  done
fi

# The SEC's companyfacts documents, rebuilt: one synthetic filing per
# accession each names (its facts, form, dates, fy, fp), ingested; facts-of
# must give every entry back, frames included (none extra).
if [ "${EDGR_XBRL_CORPUS:-1}" != 0 ] && [ "${EDGR_XBRL_COMPANYFACTS:-1}" != 0 ] && [ -d "$corpus/xbrl" ]; then
  for j in "$corpus"/xbrl/*.json; do
    g=$tmp/gen.$(basename "$j" .json)
    python3 "$top/tests/xbrl/companyfacts.py" gen "$j" "$g" >/dev/null || { bad "companyfacts gen $j"; continue; }
    cik=$(python3 -c "import sys; sys.path.insert(0, '$top/tests/xbrl'); import companyfacts as c; print(c.load('$j')['cik'])")
    "$edgr" ingest -q --db "$g.db" "$g" || bad "ingest of the filings rebuilt from $(basename "$j")"
    "$edgr" facts-of --db "$g.db" "$cik" >"$g.json"
    known=0; [ "$(basename "$j")" = tsla_facts.json ] && known=26 # frames.sh says why
    if out=$(python3 "$top/tests/xbrl/companyfacts.py" cmp "$j" "$g.json" $known); then ok; else bad "$out"; fi
    echo "xbrl $(echo "$out" | head -1)"
  done
fi

# Offsets in a large instance: libxml2 drops what it has read from the
# front of its buffer, so byte positions must count that; an error deep in
# the file is said where it is (it was said at byte 123, from the pointers
# libxml2 resets when it stops).
if [ "${EDGR_XBRL_CORPUS:-1}" != 0 ] && [ -f "$corpus/xml/aapl-20150926.xml" ]; then
  big=$corpus/xml/aapl-20150926.xml
  "$edgr" xbrl -q "$big" >"$tmp/big.nd"
  check "offsets: every fact of a 2.3 MB instance after its start tag" python3 "$top/tests/tools/offsets_check.py" "$big" "$tmp/big.nd" concept
  { head -c 300000 "$big"; printf '<<<'; } >"$tmp/cut.xml"
  "$edgr" xbrl "$tmp/cut.xml" >/dev/null 2>"$tmp/cut.err"
  check "offsets: an error at byte 300,000 said there" grep -q "^$tmp/cut.xml: 300001: .*not well-formed" "$tmp/cut.err"
fi

echo "xbrl: $pass passed, $fail failed"
[ "$fail" = 0 ]
