#!/bin/bash
# Packaging (issue 11): what `make install` puts in a prefix works from there.
# Installs the build into a scratch prefix, then checks that
#   - the installed edgr runs (--version, a parse) with nothing but the prefix;
#   - every public header and both .pc files are installed, and pkg-config
#     reads them from the prefix they are in;
#   - examples/parse.c and examples/search.c compile against the INSTALLED
#     headers and libraries (pkg-config, warnings as errors) and print the
#     right things;
#   - each ```c block of README.md that opens with "/* examples/NAME.c" is
#     that file, byte for byte.
# Usage: tests/examples/run.sh [BUILD_DIR] (default build).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: examples: $*" >&2; }
s8k=samples/0009900001-17-000001.txt

prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  echo "FAIL: examples: cmake --install: $(tail -3 "$tmp/install.log")" >&2; exit 1
fi

# ---- the installed tool
e=$prefix/bin/edgr
version=$(sed -n 's/^project(edgr VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
out=$(env -i PATH=/usr/bin:/bin "$e" --version 2>&1) && [[ $out == "edgr $version"* ]] && ok ||
  bad "installed edgr --version: '$out', want 'edgr $version...'"
out=$(env -i PATH=/usr/bin:/bin "$e" parse "$s8k" 2>&1) &&
  [[ $out == *'"accession_number":"0009900001-17-000001"'* ]] && ok ||
  bad "installed edgr parse: $(printf '%s' "$out" | head -c 200)"

# ---- headers and pkg-config files
for h in include/edgr/*.h; do
  cmp -s "$h" "$prefix/$h" && ok || bad "$h is not installed as $prefix/$h"
done
pcdir=$(dirname "$(find "$prefix" -name edgr.pc | head -1)")
export PKG_CONFIG_PATH=$pcdir
for pc in edgr edgr_store; do
  [ -f "$pcdir/$pc.pc" ] && ok || bad "no $pc.pc installed"
  v=$(pkg-config --modversion "$pc" 2>&1) && [ "$v" = "$version" ] && ok || bad "pkg-config --modversion $pc: $v"
done
inc=$(pkg-config --variable=includedir edgr)
[ "$(cd "$inc" 2>/dev/null && pwd -P)" = "$(cd "$prefix/include" && pwd -P)" ] && ok ||
  bad "edgr.pc's includedir '$inc' is not the prefix's include/"
libdir=$(pkg-config --variable=libdir edgr)

# ---- the examples, against the installed library only
cc=${CC:-cc}
flags="-std=c17 -Wall -Wextra -Werror -O1"
# shellcheck disable=SC2046,SC2086
if $cc $flags examples/parse.c -o "$tmp/parse" $(pkg-config --cflags --libs edgr) \
     -Wl,-rpath,"$libdir" 2>"$tmp/cc.err"; then ok; else bad "examples/parse.c: $(head -5 "$tmp/cc.err")"; fi
if [ -x "$tmp/parse" ]; then
  printf 'CIK 0009900001\n8-K html\nEX-99.1 html\n' >"$tmp/want"
  "$tmp/parse" "$s8k" >"$tmp/got" 2>&1 && cmp -s "$tmp/want" "$tmp/got" && ok ||
    bad "examples/parse $s8k printed: $(head -c 200 "$tmp/got")"
  "$tmp/parse" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "examples/parse without FILE: want exit 2"
fi
# the archive instead of the shared library, as the README says
# shellcheck disable=SC2046,SC2086
$cc $flags examples/parse.c -o "$tmp/parse-static" $(pkg-config --cflags edgr) -L"$libdir" -l:libedgr.a \
  $(pkg-config --static --libs-only-other edgr) 2>"$tmp/cc.err" && "$tmp/parse-static" "$s8k" >"$tmp/got" &&
  cmp -s "$tmp/want" "$tmp/got" && ok || bad "examples/parse.c linked with libedgr.a: $(head -3 "$tmp/cc.err")"

# shellcheck disable=SC2046,SC2086
if $cc $flags examples/search.c -o "$tmp/search" $(pkg-config --cflags --libs edgr_store) \
     -Wl,-rpath,"$libdir" 2>"$tmp/cc.err"; then ok; else bad "examples/search.c: $(head -5 "$tmp/cc.err")"; fi
if [ -x "$tmp/search" ]; then
  "$e" ingest -q --db "$tmp/s.db" samples/ >/dev/null 2>&1 || bad "installed edgr ingest samples/"
  "$tmp/search" "$tmp/s.db" '"interim data"' >"$tmp/got" 2>&1 &&
    grep -q '^2017-03-14  0009900001-17-000001  Halcyon Meadow Therapeutics, Inc\.$' "$tmp/got" &&
    grep -q '\[interim data\]' "$tmp/got" && ok || bad "examples/search printed: $(head -c 300 "$tmp/got")"
  "$tmp/search" "$tmp/s.db" 'revenue AND' >/dev/null 2>"$tmp/err"; rc=$?
  [ $rc = 2 ] && [ -s "$tmp/err" ] && ok || bad "examples/search on a malformed query: exit $rc, want 2 and a sentence"
  "$tmp/search" "$tmp/none.db" word >/dev/null 2>&1; [ $? = 3 ] && ok || bad "examples/search on a missing store: want exit 3"
fi

# both compilers the project builds with, when there
for other in gcc clang; do
  [ "$other" = "$cc" ] || ! command -v "$other" >/dev/null && continue
  for x in parse:edgr search:edgr_store; do
    # shellcheck disable=SC2046,SC2086
    $other $flags -c "examples/${x%%:*}.c" -o "$tmp/${x%%:*}-$other.o" $(pkg-config --cflags "${x#*:}") \
      2>"$tmp/cc.err" && ok || bad "examples/${x%%:*}.c with $other: $(head -5 "$tmp/cc.err")"
  done
done

# ---- the README shows the examples as they are
awk -v dir="$tmp" '
  /^```c[ \t]*$/ { inb = 1; n++; f = dir "/readme-" n ".c"; printf "" > f; next }
  inb && /^```/ { inb = 0; close(f); next }
  inb { print > f }
' README.md
shown=0
for f in "$tmp"/readme-*.c; do
  [ -e "$f" ] || continue
  name=$(sed -n '1s|^/\* \(examples/[A-Za-z0-9_]*\.c\):.*|\1|p' "$f")
  if [ -z "$name" ]; then bad "a \`\`\`c block of README.md does not open with '/* examples/NAME.c:'"; continue; fi
  shown=$((shown + 1))
  if cmp -s "$f" "$name"; then ok
  else bad "README.md's copy of $name differs from the file:"; diff "$name" "$f" | head -10 >&2; fi
done
for x in examples/*.c; do
  grep -q "^/\* $x:" README.md && ok || bad "$x is not shown in README.md"
done
[ "$shown" -ge 2 ] && ok || bad "README.md shows $shown examples, want 2"

echo "examples: $pass passed, $fail failed"
[ "$fail" = 0 ]
