#!/usr/bin/env bash
# bench/fetch.sh BUILD_DIR: edgr fetch against a local server (issue 13, 4).
#
# Builds in a scratch folder (EDGR_FETCH_TMP, default under /tmp; about
# 1 GB of disk) an EDGAR-shaped tree of ../shared/corpus's submissions
# (bench/fetch_tree.py: one Feed archive of the corpus copied
# EDGR_FETCH_COPIES times, default 10, ~500 MB of submissions; 1,000 small
# filings, EDGR_FETCH_FILINGS, and their master.idx), serves it on 127.0.0.1
# with BUILD_DIR/edgr_http_serve (C, keep-alive, sendfile), and measures in
# the same run, best of EDGR_FETCH_RUNS (default 3) each, the runs of the
# different commands alternating so that the machine's load falls on all:
#
#   feed     floor: edgr ingest of the archive from disk; edgr fetch feed of
#            it (--uncapped --rate 1000), with its split (EDGR_FETCH_TIMES:
#            transfer with the ingest reading it as it comes, waiting for the ingest after); the peer:
#            curl piped into edgr ingest - (no check of the archive before
#            it is stored); curl of the archive alone.  MB/s of submissions
#            (uncompressed bytes).
#   filings  edgr fetch filings of the index's 1,000 filings, at --rate 1000
#            (the budget then paces a request a millisecond) and at 100000
#            (the pace lifted: what edgr adds); their transfer
#            alone (one curl, keep-alive, into files); edgr ingest of the same
#            files from disk (the floor); the peer: that curl, then that
#            ingest.  Overhead a request = (fetch - ingest - transfer) / N.
set -u
build=$(realpath "${1:-build}")
edgr=$build/edgr serve=$build/edgr_http_serve
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=$top/../shared/corpus
runs=${EDGR_FETCH_RUNS:-3}
if [ ! -d "$corpus/submissions" ]; then echo "fetch bench: SKIPPED (no ../shared/corpus)"; exit 0; fi
for c in python3 curl sqlite3; do
  command -v "$c" >/dev/null || { echo "fetch bench: SKIPPED (no $c)"; exit 0; }
done
if [ ! -x "$serve" ] || [ ! -x "$edgr" ]; then echo "fetch bench: no $serve or $edgr (make first)" >&2; exit 1; fi
tmp=$(mktemp -d "${EDGR_FETCH_TMP:-/tmp}/edgr-fetch.XXXXXX")
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; [ -n "$spid" ] && wait "$spid" 2>/dev/null; rm -rf "$tmp"' EXIT

root=$tmp/root
info=$(python3 "$top/bench/fetch_tree.py" "$corpus" "$root" --copies "${EDGR_FETCH_COPIES:-10}" \
  --filings "${EDGR_FETCH_FILINGS:-1000}") || { echo "fetch bench: could not build the tree" >&2; exit 1; }
feed_bytes=0 feed_members=0 filings=0 filings_bytes=0 t=0
eval "$info" # feed_bytes feed_members filings filings_bytes
"$serve" "$root" "$tmp/port" 3000 2>"$tmp/serve.err" &
spid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
[ -s "$tmp/port" ] || { echo "fetch bench: the server did not start" >&2; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")
rel=Archives/edgar/Feed/2026/QTR1/20260105.nc.tar.gz
archive=$root/$rel
UA="Edgr Bench bench@example.com"
export XDG_STATE_HOME=$tmp/state # the rate budget's file: this run's own
fx() { "$edgr" fetch "$@" -q --base-url "$base" --user-agent "$UA" --uncapped --rate 1000; }

# elapsed SECONDS of CMD... into the variable named by $1 (the command's
# stderr to $tmp/err; a failure ends the bench)
timed() {
  local var=$1 t0 t1
  shift
  t0=$EPOCHREALTIME
  "$@" >/dev/null 2>"$tmp/err" || { echo "fetch bench: failed: $* : $(head -c 400 "$tmp/err")" >&2; exit 1; }
  t1=$EPOCHREALTIME
  printf -v "$var" '%s' "$(calc "$t1 - $t0")"
}
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
lt() { [ "$(awk "BEGIN { print ($1 < $2) }")" = 1 ]; }
mbs() { calc "$1 / $2 / 1000000"; }
fresh() { rm -rf "$tmp"/db* "$tmp/cache" "$tmp/files"; }

# ---- the feed
b_floor=999999 b_fetch=999999 b_peer=999999 b_curl=999999 split=""
for _ in $(seq "$runs"); do
  fresh
  timed t "$edgr" ingest -q --db "$tmp/db" "$archive"
  lt "$t" "$b_floor" && b_floor=$t
  fresh
  timed t env EDGR_FETCH_TIMES=1 "$edgr" fetch feed -q --db "$tmp/db" --from 2026-01-05 --to 2026-01-05 \
    --base-url "$base" --cache "$tmp/cache" --user-agent "$UA" --uncapped --rate 1000
  n=$(sqlite3 "$tmp/db" 'select count(*) from filings' 2>/dev/null || echo "?")
  [ "$n" = "$feed_members" ] || { echo "fetch bench: fetch feed stored $n filings, not $feed_members" >&2; exit 1; }
  lt "$t" "$b_fetch" && b_fetch=$t split=$(grep -o 'transfer.*' "$tmp/err")
  fresh
  # shellcheck disable=SC2016 # the inner shell expands them
  timed t sh -c 'curl -sf "$1" | "$2" ingest -q --db "$3" -' sh "$base/$rel" "$edgr" "$tmp/db"
  lt "$t" "$b_peer" && b_peer=$t
  timed t curl -sf -o "$tmp/a.tar.gz" "$base/$rel"
  lt "$t" "$b_curl" && b_curl=$t
  rm -f "$tmp/a.tar.gz"
done
mb=$(calc "$feed_bytes / 1000000")
printf 'edgr fetch feed (bench/fetch.sh): one archive, %d submissions, %.0f MB (%.0f MB gzip), loopback, best of %d:\n' \
  "$feed_members" "$mb" "$(calc "$(stat -c %s "$archive") / 1000000")" "$runs"
line() { printf '  %-40s %8.1f MB/s  (%.2f s)%s\n' "$1:" "$(mbs "$feed_bytes" "$2")" "$2" "${3:-}"; }
line "floor: edgr ingest from disk" "$b_floor"
line "edgr fetch feed" "$b_fetch" "  $(printf '%.2f' "$(calc "$b_fetch / $b_floor")")x the floor's time"
echo "    split: $split"
line "peer: curl | edgr ingest - (unchecked)" "$b_peer"
line "curl of the archive alone" "$b_curl"
echo "  target: fetch feed >= the floor's MB/s (issue 13)"

# ---- the same, the ingest held to one core (cpu 0) in both runs and the
# fetch's own work (its transfer, .part, SHA-256, pipe) moved to another
# (cpu 1) once its ingest has started: what the fetch costs the ingest when
# the machine has a core to spare for it.  Run only where there are two
# cores or more, and taskset.
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null && command -v pgrep >/dev/null; then
  p_floor=999999 p_fetch=999999
  for _ in $(seq "$runs"); do
    fresh
    timed t taskset -c 0 "$edgr" ingest -q --db "$tmp/db" "$archive"
    lt "$t" "$p_floor" && p_floor=$t
    fresh
    t0=$EPOCHREALTIME
    taskset -c 0 "$edgr" fetch feed -q --db "$tmp/db" --from 2026-01-05 --to 2026-01-05 \
      --base-url "$base" --cache "$tmp/cache" --user-agent "$UA" --uncapped --rate 1000 >/dev/null 2>"$tmp/err" &
    fp=$!
    for _ in $(seq 5000); do pgrep -P "$fp" >/dev/null && break; sleep 0.001; done # its ingest, forked
    taskset -a -p -c 1 "$fp" >/dev/null
    wait "$fp" || { echo "fetch bench: pinned fetch feed failed: $(head -c 400 "$tmp/err")" >&2; exit 1; }
    t=$(calc "$EPOCHREALTIME - $t0")
    n=$(sqlite3 "$tmp/db" 'select count(*) from filings' 2>/dev/null || echo "?")
    [ "$n" = "$feed_members" ] || { echo "fetch bench: pinned fetch feed stored $n filings" >&2; exit 1; }
    lt "$t" "$p_fetch" && p_fetch=$t
  done
  echo "  the same with the ingest on one core (taskset -c 0) and the fetch's own work on another:"
  line "floor: edgr ingest from disk" "$p_floor"
  line "edgr fetch feed" "$p_fetch" "  $(printf '%.2f' "$(calc "$p_fetch / $p_floor")")x the floor's time"
fi

# ---- the filings
ix=$tmp/index.db
rm -f "$ix"*
fx index --db "$ix" --from 2026Q1 --cache "$tmp/icache" >/dev/null 2>"$tmp/err" ||
  { echo "fetch bench: fetch index failed: $(head -c 300 "$tmp/err")" >&2; exit 1; }
sed -n '/^-----/,$p' "$root/Archives/edgar/full-index/2026/QTR1/master.idx" | tail -n +2 | cut -d'|' -f5 >"$tmp/paths"
sed "s|^|$root/Archives/|" "$tmp/paths" >"$tmp/list"
awk -v b="$base/Archives/" -v d="$tmp/files/" '{print "url = \"" b $0 "\"\noutput = \"" d $0 "\""}' "$tmp/paths" >"$tmp/curl.cfg"
f_fetch=999999 f_fast=999999 f_ing=999999 f_curl=999999 fsplit="" fsplit_fast=""
for _ in $(seq "$runs"); do
  for rate in 1000 100000; do # the rate budget's pace (1 ms a request), and lifted
    fresh
    cp "$ix" "$tmp/db"
    timed t env EDGR_FETCH_TIMES=1 "$edgr" fetch filings -q --db "$tmp/db" --base-url "$base" --cache "$tmp/cache" \
      --user-agent "$UA" --uncapped --rate $rate
    n=$(sqlite3 "$tmp/db" 'select count(*) from filings')
    [ "$n" = "$filings" ] || { echo "fetch bench: fetch filings stored $n filings, not $filings" >&2; exit 1; }
    if [ $rate = 1000 ]; then lt "$t" "$f_fetch" && f_fetch=$t fsplit=$(grep -o 'transfer.*' "$tmp/err")
    else lt "$t" "$f_fast" && f_fast=$t fsplit_fast=$(grep -o 'transfer.*' "$tmp/err"); fi
  done
  fresh
  timed t curl -sf --create-dirs -K "$tmp/curl.cfg"
  lt "$t" "$f_curl" && f_curl=$t
  timed t "$edgr" ingest -q --db "$tmp/db" --files-from "$tmp/list"
  lt "$t" "$f_ing" && f_ing=$t
done
printf 'edgr fetch filings (bench/fetch.sh): %d filings, %.1f MB, loopback, best of %d:\n' \
  "$filings" "$(calc "$filings_bytes / 1000000")" "$runs"
fline() { printf '  %-40s %8.0f requests/s  (%.2f s, %.3f ms each)\n' "$1:" "$(calc "$filings / $2")" "$2" \
  "$(calc "$2 * 1000 / $filings")"; }
fline "floor: edgr ingest of the files" "$f_ing"
fline "transfer alone: curl, keep-alive" "$f_curl"
fline "peer: that curl, then that ingest" "$(calc "$f_curl + $f_ing")"
fline "edgr fetch filings --rate 1000" "$f_fetch"
echo "    split: $fsplit"
fline "edgr fetch filings --rate 100000" "$f_fast"
echo "    split: $fsplit_fast"
overhead() { # RATE SECONDS
  printf '  %-40s %8.3f ms a request (target <= 1 ms)\n' "overhead at --rate $1, (fetch - ingest - transfer)/N:" \
    "$(calc "($2 - $f_ing - $f_curl) * 1000 / $filings")"
}
overhead 1000 "$f_fetch"
overhead 100000 "$f_fast"
