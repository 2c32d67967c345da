# 01-archives: hostile archive members (absolute and ../ names, links,
# devices, FIFOs, duplicates, empty members, a name that forges diagnostic
# lines), a gzip bomb of more than 4 GiB streamed in bounded memory,
# truncated and lying archives, an archive inside an archive.
d=$case_dir
s8k=samples/0009900001-17-000001.txt
mkdir -p "$d/work"
python3 - "$d/h.tar" "$s8k" <<'PY'
import io, sys, tarfile
s8k = open(sys.argv[2], "rb").read()
t = tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT)
def add(name, data=b"", **kw):
    i = tarfile.TarInfo(name); i.size = len(data)
    for k, v in kw.items(): setattr(i, k, v)
    t.addfile(i, io.BytesIO(data) if data else None)
add("/abs/a.txt", s8k)
add("../../up/b.txt", s8k)
add("link.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd")
add("link2.txt", type=tarfile.SYMTYPE, linkname="../../up/c.txt")
add("hard.txt", type=tarfile.LNKTYPE, linkname="/abs/a.txt")
add("dev", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
add("blk", type=tarfile.BLKTYPE, devmajor=7, devminor=0)
add("fifo", type=tarfile.FIFOTYPE)
add("dir/", type=tarfile.DIRTYPE)
add("dup.txt", s8k); add("dup.txt", s8k)
add("x\nfake: 0: error\x1b[31m", b"junk\n")
add("zz-empty.txt", b"")
t.close()
PY
(cd "$d/work" && "$edgr" parse "$d/h.tar" >"$tmp/out" 2>"$tmp/err"); rc=$?
[ "$rc" -le 1 ] && ok || bad "hostile members: parse exit $rc ($(head -c 300 "$tmp/err"))"
[ "$(wc -l <"$tmp/out")" = 4 ] && ok || bad "hostile members: $(wc -l <"$tmp/out") submissions parsed, want 4 (abs, ../, dup twice)"
grep -q '"member":"/abs/a.txt"' "$tmp/out" && grep -q '"member":"../../up/b.txt"' "$tmp/out" && ok || bad "hostile members: names kept as the archive says"
grep -q "$(printf '\033')" "$tmp/err" && bad "hostile members: an escape sequence reached stderr" || ok
grep -q '^fake: 0: error' "$tmp/err" && bad "hostile members: a member name forged a diagnostic line" || ok
grep -qF 'h.tar:x\nfake: 0: error\x1b[31m: 0: ' "$tmp/err" && ok || bad "hostile members: the forged name escaped: $(head -c 300 "$tmp/err")"
grep -q 'link\|hard.txt\|dev\|blk\|fifo\|dir/' "$tmp/err" && bad "hostile members: a link, device or folder member read: $(head -c 300 "$tmp/err")" || ok
# no command makes a file of a member's name, wherever it points
for c in docs header text items facts "extract -o $d/work/o" "ingest --db $d/work/h.db"; do
  # shellcheck disable=SC2086
  (cd "$d/work" && timeout 60 "$edgr" $c "$d/h.tar" >"$tmp/out" 2>"$tmp/err"); rc=$?
  [ "$rc" -le 1 ] && ok || bad "hostile members: $c exit $rc ($(head -c 300 "$tmp/err"))"
  grep -q "$(printf '\033')" "$tmp/err" && bad "hostile members: $c: an escape sequence reached stderr" || ok
done
[ ! -e /abs/a.txt ] && [ ! -e "$d/up" ] && [ ! -e "$d/../up" ] && ok || bad "hostile members: a member was written by its name"
[ "$(cd "$d/work" && find . -type f | sort | tr '\n' ' ')" = "./h.db ./o/9900001/000990000117000001/hmt-20170314x8k.htm ./o/9900001/000990000117000001/hmt-20170314xex991.htm " ] \
  && ok || bad "hostile members: files made: $(cd "$d/work" && find . -type f)"
[ "$(sqlite3 "$d/work/h.db" 'select count(*) from filings')" = 1 ] && ok || bad "hostile members: one filing stored"
rm -rf "$d/work" "$d/h.tar"

# a gzip bomb: a .tar.gz of 25 MB holding one filing of 4.1 GiB (more than
# 2^32 bytes), made of gzip members of 64 MiB of lines, each compressed
# once and repeated.  parse, header and docs stream it in bounded memory.
n=66; sanitized && n=8  # 512 MiB under a sanitizer, which is slow
python3 - "$d/bomb.tar.gz" "$s8k" "$n" <<'PY'
import sys, tarfile, zlib
line = b"Halcyon Meadow padding line, repeated to make a bomb of a filing.\n"
chunk = line * (64 * 1024 * 1024 // len(line))
n = int(sys.argv[3])
sub = open(sys.argv[2], "rb").read()
i = sub.index(b"<TEXT>") + len(b"<TEXT>\n")
pre, post = sub[:i], sub[i:]
size = len(pre) + len(chunk) * n + len(post)
ti = tarfile.TarInfo("bomb.txt"); ti.size = size
def gz(data):
    c = zlib.compressobj(1, zlib.DEFLATED, 31); return c.compress(data) + c.flush()
with open(sys.argv[1], "wb") as f:
    f.write(gz(ti.tobuf(format=tarfile.GNU_FORMAT) + pre))
    g = gz(chunk)
    for _ in range(n): f.write(g)
    f.write(gz(post + b"\0" * ((-size) % 512 + 1024)))
PY
[ -s "$d/bomb.tar.gz" ] || bad "bomb: not made"
for c in parse header docs; do
  peak_rss_mb timeout 120 "$edgr" $c "$d/bomb.tar.gz" >/dev/null; mb=$rss_mb
  [ "$rss_rc" = 0 ] && ok || bad "bomb: $c exit $rss_rc ($(head -c 300 "$tmp/err"))"
  if ! sanitized; then [ "$mb" -lt 64 ] && ok || bad "bomb: $c peak RSS $mb MB, want < 64"; fi
  case $c in
    parse|header) grep -q '"accession_number":"0009900001-17-000001"' "$tmp/out" && ok || bad "bomb: $c output: $(head -c 200 "$tmp/out")" ;;
    docs) awk -v n="$n" '$1 == 1 && $2 == "8-K" { ok = $5 > n * 64 * 1024 * 1024 * 0.99 } END { exit !ok }' "$tmp/out" \
            && ok || bad "bomb: docs: the size of document 1: $(head -c 400 "$tmp/out")"
          grep -q "EX-99.1 .* 1624 " "$tmp/out" && ok || bad "bomb: docs: the document after the bomb: $(head -c 400 "$tmp/out")" ;;
  esac
done
rm -f "$d/bomb.tar.gz"

# truncated archives: an error naming the archive, what came before is kept
mkdir -p "$d/tt" && cp samples/*.txt "$d/tt/"
tar cf "$d/good.tar" -C "$d/tt" . && gzip -1 -c "$d/good.tar" >"$d/good.tar.gz"
gsz=$(stat -c %s "$d/good.tar.gz") tsz=$(stat -c %s "$d/good.tar")
i=0
# (a cut in the gzip trailer, its CRC and length, said "(null)")
for cut in "gz 12" "gz $((gsz / 2))" "gz $((gsz - 4))" "tar 100" "tar 700" "tar $((tsz / 2))"; do
  i=$((i + 1)) kind=${cut% *} at=${cut#* }
  ext=tar; [ "$kind" = gz ] && ext=tar.gz
  f="$d/cut$i.$ext"
  head -c "$at" "$d/good.$ext" >"$f"
  for c in parse docs text "ingest --db $d/cut.db"; do
    # shellcheck disable=SC2086
    timeout 60 "$edgr" $c "$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = 1 ] && ok || bad "truncated $kind at $at: $c exit $rc, want 1 ($(head -c 300 "$tmp/err"))"
    grep -q "^$f[:a-z0-9./-]*: [0-9]*: .*\(runcated\|no EDGAR submission\|binary data\|damaged\)" "$tmp/err" \
      && ok || bad "truncated $kind at $at: $c message: $(head -c 300 "$tmp/err")"
    grep -q "(null)" "$tmp/err" && bad "truncated $kind at $at: $c says (null): $(grep -m1 "(null)" "$tmp/err")" || ok
  done
done
# a member that declares 1 TiB and holds a few bytes: truncated, bounded
python3 - "$d/lie.tar" "$s8k" <<'PY'
import sys, tarfile
sub = open(sys.argv[2], "rb").read()
ti = tarfile.TarInfo("lie.txt"); ti.size = 1 << 40
open(sys.argv[1], "wb").write(ti.tobuf(format=tarfile.GNU_FORMAT) + sub)
PY
for c in parse docs; do
  peak_rss_mb timeout 60 "$edgr" $c "$d/lie.tar" >/dev/null; mb=$rss_mb
  [ "$rss_rc" = 1 ] && ok || bad "a member declaring 1 TiB: $c exit $rss_rc ($(head -c 300 "$tmp/err"))"
  grep -q "lie.tar.*runcated" "$tmp/err" && ok || bad "a member declaring 1 TiB: $c message: $(head -c 300 "$tmp/err")"
  if ! sanitized; then [ "$mb" -lt 64 ] && ok || bad "a member declaring 1 TiB: $c peak RSS $mb MB"; fi
done
# not archives under archive names: read as what they are
cp "$s8k" "$d/plain.tar.gz"
expect "a submission named .tar.gz" 0 "$edgr" parse "$d/plain.tar.gz"
head -c 3000 /dev/urandom >"$d/junk.tar.gz"
timeout 60 "$edgr" parse "$d/junk.tar.gz" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" = 1 ] && ok || bad "random bytes named .tar.gz: exit $rc"
printf '\037\213\010\000garbage that is no deflate stream' >"$d/badgz.tar.gz"
expect "a gzip header and junk" 1 timeout 60 "$edgr" parse "$d/badgz.tar.gz"
grep -q "badgz.tar.gz: [0-9]*: " "$tmp/err" && ok || bad "a gzip header and junk: message: $(head -c 300 "$tmp/err")"
# an archive inside an archive is not opened (no recursion): a .tar.gz
# member is skipped as not EDGAR, a plain .tar member read as text
tar cf "$d/nest.tar" -C "$d" good.tar.gz good.tar
expect "an archive inside an archive" 0 timeout 60 "$edgr" parse "$d/nest.tar"
grep -q "nest.tar:good.tar.gz: 0: warning: not an EDGAR submission" "$tmp/err" && ok || bad "nested .tar.gz: $(head -c 300 "$tmp/err")"
[ "$(wc -l <"$tmp/out")" = 4 ] && ok || bad "nested .tar: $(wc -l <"$tmp/out") submissions, want the 4 read as text"
# ten levels deep: still one level read
cp "$d/good.tar.gz" "$d/n0"; for i in 1 2 3 4 5 6 7 8 9 10; do tar czf "$d/n$i" -C "$d" "n$((i - 1))"; done
expect "ten nested archives" 0 timeout 60 "$edgr" parse "$d/n10"
rm -rf "$d"/n[0-9]* "$d"/cut* "$d/tt"
