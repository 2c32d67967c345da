#!/bin/sh
# make demo: what a newcomer should see, on the bundled samples (synthetic
# filings of fictional companies): ingest them into a store, then a company,
# a filing and a search; then what one filing says, item by item.
set -eu
edgr=${1:-build/edgr}
db=build/demo.db
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
rm -f "$db" "$db-wal" "$db-shm"
say "edgr ingest --db $db samples/                     # parse, text, items, facts -> SQLite/FTS5"
"$edgr" ingest -q --db "$db" samples/
"$edgr" ingest --db "$db" --json samples/0009900001-17-000001.txt
echo "  (again: nothing changes; each filing is keyed by its accession number)"
say "edgr company --db $db 'halcyon meadow' --pretty    # a company and its filings"
"$edgr" company --db "$db" 'halcyon meadow' --pretty | head -48
echo "  ..."
say "edgr show --db $db 0009900001-17-000001 --pretty   # one filing: items, documents, facts"
"$edgr" show --db "$db" 0009900001-17-000001 --pretty | grep -v '^    "header"' | head -60
echo "  ..."
say "edgr search --db $db '\"press release\"' --form 8-K   # full text, ranked, with snippets"
"$edgr" search --db "$db" '"press release"' --form 8-K --limit 3
say "edgr search --db $db 'textile* AND mill' --json      # NDJSON for jq"
"$edgr" search --db "$db" 'textile* AND mill' --json --limit 2 | cut -c1-300
say "edgr search --db $db 'revenue AND'                   # a malformed query: a clear error"
"$edgr" search --db "$db" 'revenue AND' || true
say "edgr items samples/0009900001-17-000001.txt        # straight from a file: the 8-K's items"
"$edgr" items samples/0009900001-17-000001.txt | cut -c1-150
say "edgr cat --db $db 0009900003-19-000010 logo.gif | od -c   # the original, reached through the store"
"$edgr" cat --db "$db" 0009900003-19-000010 logo.gif | od -c | head -2
printf '\nMore: edgr --help, edgr <command> --help, README.md.  The demo store is %s.\n' "$db"
