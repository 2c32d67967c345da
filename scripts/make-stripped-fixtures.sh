#!/bin/sh
# The tag-stripped fixtures (tests/fixtures/EXPECTED.md, "Stripped
# submissions"): each original with every <...> tag removed by
# build/strip_tags (tests/common/strip.h), as mirrors and scrapers leave them.
# Usage: scripts/make-stripped-fixtures.sh [build/strip_tags]
set -eu
strip=${1:-build/strip_tags}
cd "$(dirname "$0")/.."
for f in 10k-1997-text 10k-2023-html 10k-2024-xref-html; do
  "$strip" < "tests/fixtures/items/$f.txt" > "tests/fixtures/items/$f-stripped.txt"
done
