#!/bin/sh
# Every fuzz target's code run once over the corpus under a memory checker,
# without libFuzzer (fuzz/standalone.c runs each file named once):
#   scripts/memcheck.sh [valgrind|msan|all]      (default all; make memcheck)
# valgrind: valgrind's memcheck on all ten targets (build-memcheck/, an
#   uninstrumented build): invalid reads and writes, uses of uninitialised
#   values, definite leaks; any error fails the run (--error-exitcode).
# msan: clang's MemorySanitizer on the six libc-only targets (build-msan/):
#   MSan needs every library instrumented, and SQLite and libarchive are not.
# Inputs: ../shared/corpus (submissions, headers, html; skipped with a message
# when absent) plus the samples, the fixtures and the archives
# scripts/fuzz-seeds.sh makes.  The CLI targets read a command and a chunk
# schedule from their first bytes, so their files get prefixes (-p) in turn:
# each command over a share of the corpus.  Long (minutes): not in make
# check.  MEMCHECK_MAX_KB (default 1024) leaves out bigger files;
# MEMCHECK_EVERY=N takes every Nth file only; MEMCHECK_TARGETS picks targets.
# Reports land in build-memcheck/<target>.log and build-msan/<target>.log.
set -eu
mode=${1:-all}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
max_kb=${MEMCHECK_MAX_KB:-1024}
every=${MEMCHECK_EVERY:-1}
jobs=${JOBS:-2}
all_targets="header split uudecode html items facts store stdin_chunks archive ingest index"
libc_targets="header split uudecode html items facts"
corpus=../shared/corpus
[ -d "$corpus" ] || echo "memcheck: no $corpus: the samples and fixtures only"
list=$(mktemp -d)
trap 'rm -rf "$list"' EXIT

# files of the given folders, at most max_kb, every Nth, sorted
pick() {
  for d in "$@"; do [ -d "$d" ] && find "$d" -type f -size -"$max_kb"k; done | sort |
    awk -v n="$every" '(NR - 1) % n == 0'
}
subs=$(pick "$corpus/submissions" "$corpus/headers")
html=$(pick "$corpus/html")
own=$(ls samples/*.txt samples/*.nc tests/fixtures/*.txt tests/fixtures/*.nc tests/fixtures/items/* \
  tests/fixtures/facts/* tests/fixtures/inputs/*.htm tests/regress/* 2>/dev/null)
scripts/fuzz-seeds.sh archive "$list/seeds"
scripts/fuzz-seeds.sh ingest "$list/iseeds"
# an archive of real filings too: a tar.gz of the corpus submissions picked,
# behind the archive target's two bytes and the ingest target's one
# shellcheck disable=SC2059
bytes() { for b in "$@"; do printf "\\$(printf %03o "$b")"; done; }
if [ -n "$subs" ]; then
  # shellcheck disable=SC2046
  tar czf "$list/corpus.tar.gz" $(echo "$subs" | head -40) 2>/dev/null || true
  for head in "0 0" "11 1" "4 4" "88 1"; do
    # shellcheck disable=SC2086
    { bytes $head; cat "$list/corpus.tar.gz"; } >"$list/seeds/corpus-$(echo "$head" | tr -d ' ')"
  done
  for head in 0 1 6; do
    { bytes $head; cat "$list/corpus.tar.gz"; } >"$list/iseeds/corpus-$head"
  done
fi
# prefixes for stdin_chunks: each command (0-6), pipe chunks of 1..64 KB,
# in place, kept; some options (fuzz/fuzz_stdin_chunks.c)
chunk_prefixes=00000001028307ff00c0,0801ff00008207090a0b,1004ff81ff80ff81ff80,0300000000000000000f,04040102030405060708,051196969696010101ff,020000000000000000ff,2300404040404040ff40,03c0c8c8c8c8c8c8c8c8,0401ffffffffffffffff,05080000000000000000,000c0f0f0f0f0f0f0f0f,c3000101010101010103,0600ff00008207090a0b,0d21404040404040ff40,1420ffffffffffffffff,1100c807810040010203,120464000182020304ff,13010000000000000096

inputs() { # the files a target reads
  case $1 in
  html|facts|items) printf '%s\n' "$subs" "$html" "$own" ;;
  stdin_chunks) printf '%s\n' "$subs" "$html" "$own" ;;
  archive) ls "$list"/seeds/* ;;
  ingest) ls "$list"/iseeds/* ;;
  index) pick "$corpus/index" ;;
  *) printf '%s\n' "$subs" "$own" ;;
  esac | grep -v '^$'
}
prefix() { # -p for the CLI targets
  case $1 in stdin_chunks) echo "-p $chunk_prefixes" ;; esac
}

run_valgrind() {
  command -v valgrind >/dev/null || { echo "memcheck: valgrind not installed (scripts/deps.sh fuzz)"; return 1; }
  cmake -S . -B build-memcheck -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDGR_FUZZ_STANDALONE=ON >/dev/null
  targets=${MEMCHECK_TARGETS:-$all_targets}
  # shellcheck disable=SC2046
  cmake --build build-memcheck -j "$jobs" --target $(for t in $targets; do printf 'fuzz_run_%s ' "$t"; done) >/dev/null
  bad=0
  for t in $targets; do
    inputs "$t" >"$list/$t"
    n=$(wc -l <"$list/$t")
    start=$(date +%s)
    # shellcheck disable=SC2046
    if xargs -d '\n' valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
         --show-leak-kinds=definite --track-origins=yes --log-file="build-memcheck/$t.log" \
         "build-memcheck/fuzz_run_$t" $(prefix "$t") <"$list/$t" >/dev/null 2>"build-memcheck/$t.stderr"; then
      echo "memcheck $t: $n files, $(( $(date +%s) - start ))s: clean"
    else
      echo "memcheck $t: $n files, $(( $(date +%s) - start ))s: ERRORS: see build-memcheck/$t.log"
      head -40 "build-memcheck/$t.log"
      bad=1
    fi
  done
  return $bad
}

run_msan() {
  command -v clang >/dev/null || { echo "memcheck: clang not installed (scripts/deps.sh fuzz)"; return 1; }
  cmake -S . -B build-msan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DEDGR_MSAN=ON \
    -DEDGR_FUZZ_STANDALONE=ON >/dev/null
  targets=${MEMCHECK_TARGETS:-$libc_targets}
  msan_targets=""
  for t in $targets; do case " $libc_targets " in *" $t "*) msan_targets="$msan_targets $t" ;; esac; done
  # shellcheck disable=SC2046
  cmake --build build-msan -j "$jobs" --target $(for t in $msan_targets; do printf 'fuzz_run_%s ' "$t"; done) >/dev/null
  bad=0
  for t in $msan_targets; do
    inputs "$t" >"$list/$t"
    n=$(wc -l <"$list/$t")
    start=$(date +%s)
    if MSAN_OPTIONS=exitcode=99 xargs -d '\n' "build-msan/fuzz_run_$t" <"$list/$t" >/dev/null \
         2>"build-msan/$t.log"; then
      echo "msan $t: $n files, $(( $(date +%s) - start ))s: clean"
    else
      echo "msan $t: $n files, $(( $(date +%s) - start ))s: ERRORS: see build-msan/$t.log"
      head -40 "build-msan/$t.log"
      bad=1
    fi
  done
  return $bad
}

rc=0
case $mode in
valgrind) run_valgrind || rc=1 ;;
msan) run_msan || rc=1 ;;
all) run_valgrind || rc=1; run_msan || rc=1 ;;
*) echo "usage: scripts/memcheck.sh [valgrind|msan|all]" >&2; exit 2 ;;
esac
exit $rc
