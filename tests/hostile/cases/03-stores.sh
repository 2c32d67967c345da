# 03-stores: stores on a full disk (a file size limit, with SIGXFSZ left to
# its default and ignored; a small tmpfs when one can be mounted), read-only
# (file and folder), corrupted (random bytes, truncated, text, another
# SQLite database, damaged pages), not files (a FIFO, a folder, /dev/null):
# a clear error, exit 3, no crash, nothing overwritten.  cat refuses a
# source changed since ingest.  (The --db, read-only and cat checks moved
# here from tests/store; the full-disk ones from tests/cli.)
d=$case_dir
s8k=samples/0009900001-17-000001.txt
s8k19=samples/0009900003-19-000010.txt
db=$d/s.db
"$edgr" ingest -q --db "$db" samples/ || bad "stores: ingest the samples"
mkdir "$d/many"
for i in $(seq 0 99); do
  sed "s/0009900120-21-000001/0009900120-21-$(printf '%06d' $((i + 100)))/g" tests/fixtures/manners/s3.txt >"$d/many/f$i.txt"
done

# ---- --db naming something that is not a regular file: refused, never blocks
mkfifo "$d/fifo.db"
mkdir -p "$d/dir.db"
for t in "$d/fifo.db" "$d/dir.db" /dev/null; do
  expect "search --db $t" 3 timeout 20 "$edgr" search --db "$t" meadow
  grep -q "not a regular file" "$tmp/err" && ok || bad "search --db $t message: $(cat "$tmp/err")"
  expect "ingest --db $t" 3 timeout 20 "$edgr" ingest --db "$t" $s8k
  grep -q "not a regular file" "$tmp/err" && ok || bad "ingest --db $t message: $(cat "$tmp/err")"
done
ln -s "$d/fifo.db" "$d/link.db"
expect "search --db a link to a FIFO" 3 timeout 20 "$edgr" search --db "$d/link.db" meadow

# ---- a store the user cannot write can still be queried.  Root ignores
# permissions: as root the checks run as nobody (setpriv), else are skipped.
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    # nobody must reach the binary (a checkout under a 0700 home is not)
    "${as_user[@]}" "$edgr" --version >/dev/null 2>&1 || as_user=(skip)
  else
    as_user=(skip)
  fi
fi
if [ "${as_user[0]}" = skip ]; then
  echo "store: skipped read-only store checks (running as root, which ignores permissions, and no setpriv, or user nobody cannot run $edgr)"
else
  ro=$(mktemp -d "${TMPDIR:-/tmp}/edgr-ro.XXXXXX")
  chmod 755 "$ro"
  cp "$db" "$ro/ro.db"
  chmod a-w "$ro/ro.db"
  chmod a+w "$ro"
  expect "search a read-only file" 0 "${as_user[@]}" "$edgr" search --db "$ro/ro.db" meadow
  # a reader with a writable folder leaves its -shm and -wal: start afresh
  rm -f "$ro/ro.db-wal" "$ro/ro.db-shm"
  chmod a-w "$ro"
  expect "search a read-only file in a read-only folder" 0 "${as_user[@]}" "$edgr" search --db "$ro/ro.db" meadow
  grep -q eadow "$tmp/out" && ok || bad "read-only folder: hits: $(head -c 300 "$tmp/out")"
  expect "show from a read-only folder" 0 "${as_user[@]}" "$edgr" show --db "$ro/ro.db" 0009900001-17-000001
  expect "company from a read-only folder" 0 "${as_user[@]}" "$edgr" company --db "$ro/ro.db" 9900001
  expect "cat from a read-only folder" 0 "${as_user[@]}" "$edgr" cat --db "$ro/ro.db" 0009900001-17-000001 1
  expect "ingest into a read-only folder" 3 "${as_user[@]}" "$edgr" ingest --replace --db "$ro/ro.db" $s8k19
  [ ! -e "$ro/ro.db-wal" ] && ok || bad "a reader left a -wal in a read-only folder"
  chmod u+w "$ro" "$ro/ro.db"
  rm -rf "$ro"
fi

# a full disk during ingest (a file size limit: SQLite's writes fail with
# EFBIG) is exit 3, and what committed before stays searchable
"$edgr" ingest -q --db "$d/fs.db" "$s8k"
lim=$(( $(stat -c %s "$d/fs.db") / 1024 + 8 ))
expect "ingest on a full disk" 3 bash -c "ulimit -f $lim; trap '' XFSZ; exec \"$edgr\" ingest -q --db \"$d/fs.db\" \"$d/many\""
grep -q "fs.db: .*I/O error" "$tmp/err" && ok || bad "full disk said ($(head -c 200 "$tmp/err"))"
expect "store still readable after a full disk" 0 "$edgr" search --db "$d/fs.db" Halcyon
# ... also when the disk fills at the commit of a batch in mid-run (files of
# 400 kB, batches of 1 MB: the first two are stored, the third ends a batch
# whose commit fails); this freed the last task twice
mkdir "$d/big"
yes 'Halcyon padding: words that make the filing big enough for a batch to fill.' | head -c 400000 >"$d/pad"
for i in 1 2 3 4 5 6; do
  sed "s/0009900001-17-000001/0009900001-17-$(printf '%06d' $((i + 100)))/g" "$s8k" |
    awk -v pad="$d/pad" '!done && /<\/TEXT>/ { while ((getline l < pad) > 0) print l; done = 1 } { print }' >"$d/big/b$i.txt"
done
"$edgr" ingest -q --db "$d/fb.db" "$d/big/b1.txt" "$d/big/b2.txt"
lim=$(( $(stat -c %s "$d/fb.db") / 1024 + 8 ))
expect "ingest on a disk that fills at a batch's commit" 3 bash -c "ulimit -f $lim; trap '' XFSZ; exec \"$edgr\" ingest -q --batch-mb 1 --db \"$d/fb.db\" \"$d/big\""
grep -q "fb.db: .*I/O error" "$tmp/err" && ok || bad "full disk at commit said ($(head -c 200 "$tmp/err"))"
expect "store still readable after a full disk at commit" 0 "$edgr" search --db "$d/fb.db" Halcyon
# a store error is exit 3 even when an input could not be read as well
expect "full disk and a missing input" 3 bash -c "ulimit -f $lim; trap '' XFSZ; exec \"$edgr\" ingest -q --batch-mb 1 --db \"$d/fb.db\" \"$d/none.txt\" \"$d/big\""
# extract on a full disk (a file size limit: write fails with EFBIG) is exit
# 3, names the file, and stops the batch (the second input is not tried)
rm -rf "$d/xf"
expect "extract on a full disk" 3 bash -c "ulimit -f 100; trap '' XFSZ; exec \"$edgr\" extract -o \"$d/xf\" \"$d/big/b1.txt\" \"$s8k\""
grep -q "b1.txt: .*writing .*xf/.*: File too large" "$tmp/err" && ok || bad "extract full disk said ($(head -c 300 "$tmp/err"))"
[ -d "$d/xf/9900001/000990000117000001" ] && bad "extract went on after a full disk" || ok
rm -rf "$d/xf"
expect "extract on a full disk, --jobs 2" 3 bash -c "ulimit -f 100; trap '' XFSZ; exec \"$edgr\" extract --jobs 2 -o \"$d/xf\" \"$d/big\""

# cat checks what it serves against the SHA-256 taken at ingest: a source
# changed since (one byte of a document's body) is refused, named
cp samples/0009900001-17-000001.txt "$d/changed.txt"
expect "ingest a copy" 0 "$edgr" ingest -q --db "$d/changed.db" "$d/changed.txt"
expect "cat of the unchanged copy" 0 "$edgr" cat --db "$d/changed.db" 0009900001-17-000001 1
sed -i 's/SECURITIES AND EXCHANGE COMMISSION/SECURITIES AND EXCHANGE COMMISSIOX/' "$d/changed.txt"
expect "cat of a changed source" 1 "$edgr" cat --db "$d/changed.db" 0009900001-17-000001 1
[ ! -s "$tmp/out" ] && ok || bad "cat of a changed source wrote the changed bytes"
grep -q "^edgr cat: $d/changed.txt: .*changed since it was ingested" "$tmp/err" && ok || bad "changed source message: $(head -c 300 "$tmp/err")"
expect "cat of a changed source: another document is fine" 0 "$edgr" cat --db "$d/changed.db" 0009900001-17-000001 2
printf '<html><body><p>Fictional Widget Co. letter.</p></body></html>\n' >"$d/changed.htm"
"$edgr" ingest -q --db "$d/changed.db" --accession 0009900200-26-000001 "$d/changed.htm" 2>/dev/null
expect "cat of an unchanged bare document" 0 "$edgr" cat --db "$d/changed.db" 0009900200-26-000001 1
sed -i 's/Widget/Gadget/' "$d/changed.htm"
expect "cat of a changed bare document" 1 "$edgr" cat --db "$d/changed.db" 0009900200-26-000001 1
grep -q "^edgr cat: $d/changed.htm: .*changed since it was ingested" "$tmp/err" && ok || bad "changed bare document message: $(head -c 300 "$tmp/err")"

# a file size limit with SIGXFSZ at its default (a shell's ulimit -f): edgr
# ignores the signal, so a write fails with EFBIG and is said, exit 3, and
# the store is whole (it died of the signal, exit 153)
rm -f "$d"/fx.db*
"$edgr" ingest -q --db "$d/fx.db" "$s8k"
lim=$(( $(stat -c %s "$d/fx.db") / 1024 + 8 ))
expect "ingest past ulimit -f, SIGXFSZ not ignored" 3 bash -c "ulimit -f $lim; exec \"$edgr\" ingest -q --db \"$d/fx.db\" \"$d/many\""
grep -q "fx.db: .*I/O error" "$tmp/err" && ok || bad "SIGXFSZ: the failed write said ($(head -c 200 "$tmp/err"))"
expect "store whole after ulimit -f" 0 "$edgr" search --db "$d/fx.db" Halcyon
[ "$(sqlite3 "$d/fx.db" 'pragma integrity_check')" = ok ] && ok || bad "SIGXFSZ: store integrity"
rm -rf "$d/xf"
expect "extract past ulimit -f, SIGXFSZ not ignored" 3 bash -c "ulimit -f 100; exec \"$edgr\" extract -o \"$d/xf\" \"$d/big/b1.txt\" \"$s8k\""
grep -q "b1.txt: .*writing .*xf/.*: File too large" "$tmp/err" && ok || bad "SIGXFSZ: extract said ($(head -c 300 "$tmp/err"))"
[ -z "$(find "$d/xf" -name '.edgr-*')" ] && ok || bad "extract past ulimit -f left its temporary file"
rm -rf "$d/xf" "$d"/fx.db*

# a real full disk (ENOSPC): a 2 MB tmpfs, when this user can mount one in a
# namespace of its own (root, or unprivileged user namespaces)
mnt=$d/mnt; mkdir -p "$mnt"
if unshare -rm sh -c "mount -t tmpfs -o size=2m tmpfs '$mnt'" 2>/dev/null || unshare -m sh -c "mount -t tmpfs -o size=2m tmpfs '$mnt'" 2>/dev/null; then
  us=(unshare -m); unshare -rm true 2>/dev/null && [ "$(id -u)" != 0 ] && us=(unshare -rm)
  cat >"$d/full.sh" <<SH
mount -t tmpfs -o size=2m tmpfs "$mnt" || exit 99
"$edgr" ingest -q --db "$mnt/f.db" "$s8k" || exit 98
cp "$mnt/f.db" "$d/before.db"
"$edgr" ingest -q --batch-mb 1 --db "$mnt/f.db" "$d/big" "$d/many" >"$d/full.out" 2>"$d/full.err"; echo \$? >"$d/full.rc"
"$edgr" show --db "$mnt/f.db" 0009900001-17-000001 >"$d/full.search" 2>&1; echo \$? >"$d/full.src"
sqlite3 "$mnt/f.db" 'pragma integrity_check' >"$d/full.ic" 2>&1
"$edgr" extract -o "$mnt/x" "$d/big" >"$d/fullx.out" 2>"$d/fullx.err"; echo \$? >"$d/fullx.rc"
find "$mnt/x" -name '.edgr-*' >"$d/fullx.tmp"
SH
  "${us[@]}" sh "$d/full.sh"; rc=$?
  [ "$rc" = 0 ] && ok || bad "tmpfs: setup exit $rc"
  [ "$(cat "$d/full.rc")" = 3 ] && ok || bad "ingest on a full tmpfs: exit $(cat "$d/full.rc"), want 3 ($(head -c 300 "$d/full.err"))"
  grep -q "f.db: .*\(full\|space\)" "$d/full.err" && ok || bad "ingest on a full tmpfs: said: $(head -c 300 "$d/full.err")"
  [ "$(grep -c 'f.db: ' "$d/full.err")" = 1 ] && ok || bad "ingest on a full tmpfs: said $(grep -c 'f.db: ' "$d/full.err") times"
  [ "$(cat "$d/full.src")" = 0 ] && ok || bad "full tmpfs: the store cannot be searched: $(head -c 300 "$d/full.search")"
  [ "$(cat "$d/full.ic")" = ok ] && ok || bad "full tmpfs: store integrity: $(head -c 200 "$d/full.ic")"
  [ "$(cat "$d/fullx.rc")" = 3 ] && ok || bad "extract on a full tmpfs: exit $(cat "$d/fullx.rc"), want 3 ($(head -c 300 "$d/fullx.err"))"
  grep -q "No space left on device" "$d/fullx.err" && ok || bad "extract on a full tmpfs: said: $(head -c 300 "$d/fullx.err")"
  [ ! -s "$d/fullx.tmp" ] && ok || bad "extract on a full tmpfs left $(cat "$d/fullx.tmp")"
  rm -f "$d"/full* "$d/before.db"
else
  echo "hostile: 03-stores: skipped the full tmpfs checks (cannot mount a tmpfs in a namespace here)"
fi
rm -rf "$d/big" "$d/pad"

# corrupted stores: every command refuses with "not an edgr store (...)",
# exit 3, and leaves the file as it was
head -c 100000 /dev/urandom >"$d/rand.db"
head -c $(( $(stat -c %s "$db") / 2 )) "$db" >"$d/trunc.db"
echo 'not a database' >"$d/text.db"
sqlite3 "$d/other.db" 'create table t(x); insert into t values(1)'
{ head -c 16 "$db"; head -c 50000 /dev/urandom; } >"$d/hdr.db"
for f in rand trunc text other hdr; do
  sum=$(md5sum <"$d/$f.db")
  for c in "search meadow" "show 0009900001-17-000001" "company 9900001" "cat 0009900001-17-000001 1" "ingest -q $s8k19"; do
    set -f; w=($c); set +f
    timeout 60 "$edgr" "${w[0]}" --db "$d/$f.db" "${w[@]:1}" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = 3 ] && ok || bad "$f store: ${w[0]} exit $rc, want 3 ($(head -c 200 "$tmp/err"))"
    grep -q "^edgr ${w[0]}: $d/$f.db: not an edgr store (" "$tmp/err" && ok || bad "$f store: ${w[0]} said: $(head -c 200 "$tmp/err")"
  done
  [ "$(md5sum <"$d/$f.db")" = "$sum" ] && ok || bad "$f store: changed by a command that refused it"
  [ ! -e "$d/$f.db-wal" ] || [ ! -s "$d/$f.db-wal" ] && ok || bad "$f store: a -wal written"
done
# damaged pages inside a good store: an error or a result, never a crash
for at in 4096 20000 60000 100000; do
  cp "$db" "$d/dmg.db"
  head -c 3000 /dev/urandom | dd of="$d/dmg.db" bs=1 seek="$at" conv=notrunc 2>/dev/null
  for c in "search meadow" "search --json --form 8-K halcyon" "show 0009900001-17-000001" "company 9900001" "cat 0009900001-17-000001 1" "ingest -q --replace $s8k"; do
    set -f; w=($c); set +f
    timeout 60 "$edgr" "${w[0]}" --db "$d/dmg.db" "${w[@]:1}" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" -le 3 ] && ok || bad "store damaged at $at: ${w[0]} exit $rc ($(head -c 200 "$tmp/err"))"
  done
done
rm -rf "$d"/*.db* "$d/dmg.db"
rm -rf "$d/many"
