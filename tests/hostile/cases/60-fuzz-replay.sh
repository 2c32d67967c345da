# shellcheck shell=bash disable=SC2154 # sourced by tests/hostile/run.sh
# Fuzz part (issue 12, section 5): the CLI fuzz targets' seeds -- every
# sample and fixture as a pipe cuts it, archives with hostile member names,
# truncated ones -- and any finding kept in tests/fixtures/fuzz/TARGET/,
# replayed through the targets without libFuzzer (fuzz/standalone.c:
# build/fuzz_run_NAME beside $edgr), with their oracles: the same output
# whether the bytes come in chunks or whole.  Under ASan (make asan) a chunk
# used after the next read is a use after free.  A few seconds.
fuzz_bin=$(dirname "$edgr")
for t in stdin_chunks archive ingest; do
  drv=$fuzz_bin/fuzz_run_$t
  if [ ! -x "$drv" ]; then
    echo "hostile: 60-fuzz-replay: no $drv (skipped)"
    continue
  fi
  scripts/fuzz-seeds.sh "$t" "$case_dir/$t"
  [ -d "tests/fixtures/fuzz/$t" ] && cp tests/fixtures/fuzz/"$t"/* "$case_dir/$t/" 2>/dev/null
  expect "fuzz_run_$t over its seeds and findings" 0 env TMPDIR="$case_dir" "$drv" "$case_dir/$t"/*
  if grep -q "inputs run" "$tmp/err"; then ok; else bad "fuzz_run_$t: ran no input ($(tail -c 300 "$tmp/err"))"; fi
done
