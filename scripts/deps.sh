#!/bin/sh
# Install the Debian packages edgr needs, if missing.  As root it runs
# apt-get; otherwise it prints the exact command to run.
#   scripts/deps.sh build    what `make` and `make demo` need (jq: the
#                            README's tour pipes JSON through it; zlib1g-dev
#                            and libdeflate-dev: the CLI inflates gzip to
#                            check its CRC-32; libcurl: edgr fetch;
#                            libxml2-dev: edgr xbrl reads XBRL instances;
#                            libmicrohttpd-dev: edgr serve)
#   scripts/deps.sh check    what `make check` needs (adds clang for the
#                            sanitizer and fuzz builds, libxml2-dev for the
#                            HTML differential test, cmark-gfm to render
#                            `edgr text --tables markdown` in tests/cli, jq
#                            for tests/vocab: docs/fields.md against every
#                            command's keys, time for tests/hostile's
#                            memory bounds, python3 for the tests that
#                            write tar files with hostile members and for
#                            tests/fetch's local stand-in for the SEC,
#                            python3-jsonschema for tests/serve: the SEC's
#                            submissions shape as its clients read it;
#                            chromium and chromium-driver for the search
#                            page's test in headless Chromium)
#   scripts/deps.sh fuzz     what `make fuzz` and `make memcheck` need (clang
#                            for libFuzzer and MSan, valgrind)
#   scripts/deps.sh bench    what `make bench` needs (adds libxml2-dev, the
#                            peer in the HTML-to-text benchmark; time for
#                            bench/rss.sh)
set -eu
want="gcc make cmake pkg-config libarchive-dev zlib1g-dev libdeflate-dev libsqlite3-dev libssl-dev libcurl4-openssl-dev libxml2-dev libmicrohttpd-dev sqlite3 jq"
case "${1:-build}" in
  check) want="$want clang libclang-rt-dev libxml2-dev cmark-gfm jq time python3 python3-jsonschema chromium chromium-driver" ;;
  fuzz) want="$want clang libclang-rt-dev valgrind" ;;
  bench) want="$want libxml2-dev time" ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "edgr: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "edgr: missing Debian packages:$missing" >&2
  echo "run:  sudo apt-get install -y$missing" >&2
  exit 1
fi
