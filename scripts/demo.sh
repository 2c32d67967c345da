#!/bin/sh
# make demo: what a newcomer should see.  Installs edgr into a user prefix
# (no root needed), builds the files the README's tour names in demo/, from
# the bundled samples and test fixtures (synthetic filings of fictional
# companies; nothing from ../shared), then runs the main job there: ingest
# into demo/edgr.db, a company, a filing, a search.
#
#   scripts/demo.sh [--prefix DIR] [--build DIR]   install, build demo/, run
#   scripts/demo.sh --files DIR                    only build the tour's files
#                                                  in DIR (tests/readme/run.sh)
#
# The tour's files (README.md, "A tour of the CLI"):
#   samples/             a copy of the repository's samples/
#   filings/             complete submissions: samples/*.txt and fixtures
#   20250110.nc.tar.gz   a daily feed archive: three .nc submissions
#   broken.txt           a submission cut inside its second document
#   10k.htm              a bare 10-K document, as in an EDGAR filing folder
#   10q.txt              a 10-Q with tables; document 2 a 1990s-style table
#   wdgt-10k.txt         a 10-K with inline XBRL and its extracted instance
#   qfi-form4.txt        a Form 4 of 8 non-derivative and 2 derivative rows
#   13f-thousands.txt    a 13F-HR whose values are in thousands
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

# The tour's files, in $1 (created; files already there are replaced).
# Uses edgr ($EDGR, else the one on PATH, else build/edgr) to cut the bare 10-K out of its filing.
make_files() {
  dir=$1
  mkdir -p "$dir/filings"
  rm -rf "$dir/samples" && cp -R "$root/samples" "$dir/samples"
  fx=$root/tests/fixtures
  cp "$root"/samples/*.txt "$fx"/items/10k-1997-text.txt "$fx"/items/10k-1998-xref-text.txt \
     "$fx"/items/10k-2023-html.txt "$fx"/items/10k-2024-xref-html.txt "$fx"/facts/*.txt \
     "$fx"/tables.txt "$fx"/pre2004_8k.txt "$dir/filings/"
  # A daily feed archive holds one <accession>.nc per submission.
  tmp=$(mktemp -d)
  cp "$fx/bare_cr.nc" "$tmp/0009900011-25-000007.nc"
  cp "$fx/series_classes.nc" "$tmp/0009900023-24-000050.nc"
  cp "$root/samples/0009900001-17-000001.nc" "$tmp/0009900001-17-000001.nc"
  (cd "$tmp" && tar -czf "$dir/20250110.nc.tar.gz" --owner=0 --group=0 --mtime=2025-01-10 \
     0009900011-25-000007.nc 0009900023-24-000050.nc 0009900001-17-000001.nc)
  rm -rf "$tmp"
  head -c 6000 "$root/samples/0009900001-17-000001.txt" > "$dir/broken.txt"
  "${EDGR:-$(command -v edgr || echo "$root/build/edgr")}" cat "$fx/items/10k-2023-html.txt" qfrb-20221231.htm > "$dir/10k.htm"
  cp "$fx/tables.txt" "$dir/10q.txt"
  cp "$fx/xbrl/0009900308-26-000004.txt" "$dir/wdgt-10k.txt"
  cp "$fx/ownership/0009900309-26-000001.txt" "$dir/qfi-form4.txt"
  cp "$fx/ownership/0009900310-25-000002.txt" "$dir/13f-thousands.txt"
}

if [ "${1:-}" = --files ]; then
  make_files "$2"
  exit 0
fi

prefix=$HOME/.local
build=build
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "usage: scripts/demo.sh [--prefix DIR] [--build DIR] | --files DIR" >&2; exit 2 ;;
  esac
done

cmake --install "$build" --prefix "$prefix" >/dev/null
EDGR=$prefix/bin/edgr
export EDGR
echo "$("$EDGR" --version) installed in $prefix (bin/edgr, lib/, include/edgr/, lib/pkgconfig/)."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "$prefix/bin is not on your PATH; for this shell and the README's tour:"
     echo "  export PATH=\"$prefix/bin:\$PATH\""
     echo "(add that line to ~/.profile to keep it)" ;;
esac

demo=$root/demo
make_files "$demo"
cd "$demo"
rm -f edgr.db edgr.db-wal edgr.db-shm
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
else
  say() { printf '\n$ %s\n' "$*"; }
fi
# Each command is shown as it is run (edgr: the one just installed).
PATH=$prefix/bin:$PATH
run() { say "$1"; eval "$1"; }
say "cd demo    # the tour's files, for README.md's tour"
ls
run "edgr ingest filings/ 20250110.nc.tar.gz      # parse, text, items, facts -> ./edgr.db (SQLite, FTS5)"
run "edgr ingest --json samples/0009900001-17-000001.txt    # again: nothing changes, filings are keyed by accession"
run "edgr company 'halcyon meadow' --pretty | head -30      # a company and its filings"
echo "  ..."
run "edgr show 0009900001-17-000001 --pretty | grep -v '^    \"header\"' | head -40   # one filing: items, documents, facts"
echo "  ..."
run "edgr search '\"press release\"' --form 8-K --limit 3     # full text, ranked, with snippets"
run "edgr search 'textile* AND mill' --json --limit 2 | cut -c1-300    # NDJSON for jq"
run "edgr search 'revenue AND' || true     # a malformed query: a sentence, exit status 2"
run "edgr items samples/0009900001-17-000001.txt | cut -c1-150   # straight from a file: the 8-K's items"
run "edgr cat 0009900003-19-000010 logo.gif | od -c | head -2   # the original, through the store"
printf '\nThe rest of the tour: cd demo, then README.md ("A tour of the CLI"); edgr --help;\nedgr <command> --help.  The demo store is demo/edgr.db.\n'
