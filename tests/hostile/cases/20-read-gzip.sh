# gzip's CRC-32 and length (ISIZE) of an archive or a compressed file
# (issue 12, faults): libarchive 3.6 checks neither, so a damaged .tar.gz
# or .gz was parsed and stored with exit 0.  Now every command that reads
# archives says "gzip data is damaged (CRC-32 mismatch ...)" with the
# compressed offset (and the member being read), and exits 1.  zstd, xz
# and bzip2 check their own sums in libarchive: checked here too.
# shellcheck source=../read-gen.sh
. "$top/tests/hostile/read-gen.sh"
d=$case_dir
read_filings "$d/a.txt" 1 101
read_filings "$d/b.txt" 1 102
read_big_filing "$d/big.txt" 50000 0009900215-20-000103   # 3 MB: read in several chunks
(cd "$d" && tar cf small.tar a.txt b.txt && tar cf big.tar a.txt big.txt &&
  gzip -kn small.tar big.tar && gzip -nc a.txt >a.gz && gzip -nc b.txt >b.gz)
# read_flip FILE OFFSET_FROM_END: one byte of FILE's gzip trailer changed
read_flip() {
  python3 - "$1" "$2" <<'PY'
import sys
p, back = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read()); b[len(b) - back] ^= 0x5a; open(p, 'wb').write(b)
PY
}
for f in small.tar.gz big.tar.gz a.gz; do
  cp "$d/$f" "$d/crc-$f"; read_flip "$d/crc-$f" 8   # CRC-32: bytes -8..-5
  cp "$d/$f" "$d/len-$f"; read_flip "$d/len-$f" 2   # ISIZE: bytes -4..-1
done

# the sound files are read (concatenated gzip members too: gzip -c a b)
expect "read/gzip: a sound .tar.gz" 0 "$edgr" parse "$d/big.tar.gz"
cat "$d/a.gz" "$d/b.gz" >"$d/ab.gz"
expect "read/gzip: two gzip members, one after the other" 0 "$edgr" docs "$d/ab.gz"
grep -q 0009900211-20-000101 "$tmp/out" && grep -q 0009900212-20-000102 "$tmp/out" && ok ||
  bad "read/gzip: both members of a two-member .gz are read"

for cmd in parse docs text; do
  for f in crc-small.tar.gz crc-big.tar.gz crc-a.gz; do
    expect "read/gzip: edgr $cmd $f" 1 "$edgr" "$cmd" "$d/$f"
    grep -q "$f.*: [0-9]*: .*gzip data is damaged (CRC-32 mismatch at compressed byte [0-9]*)" "$tmp/err" &&
      ok || bad "read/gzip: edgr $cmd $f says what: $(head -c 300 "$tmp/err")"
  done
  for f in len-small.tar.gz len-a.gz; do
    expect "read/gzip: edgr $cmd $f" 1 "$edgr" "$cmd" "$d/$f"
    grep -q "gzip data is damaged (length mismatch at compressed byte [0-9]*)" "$tmp/err" &&
      ok || bad "read/gzip: edgr $cmd $f says what: $(head -c 300 "$tmp/err")"
  done
done
# a trailer read in two pieces: the first member's 8 bytes straddle the
# first 1 MB read (stored blocks, so the size is exact), sound and damaged
edge=$(python3 - "$d/a.txt" "$d/b.gz" "$d/edge.gz" <<'PY'
import sys, zlib
filing, second, out = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read(), sys.argv[3]
def member(n):
    c = zlib.compressobj(0, zlib.DEFLATED, 31)
    return c.compress(filing + b"\n" * (n - len(filing))) + c.flush()
n = (1 << 20) - 400
while not (1 << 20) < len(member(n)) < (1 << 20) + 8: n += 1
m = member(n)
open(out, 'wb').write(m + second)
print(len(m))
PY
)
expect "read/gzip: a trailer across two reads" 0 "$edgr" docs "$d/edge.gz"
grep -q 0009900212-20-000102 "$tmp/out" && ok || bad "read/gzip: the member after a trailer across two reads"
cp "$d/edge.gz" "$d/edge-crc.gz"
read_flip_at() { python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[int(sys.argv[2])]^=0x5a; open(p,"wb").write(b)' "$@"; }
read_flip_at "$d/edge-crc.gz" $((edge - 8))
expect "read/gzip: a damaged trailer across two reads" 1 "$edgr" docs "$d/edge-crc.gz"
grep -q "gzip data is damaged (CRC-32 mismatch at compressed byte $((edge - 8)))" "$tmp/err" && ok ||
  bad "read/gzip: a damaged trailer across two reads: $(head -c 300 "$tmp/err")"

# the member being read is named, with the compressed offset of the field
# found wrong (the CRC-32 at 8 bytes before the member's end, ISIZE at 4)
size=$(stat -c %s "$d/len-big.tar.gz")
expect "read/gzip: parse, length damaged in a member" 1 "$edgr" parse "$d/len-big.tar.gz"
grep -q "gzip data is damaged (length mismatch at compressed byte $((size - 4)))" "$tmp/err" &&
  ok || bad "read/gzip: the ISIZE field's offset: $(head -c 300 "$tmp/err")"
size=$(stat -c %s "$d/crc-big.tar.gz")
expect "read/gzip: parse, damage found in a member" 1 "$edgr" parse "$d/crc-big.tar.gz"
grep -q "crc-big.tar.gz:big.txt: [0-9]*: .*gzip data is damaged (CRC-32 mismatch at compressed byte $((size - 8)))" "$tmp/err" &&
  ok || bad "read/gzip: the member and the offset: $(head -c 300 "$tmp/err")"
# standard input: redirected from the file, or a pipe
expect "read/gzip: parse - < damaged" 1 "$edgr" parse - <"$d/crc-small.tar.gz"
grep -q "gzip data is damaged" "$tmp/err" && ok || bad "read/gzip: parse - < damaged: $(head -c 300 "$tmp/err")"
expect "read/gzip: cat damaged | parse -" 1 sh -c 'cat "$1" | "$2" parse -' sh "$d/crc-a.gz" "$edgr"
grep -q "gzip data is damaged" "$tmp/err" && ok || bad "read/gzip: damaged | parse -: $(head -c 300 "$tmp/err")"

# ingest: an error, exit 1; the member read when the damage is found is not stored
for f in crc-small.tar.gz len-small.tar.gz crc-a.gz crc-big.tar.gz; do
  rm -f "$d/db"*
  expect "read/gzip: ingest $f" 1 "$edgr" ingest --db "$d/db" "$d/$f"
  grep -q "gzip data is damaged" "$tmp/err" && ok || bad "read/gzip: ingest $f says what: $(head -c 300 "$tmp/err")"
done
expect "read/gzip: the damaged member is not stored" 1 "$edgr" show --db "$d/db" 0009900215-20-000103
rm -f "$d/db"*
expect "read/gzip: damaged | ingest -" 1 sh -c 'cat "$1" | "$2" ingest --db "$3" -' sh "$d/crc-small.tar.gz" "$edgr" "$d/db"
grep -q "gzip data is damaged" "$tmp/err" && ok || bad "read/gzip: damaged | ingest -: $(head -c 300 "$tmp/err")"
rm -f "$d/db"*
expect "read/gzip: ingest of a sound .tar.gz" 0 "$edgr" ingest --db "$d/db" "$d/big.tar.gz"

# the other filters check their own sums (a byte changed in the middle and
# in the trailer): refused, exit 1
for z in zstd xz bzip2; do
  command -v "$z" >/dev/null || continue
  "$z" -c "$d/small.tar" >"$d/t.$z"
  for back in 2 100; do
    cp "$d/t.$z" "$d/x.$z"; read_flip "$d/x.$z" "$back"
    expect "read/gzip: a damaged $z file (byte -$back)" 1 "$edgr" parse "$d/x.$z"
  done
done
rm -f "$d"/*.tar "$d"/*.gz "$d"/*.txt "$d"/db* "$d"/t.* "$d"/x.*
