#!/usr/bin/env bash
# tests/ownership/run.sh EDGR: edgr ownership and edgr holdings (issue 15).
#
#   form4     a fictional Form 4 (tests/fixtures/ownership): 8 non-derivative
#             and 2 derivative transactions with distinct dates, codes and
#             share counts: 10 rows, each field with its own row; values
#             given by footnote only kept as references, never 0
#   broken    XML cut inside a row: an error naming the file and byte
#             offset, the whole rows before it kept, the batch goes on
#   pre-xml   a Form 4 of 1999 and a 13F-HR of 2010 (text tables): header
#             facts and rows_not_read, no rows made up
#   13f       one information table in dollars and the same divided by
#             1,000: detected as dollars and as thousands, value_usd equal;
#             a 2021 table without schema version; the summary page's totals
#   corpus    every Form 3/4/5 and 13F document of ../shared/corpus: the row
#             count of each table equals the elements counted without edgr
#             (count.py); the hand-checked rows of tests/labels/ownership.tsv
#   store     ingest keeps the rows; edgr show, edgr insiders, edgr holders
set -u
edgr=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
fx=$top/tests/fixtures/ownership
corpus=$top/../shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "ownership: FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok; else bad "$what"; fi; }
for c in python3 jq; do command -v $c >/dev/null || { echo "ownership: needs $c (scripts/deps.sh check)" >&2; exit 1; }; done

# ---- form4
f4=$fx/0009900309-26-000001.txt
"$edgr" ownership "$f4" >"$tmp/f4.nd" 2>"$tmp/f4.err"
check "form4: read without a word" test ! -s "$tmp/f4.err"
check "form4: 10 rows" test "$(wc -l <"$tmp/f4.nd")" = 10
# the generator's table, row by row: date code shares price A/D after D/I
cat >"$tmp/want" <<'T'
nonDerivativeTransaction 2026-03-02 P 1000 12.5 A 51000 D
nonDerivativeTransaction 2026-03-03 S 2000 13.25 D 49000 D
nonDerivativeTransaction 2026-03-04 A 3000 0 A 52000 D
nonDerivativeTransaction 2026-03-05 F 400 14.1 D 51600 D
nonDerivativeTransaction 2026-03-06 G 500 null D 51100 I
nonDerivativeTransaction 2026-03-09 M 6000 5 A 57100 D
nonDerivativeTransaction 2026-03-10 J 700 15.75 D 56400 I
nonDerivativeTransaction 2026-03-11 C 8000 0.0001 A 64400 D
derivativeTransaction 2026-03-09 M 6000 0 D 34000 D
derivativeTransaction 2026-03-12 A 9000 0 A 43000 D
T
jq -r '[.table, .transaction_date, .code, .shares, .price, .acquired_disposed, .owned_after_shares, .direct_indirect] | map(tostring) | join(" ")' \
  "$tmp/f4.nd" >"$tmp/got"
check "form4: every row's date, code, shares, price, owned after paired right" cmp "$tmp/want" "$tmp/got"
row() { jq -c "select(.row == $1) | $2" "$tmp/f4.nd"; }
check "form4: a price given by footnote only is null with F3" test "$(row 4 '[.price, .price_footnotes]')" = '[null,["F3"]]'
check "form4: ... and the footnote's text rides with the row" test "$(row 4 '.footnotes.F3')" = '"A gift: no price."'
check "form4: an exercise date by footnote only" test "$(row 9 '[.exercise_date, .exercise_date_footnotes]')" = '[null,["F4"]]'
check "form4: an empty <footnoteId/> on transactionCoding is the code's footnote" test "$(row 1 '.code_footnotes')" = '["F2"]'
check "form4: 2000.0 is 2000" test "$(row 1 .shares)" = 2000
check "form4: booleans true, 0 and false" test "$(jq -c -s 'map(.equity_swap)' "$tmp/f4.nd")" = '[false,false,false,false,false,false,true,false,false,false]'
check "form4: derivative fields" test "$(row 8 '[.conversion_or_exercise_price, .exercise_date, .expiration_date, .underlying_title, .underlying_shares]')" = \
  '[5,"2024-01-15","2033-01-15","Common Stock",6000]'
check "form4: nature of ownership with its footnote" test "$(row 6 '[.nature_of_ownership, .nature_of_ownership_footnotes]')" = \
  '["By Foxglove Family Trust",["F5"]]'
check "form4: both owners and their relationship on every row" test "$(jq -c -s 'map(.owners | map(.cik + ":" + (.relationship | join("+")))) | unique' "$tmp/f4.nd")" = \
  '[["0009900311:director+officer","0009900312:"]]'
check "form4: accession, filing date, issuer" test "$(row 0 '[.accession_number, .filing_date, .issuer.cik, .issuer.symbol]')" = \
  '["0009900309-26-000001","2026-03-13","0009900309","QFI"]'
check "form4: the bare XML gives the same rows" sh -c "'$edgr' ownership '$fx/form4.xml' | jq -c 'del(.accession_number, .filing_date, .offset)' >'$tmp/a'; \
  jq -c 'del(.accession_number, .filing_date, .offset)' '$tmp/f4.nd' >'$tmp/b'; cmp '$tmp/a' '$tmp/b'"
python3 "$top/tests/tools/offsets_check.py" "$f4" "$tmp/f4.nd" table >/dev/null && ok || bad "form4: offsets point at each row's start tag"
"$edgr" ownership --filings "$f4" >"$tmp/doc.json"
check "form4 --filings: one object" test "$(wc -l <"$tmp/doc.json")" = 1
check "form4 --filings: document fields" test "$(jq -c '[.schema_version, .document_type, .period_of_report, .not_subject_to_section16, .aff10b5one, .rows, .tables.derivativeTransaction]' "$tmp/doc.json")" = \
  '["X0508","4","2026-03-12",false,true,10,2]'
check "form4 --filings: footnotes, white space runs made one" test "$(jq -r '.footnotes[0].text' "$tmp/doc.json")" = \
  "The first purchase was made under a trading plan adopted on 2025-11-03 & meant to satisfy Rule 10b5-1(c)."
check "form4 --filings: signatures, a date's time zone dropped" test "$(jq -c '[.signatures[].date]' "$tmp/doc.json")" = '["2026-03-13","2026-03-13"]'
check "form4 --filings: owner address and officer title" test "$(jq -c '.owners[0] | [.address.city, .officer_title, .is_director]' "$tmp/doc.json")" = \
  '["MILLBROOK","Chief Operating Officer",true]'
check "form4 --format table: 10 lines of 11 columns" test "$("$edgr" ownership --format table "$f4" | awk -F'\t' 'NF == 11' | wc -l)" = 10

# ---- broken
"$edgr" ownership "$fx/form4-broken.xml" "$fx/form4.xml" >"$tmp/br.nd" 2>"$tmp/br.err"; rc=$?
check "broken: exit 1" test $rc = 1
check "broken: the error names the file and the byte offset" grep -q "^$fx/form4-broken.xml: 12132: not well-formed XML" "$tmp/br.err"
check "broken: the row cut short is said, not given" grep -q "derivativeTransaction cut short: not read" "$tmp/br.err"
check "broken: 8 whole rows kept, then the next file's 10" test "$(wc -l <"$tmp/br.nd")" = 18
printf 'not xml at all' >"$tmp/x.xml"
"$edgr" ownership "$tmp/x.xml" >/dev/null 2>"$tmp/x.err"; rc=$?
check "not an ownership document: exit 1, said" sh -c "test $rc = 1 && grep -q 'no ownership document' '$tmp/x.err'"

# ---- pre-xml
"$edgr" ownership "$fx/0009900309-99-000002.txt" >"$tmp/old.nd" 2>"$tmp/old.err"; rc=$?
check "pre-xml form 4: exit 0" test $rc = 0
check "pre-xml form 4: one object with its header facts, rows not read" test \
  "$(jq -c '[.form, .filing_date, .subject_company[0].cik, .reporting_owner[0].name, (.rows_not_read | test("not read"))]' "$tmp/old.nd")" = \
  '["4","1999-04-05","0009900309","MARROW JUNIPER T",true]'
check "pre-xml form 4: a warning says so" grep -q "warning: Form 4 of 1999-04-05 has no ownership XML" "$tmp/old.err"
"$edgr" holdings "$fx/0009900310-10-000005.txt" >"$tmp/old13.nd" 2>/dev/null
check "pre-2013 13F-HR: header facts, rows not read" test "$(jq -c '[.form, .filer[0].cik, (.rows_not_read | test("before 2013"))]' "$tmp/old13.nd")" = \
  '["13F-HR","0009900310",true]'

# ---- 13f
h() { "$edgr" holdings "$@" 2>/dev/null; }
h "$fx/0009900310-25-000001.txt" >"$tmp/d.nd"
h "$fx/0009900310-25-000002.txt" >"$tmp/k.nd"
check "13f: 8 rows each" test "$(cat "$tmp/d.nd" "$tmp/k.nd" | wc -l)" = 16
check "13f: the dollars table is dollars" test "$(jq -r -s 'map(.units) | unique | join(",")' "$tmp/d.nd")" = dollars
check "13f: the table divided by 1,000 is thousands, by its prices" test "$(jq -r -s 'map(.units + "/" + .units_rule) | unique | join(",")' "$tmp/k.nd")" = thousands/price
check "13f: value_usd equal" sh -c "jq -c '[.cusip, .value_usd]' '$tmp/d.nd' >'$tmp/a'; jq -c '[.cusip, .value_usd]' '$tmp/k.nd' >'$tmp/b'; cmp '$tmp/a' '$tmp/b'"
check "13f: the filed value kept" test "$(jq -s -c '[.[0].value, .[0].value_usd]' "$tmp/k.nd")" = '[600,600000]'
check "13f: row fields" test "$(jq -c 'select(.row == 4) | [.name_of_issuer, .cusip, .put_call, .amount, .amount_type, .investment_discretion, .voting.sole, .manager.cik, .period]' "$tmp/d.nd")" = \
  '["EMBERLY BIOSCIENCE INC","99309E105","Put",20000,"SH","SOLE",20000,"0009900310","2024-12-31"]'
check "13f: a principal row" test "$(jq -c 'select(.row == 7) | [.amount_type, .amount, .title_of_class]' "$tmp/d.nd")" = '["PRN",500000,"NOTE 3.5% 2031"]'
check "13f: a 2021 table with no schema version, thousands by its prices" test \
  "$(h --filings "$fx/0009900310-22-000003.txt" | jq -c '[.units, .units_rule, .schema_version]')" = '["thousands","price",null]'
"$edgr" holdings "$fx/0009900310-25-000004.txt" >"$tmp/t.nd" 2>"$tmp/t.err"; rc=$?
check "13f: totals that disagree are warnings, rows still given, exit 0" sh -c "test $rc = 0 && test \$(wc -l <'$tmp/t.nd') = 8"
check "13f: tableEntryTotal said" grep -q "warning: tableEntryTotal is 9, the information table has 8 rows" "$tmp/t.err"
check "13f: tableValueTotal said" grep -q "warning: tableValueTotal is 5749000, the rows' values add up to 5748000" "$tmp/t.err"
check "13f: a bare table priced above \$1 has unknown units, no value_usd" test \
  "$(h "$fx/infotable-dollars.xml" | jq -r -s 'map(.units + ":" + (.value_usd | tostring)) | unique | join(",")')" = "unknown:null"
check "13f --filings: cover, signature, summary" test \
  "$(h --filings "$fx/0009900310-25-000001.txt" | jq -c '[.manager.name, .report_type, .signature.date, .summary.table_entry_total, .period, .documents]')" = \
  '["Thistledown Capital Partners LP","13F HOLDINGS REPORT","2025-02-10",8,"2024-12-31",["primary","information_table"]]'

# ---- hostile: bounded in time (a hang guard, not a speed test: bench/ measures)
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
row = ("<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>"
       "<transactionDate><value>2026-03-02</value></transactionDate><transactionCoding><transactionCode>P</transactionCode>"
       "</transactionCoding><transactionAmounts><transactionShares><value>{}</value></transactionShares>"
       "</transactionAmounts></nonDerivativeTransaction>\n")
with open(f"{t}/many.xml", "w") as f:
    f.write("<ownershipDocument><nonDerivativeTable>\n" + "".join(row.format(i) for i in range(50000))
            + "</nonDerivativeTable></ownershipDocument>\n")
with open(f"{t}/deep.xml", "w") as f:
    f.write("<ownershipDocument>" + "<a>" * 100000 + "</a>" * 100000 + "</ownershipDocument>")
with open(f"{t}/bigtext.xml", "w") as f:
    f.write("<ownershipDocument><footnotes><footnote id=\"F1\">" + "x" * (20 << 20) + "</footnote></footnotes></ownershipDocument>")
info = ("<infoTable><nameOfIssuer>QUILLFEATHER</nameOfIssuer><cusip>99309A101</cusip><value>{}</value>"
        "<shrsOrPrnAmt><sshPrnamt>1000</sshPrnamt><sshPrnamtType>SH</sshPrnamtType></shrsOrPrnAmt></infoTable>\n")
with open(f"{t}/big13f.xml", "w") as f:
    f.write("<informationTable>" + "".join(info.format(i) for i in range(100000)) + "</informationTable>")
PY
# what review found (each before its fix): a broken document past the
# problem cap; a huge namespace; a row citing many of many footnotes; many
# owners on many rows; an undeclared prefix (not fatal)
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
bad = ("<nonDerivativeTransaction><transactionAmounts><transactionPricePerShare><value>$1.00</value>"
       "</transactionPricePerShare></transactionAmounts></nonDerivativeTransaction>\n")
with open(f"{t}/capped.xml", "w") as f:
    f.write("<ownershipDocument><nonDerivativeTable>" + bad * 1005 + "<nonDerivativeTransaction><oops>")
with open(f"{t}/bigns.xml", "w") as f:
    f.write('<ownershipDocument xmlns="urn:' + "x" * (1 << 20) + '">' + "<a/>" * 3000 + "</ownershipDocument>")
fns = "".join(f'<footnoteId id="F{i}"/>' for i in range(64))
with open(f"{t}/fnotes.xml", "w") as f:
    f.write("<ownershipDocument><nonDerivativeTable>" + ("<nonDerivativeHolding><securityTitle><value>X</value>" + fns +
            "</securityTitle></nonDerivativeHolding>") * 2000 + "</nonDerivativeTable><footnotes>" +
            "".join(f'<footnote id="F{i}">n</footnote>' for i in range(100000)) + "</footnotes></ownershipDocument>")
own = "<reportingOwner><reportingOwnerId><rptOwnerCik>1</rptOwnerCik><rptOwnerName>A</rptOwnerName></reportingOwnerId></reportingOwner>"
with open(f"{t}/owners.xml", "w") as f:
    f.write("<ownershipDocument>" + own * 5000 + "<nonDerivativeTable>" +
            "<nonDerivativeHolding><securityTitle><value>X</value></securityTitle></nonDerivativeHolding>" * 2000 +
            "</nonDerivativeTable></ownershipDocument>")
PY
sed 's#<ownershipDocument>#<ownershipDocument xsi:schemaLocation="x">#' "$fx/form4.xml" >"$tmp/nsprefix.xml"
"$edgr" ownership "$tmp/capped.xml" >"$tmp/capped.nd" 2>"$tmp/capped.err"
check "review: a broken document past the problem cap keeps its 1,005 rows and says where it broke" sh -c \
  "test \$(wc -l <'$tmp/capped.nd') = 1005 && grep -q 'not well-formed' '$tmp/capped.err' && ! grep -q 'out of memory' '$tmp/capped.err'"
# peak resident memory of a command, in KB (not ulimit -v: ASan reserves terabytes of address space)
maxrss() { python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"; }
rss=$(maxrss "$edgr" ownership --filings "$tmp/bigns.xml")
check "review: a 1 MB namespace on 3,000 elements is read in bounded memory ($rss KB)" test "$rss" -lt 400000
check "review: 2,000 rows citing 64 of 100,000 footnotes each, in bounded time" sh -c \
  "test \$(timeout 30 '$edgr' ownership '$tmp/fnotes.xml' 2>/dev/null | wc -l) = 2000"
check "review: 5,000 owners on 2,000 rows: owners past the limit said, output bounded" sh -c \
  "timeout 30 '$edgr' ownership '$tmp/owners.xml' 2>'$tmp/owners.err' | head -c 300000000 | wc -c | awk '{exit !(\$1 < 300000000)}' && grep -q 'reporting owners' '$tmp/owners.err'"
"$edgr" ownership "$tmp/nsprefix.xml" >"$tmp/nsp.nd" 2>"$tmp/nsp.err"; rc=$?
check "review: an undeclared prefix in an attribute is a warning, the document read (exit 0)" sh -c "test $rc = 0 && test \$(wc -l <'$tmp/nsp.nd') = 10"
[ -f "$corpus/xml/form5.snow.xml" ] && "$edgr" ownership --filings "$corpus/xml/form5.snow.xml" >"$tmp/f5.json" 2>/dev/null &&
  check "review: Form 5's form3HoldingsReported and form4TransactionsReported" test \
    "$(jq -c '[.form3_holdings_reported, .form4_transactions_reported]' "$tmp/f5.json")" != '[null,null]'
tout() { timeout 60 "$@"; }
tout "$edgr" ownership --format json "$tmp/many.xml" >"$tmp/many.nd"
check "hostile: 50,000 rows read whole" test "$(wc -l <"$tmp/many.nd")" = 50000
check "hostile: ... the last paired right" test "$(tail -1 "$tmp/many.nd" | jq -c '[.row, .shares]')" = '[49999,49999]'
tout "$edgr" ownership "$tmp/deep.xml" >/dev/null 2>"$tmp/deep.err"; rc=$?
check "hostile: 100,000 nested elements: an error with its offset, exit 1" sh -c "test $rc = 1 && grep -q '^$tmp/deep.xml: [0-9]*: ' '$tmp/deep.err'"
tout "$edgr" ownership --filings "$tmp/bigtext.xml" >/dev/null 2>"$tmp/big.err"; rc=$?
check "hostile: a 20 MB footnote passes the text limit: said, exit 1" sh -c "test $rc = 1 && grep -q 'passes 16 MB' '$tmp/big.err'"
check "hostile: 100,000 positions read whole" test "$(tout "$edgr" holdings --format json "$tmp/big13f.xml" | wc -l)" = 100000

# ---- a notice
cat >"$tmp/nt.xml" <<'X'
<?xml version="1.0"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler"><schemaVersion>X0202</schemaVersion>
<headerData><submissionType>13F-NT</submissionType></headerData>
<formData><coverPage><reportCalendarOrQuarter>12-31-2024</reportCalendarOrQuarter>
<filingManager><name>Thistledown Capital Partners LP</name></filingManager><reportType>13F NOTICE</reportType>
</coverPage></formData></edgarSubmission>
X
"$edgr" holdings "$tmp/nt.xml" >"$tmp/nt.out" 2>"$tmp/nt.err"; rc=$?
check "13F-NT: no rows, said, exit 0" sh -c "test $rc = 0 && test ! -s '$tmp/nt.out' && grep -q 'a 13F notice' '$tmp/nt.err'"
check "13F-NT --filings: the notice's cover" test "$("$edgr" holdings --filings "$tmp/nt.xml" | jq -c '[.form, .report_type, .period, .rows]')" = \
  '["13F-NT","13F NOTICE","2024-12-31",0]'

# ---- corpus
if [ "${EDGR_OWNERSHIP_CORPUS:-1}" = 0 ]; then :
elif [ ! -d "$corpus/xml" ]; then echo "ownership corpus: SKIPPED (no ../shared/corpus)"
else
  files=0 rows=0 diff=0
  for f in "$corpus"/xml/*.xml "$corpus"/submissions/*; do
    grep -q -E '<ownershipDocument|informationTable' "$f" 2>/dev/null || continue
    python3 "$top/tests/ownership/count.py" "$f" >"$tmp/want"
    [ -s "$tmp/want" ] || grep -q '<ownershipDocument' "$f" || continue # a 13F primary document alone
    if grep -q '<ownershipDocument' "$f"; then
      "$edgr" ownership -q --format json "$f" | jq -r .table
    else
      "$edgr" holdings -q --format json "$f" | jq -r '"infoTable"'
    fi | sort | uniq -c | awk '{print $2, $1}' >"$tmp/got"
    files=$((files + 1)); rows=$((rows + $(awk '{s += $2} END {print s + 0}' "$tmp/got")))
    if cmp -s "$tmp/want" "$tmp/got"; then ok; else diff=$((diff + 1)); bad "corpus $(basename "$f"): counted $(tr '\n' ' ' <"$tmp/want"), edgr $(tr '\n' ' ' <"$tmp/got")"; fi
  done
  echo "ownership corpus: $files documents, $rows rows: $diff with a row count other than the elements counted"
  if [ -f "$top/tests/labels/ownership.tsv" ]; then
    if out=$(python3 "$top/tests/ownership/labels.py" "$top/tests/labels/ownership.tsv" "$corpus" "$edgr"); then ok; else bad "$out"; fi
    echo "ownership $(echo "$out" | tail -1)"
  fi
fi

# ---- store
db=$tmp/o.db
"$edgr" ingest -q --db "$db" "$fx"/*.txt 2>"$tmp/ing.err"
check "store: ingest" test -s "$db"
q() { sqlite3 "$db" "$1"; }
check "store: 10 insider rows of the Form 4, 2 owners" test "$(q "select count(*) from insider_rows; select count(*) from insider_owners")" = "$(printf '10\n2')"
check "store: 4 x 8 positions" test "$(q "select count(*) from holdings")" = 32
check "store: the stored row is what edgr ownership prints" sh -c "sqlite3 '$db' \"select row_json from insider_rows r join filings f on f.id = r.filing_id where f.accession_number = '0009900309-26-000001' order by n\" | cmp - '$tmp/f4.nd'"
"$edgr" show --db "$db" 0009900309-26-000001 --pretty >"$tmp/show.json"
check "store: edgr show has the rows and the document" test "$(jq -c '[(.insider_rows | length), .insider_rows[4].price, .insider_rows[4].price_footnotes, .ownership_documents[0].remarks]' "$tmp/show.json")" = \
  '[10,null,["F3"],"Exhibit 24: power of attorney."]'
check "store: edgr show of a 13F" test "$("$edgr" show --db "$db" 0009900310-25-000002 | jq -c '[.["13f"][0].units, (.holdings | length)]')" = '["thousands",8]'
check "store: edgr insiders by issuer, code and dates" test \
  "$("$edgr" insiders --db "$db" 9900309 --code S --from 2026-03-01 --to 2026-03-31 | jq -c '[.transaction_date, .shares]')" = '["2026-03-03",2000]'
check "store: edgr insiders by an owner's CIK, newest first" test \
  "$("$edgr" insiders --db "$db" 0009900312 | jq -r .transaction_date | head -2 | tr '\n' ' ')" = "2026-03-12 2026-03-11 "
check "store: edgr insiders --owner" test "$("$edgr" insiders --db "$db" 9900309 --owner 9900311 | wc -l)" = 10
"$edgr" insiders --db "$db" 9900309 --code Z >/dev/null 2>&1; rc=$?
check "store: no row: exit 1" test $rc = 1
"$edgr" insiders --db "$db" ABC >/dev/null 2>&1; rc=$?
check "store: a CIK that is no number: exit 2" test $rc = 2
check "store: edgr holders by CUSIP and quarter, dollars equal across units" test \
  "$("$edgr" holders --db "$db" 99309a101 --period 2024Q4 | jq -r '[.accession_number, .units, .value_usd] | @tsv' | sort | tr '\n' ' ')" = \
  "0009900310-25-000001	dollars	600000 0009900310-25-000002	thousands	600000 0009900310-25-000004	dollars	600000 "
check "store: edgr holders of 2021 (thousands, x 1,000)" test "$("$edgr" holders --db "$db" 99309G107 --period 2021-12-31 | jq -c '[.value, .value_usd]')" = '[820,820000]'
"$edgr" holders --db "$db" 99309A101 --period 2024Q5 >/dev/null 2>&1; rc=$?
check "store: a period that is no quarter: exit 2" test $rc = 2
"$edgr" ingest -q --replace --db "$db" "$fx/0009900309-26-000001.txt"
check "store: --replace keeps one copy" test "$(q "select count(*) from insider_rows")" = 10

# the fixture's filing with its XML cut inside the 9th row
python3 - "$f4" "$tmp/broken.txt" <<'PY'
import sys
s = open(sys.argv[1]).read().replace("0009900309-26-000001", "0009900309-26-000009")
i = s.index("<derivativeTransaction>") + 200
j = s.index("</XML>")
open(sys.argv[2], "w").write(s[:i] + "<<" + s[j:])
PY
"$edgr" ingest -q --db "$db" "$tmp/broken.txt" 2>/dev/null
check "store: a broken document is stored with what its reader said, no rows" test \
  "$("$edgr" show --db "$db" 0009900309-26-000009 | jq -c '[(.ownership_documents[0].error | test("not well-formed")), (.insider_rows | length)]')" = \
  '[true,0]'

echo "ownership: $pass passed, $fail failed"
[ "$fail" = 0 ]
