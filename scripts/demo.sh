#!/bin/sh
# make demo: what a newcomer should see — parse, list documents, extract —
# on the bundled samples (synthetic filings of fictional companies).
set -eu
edgr=${1:-build/edgr}
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
say "edgr header --pretty samples/0009900001-17-000001.txt   # the header model"
"$edgr" header --pretty samples/0009900001-17-000001.txt | head -40
echo "  ..."
say "edgr parse samples/ | cut -c1-150                        # NDJSON, one submission a line"
"$edgr" parse -q samples/ | cut -c1-150
say "edgr docs samples/0009900003-19-000010.txt              # the documents of a filing"
"$edgr" docs samples/0009900003-19-000010.txt
say "edgr cat samples/0009900003-19-000010.txt logo.gif | od -c   # uudecoded on the fly"
"$edgr" cat samples/0009900003-19-000010.txt logo.gif | od -c | head -2
out=$(mktemp -d)
say "edgr extract -o $out samples/                            # EDGAR's own folder layout"
"$edgr" extract -q -o "$out" samples/
(cd "$out" && find . -type f | sort)
rm -rf "$out"
say "edgr items samples/0009900001-17-000001.txt              # what the 8-K says, item by item"
"$edgr" items samples/0009900001-17-000001.txt | cut -c1-150
say "edgr items --item 6 samples/0009900002-97-000003.txt      # a 1997 text 10-K, Part II Item 6"
"$edgr" items --item 6 samples/0009900002-97-000003.txt | head -14
say "edgr facts samples/0009900001-17-000001.txt | cut -c1-400  # cover page, signatures, exhibits"
"$edgr" facts samples/0009900001-17-000001.txt | cut -c1-400
say "edgr parse tests/fixtures/truncated.txt > /dev/null      # problems name file and byte offset"
"$edgr" parse tests/fixtures/truncated.txt > /dev/null || true
printf '\nMore: edgr --help, edgr <command> --help, README.md\n'
