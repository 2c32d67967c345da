#!/bin/sh
# Seed inputs for the fuzz targets of the CLI's input layer, made from the
# project's samples and fixtures (never copies of ../shared):
#   scripts/fuzz-seeds.sh stdin_chunks|archive|ingest DIR
# stdin_chunks: each file behind the 10 bytes fuzz/fuzz_stdin_chunks.c reads
# first (a command, options, a chunk schedule), several of them in turn.
# archive: a tar of two samples, a gzip of one, a tar.gz, .bz2, .xz and .zst
# of fixtures, a tar with a long (GNU) member name, one with a control
# character and a '../' in a member name, a member that is a directory and a
# symlink, a truncated tar.gz -- each behind the 2 bytes
# fuzz/fuzz_archive.c reads first.  ingest: the same files behind the byte
# fuzz/fuzz_ingest.c reads first.
set -eu
target=$1
dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
# bytes given as decimal numbers
# shellcheck disable=SC2059
bytes() { for b in "$@"; do printf "\\$(printf %03o "$b")"; done; }
files="$top/samples/*.txt $top/samples/*.nc $top/tests/fixtures/*.txt $top/tests/fixtures/*.nc
  $top/tests/fixtures/items/* $top/tests/fixtures/facts/* $top/tests/fixtures/inputs/*.htm"
case "$target" in
stdin_chunks)
  # command (mod 7) and mode, options, eight chunk sizes (b < 128: b + 1;
  # else ((b & 127) + 1) * 512)
  set -- "0 0 0 1 2 3 4 5 6 7" "8 1 255 0 130 7 63 1 200 3" "16 4 128 128 0 0 255 1 9 99" \
         "3 8 11 0 0 0 0 0 0 0" "4 4 1 2 3 4 5 6 7 8" "5 1 150 150 150 150 1 1 1 1" \
         "2 16 0 0 0 0 0 0 0 0" "35 0 64 64 64 64 64 64 64 64" "195 0 9 9 9 9 9 9 9 2" \
         "3 192 200 200 200 200 200 200 200 200" \
         "13 33 0 1 2 3 4 5 6 7" "6 0 255 255 255 255 255 255 255 255" \
         "17 0 3 200 7 129 0 64 1 2" "18 4 100 0 1 130 2 3 4 5" "19 1 0 0 0 0 0 0 0 150"
  n=0
  for f in $files; do
    [ -f "$f" ] || continue
    for _ in 1 2; do
      n=$((n + 1))
      i=$(( (n % $#) + 1 ))
      eval "head=\${$i}"
      # shellcheck disable=SC2086
      { bytes $head; cat "$f"; } >"$dir/seed-$n"
    done
  done
  ;;
archive|ingest)
  t=$(mktemp -d)
  trap 'rm -rf "$t"' EXIT
  s=$top/samples
  cp "$s/0009900001-17-000001.txt" "$s/0009900002-97-000003.txt" "$t/"
  (cd "$t" && tar cf two.tar 0009900001-17-000001.txt 0009900002-97-000003.txt)
  gzip -c "$s/0009900003-19-000010.txt" >"$t/one.gz"
  (cd "$t" && tar czf two.tar.gz 0009900001-17-000001.txt 0009900002-97-000003.txt)
  command -v bzip2 >/dev/null && bzip2 -c "$s/0009900004-23-000020.txt" >"$t/one.bz2"
  command -v xz >/dev/null && xz -c "$s/0009900004-23-000020.txt" >"$t/one.xz"
  command -v zstd >/dev/null && zstd -q -c "$s/0009900004-23-000020.txt" >"$t/one.zst"
  long=$(printf 'd%.0s' $(seq 1 150))
  mkdir -p "$t/m/$long" "$t/m/sub"
  cp "$s/0009900001-17-000001.nc" "$t/m/$long/0009900001-17-000001.nc"
  cp "$top/tests/fixtures/inputs/corvid-8k.htm" "$t/m/sub/$(printf 'a\033[2Jb\nc.htm')"
  ln -s ../../etc/passwd "$t/m/link"
  (cd "$t/m" && tar --format=gnu -cf ../gnu.tar . && tar --format=pax -cf ../pax.tar .)
  (cd "$t/m" && tar -cf ../dotdot.tar --transform 's,^sub,../sub,' sub)
  head -c 3000 "$t/two.tar.gz" >"$t/truncated.tar.gz"
  head -c 9000 "$t/two.tar" >"$t/truncated.tar"
  n=0
  for f in "$t"/*.tar "$t"/*.gz "$t"/*.bz2 "$t"/*.xz "$t"/*.zst "$s/0009900001-17-000001.txt"; do
    [ -f "$f" ] || continue
    heads='"0 0" "11 1" "3 4" "12 64" "5 0" "2 16" "24 0" "88 1" "250 4"'
    [ "$target" = ingest ] && heads='"0" "1" "2" "5" "240" "7"'
    eval "set -- $heads"
    for head in "$@"; do
      n=$((n + 1))
      # shellcheck disable=SC2086
      { bytes $head; cat "$f"; } >"$dir/seed-$n"
    done
  done
  ;;
*) echo "fuzz-seeds.sh: stdin_chunks, archive or ingest" >&2; exit 2 ;;
esac
