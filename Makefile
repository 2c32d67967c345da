# edgr — the Makefile is a thin layer over CMake.  See README.md.
#   make            build (build/)
#   make demo       install what is missing, build, install edgr into
#                   DEMO_PREFIX (~/.local), build the README tour's files in
#                   demo/ and run edgr there (ingest, search)
#   make check      build and run every test (the store's kill -9 test too,
#                   edgr fetch's HTTP layer against a local server,
#                   allocation failures injected at every site: tests/fault),
#                   then the corpus under ASan+UBSan
#   make bench      throughput benchmarks (see bench/README.md)
#   make html-diff  edgr's HTML text against libxml2's over the corpus
#   make fuzz       run the libFuzzer targets (FUZZ_SECONDS per target)
#   make memcheck   every fuzz target's code once over the corpus under
#                   valgrind's memcheck and MemorySanitizer (long: not in
#                   make check; MEMCHECK=valgrind or msan for one of them)
#   make install    install into PREFIX (default /usr/local)

PREFIX ?= /usr/local
DEMO_PREFIX ?= $(HOME)/.local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
CMAKE_FLAGS ?=

.PHONY: all deps demo check unit corpus asan tsan accuracy bench fuzz fuzz-build memcheck install clean

all: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS)

deps:
	@scripts/deps.sh build

demo: all
	@scripts/demo.sh --prefix $(DEMO_PREFIX) --build build

check: all
	@scripts/deps.sh check
	@cmake -S . -B build >/dev/null && cmake --build build -j $(JOBS) >/dev/null # libxml2 may be new
	@build/unit_tests
	@scripts/cycles.sh # no file of the library calls back into its caller
	@# fault injection beside the corpus and the HTML differential test (one core each)
	@build/fault_tests >build/fault.log 2>&1 & f=$$!; \
	  build/corpus_tests && $(MAKE) --no-print-directory html-diff HTML_DIFF_FLAGS=-q; r=$$?; \
	  wait $$f; fr=$$?; cat build/fault.log; [ $$r = 0 ] && [ $$fr = 0 ]
	@tests/cli/run.sh build/edgr
	@# two lanes, one a core: the hostile cases (memory bounds, full sizes;
	@# every case in asan) beside store, xbrl, ownership, serve, vocab and
	@# the kill -9 rounds of ingest; the hostile lane's
	@# output is printed after.  fetch runs alone: it measures request rates.
	@EDGR_HOSTILE_PART=unsanitized tests/hostile/run.sh build/edgr >build/hostile.log 2>&1 & h=$$!; \
	  tests/store/run.sh build/edgr && tests/xbrl/run.sh build/edgr && \
	  tests/xbrl/frames.sh build/frames_check && tests/ownership/run.sh build/edgr && \
	  tests/serve/run.sh build/edgr && tests/vocab/run.sh build/edgr && \
	  tests/store/crash.sh build/edgr 25; r=$$?; \
	  wait $$h; hr=$$?; cat build/hostile.log; [ $$r = 0 ] && [ $$hr = 0 ]
	@tests/fetch/run.sh build/edgr # the HTTP layer against a local stand-in for the SEC
	@tests/readme/run.sh build
	@tests/examples/run.sh build
	@build/store_api_check samples/0009900001-17-000001.txt
	@tests/accuracy/selftest.sh build/accuracy
	@build/accuracy ../shared/corpus >/dev/null; rc=$$?; \
	  if [ $$rc = 77 ]; then echo "accuracy: SKIPPED (no ../shared/corpus)"; \
	  elif [ $$rc != 0 ]; then echo "accuracy: targets missed (run make accuracy)"; exit 1; \
	  else build/accuracy ../shared/corpus | grep -E '^(8-K codes|overall)'; fi
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory tsan

# The corpus again, with clang, under AddressSanitizer and UBSan.
asan:
	@cmake -S . -B build-asan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DEDGR_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS) --target unit_tests fault_tests corpus_tests edgr accuracy store_rank_check store_api_check \
	  fuzz_run_stdin_chunks fuzz_run_archive fuzz_run_ingest >/dev/null
	@ASAN_OPTIONS=detect_leaks=1 build-asan/unit_tests
	@ASAN_OPTIONS=detect_leaks=1 build-asan/fault_tests >build-asan/fault.log 2>&1 & f=$$!; \
	  ASAN_OPTIONS=detect_leaks=1 build-asan/corpus_tests; r=$$?; \
	  wait $$f; fr=$$?; cat build-asan/fault.log; [ $$r = 0 ] && [ $$fr = 0 ]
	@# rc 1 is a missed target, judged by the plain run above; the sanitizers exit 99
	@ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=exitcode=99 build-asan/accuracy ../shared/corpus >/dev/null; rc=$$?; \
	  [ $$rc = 0 ] || [ $$rc = 1 ] || [ $$rc = 77 ] && echo "accuracy under ASan+UBSan: ok" || { echo "accuracy under ASan+UBSan: rc $$rc"; exit 1; }
	@ASAN_OPTIONS=detect_leaks=1 tests/accuracy/selftest.sh build-asan/accuracy
	@# two lanes, one a core (each test has its own scratch folder): the hostile
	@# cases beside cli (its corpus ran above), store and xbrl (the corpus's
	@# iXBRL and instances too); the hostile lane's output is printed after
	@ASAN_OPTIONS=detect_leaks=1 tests/hostile/run.sh build-asan/edgr >build-asan/hostile.log 2>&1 & h=$$!; \
	  ASAN_OPTIONS=detect_leaks=1 EDGR_CLI_CORPUS=0 tests/cli/run.sh build-asan/edgr && \
	  ASAN_OPTIONS=detect_leaks=1 tests/store/run.sh build-asan/edgr && \
	  ASAN_OPTIONS=detect_leaks=1 EDGR_XBRL_COMPANYFACTS=0 tests/xbrl/run.sh build-asan/edgr && \
	  ASAN_OPTIONS=detect_leaks=1 tests/ownership/run.sh build-asan/edgr && \
	  ASAN_OPTIONS=detect_leaks=1 tests/serve/run.sh build-asan/edgr; r=$$?; \
	  wait $$h; hr=$$?; cat build-asan/hostile.log; [ $$r = 0 ] && [ $$hr = 0 ]
	@ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=exitcode=99 EDGR_FETCH_PART=commands tests/fetch/run.sh build-asan/edgr
	@ASAN_OPTIONS=detect_leaks=1 build-asan/store_api_check samples/0009900001-17-000001.txt

# The library and `ingest --jobs 4` on several threads under ThreadSanitizer:
# any report fails the run (exit 66).
TSAN_FILES = samples/*.txt tests/fixtures/items/*.txt tests/fixtures/facts/*.txt tests/fixtures/repeated.txt
tsan:
	@cmake -S . -B build-tsan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DEDGR_TSAN=ON >/dev/null
	@cmake --build build-tsan -j $(JOBS) --target thread_tests edgr >/dev/null
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/thread_tests $(TSAN_FILES)
	@rm -f build-tsan/tsan.db build-tsan/tsan.db-wal build-tsan/tsan.db-shm
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/edgr ingest --jobs 4 -q --db build-tsan/tsan.db \
	  $(TSAN_FILES) && echo "ingest --jobs 4 under ThreadSanitizer: ok"
	@# files of many filings: records handed to the writer in slices, workers waiting their turn
	@for y in 21 22 23; do tests/hostile/many_filings.sh 1500 $$y >build-tsan/many-$$y.txt; done
	@rm -f build-tsan/tsan.db build-tsan/tsan.db-wal build-tsan/tsan.db-shm
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/edgr ingest --jobs 4 -q --db build-tsan/tsan.db \
	  build-tsan/many-21.txt samples/*.txt build-tsan/many-22.txt build-tsan/many-23.txt && \
	  echo "ingest --jobs 4 of files of 1,500 filings under ThreadSanitizer: ok"
	@rm -f build-tsan/many-*.txt

# Item accuracy: F1 against tests/labels per form, decade and layout; 8-K codes
# (docs/labelling.md).
accuracy: all
	@build/accuracy ../shared/corpus

bench: all
	@scripts/deps.sh bench
	@cmake -S . -B build >/dev/null && cmake --build build -j $(JOBS) >/dev/null # libxml2 may be new
	@build/edgr_bench ../shared/corpus build/edgr
	@build/edgr_bench_xbrl ../shared/corpus
	@build/edgr_bench_ownership ../shared/corpus
	@build/edgr_bench_store ../shared/corpus build/edgr build/bench-store
	@build/edgr_bench_serve ../shared/corpus build/edgr build/bench-serve
	@bench/rss.sh build
	@bench/fetch.sh build # edgr fetch against a local server (skipped without ../shared or python3)

# edgr's HTML text against libxml2's, word by word, over the corpus HTML
# (tests/diff/html_diff.c); `make check` runs it with -q (unexplained only).
.PHONY: html-diff
html-diff: all
	@if [ -x build/html_diff ]; then build/html_diff $(HTML_DIFF_FLAGS) ../shared/corpus; \
	else echo "html-diff: skipped: libxml2 not found (scripts/deps.sh check installs libxml2-dev)"; fi

fuzz-build:
	@scripts/deps.sh fuzz
	@cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDGR_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target fuzz_header fuzz_split fuzz_uudecode fuzz_html fuzz_items fuzz_facts fuzz_store \
	  fuzz_stdin_chunks fuzz_archive fuzz_ingest fuzz_index fuzz_ixbrl fuzz_instance fuzz_ownership fuzz_13f

fuzz: fuzz-build
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# The fuzz targets without libFuzzer, once over ../shared/corpus, the samples
# and fixtures: valgrind --error-exitcode on all of them, MSan on the libc-only
# ones (fuzz/README.md).
memcheck:
	@scripts/deps.sh fuzz
	@nice scripts/memcheck.sh $(MEMCHECK)

install: all
	@cmake --install build --prefix $(PREFIX)

clean:
	rm -rf build build-asan build-fuzz build-memcheck build-msan demo
