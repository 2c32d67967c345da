#!/bin/sh
# Run every libFuzzer target for $1 seconds (default 60), seeded from the
# project's samples and fixtures and, when present, ../shared/corpus.
# FUZZ_TARGETS="stdin_chunks archive" runs those alone.  The CLI's targets
# (stdin_chunks, archive, ingest) get seeds made by scripts/fuzz-seeds.sh.
# Findings land in build-fuzz/findings-<target>/; copy each into
# tests/regress/ with a test before fixing it.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
for t in ${FUZZ_TARGETS:-header split uudecode html items facts store stdin_chunks archive ingest index ixbrl instance ownership 13f}; do
  seeds=build-fuzz/corpus-$t
  mkdir -p "$seeds" build-fuzz/findings-$t
  extra=""
  case $t in
  stdin_chunks|archive|ingest)
    # their first bytes pick the command and the chunks: seeds of their own;
    # what the commands say on stderr is not shown (libFuzzer's reports are)
    scripts/fuzz-seeds.sh "$t" "$seeds"
    extra=-close_fd_mask=2 ;;
  *)
    for f in samples/* tests/fixtures/* tests/fixtures/items/* tests/regress/*; do
      [ -f "$f" ] && cp -f "$f" "$seeds/" 2>/dev/null || true
    done
    if [ -d ../shared/corpus/submissions ]; then
      # small real files only: the fuzzer wants short inputs
      find ../shared/corpus/submissions ../shared/corpus/headers -type f -size -64k \
        -exec cp -f {} "$seeds/" \; 2>/dev/null || true
    fi
    if [ "$t" = html ] && [ -d ../shared/corpus/html ]; then
      # bare HTML files (the first byte picks the charset: '<' reads as UTF-8)
      find ../shared/corpus/html -type f -size -64k -exec cp -f {} "$seeds/" \; 2>/dev/null || true
    fi
    if { [ "$t" = ixbrl ] || [ "$t" = instance ]; } && [ -d ../shared/corpus/xml ]; then
      # small inline documents and instances (the first byte picks the preamble)
      cp -f tests/fixtures/xbrl/* "$seeds/" 2>/dev/null || true
      find ../shared/corpus/xml ../shared/corpus/html -type f -size -64k -exec cp -f {} "$seeds/" \; 2>/dev/null || true
    fi
    if { [ "$t" = ownership ] || [ "$t" = 13f ]; }; then
      # the fixtures, and the corpus's small ownership and 13F XML
      cp -f tests/fixtures/ownership/*.xml "$seeds/" 2>/dev/null || true
      [ -d ../shared/corpus/xml ] && grep -l -E '<ownershipDocument|informationTable|thirteenf' ../shared/corpus/xml/*.xml 2>/dev/null |
        while read -r f; do [ "$(wc -c <"$f")" -lt 65536 ] && cp -f "$f" "$seeds/"; done
    fi
    if [ "$t" = index ] && [ -d ../shared/corpus/index ]; then
      # real index files (the first byte picks the kind and the chunk size)
      find ../shared/corpus/index -type f -size -64k -exec cp -f {} "$seeds/" \; 2>/dev/null || true
    fi ;;
  esac
  echo "fuzz_$t: ${secs}s"
  # shellcheck disable=SC2086
  build-fuzz/fuzz_$t "$seeds" -max_total_time="$secs" -max_len=65536 -timeout=10 $extra \
    -rss_limit_mb=2048 -artifact_prefix=build-fuzz/findings-$t/ -print_final_stats=1 \
    2>build-fuzz/fuzz_$t.log || { echo "fuzz_$t found a problem: see build-fuzz/findings-$t/"; tail -30 build-fuzz/fuzz_$t.log; exit 1; }
  grep -E 'stat::number_of_executed_units|cov:' build-fuzz/fuzz_$t.log | tail -2
done
