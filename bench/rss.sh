#!/usr/bin/env bash
# bench/rss.sh BUILD_DIR: time and peak RSS of edgr on the large hostile
# inputs of issue 12 (one line a case), built in a scratch folder
# (EDGR_RSS_TMP, default a folder under /tmp; a few GB of disk at most:
# bodies are sparse or streamed through gzip).
#   EDGR_RSS_GIB   the size of the big cases (default 2; the issue's
#                  figures were taken at 20 GiB bodies and 1 GiB documents)
# Each case is a file in bench/hostile/ defining its inputs and calling
#   rss_line NAME CMD...   -> "NAME: 12.3 s, peak RSS 45 MB (exit 0)"
set -u
build=$(realpath "${1:-build}")
edgr="$build/edgr"
top=$(cd "$(dirname "$0")/.." && pwd)
gib=${EDGR_RSS_GIB:-2}
tmp=$(mktemp -d "${EDGR_RSS_TMP:-/tmp}/edgr-rss.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rss_line() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err"
  local rc=$? t m
  read -r t m < <(tail -1 "$tmp/rss")
  printf '%-48s %8.1f s, peak RSS %7d MB (exit %d)\n' "$name:" "$t" $((m / 1024)) "$rc"
}
echo "peak RSS on hostile inputs (bench/rss.sh, big cases at ${gib} GiB):"
for f in "$top"/bench/hostile/*.sh; do
  [ -e "$f" ] || continue
  # shellcheck disable=SC1090
  . "$f"
done
