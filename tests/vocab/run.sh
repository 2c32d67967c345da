#!/bin/bash
# One vocabulary (issue 11): every filing through every command and the
# store, and each shared concept must have the same key and the same value
# everywhere; every key path of every output must be in docs/fields.md (the
# contract).  Runs on samples/ and tests/fixtures, and on the corpus's
# complete submissions when ../shared/corpus is there.
# Usage: tests/vocab/run.sh path/to/edgr        (needs jq: scripts/deps.sh check)
. "$(dirname "$0")/../lib.sh" "$@"
command -v jq >/dev/null || { echo "vocab: jq missing (scripts/deps.sh check)" >&2; exit 1; }

inputs=(samples/*.txt samples/*.nc tests/fixtures/items/*.txt tests/fixtures/facts/*.txt
        tests/fixtures/pre2004_8k.txt tests/fixtures/reporting_owner_1998.txt
        tests/fixtures/serial_company_2000.txt tests/fixtures/series_classes.nc tests/fixtures/concatenated.txt tests/fixtures/xbrl/*.txt tests/fixtures/ownership/*.txt)
# the corpus: complete submissions, headers alone, bare HTML documents
corpus=${EDGR_VOCAB_CORPUS:-../shared/corpus}
if [ -d "$corpus/submissions" ]; then
  inputs+=("$corpus/submissions" "$corpus/headers" "$corpus/html")
else
  echo "vocab: corpus checks SKIPPED (no $corpus/submissions): samples and fixtures only"
fi

# ---- the contract: key paths per command, from docs/fields.md's tables.
# A table follows a line "<!-- keys: NAME -->"; its rows' first cell is the
# path (`a.b[].c`, `*` for any one key).
keys_of() {
  awk -v want="$1" '
    /^<!-- keys: / { on = ($3 == want); next }
    on && /^\|/ { split($0, c, "|"); if (c[2] !~ /`/) next; p = c[2]; gsub(/[ `]/, "", p); if (p != "" && p !~ /^-+$/) print p; next }
    on && !/^\|/ && NF { on = 0 }' docs/fields.md
}
# paths as regular expressions
regex_of() { keys_of "$1" | sed -e 's/[].[]/\\&/g' -e 's/\*/[^.[]+/g' -e 's/^/^/' -e 's/$/$/'; }
for t in parse source document header-model items facts show company search ingest xbrl facts-of frames \
         ownership not-read ownership-filing holdings holdings-filing; do
  keys_of "$t" >"$tmp/keys.$t"
  [ -s "$tmp/keys.$t" ] && ok || bad "docs/fields.md has no table of $t keys"
  regex_of "$t" >"$tmp/re.$t"
done
# the header model's keys: every key the schema knows is documented
grep -oE '(LEAFR?|CONTR?)\("[a-z0-9_]+"' src/core/schema.c | sed 's/.*("//; s/"//' | sort -u >"$tmp/schema.keys"
missing=$(comm -23 "$tmp/schema.keys" <(sort -u "$tmp/keys.header-model"))
[ -z "$missing" ] && ok || bad "header keys of src/core/schema.c not in docs/fields.md: $missing"

# every leaf path of a stream of JSON objects, as a.b[].c; the header model
# (outside documents, source, diagnostics) checked key by key
leaf_paths() { jq -r 'paths(type != "object" and type != "array") | map(if type == "number" then "[]" else . end) | join(".")' | sed 's/\.\[\]/[]/g' | sort -u; }
# the header model's paths: its keys at any depth (parse, header, docs: at
# the top; show: under header)
hm=$(paste -sd'|' "$tmp/keys.header-model")
echo "^($hm)(\[\])?(\.($hm)(\[\])?)*\$" >"$tmp/re.header-model"
echo "^header\.($hm)(\[\])?(\.($hm)(\[\])?)*\$" >"$tmp/re.show-header"
check_paths() { # check_paths WHAT FILE TABLE...
  local what=$1 file=$2; shift 2
  local re=$tmp/re.$what.all; cat $(printf "$tmp/re.%s " "$@") >"$re"
  leaf_paths <"$file" >"$tmp/paths.$what"
  local stray
  stray=$(grep -v -E -f "$re" "$tmp/paths.$what")
  [ -z "$stray" ] && ok || bad "$what: keys not in docs/fields.md: $(echo $stray | head -c 600)"
}

# ---- run every command
"$edgr" parse -q "${inputs[@]}" >"$tmp/parse.json" 2>/dev/null
"$edgr" header -q "${inputs[@]}" >"$tmp/header.json" 2>/dev/null
"$edgr" docs -q --json "${inputs[@]}" >"$tmp/docs.json" 2>/dev/null
"$edgr" facts -q "${inputs[@]}" >"$tmp/facts.json" 2>/dev/null
"$edgr" items -q --json "${inputs[@]}" >"$tmp/items.json" 2>/dev/null
"$edgr" xbrl -q "${inputs[@]}" >"$tmp/xbrl.json" 2>/dev/null
"$edgr" ownership -q --format json "${inputs[@]}" >"$tmp/ownership.json" 2>/dev/null
"$edgr" ownership -q --filings "${inputs[@]}" >"$tmp/ownership-filing.json" 2>/dev/null
"$edgr" holdings -q --format json "${inputs[@]}" >"$tmp/holdings.json" 2>/dev/null
"$edgr" holdings -q --filings "${inputs[@]}" >"$tmp/holdings-filing.json" 2>/dev/null
"$edgr" ingest -q --json --db "$tmp/v.db" "${inputs[@]}" >"$tmp/ingest.json" 2>/dev/null
n=$(jq -s length "$tmp/parse.json")
[ "$n" -ge 10 ] && ok || bad "parse gave $n submissions"
jq -r '.accession_number // empty' "$tmp/parse.json" | sort -u >"$tmp/accs"
: >"$tmp/show.json"
while read -r a; do "$edgr" show --db "$tmp/v.db" "$a" >>"$tmp/show.json" 2>/dev/null; done <"$tmp/accs"
jq -r '.. | .company_data? // empty | .cik // empty' "$tmp/parse.json" | sort -u | head -200 >"$tmp/ciks"
: >"$tmp/company.json"
while read -r c; do "$edgr" company --db "$tmp/v.db" "$c" >>"$tmp/company.json" 2>/dev/null; done <"$tmp/ciks"
: >"$tmp/search.json"
for w in item company report exhibit meadow; do
  "$edgr" search --db "$tmp/v.db" --json --limit 200 "$w" >>"$tmp/search.json" 2>/dev/null
done
# the SEC's XBRL views of the companies whose filings have XBRL facts
: >"$tmp/facts-of.json"; : >"$tmp/frames.json"
for c in $(sqlite3 "$tmp/v.db" "SELECT DISTINCT entity FROM xbrl_facts WHERE taxonomy IS NOT NULL AND kind = 'numeric' ORDER BY entity LIMIT 20"); do
  "$edgr" facts-of --db "$tmp/v.db" "$c" >>"$tmp/facts-of.json" 2>/dev/null
  t=$(jq -r 'select(.facts) | .facts | to_entries[0] | .key + ":" + (.value | keys[0])' "$tmp/facts-of.json" | tail -1)
  "$edgr" facts-of --db "$tmp/v.db" --concept "$t" "$c" >>"$tmp/facts-of.json" 2>/dev/null
done
jq -r '.facts // empty | to_entries[] | .key as $t | .value | to_entries[] | .key as $g | .value.units | to_entries[] |
  .key as $u | .value[] | select(.frame) | "\($t):\($g) \($u) \(.frame)"' "$tmp/facts-of.json" | sort -u | head -20 |
  while read -r tag unit frame; do "$edgr" frames --db "$tmp/v.db" "$tag" "$unit" "$frame" >>"$tmp/frames.json" 2>/dev/null; done
for f in docs show company search facts items ingest xbrl facts-of frames ownership ownership-filing holdings holdings-filing; do
  [ -s "$tmp/$f.json" ] && ok || bad "$f gave nothing"
done

# ---- every key is in the contract
check_paths parse "$tmp/parse.json" parse source document header-model
check_paths header "$tmp/header.json" parse source header-model
check_paths docs "$tmp/docs.json" parse source document header-model
check_paths facts "$tmp/facts.json" facts source
check_paths items "$tmp/items.json" items source
# show's ownership and 13F members are those commands' objects
for t in ownership:insider_rows ownership-filing:ownership_documents holdings:holdings holdings-filing:13f; do
  sed "s/^\\^/^${t#*:}\\\\[\\\\]\\\\./" "$tmp/re.${t%%:*}" >"$tmp/re.show-${t#*:}"
done
check_paths show "$tmp/show.json" show source document show-header show-insider_rows show-ownership_documents \
  show-holdings show-13f
check_paths ownership "$tmp/ownership.json" ownership not-read
check_paths ownership-filing "$tmp/ownership-filing.json" ownership-filing not-read
check_paths holdings "$tmp/holdings.json" holdings not-read
check_paths holdings-filing "$tmp/holdings-filing.json" holdings-filing not-read
check_paths company "$tmp/company.json" company
check_paths search "$tmp/search.json" search
check_paths ingest "$tmp/ingest.json" ingest
check_paths xbrl "$tmp/xbrl.json" xbrl
check_paths facts-of "$tmp/facts-of.json" facts-of
check_paths frames "$tmp/frames.json" frames

# ---- the same concept, the same value: joined by accession number
jq -c 'del(.sections[]?.text)' "$tmp/items.json" >"$tmp/items.short.json"
same() { # same WHAT JQ-PROGRAM (over {parse, header, facts, items, show} by accession)
  local out
  out=$(jq -n -r --slurpfile p "$tmp/parse.json" --slurpfile h "$tmp/header.json" \
    --slurpfile f "$tmp/facts.json" --slurpfile i "$tmp/items.short.json" --slurpfile s "$tmp/show.json" \
    --slurpfile d "$tmp/docs.json" --slurpfile c "$tmp/company.json" --slurpfile q "$tmp/search.json" "
    def by(a): map(select(.accession_number != null)) | group_by(.accession_number) | map({key: .[0].accession_number, value: .[0]}) | from_entries;
    (\$p | by(.)) as \$P | (\$h | by(.)) as \$H | (\$f | by(.)) as \$F | (\$i | by(.)) as \$I | (\$d | by(.)) as \$D | (\$s | by(.)) as \$S |
    \$c as \$C | \$q as \$Q | $2")
  [ -z "$out" ] && ok || bad "$1: $(echo "$out" | head -5 | cut -c1-400)"
}
# header vs parse: the header model, key for key
same "header = parse (less documents)" '$P | keys[] as $a | select($H[$a] != null) |
  select(($P[$a] | del(.documents, .source, .diagnostics)) != ($H[$a] | del(.source, .diagnostics))) | $a'
same "docs = parse (accession_number type documents source)" '$D | keys[] as $a | select($P[$a] != null) |
  select($D[$a] != ($P[$a] | {accession_number, type, documents, source} + (if .diagnostics then {diagnostics} else {} end))) | $a'
# show vs parse: the filing's own fields, the header model, the documents
same "show = parse: accession_number type period filing_date acceptance_datetime date_of_filing_date_change items" '
  $S | keys[] as $a | select($P[$a] != null) | ($P[$a]) as $x | ($S[$a]) as $y |
  ("type", "period", "filing_date", "acceptance_datetime", "date_of_filing_date_change") as $k |
  select(($x[$k] // null) != ($y[$k] // null)) | "\($a) \($k): parse \($x[$k]) show \($y[$k])"'
same "show.items = parse.items" '$S | keys[] as $a | select($P[$a] != null) |
  select(($P[$a].items // []) != $S[$a].items) | "\($a): \($P[$a].items) vs \($S[$a].items)"'
same "show.header = parse's header model" '$S | keys[] as $a | select($P[$a] != null and $S[$a].header != null) |
  select(($P[$a] | del(.documents, .source, .diagnostics)) != $S[$a].header) | $a'
same "show.documents = parse.documents (sequence type filename description format decoded_size offset)" '
  $S | keys[] as $a | select($P[$a] != null and ($S[$a].header_only | not)) |
  select(($P[$a].documents | map({sequence, type, filename, description, format, decoded_size, offset})) !=
         ($S[$a].documents | map({sequence, type, filename, description, format, decoded_size, offset}))) | $a'
same "show.entities = the header's entities (cik conformed_name form_type file_number film_number)" '
  $S | keys[] as $a | select($P[$a] != null) | $S[$a].entities[] as $e |
  select([$P[$a] | .. | objects | select(.cik? == $e.cik and .conformed_name? == $e.conformed_name)] | length == 0) |
  "\($a) \($e.cik)"'
# facts vs show: cover, securities, signatures, exhibits
same "show.cover = facts.cover (every fact, null when not found)" '$S | keys[] as $a | select($F[$a] != null) |
  ($F[$a].cover | del(.securities_12b)) as $x |
  ($S[$a].cover | del(.securities_12b)) as $y | select($x != $y) | "\($a): facts \($x) show \($y)"'
same "show.cover keys = facts.cover keys (a fact not found: null in both)" '$S | keys[] as $a | select($F[$a] != null) |
  select(($F[$a].cover | keys) != ($S[$a].cover | keys)) | "\($a): facts \($F[$a].cover | keys) show \($S[$a].cover | keys)"'
same "show.cover.securities_12b = facts.cover.securities_12b" '$S | keys[] as $a | select($F[$a] != null) |
  select(($F[$a].cover.securities_12b | map({title, trading_symbol, exchange})) != $S[$a].cover.securities_12b) | $a'
same "show.signatures = facts.signatures (registrant date date_text signers)" '$S | keys[] as $a | select($F[$a] != null) |
  ($F[$a].signatures | {registrant, date, date_text, signers: (.signers | map({name, title, date, date_text}))}) as $x |
  select($x != $S[$a].signatures) | "\($a): facts \($x) show \($S[$a].signatures)"'
same "show.exhibit_index = facts.exhibits.index (number title document doc_type filename doc_description)" '
  $S | keys[] as $a | select($F[$a] != null) |
  ($F[$a].exhibits.index | map({number, title, document, doc_type, filename, doc_description})) as $x |
  select($x != $S[$a].exhibit_index[0:($x | length)]) | $a'
same "ingest: every filing parse found is stored" '$P | keys[] as $a | select($S[$a] == null) | $a'
same "facts: accession_number and type as parse" '$F | keys[] as $a | select($P[$a] != null) |
  select($F[$a].type != $P[$a].type) | $a'
# items vs show: the sections, item codes and titles
same "show.sections = items.sections (item part title start end combined document)" '
  $I | keys[] as $a | select($S[$a] != null and ($I[$a].sections | length) > 0) |
  select($I[$a].type | test("^(8-K|10-K|10-Q)")) |  # other forms: items guesses, the store does not (issue 11, 2)
  select(($I[$a].sections | map({item, part, title, start, "end": .["end"], combined})) !=
         ($S[$a].sections | map({item, part, title, start, "end": .["end"], combined})) or
         ($S[$a].sections | map(.document) | unique) != [$I[$a].document]) | $a'
same "items: items and type as parse" '$I | keys[] as $a | select($P[$a] != null and $I[$a].items != null) |
  select($I[$a].items != ($P[$a].items // []) or $I[$a].type != $P[$a].type) | $a'
# search hits vs show: the filing, the item code and the document
same "search hits = show (type filing_date item document doc_type filename)" '
  $Q[] as $h | ($S[$h.accession_number]) as $s | select($s != null) |
  select($h.type != $s.type or $h.filing_date != $s.filing_date or
         ($h.item != null and ([$s.sections[] | select(.item == $h.item and .part == $h.part)] | length) == 0) or
         ([$s.documents[] | select(.sequence == $h.document and .type == $h.doc_type and .filename == $h.filename)] | length) == 0) |
  "\($h.accession_number) \($h.item) \($h.document)"'
# company vs show and the header
same "company = the header (conformed_name assigned_sic irs_number state_of_incorporation fiscal_year_end)" '
  $C[] as $c | select([$P[] | .. | objects | select(.cik? == $c.cik) |
    select(.conformed_name == $c.conformed_name and (.assigned_sic // null) == $c.assigned_sic and
           (.irs_number // null) == $c.irs_number and (.fiscal_year_end // null) == $c.fiscal_year_end)] | length == 0) | $c.cik'
same "company.filings = show (type filing_date period acceptance_datetime items)" '
  $C[] as $c | $c.filings[] as $f | ($S[$f.accession_number]) as $s | select($s != null) |
  select([$f.type, $f.filing_date, $f.period, $f.acceptance_datetime, $f.items] !=
         [$s.type, $s.filing_date, $s.period, $s.acceptance_datetime, $s.items]) | $f.accession_number'
# source: the same path and member in every command (show: the path made absolute)
same "source.path/member: header docs facts items = parse" '$P | keys[] as $a | ($P[$a].source | {path, member}) as $x |
  ($H, $D, $F, $I) | select(.[$a] != null) | select((.[$a].source | {path, member}) != $x) |
  "\($a): parse \($x) vs \(.[$a].source | {path, member})"'
same "source.path/member: show = parse" '$S | keys[] as $a | select($P[$a] != null) |
  ($P[$a].source) as $x | ($S[$a].source) as $y |
  select($y.member != $x.member or ($y.path | endswith($x.path | sub("^(\\.\\.?/)+"; ""))) | not) |
  "\($a): parse \($x | {path, member}) show \($y | {path, member})"'
# and for the members of an archive: {"path": ARCHIVE, "member": MEMBER} everywhere
arc=$(realpath "$tmp")/vocab.tar.gz
tar czf "$arc" samples/*.txt tests/fixtures/facts
for c in parse header facts "docs --json" "items --json"; do
  "$edgr" $c -q "$arc" 2>/dev/null | jq -c '{accession_number, s: (.source | {path, member})}'
done | sort -u >"$tmp/arc.sources"
"$edgr" ingest -q --db "$tmp/arc.db" "$arc" 2>/dev/null
jq -r '.accession_number' "$tmp/arc.sources" | sort -u >"$tmp/arc.accs"
while read -r a; do
  "$edgr" show --db "$tmp/arc.db" "$a" | jq -c '{accession_number, s: (.source | {path, member})}'
done <"$tmp/arc.accs" | sort -u >"$tmp/arc.show"
[ "$(wc -l <"$tmp/arc.accs")" -ge 4 ] && ok || bad "archive: $(wc -l <"$tmp/arc.accs") submissions"
# one source per accession number, the archive's, and show's the same
stray=$(jq -r --arg arc "$arc" 'select(.s.path != $arc or (.s.member | type) != "string" or
  (.s.member | endswith(".txt") | not)) | "\(.accession_number) \(.s)"' "$tmp/arc.sources" | head -3)
[ -z "$stray" ] && ok || bad "archive members' source: $stray"
[ "$(wc -l <"$tmp/arc.sources")" = "$(wc -l <"$tmp/arc.accs")" ] && ok || bad "archive: commands disagree on a member's source: $(head -c 600 "$tmp/arc.sources")"
cmp -s "$tmp/arc.sources" "$tmp/arc.show" && ok || bad "archive: show's source differs: $(diff "$tmp/arc.sources" "$tmp/arc.show" | head -4)"

# ISO dates everywhere a date is: YYYY-MM-DD (or with THH:MM:SS)
bad_dates=$(cat "$tmp"/{parse,facts,show,company,search}.json | jq -r '
  paths(type == "string") as $p | select(($p[-1] | tostring) | test("(^|_)date$|_date_|^period$|datetime$|^date_changed$")) |
  getpath($p) as $v | select($v | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?$") | not) |
  "\($p | map(tostring) | join(".")): \($v)"' 2>/dev/null | sort -u | head -5)
[ -z "$bad_dates" ] && ok || bad "dates not ISO: $bad_dates"

echo "vocab: $pass passed, $fail failed ($n submissions)"
[ "$fail" = 0 ]
