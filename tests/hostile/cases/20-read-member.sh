# Archive members ingest cannot hold (issue 12, faults): a member
# declaring 1 TiB, one over --max-document-size, one whose memory cannot
# be had.  Ingest used to stop reading the archive there, silently, with
# exit 0.  Each is now reported by name and skipped; the next member is
# stored; exit 1.
# shellcheck source=../read-gen.sh
. "$top/tests/hostile/read-gen.sh"
d=$case_dir
read_filings "$d/next.txt" 1 201
read_big_filing "$d/big.txt" 50000 0009900211-20-000202   # 3 MB
# read_sparse_tar OUT SIZE: a GNU tar whose first member, huge.txt,
# declares SIZE bytes (base-256 when it must) -- a hole on disk -- and
# whose second is next.txt
read_sparse_tar() {
  python3 - "$1" "$2" "$d/next.txt" <<'PY'
import io, sys, tarfile
out, size, nxt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
huge = tarfile.TarInfo("huge.txt"); huge.size = size
with open(out, "wb") as f:
    f.write(huge.tobuf(format=tarfile.GNU_FORMAT))
    f.seek(512 + (size + 511) // 512 * 512)          # the body: a hole
    tail = io.BytesIO()
    with tarfile.open(fileobj=tail, mode="w", format=tarfile.GNU_FORMAT) as t:
        t.add(nxt, arcname="next.txt")
    f.write(tail.getvalue())
PY
}
read_sparse_tar "$d/tib.tar" $((1 << 40))
expect "read/member: a member declaring 1 TiB" 1 "$edgr" ingest --db "$d/db" "$d/tib.tar"
grep -q "tib.tar:huge.txt: 0: .*1099511627776 bytes.*skipped" "$tmp/err" && ok ||
  bad "read/member: the 1 TiB member is named and skipped: $(head -c 300 "$tmp/err")"
expect "read/member: the member after the 1 TiB one is stored" 0 "$edgr" show --db "$d/db" 0009900211-20-000201
rm -f "$d/tib.tar" "$d/db"*

# --max-document-size 1M: a 3 MB member is refused, the next stored
(cd "$d" && tar cf lim.tar big.txt next.txt && gzip -nc big.txt >big.gz)
expect "read/member: a member over --max-document-size" 1 "$edgr" ingest --db "$d/db" --max-document-size 1M "$d/lim.tar"
grep -q "lim.tar:big.txt: 0: .*--max-document-size.*skipped" "$tmp/err" && ok ||
  bad "read/member: the member over the limit is named: $(head -c 300 "$tmp/err")"
expect "read/member: the member after it is stored" 0 "$edgr" show --db "$d/db" 0009900211-20-000201
expect "read/member: the member over the limit is not" 1 "$edgr" show --db "$d/db" 0009900211-20-000202
# a size not declared (a lone .gz) that grows past the limit while read
rm -f "$d/db"*
expect "read/member: a .gz growing past --max-document-size" 1 "$edgr" ingest --db "$d/db" --max-document-size 1M "$d/big.gz"
grep -q "big.gz: [0-9]*: .*--max-document-size" "$tmp/err" && ok ||
  bad "read/member: the .gz over the limit is named: $(head -c 300 "$tmp/err")"
# ... and the same from standard input
rm -f "$d/db"*
expect "read/member: stdin growing past --max-document-size" 1 sh -c '"$1" ingest --db "$2" --max-document-size 1M - <"$3"' sh "$edgr" "$d/db" "$d/big.txt"
grep -q "<stdin>: [0-9]*: .*--max-document-size" "$tmp/err" && ok ||
  bad "read/member: stdin over the limit is named: $(head -c 300 "$tmp/err")"

# memory that cannot be had (an address-space limit of 1 GB, a member of
# 1.5 GiB under a 4 GiB limit): reported, skipped, the next stored.
# Sanitizers reserve terabytes of address space: not under them.
if ! sanitized; then
  rm -f "$d/db"*
  read_sparse_tar "$d/mem.tar" $((3 << 29))
  expect "read/member: a member whose memory cannot be had" 1 \
    sh -c 'ulimit -v 1000000; "$1" ingest --db "$2" --jobs 1 --max-document-size 4G "$3"' sh "$edgr" "$d/db" "$d/mem.tar"
  # (a member of more than 8 MB is read as it goes: its memory runs out
  # while it is held as one would-be document, said at the offset reached)
  grep -q "mem.tar:huge.txt: [0-9]*: .*out of memory" "$tmp/err" && ok ||
    bad "read/member: the member with no memory is named: $(head -c 300 "$tmp/err")"
  expect "read/member: the member after it is stored" 0 "$edgr" show --db "$d/db" 0009900211-20-000201
  rm -f "$d/mem.tar"
fi
rm -f "$d"/*.txt "$d"/*.tar "$d"/*.gz "$d"/db*
