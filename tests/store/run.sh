#!/bin/bash
# Store tests: edgr ingest (idempotence, --replace, duplicates, archives,
# stdin lists, bad files), edgr search (every filter and query form,
# malformed queries, read-only), edgr show, edgr company, edgr cat ACCESSION.
# Usage: tests/store/run.sh path/to/edgr
. "$(dirname "$0")/../lib.sh" "$@"
has() { grep -q -- "$2" "$tmp/out" && ok || bad "$1: no '$2' in: $(head -c 300 "$tmp/out")"; }
hasnt() { grep -q -- "$2" "$tmp/out" && bad "$1: '$2' should not be in: $(head -c 300 "$tmp/out")" || ok; }
lines() { local n; n=$(wc -l <"$tmp/out"); [ "$n" = "$2" ] && ok || bad "$1: $n lines, want $2"; }
sql() { sqlite3 "$db" "$@"; }
db=$tmp/s.db
S="--db $db"
s8k=samples/0009900001-17-000001.txt
s8k_nc=samples/0009900001-17-000001.nc
s10k=samples/0009900002-97-000003.txt
s8k19=samples/0009900003-19-000010.txt
s10d=samples/0009900004-23-000020.txt

# ---- help and usage
for c in ingest search show company; do
  expect "$c --help" 0 "$edgr" "$c" --help
  has "$c --help" "usage: edgr $c"
  expect "help $c" 0 "$edgr" help "$c"
done
expect "ingest unknown option" 2 "$edgr" ingest --frob samples
expect "ingest bad --jobs" 2 "$edgr" ingest --jobs 0 samples
expect "search without query" 2 "$edgr" search $S
expect "search on a missing store" 3 "$edgr" search --db "$tmp/none.db" word
grep -q "no such store; create one with 'edgr ingest FILE... --db $tmp/none.db'" "$tmp/err" && ok || bad "missing store message: $(cat "$tmp/err")"
[ ! -e "$tmp/none.db" ] && ok || bad "a search created a store"

# ---- ingest: the samples, quiet on success
expect "ingest samples" 0 "$edgr" ingest $S samples/
[ ! -s "$tmp/out" ] && ok || bad "ingest printed on stdout"
grep -v "warning" "$tmp/err" | grep -q . && bad "ingest errors: $(cat "$tmp/err")" || ok
[ "$(sql 'select count(*) from filings')" = 4 ] && ok || bad "4 filings (the .txt and .nc of one 8-K are one)"
[ "$(sql 'pragma integrity_check')" = ok ] && ok || bad "integrity_check"
sql "insert into text_fts(text_fts) values('integrity-check')" && ok || bad "FTS index integrity"
[ "$(sql 'pragma journal_mode')" = wal ] && ok || bad "WAL mode"
[ "$(sql 'pragma user_version')" = 6 ] && ok || bad "schema version 6"
# schema 3 (issue 13): EDGAR's index, empty until edgr fetch index fills it
[ "$(sql 'select count(*) from index_rows')" = 0 ] && ok || bad "an empty index_rows table"
[ "$(sql 'select count(*) from index_files')" = 0 ] && ok || bad "an empty index_files table"
# schema 4 (issue 13): the fetch journal, empty until edgr fetch plans
[ "$(sql 'select count(*) from fetch_journal')" = 0 ] && ok || bad "an empty fetch_journal table"
[ "$(sql "select type||' '||filing_date||' '||period||' '||items from filings where accession_number='0009900001-17-000001'")" = '8-K 2017-03-14 2017-03-14 ["7.01","9.01"]' ] \
  && ok || bad "filing row: $(sql "select * from filings where accession_number='0009900001-17-000001'" | head -c 200)"
[ "$(sql "select count(*) from roles r join filings f on f.id=r.filing_id where accession_number='0009900004-23-000020'")" = 3 ] \
  && ok || bad "three entities with roles in the 10-D"
[ "$(sql "select count(*) from former_names where cik='0009900001'")" = 2 ] && ok || bad "former names"
[ "$(sql "select assigned_sic||' '||state_of_incorporation||' '||fiscal_year_end from entities where cik='0009900001'")" = "2834 DE 1231" ] \
  && ok || bad "entity facts: $(sql "select * from entities where cik='0009900001'")"
[ "$(sql "select group_concat(item, ' ') from (select item from sections s join filings f on f.id=s.filing_id where accession_number='0009900001-17-000001' order by n)")" = "7.01 9.01" ] \
  && ok || bad "8-K sections"
[ "$(sql "select count(*) from sections s join filings f on f.id=s.filing_id where accession_number='0009900002-97-000003'")" = 4 ] \
  && ok || bad "1997 10-K sections"
sha=$("$edgr" cat --raw $s8k19 2 | sha256sum | cut -d' ' -f1)
[ "$(sql "select sha256 from documents d join filings f on f.id=d.filing_id where accession_number='0009900003-19-000010' and sequence=2")" = "$sha" ] \
  && ok || bad "document SHA-256 is the decoded body's"
[ "$(sql "select value from cover_facts c join filings f on f.id=c.filing_id where accession_number='0009900001-17-000001' and name='file_number'")" != "" ] \
  && ok || bad "cover facts stored"
[ "$(sql "select count(*) from signatures s join filings f on f.id=s.filing_id where accession_number='0009900001-17-000001'")" -ge 1 ] \
  && ok || bad "signers stored"
[ "$(sql "select count(*) from exhibits e join filings f on f.id=e.filing_id where accession_number='0009900001-17-000001' and number='99.1' and document=2")" = 1 ] \
  && ok || bad "exhibit 99.1 matched to document 2"
src=$(sql "select source_path from filings where accession_number='0009900002-97-000003'")
[ "$src" = "$top/$s10k" ] && ok || bad "source path recorded absolute: $src"

# ---- idempotence: the same command again changes nothing
sql .dump >"$tmp/dump1"
expect "ingest again" 0 "$edgr" ingest $S --json samples/
sql .dump >"$tmp/dump2"
cmp -s "$tmp/dump1" "$tmp/dump2" && ok || bad "second ingest changed the store"
[ "$(grep -c '"status":"unchanged"' "$tmp/out")" = 5 ] && ok || bad "five unchanged: $(cat "$tmp/out")"
# duplicated and concatenated inputs in one run
expect "duplicates in one run" 0 "$edgr" ingest --db "$tmp/d.db" --json $s8k $s8k $s8k_nc $s8k
[ "$(sqlite3 "$tmp/d.db" 'select count(*) from filings')" = 1 ] && ok || bad "one filing from four copies"
[ "$(grep -c '"status":"added"' "$tmp/out")" = 1 ] && ok || bad "added once: $(cat "$tmp/out")"
[ "$(grep -c '"status":"unchanged"' "$tmp/out")" = 3 ] && ok || bad "then unchanged"
cat $s8k $s10k $s8k >"$tmp/concat.txt"
expect "concatenated" 0 "$edgr" ingest --db "$tmp/d.db" "$tmp/concat.txt"
[ "$(sqlite3 "$tmp/d.db" 'select count(*) from filings')" = 2 ] && ok || bad "concatenated file adds its new filing only"
[ "$(sqlite3 "$tmp/d.db" "select source_offset > 0 from filings where accession_number='0009900002-97-000003'")" = 1 ] \
  && ok || bad "a filing's offset inside a concatenated file"
expect "cat from a concatenated source" 0 "$edgr" cat --db "$tmp/d.db" 0009900002-97-000003 1
grep -q "QUILLFEATHER" "$tmp/out" && ok || bad "cat read the second filing of the file"

# ---- --replace
rows=$(sql 'select count(*) from text_rows')
expect "replace" 0 "$edgr" ingest $S --replace --json $s8k
has "replace status" '"status":"replaced"'
[ "$(sql 'select count(*) from filings')" = 4 ] && ok || bad "replace keeps the count"
[ "$(sql 'select count(*) from text_rows')" = "$rows" ] && ok || bad "replace leaves no stale rows"
sql "insert into text_fts(text_fts) values('integrity-check')" && ok || bad "FTS index after replace"
expect "search after replace" 0 "$edgr" search $S --json '"Halcyon Meadow"' --limit 100
[ "$(grep -c '"accession_number":"0009900001-17-000001"' "$tmp/out")" -ge 1 ] && ok || bad "hits after replace"

# ---- a header alone, then the whole filing
sed -n '/<SEC-HEADER>/,/<\/SEC-HEADER>/p' $s8k19 >"$tmp/h.hdr.sgml"
expect "header only" 0 "$edgr" ingest --db "$tmp/h.db" "$tmp/h.hdr.sgml"
[ "$(sqlite3 "$tmp/h.db" 'select header_only||doc_count from filings')" = 10 ] && ok || bad "header-only record"
expect "then the filing" 0 "$edgr" ingest --db "$tmp/h.db" --json $s8k19
has "header-only record gives way" '"status":"replaced"'
[ "$(sqlite3 "$tmp/h.db" 'select header_only||doc_count from filings')" = 02 ] && ok || bad "whole filing stored"
expect "the header again" 0 "$edgr" ingest --db "$tmp/h.db" --json "$tmp/h.hdr.sgml"
has "a header never replaces the filing" '"status":"unchanged"'

# ---- bad files: reported with file and offset, the batch goes on
expect "bad file in a batch" 1 "$edgr" ingest --db "$tmp/b.db" tests/fixtures/not_edgar.txt $s8k tests/fixtures/empty.txt $s10k
grep -q '^tests/fixtures/not_edgar.txt: 0: ' "$tmp/err" && ok || bad "bad file message: $(cat "$tmp/err")"
grep -q '^tests/fixtures/empty.txt: 0: ' "$tmp/err" && ok || bad "empty file message"
# (the named plain-text not_edgar.txt is kept as a bare document, sha256: key)
[ "$(sqlite3 "$tmp/b.db" 'select count(*) from filings')" = 3 ] && ok || bad "good files stored"
grep -q '^tests/fixtures/not_edgar.txt: 0: warning: no SEC header: stored as a bare document under sha256:' "$tmp/err" && ok || bad "plain text named: stored bare: $(cat "$tmp/err")"
expect "missing path" 1 "$edgr" ingest --db "$tmp/b.db" /nonexistent/x.txt
grep -q '^/nonexistent/x.txt: 0: ' "$tmp/err" && ok || bad "missing path message"
expect "truncated filing" 0 "$edgr" ingest --db "$tmp/b.db" -q tests/fixtures/truncated.txt
expect "not a store" 3 "$edgr" ingest --db tests/fixtures/not_edgar.txt $s8k
grep -q "not an edgr store\|not a database\|file is not" "$tmp/err" && ok || bad "refuses a file that is not a store: $(cat "$tmp/err")"
sqlite3 "$tmp/other.db" "create table t(x)"
expect "someone else's database" 3 "$edgr" ingest --db "$tmp/other.db" $s8k
grep -q "not an edgr store" "$tmp/err" && ok || bad "refuses another database: $(cat "$tmp/err")"
cp "$db" "$tmp/new.db"; sqlite3 "$tmp/new.db" "pragma user_version=99"
expect "a newer schema" 3 "$edgr" search --db "$tmp/new.db" word
grep -q "newer edgr" "$tmp/err" && ok || bad "newer schema message: $(cat "$tmp/err")"

# ---- archives and lists of paths
(cd samples && tar czf "$tmp/feed.nc.tar.gz" *.nc *.txt)
expect "archive" 0 "$edgr" ingest --db "$tmp/a.db" "$tmp/feed.nc.tar.gz"
[ "$(sqlite3 "$tmp/a.db" 'select count(*) from filings')" = 4 ] && ok || bad "archive: 4 filings"
[ "$(sqlite3 "$tmp/a.db" "select source_member from filings where accession_number='0009900003-19-000010'")" = 0009900003-19-000010.txt ] \
  && ok || bad "archive member recorded"
expect "cat from an archive" 0 "$edgr" cat --db "$tmp/a.db" 0009900003-19-000010 2
cmp -s "$tmp/out" <("$edgr" cat $s8k19 2) && ok || bad "cat through the store gives the document"
ls samples/*.txt | "$edgr" ingest --db "$tmp/l.db" --files-from - >"$tmp/out" 2>"$tmp/err" && ok || bad "paths on stdin: $(cat "$tmp/err")"
[ "$(sqlite3 "$tmp/l.db" 'select count(*) from filings')" = 4 ] && ok || bad "stdin list: 4 filings"
expect "jobs 1" 0 "$edgr" ingest --db "$tmp/j.db" --jobs 1 samples/
[ "$(sqlite3 "$tmp/j.db" 'select count(*) from filings')" = 4 ] && ok || bad "--jobs 1: 4 filings"

# ---- inputs (issue 11): '-' is content, --files-from reads a list of paths,
# bare documents are stored, accession numbers with or without dashes
expect "ingest - (content)" 0 sh -c "\"$edgr\" ingest --db \"$tmp/c.db\" --json - < $s8k"
has "ingest - stores stdin" '"accession_number":"0009900001-17-000001","status":"added"'
expect "ingest - (a piped tar.gz)" 0 sh -c "cat \"$tmp/feed.nc.tar.gz\" | \"$edgr\" ingest --db \"$tmp/c2.db\" --json -"
[ "$(grep -o '"accession_number":"[^"]*"' "$tmp/out" | sort -u | wc -l)" = 4 ] && ok || bad "ingest a piped archive: $(cat "$tmp/out")"
expect "ingest - (gzip)" 0 sh -c "gzip -c $s10k | \"$edgr\" ingest --db \"$tmp/c.db\" --json -"
has "ingest gzip on stdin" '"accession_number":"0009900002-97-000003","status":"added"'
expect "ingest a .gz" 0 sh -c "gzip -c $s8k19 > \"$tmp/one.txt.gz\" && \"$edgr\" ingest --db \"$tmp/c.db\" --json \"$tmp/one.txt.gz\""
has "ingest a .gz file" '"accession_number":"0009900003-19-000010","status":"added"'
expect "show a gzipped filing's document" 0 "$edgr" cat --db "$tmp/c.db" 0009900003-19-000010 2
cmp -s "$tmp/out" <("$edgr" cat $s8k19 2) && ok || bad "cat through the store of a .gz"
expect "a list on stdin is not a filing" 1 sh -c "ls samples/*.txt | \"$edgr\" ingest --db \"$tmp/c3.db\" -"
grep -q -- "--files-from" "$tmp/err" && ok || bad "list on stdin: no hint of --files-from: $(cat "$tmp/err")"
expect "files-from -" 0 sh -c "ls samples/*.txt | \"$edgr\" ingest --db \"$tmp/f.db\" --json --files-from -"
lines "files-from -: 4 filings" 4
expect "files-from FILE (blank lines, CRLF)" 0 "$edgr" ingest --db "$tmp/f2.db" --json --files-from tests/fixtures/inputs/list-crlf.txt
lines "files-from FILE: 4 filings" 4
expect "files-from=FILE" 0 "$edgr" ingest --db "$tmp/f3.db" --files-from=tests/fixtures/inputs/list-crlf.txt $s8k
expect "files-from a missing list" 1 "$edgr" ingest --db "$tmp/f3.db" --files-from "$tmp/nolist"
grep -q "nolist" "$tmp/err" && ok || bad "missing list named: $(cat "$tmp/err")"
printf 'samples/0009900001-17-000001.txt\n/nonexistent/y.txt\n' > "$tmp/list2"
expect "files-from with a missing path" 1 "$edgr" ingest --db "$tmp/f3.db" --files-from "$tmp/list2"
grep -q "^/nonexistent/y.txt: 0: " "$tmp/err" && ok || bad "missing listed path: $(cat "$tmp/err")"
expect "files-from needs a value" 2 "$edgr" ingest --db "$tmp/f3.db" --files-from
expect "files-from a folder" 1 "$edgr" ingest --db "$tmp/f4.db" --files-from samples
grep -q "^samples: " "$tmp/err" && ok || bad "files-from a folder: said: $(cat "$tmp/err")"
# a list of NUL-ended names (find -print0) is not read as its first name alone
printf 'samples/0009900001-17-000001.txt\0samples/0009900003-19-000010.txt\0' > "$tmp/list0"
expect "files-from with NULs" 1 "$edgr" ingest --db "$tmp/f4.db" --json --files-from "$tmp/list0"
grep -q "list0: .*NUL" "$tmp/err" && ok || bad "files-from with NULs: said: $(cat "$tmp/err")"
lines "files-from with NULs: nothing stored" 0
# bare documents: accession from the EDGAR folder, the file name, --accession, or the SHA-256
bare=tests/fixtures/inputs/corvid-8k.htm
mkdir -p "$tmp/edgar/data/9900110/000990011017000002" "$tmp/dl"
cp $bare "$tmp/edgar/data/9900110/000990011017000002/clsi-8k.htm"
cp $bare "$tmp/dl/0009900110-17-000003.txt"
cp $bare "$tmp/dl/0009900110-17-000004-index.htm"
sed 's/second/third/' $bare > "$tmp/dl/clsi-8k-b.htm"
sed 's/second/fourth/' $bare > "$tmp/dl/clsi-8k-c.htm"
expect "bare: folder accession" 0 "$edgr" ingest --db "$tmp/bare.db" --json "$tmp/edgar/data/9900110/000990011017000002/clsi-8k.htm"
has "bare: folder accession" '"accession_number":"0009900110-17-000002","status":"added"'
grep -q "0009900110-17-000002.*path" "$tmp/err" && ok || bad "bare: the warning says where the accession came from: $(cat "$tmp/err")"
expect "bare: file-name accession" 0 "$edgr" ingest --db "$tmp/bare.db" --json "$tmp/dl/0009900110-17-000003.txt" "$tmp/dl/0009900110-17-000004-index.htm"
has "bare: file-name accession" '"accession_number":"0009900110-17-000003"'
has "bare: -index file name" '"accession_number":"0009900110-17-000004"'
expect "bare: --accession" 0 "$edgr" ingest --db "$tmp/bare.db" --json --accession 000990011017000005 "$tmp/dl/clsi-8k-b.htm"
has "bare: --accession without dashes" '"accession_number":"0009900110-17-000005"'
expect "bad --accession" 2 "$edgr" ingest --db "$tmp/bare.db" --accession 12-34 "$tmp/dl/clsi-8k-b.htm"
expect "bare: sha256 key" 0 "$edgr" ingest --db "$tmp/bare.db" --json "$tmp/dl/clsi-8k-c.htm"
key=sha256:$(sha256sum "$tmp/dl/clsi-8k-c.htm" | cut -c1-20)
has "bare: sha256 key" "\"accession_number\":\"$key\""
grep -q -- "--accession" "$tmp/err" && ok || bad "bare: the warning says how to give an accession: $(cat "$tmp/err")"
expect "bare: stored again, unchanged" 0 "$edgr" ingest --db "$tmp/bare.db" --json "$tmp/dl/clsi-8k-c.htm"
has "bare: same key, unchanged" "\"accession_number\":\"$key\",\"status\":\"unchanged\""
expect "bare: searchable" 0 "$edgr" search --db "$tmp/bare.db" --json 'fourth marigoldfen'
has "bare: search finds the sha256-keyed document" "$key"
expect "bare: show by key" 0 "$edgr" show --db "$tmp/bare.db" "$key"
has "bare: show" "$key"
expect "bare: show by key in capitals" 0 "$edgr" show --db "$tmp/bare.db" "$(echo "$key" | tr a-z A-Z)"
has "bare: show, key in capitals" "$key"
expect "bare: cat by key" 0 "$edgr" cat --db "$tmp/bare.db" "$key" 1
cmp -s "$tmp/out" "$tmp/dl/clsi-8k-c.htm" && ok || bad "bare: cat by key gives the document"
expect "bare: cat by folder accession, undashed" 0 "$edgr" cat --db "$tmp/bare.db" 000990011017000002 1
cmp -s "$tmp/out" $bare && ok || bad "bare: cat by accession gives the document"
expect "bare, walked in a folder" 0 "$edgr" ingest --db "$tmp/bare2.db" --json "$tmp/edgar"
has "bare in a folder: stored" '"accession_number":"0009900110-17-000002"'
expect "bare on stdin, --accession" 0 sh -c "\"$edgr\" ingest --db \"$tmp/bare4.db\" --json --accession 0009900110-17-000009 - < $bare"
has "bare on stdin keyed by --accession" '"accession_number":"0009900110-17-000009","status":"added"'
expect "cat of a filing read from stdin" 1 "$edgr" cat --db "$tmp/bare4.db" 0009900110-17-000009 1
grep -q "standard input" "$tmp/err" && ok || bad "cat from stdin: say the bytes were not kept: $(cat "$tmp/err")"
# plain text named or piped, with no accession anywhere: the SHA-256 key too
# (in a folder only with an accession in its path, so a README stays out)
printf 'Corvid Lumen Systems memo: the quintessaplover shipment arrived.\n' > "$tmp/dl/memo.txt"
expect "bare text: sha256 key" 0 "$edgr" ingest --db "$tmp/bt.db" --json "$tmp/dl/memo.txt"
tkey=sha256:$(sha256sum "$tmp/dl/memo.txt" | cut -c1-20)
has "bare text: sha256 key" "\"accession_number\":\"$tkey\",\"status\":\"added\""
grep -q "$tkey.*--accession" "$tmp/err" && ok || bad "bare text: the warning says which key and how to give one: $(cat "$tmp/err")"
expect "bare text: searchable" 0 "$edgr" search --db "$tmp/bt.db" --json quintessaplover
has "bare text: search finds it" "$tkey"
expect "bare text piped: sha256 key" 0 sh -c "\"$edgr\" ingest --db \"$tmp/bt2.db\" --json - < \"$tmp/dl/memo.txt\""
has "bare text piped: sha256 key" "\"accession_number\":\"$tkey\""
mkdir -p "$tmp/rd"
cp "$tmp/dl/memo.txt" "$tmp/rd/README.txt"
expect "bare text in a folder: skipped" 0 "$edgr" ingest --db "$tmp/bt3.db" --json "$tmp/rd"
hasnt "bare text in a folder: not stored" "$tkey"
# binary data named is no bare document, even now that text is keyed
head -c 64 /dev/zero > "$tmp/dl/zeros.txt"
expect "bare: binary data refused" 1 "$edgr" ingest --db "$tmp/bt.db" --json "$tmp/dl/zeros.txt"
grep -q "zeros.txt: 0: not an EDGAR submission or document (binary data)" "$tmp/err" && ok || bad "binary named: said: $(cat "$tmp/err")"
# an empty list of paths is said, and exit 1 (nothing was ingested)
: > "$tmp/emptylist"
expect "files-from an empty list" 1 "$edgr" ingest --db "$tmp/el.db" --files-from "$tmp/emptylist"
grep -q "emptylist: 0: no paths in the list" "$tmp/err" && ok || bad "files-from an empty list: said: $(cat "$tmp/err")"
printf '\n  \n' > "$tmp/blanklist"
expect "files-from a list of blank lines" 1 "$edgr" ingest --db "$tmp/el.db" --files-from "$tmp/blanklist"
expect "files-from - empty" 1 sh -c "\"$edgr\" ingest --db \"$tmp/el.db\" --files-from - < /dev/null"
grep -q "no paths in the list" "$tmp/err" && ok || bad "files-from - empty: said: $(cat "$tmp/err")"
# <DOCUMENT> blocks with no SEC header: keyed the same way (path, --accession)
mkdir -p "$tmp/edgar/data/9900110/000990011017000007"
cp tests/fixtures/fragment.txt "$tmp/edgar/data/9900110/000990011017000007/umb-8k.txt"
expect "fragment: folder accession" 0 "$edgr" ingest --db "$tmp/frag.db" --json "$tmp/edgar/data/9900110/000990011017000007/umb-8k.txt"
has "fragment: folder accession" '"accession_number":"0009900110-17-000007","status":"added"'
expect "fragment: show" 0 "$edgr" show --db "$tmp/frag.db" 000990011017000007
has "fragment: its document" '"filename":"umb-8k.htm"'
expect "fragment: --accession" 0 "$edgr" ingest --db "$tmp/frag.db" --json --accession 0009900110-17-000008 tests/fixtures/fragment.txt
has "fragment: --accession" '"accession_number":"0009900110-17-000008"'
expect "fragment: no accession anywhere" 1 "$edgr" ingest --db "$tmp/frag.db" tests/fixtures/fragment.txt
grep -q -- "--accession" "$tmp/err" && ok || bad "fragment: say how to give one: $(cat "$tmp/err")"
# EDGAR's -index.json beside a filing is not a document to store
mkdir -p "$tmp/jf"
printf '{"directory":{"name":"/Archives/edgar/data/9900110/000990011017000006","item":[]}}\n' \
  > "$tmp/jf/0009900110-17-000006-index.json"
expect "an -index.json in a folder: skipped" 0 "$edgr" ingest --db "$tmp/bare3.db" --json "$tmp/jf"
hasnt "an -index.json is not stored" '0009900110-17-000006'
grep -q "warning: .*JSON" "$tmp/err" && ok || bad "-index.json: the warning says why: $(cat "$tmp/err")"
expect "an -index.json named: an error" 1 "$edgr" ingest --db "$tmp/bare3.db" "$tmp/jf/0009900110-17-000006-index.json"
# accession numbers without dashes
expect "show undashed" 0 "$edgr" show $S 000990000117000001
has "show undashed" '0009900001-17-000001'
expect "cat undashed" 0 "$edgr" cat $S 000990000117000001 2
cmp -s "$tmp/out" <("$edgr" cat $s8k 2) && ok || bad "cat undashed gives the document"
expect "show: not an accession" 1 "$edgr" show $S 00099000011

# ---- search: query forms
expect "word" 0 "$edgr" search $S --json meadow
has "word" '"accession_number":"0009900001-17-000001"'
for f in accession_number type filing_date cik conformed_name item part document doc_type filename score snippet; do
  has "hit field $f" "\"$f\":"
done
expect "phrase" 0 "$edgr" search $S --json '"press release"'
has "phrase snippet marks" '<mark>press</mark> <mark>release</mark>\|<mark>press release</mark>'
expect "stemming" 0 "$edgr" search $S --json 'announcing'
expect "AND" 0 "$edgr" search $S --json 'halcyon AND interim'
expect "OR" 0 "$edgr" search $S --json 'quillfeather OR larkspur'
has "OR: one side" '0009900002-97-000003'
has "OR: other side" '0009900003-19-000010'
expect "NOT" 0 "$edgr" search $S --json --limit 100 '(quillfeather OR larkspur) NOT quillfeather'
hasnt "NOT excludes" '0009900002-97-000003'
expect "NEAR" 0 "$edgr" search $S --json 'NEAR(press release, 3)'
expect "prefix" 0 "$edgr" search $S --json 'quillfeath*'
has "prefix" '0009900002-97-000003'
expect "no hits" 1 "$edgr" search $S 'zyzzyvaword'
expect "punctuation as phrase" 0 "$edgr" search $S --json 'Halcyon-Meadow'
expect "table output" 0 "$edgr" search $S meadow
has "table output" '0009900001-17-000001'

# ---- search: filters
expect "--form" 0 "$edgr" search $S --json --limit 100 --form 10-K 'company OR meadow OR quillfeather'
hasnt "--form 10-K" '"type":"8-K"'
expect "--form lower case" 0 "$edgr" search $S --json --form 8-k meadow
expect "--cik" 0 "$edgr" search $S --json --limit 100 --cik 9900003 'company OR corporation OR orbital'
hasnt "--cik" '"cik":"0009900001"'
has "--cik" '"cik":"0009900003"'
expect "--cik of a second entity" 0 "$edgr" search $S --json --cik 0009900006 'receivables OR trust'
has "--cik matches any entity" '0009900004-23-000020'
expect "--company exact" 0 "$edgr" search $S --json --company 'Larkspur Orbital Systems Corp.' 'orbital OR company'
has "--company exact" '0009900003-19-000010'
expect "--company prefix" 0 "$edgr" search $S --json --company 'larkspur orb' 'orbital OR company'
has "--company prefix" '0009900003-19-000010'
expect "--company substring" 0 "$edgr" search $S --json --company 'orbital' 'orbital OR company'
has "--company substring" '0009900003-19-000010'
expect "--company former name" 0 "$edgr" search $S --json --company 'LARKSPUR AEROSPACE' 'orbital OR company'
has "--company former name" '0009900003-19-000010'
expect "--company unknown" 1 "$edgr" search $S --company 'nosuchco' 'company'
expect "--from/--to" 0 "$edgr" search $S --json --limit 100 --from 2017-01-01 --to 2019-12-31 'company OR meadow OR quillfeather OR orbital'
hasnt "--from excludes 1997" '"filing_date":"1997'
hasnt "--to excludes 2023" '"filing_date":"2023'
expect "--from year" 0 "$edgr" search $S --json --from 2019 --limit 100 'company OR orbital'
hasnt "--from 2019" '"filing_date":"2017'
expect "--item" 0 "$edgr" search $S --json --limit 100 --item 7.01 'meadow OR company'
has "--item" '"item":"7.01"'
hasnt "--item only that item" '"item":"9.01"'
expect "--item 10-K" 0 "$edgr" search $S --json --limit 100 --item 1 'company OR business OR mill'
has "--item 10-K" '"item":"1'
expect "--doc-type" 0 "$edgr" search $S --json --limit 100 --doc-type ex-99.1 'meadow OR company OR release'
hasnt "--doc-type" '"doc_type":"8-K"'
has "--doc-type" '"doc_type":"EX-99.1"'
expect "--sort date" 0 "$edgr" search $S --json --limit 100 --sort date 'company'
first=$(head -1 "$tmp/out" | grep -o '"filing_date":"[^"]*"'); last=$(tail -1 "$tmp/out" | grep -o '"filing_date":"[^"]*"')
[[ "$first" > "$last" || "$first" == "$last" ]] && ok || bad "--sort date: $first then $last"
expect "--limit" 0 "$edgr" search $S --json --limit 2 'company'
lines "--limit 2" 2
"$edgr" search $S --json --limit 3 company >"$tmp/p1"; "$edgr" search $S --json --limit 1 --offset 2 company >"$tmp/p2"
[ "$(sed -n 3p "$tmp/p1")" = "$(cat "$tmp/p2")" ] && ok || bad "--offset pages"

# ---- malformed queries: a clear error, exit 2, never SQL
for q in '"unclosed' 'AND' 'meadow AND' '(meadow' 'meadow)' '*' 'NEAR(a b' 'OR OR' '   ' 'meadow *'; do
  expect "malformed: $q" 2 "$edgr" search $S "$q"
  grep -q "^edgr search: " "$tmp/err" && ok || bad "malformed '$q': message: $(cat "$tmp/err")"
  grep -qi "sql\|fts5\|sqlite" "$tmp/err" && bad "malformed '$q' shows SQL: $(cat "$tmp/err")" || ok
  # a usage error like any other: the one Try line of every command
  [ "$(tail -1 "$tmp/err")" = "Try 'edgr search --help' for more information." ] && ok \
    || bad "malformed '$q': Try line: $(tail -1 "$tmp/err")"
done
expect "bad --from" 2 "$edgr" search $S --from 2017-3-8 meadow
expect "bad --cik" 2 "$edgr" search $S --cik ACME meadow
expect "bad --limit" 2 "$edgr" search $S --limit x meadow
expect "bad --sort" 2 "$edgr" search $S --sort size meadow
# no query writes
sum1=$(sql .dump | md5sum)
"$edgr" search $S "meadow'); DROP TABLE filings; --" >/dev/null 2>&1
"$edgr" search $S --form "8-K'; DELETE FROM filings; --" meadow >/dev/null 2>&1
"$edgr" search $S --company "x'); DELETE FROM names; --" meadow >/dev/null 2>&1
[ "$(sql .dump | md5sum)" = "$sum1" ] && ok || bad "a query changed the store"

# ---- show
expect "show" 0 "$edgr" show $S --pretty 0009900001-17-000001
for f in accession_number header entities documents sections exhibit_index cover securities_12b signatures date_text decoded_size sha256 source; do has "show $f" "\"$f\""; done
has "show item" '"item": "7.01"'
expect "show --text" 0 "$edgr" show $S --pretty --text 0009900001-17-000001
has "show section text" '"text": "On March 14, 2017'
expect "show compact" 0 sh -c "\"$edgr\" show $S 0009900002-97-000003 | cat"
lines "show piped is one line" 1
expect "show unknown" 1 "$edgr" show $S 0000000000-00-000000
grep -q "no such filing" "$tmp/err" && ok || bad "show unknown message"

# ---- company
expect "company by CIK" 0 "$edgr" company $S --pretty 9900001
has "company name" '"conformed_name": "Halcyon Meadow Therapeutics, Inc."'
for f in cik assigned_sic sic_description irs_number state_of_incorporation fiscal_year_end business_address mail_address former_company former_conformed_name filings accession_number filing_date type period acceptance_datetime document filename doc_description; do
  has "company $f" "\"$f\""
done
expect "company by padded CIK" 0 "$edgr" company $S 0009900001
expect "company by name" 0 "$edgr" company $S --pretty 'halcyon meadow therapeutics, inc.'
has "company by name" '"cik": "0009900001"'
expect "company by former name" 0 "$edgr" company $S --pretty 'MEADOWBROOK'
has "company by former name" '"cik": "0009900001"'
expect "company by substring" 0 sh -c "\"$edgr\" company $S 'ridge' | cat"
[ "$(wc -l <"$tmp/out")" -ge 3 ] && ok || bad "three Cobalt Ridge companies"
expect "company unknown" 1 "$edgr" company $S 'nosuchcompany'
"$edgr" company $S 9900004 >/dev/null 2>&1 || true
expect "company filings newest first" 0 sh -c "\"$edgr\" company $S 9900001 | cat"

# ---- cat ACCESSION
expect "cat accession" 0 "$edgr" cat $S 0009900001-17-000001 2
cmp -s "$tmp/out" <("$edgr" cat $s8k 2) && ok || bad "cat via the store"
expect "cat unknown accession" 1 "$edgr" cat $S 0000000000-00-000000 1

# ---- the index is FTS5's own, and edgr_bm25 ranks as bm25() does
# Workers tokenize rows and the writer replays their tokens (src/store/
# pretok.h): a rebuild by the sqlite3 shell, with the stock tokenizer, must
# give the very same index, position by position.
same_index() { # same_index DESCRIPTION STORE
  local vocab="CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, text_fts, instance);
SELECT term, doc, col, offset FROM temp.vi;"
  sqlite3 "$2" ".backup $tmp/rebuilt.db" || { bad "$1: backup"; return; }
  sqlite3 "$tmp/rebuilt.db" "insert into text_fts(text_fts) values('rebuild')" || { bad "$1: rebuild"; return; }
  local a b n
  a=$(sqlite3 "$2" "$vocab" | md5sum) b=$(sqlite3 "$tmp/rebuilt.db" "$vocab" | md5sum)
  n=$(sqlite3 "$2" "select count(*) from text_rows")
  [ "$a" = "$b" ] && [ "$n" -gt 0 ] && ok || bad "$1: the index differs from FTS5's own rebuild"
  rm -f "$tmp/rebuilt.db"
}
rank_check=$(dirname "$edgr")/store_rank_check
same_index "samples index" "$db"
# a filing whose text has no word: rows with no tokens at all (fuzz_store)
expect "ingest a filing with no words" 0 "$edgr" ingest --db "$tmp/nowords.db" tests/fixtures/store/no-words.txt
[ "$(sqlite3 "$tmp/nowords.db" 'select count(*) from text_rows')" = 1 ] && ok || bad "the row with no words is stored"
same_index "no-words index" "$tmp/nowords.db"
if [ -x "$rank_check" ]; then
  "$rank_check" "$db" >"$tmp/out" 2>&1 && ok || bad "edgr_bm25 vs bm25 on the samples: $(grep -m3 FAIL "$tmp/out")"
else
  bad "no $rank_check"
fi

# ---- a schema-1 store (the names before issue 11) is migrated in place:
# made here by renaming a fresh store's columns back, as version 1 had them
# the tables of schema 6 (issue 15), dropped to make the older stores
OWN_DROP="DROP TABLE insider_rows; DROP TABLE insider_owners; DROP TABLE holdings; DROP TABLE ownership_docs;"
cp "$db" "$tmp/v1.db"
"$edgr" show $S 0009900001-17-000001 >"$tmp/show2"
"$edgr" company $S 0009900001 >"$tmp/company2"
sqlite3 "$tmp/v1.db" "
  ALTER TABLE filings RENAME COLUMN accession_number TO accession; ALTER TABLE filings RENAME COLUMN type TO form;
  ALTER TABLE filings RENAME COLUMN acceptance_datetime TO accepted;
  ALTER TABLE filings RENAME COLUMN date_of_filing_date_change TO changed;
  ALTER TABLE filings RENAME COLUMN conformed_name TO company;
  UPDATE filings SET items = replace(replace(replace(replace(items, '[', ''), ']', ''), '\"', ''), ' ', '');
  ALTER TABLE entities RENAME COLUMN conformed_name TO name; ALTER TABLE entities RENAME COLUMN assigned_sic TO sic;
  ALTER TABLE entities RENAME COLUMN facts_as_of TO as_of; ALTER TABLE roles RENAME COLUMN conformed_name TO name;
  ALTER TABLE former_names RENAME COLUMN former_conformed_name TO name;
  ALTER TABLE documents RENAME COLUMN sequence TO seq; ALTER TABLE documents RENAME COLUMN decoded_size TO size;
  ALTER TABLE sections RENAME COLUMN document TO doc; ALTER TABLE text_rows RENAME COLUMN document TO doc;
  ALTER TABLE exhibits RENAME COLUMN document TO doc; ALTER TABLE securities RENAME COLUMN trading_symbol TO symbol;
  ALTER TABLE signatures RENAME COLUMN date TO date_iso; ALTER TABLE signatures RENAME COLUMN date_text TO date;
  UPDATE cover_facts SET name = 'pre_commencement_tender' WHERE name = 'pre_commencement_tender_offer';
  UPDATE cover_facts SET name = 'pre_commencement_issuer' WHERE name = 'pre_commencement_issuer_tender_offer';
  UPDATE cover_facts SET name = 'emerging_growth' WHERE name = 'emerging_growth_company';
  DROP TABLE index_rows; DROP TABLE index_files; DROP TABLE fetch_journal; DROP TABLE xbrl_facts;
  $OWN_DROP PRAGMA user_version = 1;" && ok || bad "made a schema-1 store"
[ "$(sqlite3 "$tmp/v1.db" "select items from filings where accession='0009900001-17-000001'")" = 7.01,9.01 ] \
  && ok || bad "the schema-1 store has comma items"
expect "show on a schema-1 store" 3 "$edgr" show --db "$tmp/v1.db" 0009900001-17-000001
tr "\n" " " < "$tmp/err" | grep -q "older store (schema 1).*edgr ingest" && ok || bad "schema-1 store: says how to upgrade: $(cat "$tmp/err")"
expect "ingest migrates a schema-1 store" 0 "$edgr" ingest --db "$tmp/v1.db" $s8k
[ "$(sqlite3 "$tmp/v1.db" 'pragma user_version')" = 6 ] && ok || bad "migrated to schema 6"
[ "$(sqlite3 "$tmp/v1.db" 'select count(*) from index_rows')" = 0 ] && ok || bad "the migrated store has index_rows"
# a schema-2 store (0.2.0's, before EDGAR's index tables) migrates to 3 as well
cp "$db" "$tmp/v2.db"
sqlite3 "$tmp/v2.db" "DROP TABLE index_rows; DROP TABLE index_files; DROP TABLE fetch_journal; DROP TABLE xbrl_facts;
  $OWN_DROP PRAGMA user_version = 2;" && ok || bad "made a schema-2 store"
expect "search on a schema-2 store" 3 "$edgr" search --db "$tmp/v2.db" meadow
expect "ingest migrates a schema-2 store" 0 "$edgr" ingest -q --db "$tmp/v2.db" $s8k
[ "$(sqlite3 "$tmp/v2.db" 'pragma user_version')" = 6 ] && ok || bad "schema 2 migrated to 6"
[ "$(sqlite3 "$tmp/v2.db" 'select count(*) from index_files')" = 0 ] && ok || bad "the schema-2 store has index_files after migration"
expect "search on the store migrated from 2" 0 "$edgr" search --db "$tmp/v2.db" meadow
# a schema-3 store (before the fetch journal) migrates to 4, its index kept
cp "$db" "$tmp/v3.db"
sqlite3 "$tmp/v3.db" "DROP TABLE fetch_journal; DROP TABLE xbrl_facts; $OWN_DROP INSERT INTO index_rows VALUES('0009900001', 'X', '8-K', '2017-03-14',
  'edgar/data/9900001/0009900001-17-000001.txt', '0009900001-17-000001'); PRAGMA user_version = 3;" && ok || bad "made a schema-3 store"
expect "ingest migrates a schema-3 store" 0 "$edgr" ingest -q --db "$tmp/v3.db" $s8k
[ "$(sqlite3 "$tmp/v3.db" 'pragma user_version; select count(*) from index_rows; select count(*) from fetch_journal' | tr '\n' ' ')" = "6 1 0 " ] \
  && ok || bad "schema 3 migrated to 6, the index kept"
# a schema-4 store (before XBRL facts) migrates to 5: the table there, empty
# for the filings it held, filled by a --replace
cp "$db" "$tmp/v4.db"
sqlite3 "$tmp/v4.db" "DROP TABLE xbrl_facts; $OWN_DROP PRAGMA user_version = 4;" && ok || bad "made a schema-4 store"
expect "ingest migrates a schema-4 store" 0 "$edgr" ingest -q --db "$tmp/v4.db" $s8k
[ "$(sqlite3 "$tmp/v4.db" 'pragma user_version; select count(*) from xbrl_facts' | tr '\n' ' ')" = "6 0 " ] \
  && ok || bad "schema 4 migrated to 6"
# a schema-5 store (before the ownership and 13F tables) migrates to 6:
# the tables there, empty for the filings it held
cp "$db" "$tmp/v5.db"
sqlite3 "$tmp/v5.db" "$OWN_DROP PRAGMA user_version = 5;" && ok || bad "made a schema-5 store"
expect "ingest migrates a schema-5 store" 0 "$edgr" ingest -q --db "$tmp/v5.db" $s8k
[ "$(sqlite3 "$tmp/v5.db" 'pragma user_version; select count(*) from insider_rows; select count(*) from holdings' | tr '\n' ' ')" = "6 0 0 " ] \
  && ok || bad "schema 5 migrated to 6"
[ "$(sqlite3 "$tmp/v1.db" 'pragma integrity_check')" = ok ] && ok || bad "migrated store integrity"
expect "show on the migrated store" 0 "$edgr" show --db "$tmp/v1.db" 0009900001-17-000001
cmp -s "$tmp/out" "$tmp/show2" && ok || bad "show after migration differs: $(diff "$tmp/out" "$tmp/show2" | head -c 600)"
expect "company on the migrated store" 0 "$edgr" company --db "$tmp/v1.db" 0009900001
cmp -s "$tmp/out" "$tmp/company2" && ok || bad "company after migration differs"
expect "search on the migrated store" 0 "$edgr" search --db "$tmp/v1.db" --json --form 8-K --item 7.01 meadow
grep -q '"item":"7.01"' "$tmp/out" && ok || bad "search after migration"

# ---- the corpus: every file ingests with no error; the seed filing is found
corpus=../shared/corpus
if [ -d "$corpus/submissions" ]; then
  expect "ingest the corpus" 0 "$edgr" ingest --db "$tmp/corpus.db" "$corpus"
  # warnings and the summary line are not errors
  grep -v ': warning: \|^edgr ingest: [0-9]* files: ' "$tmp/err" | grep -q . && bad "corpus errors: $(grep -v ': warning: ' "$tmp/err" | head -5)" || ok
  n=$(sqlite3 "$tmp/corpus.db" 'select count(*) from filings')
  [ "$n" -ge 130 ] && ok || bad "corpus: $n filings stored"
  [ "$(sqlite3 "$tmp/corpus.db" 'pragma integrity_check')" = ok ] && ok || bad "corpus store integrity"
  expect "seed search" 0 "$edgr" search --db "$tmp/corpus.db" --json --form 8-K '"multiple myeloma"'
  grep '"accession_number":"0001144204-17-013452"' "$tmp/out" | grep -q '"item":"7.01"\|"doc_type":"EX-99.1"' \
    && ok || bad "seed filing not found with its 7.01 or press release: $(head -c 400 "$tmp/out")"
  grep -q '<mark>multiple myeloma</mark>\|<mark>Multiple Myeloma</mark>\|<mark>Multiple myeloma</mark>' "$tmp/out" \
    && ok || bad "seed snippet highlights the phrase"
  expect "seed company" 0 "$edgr" company --db "$tmp/corpus.db" 1279704
  grep -q '0001144204-17-013452' "$tmp/out" && ok || bad "seed filing in its company's list"
  expect "seed show" 0 "$edgr" show --db "$tmp/corpus.db" --text 0001144204-17-013452
  grep -q 'On March 8, 2017, we issued a press release' "$tmp/out" && ok || bad "seed item text in show"
  same_index "corpus index" "$tmp/corpus.db"
  "$rank_check" "$tmp/corpus.db" >"$tmp/out" 2>&1 && ok || bad "edgr_bm25 vs bm25 on the corpus: $(grep -m3 FAIL "$tmp/out")"
  echo "store: $(tail -1 "$tmp/out") (corpus)"
else
  echo "store: corpus checks SKIPPED (no ../shared/corpus)"
fi

echo "store: $pass passed, $fail failed"
[ "$fail" = 0 ]
