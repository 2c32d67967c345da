# A tar cut short at a member's end, and ingest --all-or-nothing.
#
# libarchive reads a tar that stops at the end of a member, without the two
# zero blocks that end a tar, as a whole one: a Feed archive cut short that
# way (or built without its end) was read and stored with exit 0.  Every
# command now says "FILE: OFFSET: the tar has no end blocks: it was cut
# short", keeps what it read, and exits 1.
#
# ingest --all-or-nothing (what edgr fetch feed runs its ingest with): an
# archive found damaged part way -- cut short, a gzip CRC-32 or length wrong,
# found only at its end -- keeps none of its filings, even those of batches
# committed before; exit 4; the other inputs of the run are stored.  A filing
# stored before from some other file is not the damaged archive's to take.
#
# ingest --source-path PATH: standard input stored as PATH's content (edgr
# fetch feed pipes an archive to its ingest as it downloads).
# shellcheck source=../read-gen.sh
. "$top/tests/hostile/read-gen.sh"
d=$case_dir
is() { [ "$2" = "$3" ] && ok || bad "$1: '$2', want '$3'"; }
read_filings "$d/a.txt" 1 301
read_filings "$d/b.txt" 1 302
read_filings "$d/c.txt" 1 303
read_filings "$d/e.txt" 1 304
(cd "$d" && tar cf whole.tar a.txt b.txt c.txt && tar cf other.tar e.txt && gzip -kn whole.tar other.tar)
# whole.tar without its end blocks (and the blocking factor's zeros after them)
python3 - "$d/whole.tar" "$d/cut.tar" <<'PY'
import sys
t = open(sys.argv[1], 'rb').read().rstrip(b'\0')
t += b'\0' * (-len(t) % 512)
open(sys.argv[2], 'wb').write(t)
PY
gzip -kn "$d/cut.tar"
cp "$d/whole.tar.gz" "$d/crc.tar.gz"
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[-8] ^= 0x5a; open(p, "wb").write(b)' "$d/crc.tar.gz"

# every command: cut short is said, with the offset, exit 1; what was read is kept
for f in cut.tar cut.tar.gz; do
  for c in parse docs; do
    expect "tar cut: $c $f" 1 "$edgr" "$c" "$d/$f"
    grep -q "^$d/$f: [0-9]*: the tar has no end blocks: it was cut short" "$tmp/err" && ok ||
      bad "tar cut: $c $f says: $(head -c 300 "$tmp/err")"
    is "tar cut: $c $f: its three filings read" "$(grep -c -- '-20-00030[123]' "$tmp/out")" 3
  done
  if [ "$f" = cut.tar.gz ]; then # a pipe inflated here: its end is looked at
    expect "tar cut: docs - <$f" 1 sh -c '"$1" docs - <"$2"' sh "$edgr" "$d/$f"
    grep -q "^<stdin>: [0-9]*: the tar has no end blocks" "$tmp/err" && ok || bad "tar cut: docs - <$f says: $(head -c 300 "$tmp/err")"
  else # a tar on a pipe is read by libarchive as it comes: its end is not looked at
    expect "tar cut: docs - <$f (not known)" 0 sh -c '"$1" docs - <"$2"' sh "$edgr" "$d/$f"
  fi
done
expect "tar whole: parse" 0 "$edgr" parse "$d/whole.tar" "$d/whole.tar.gz"
# a whole tar under another compressor, read by libarchive's filter: its
# end is in the inflated bytes, not the file's last ones
for z in xz bzip2 zstd; do
  command -v "$z" >/dev/null || continue
  "$z" -c "$d/whole.tar" >"$d/whole.tar.$z"
  expect "tar whole: parse .tar.$z" 0 "$edgr" parse "$d/whole.tar.$z"
  rm -f "$d/z.db"*
  expect "tar whole: ingest --all-or-nothing .tar.$z" 0 "$edgr" ingest -q --all-or-nothing --db "$d/z.db" "$d/whole.tar.$z"
  is "tar whole: .tar.$z stored" "$(sqlite3 "$d/z.db" 'select count(*) from filings')" 3
done
expect "tar cut: ingest" 1 "$edgr" ingest -q --db "$d/c.db" "$d/cut.tar.gz"
grep -q "cut.tar.gz: [0-9]*: the tar has no end blocks: it was cut short; the members before this point were read" \
  "$tmp/err" && ok || bad "tar cut: ingest says: $(head -c 300 "$tmp/err")"
is "tar cut: ingest keeps the filings read" "$(sqlite3 "$d/c.db" 'select count(*) from filings')" 3

# --all-or-nothing: nothing of a damaged archive kept, the rest of the run goes on
for f in cut.tar cut.tar.gz crc.tar.gz; do
  rm -f "$d/n.db"*
  expect "all-or-nothing: $f and a sound archive" 4 "$edgr" ingest -q --all-or-nothing --db "$d/n.db" \
    "$d/$f" "$d/other.tar.gz"
  grep -q "$f: 0: damaged: .*(--all-or-nothing)" "$tmp/err" && ok || bad "all-or-nothing: $f: $(head -c 300 "$tmp/err")"
  is "all-or-nothing: $f: none of it, all of the other" \
    "$(sqlite3 "$d/n.db" 'select group_concat(accession_number) from filings')" 0009900214-20-000304
done
# filings stored before, from the same archive, are taken back too: a run
# killed part way through it (edgr fetch feed's case), then the damage found
# by the run that reads it again
rm -f "$d/n.db"*
"$edgr" ingest -q --db "$d/n.db" "$d/cut.tar.gz" 2>/dev/null
is "all-or-nothing: a first run kept what it read" "$(sqlite3 "$d/n.db" 'select count(*) from filings')" 3
expect "all-or-nothing: the same archive again" 4 "$edgr" ingest -q --all-or-nothing --db "$d/n.db" "$d/cut.tar.gz"
grep -q "cut.tar.gz: 0: damaged: the 3 filings read from it removed again (--all-or-nothing)" "$tmp/err" && ok ||
  bad "all-or-nothing: the filings of the first run: $(head -c 300 "$tmp/err")"
is "all-or-nothing: the first run's filings taken back" "$(sqlite3 "$d/n.db" 'select count(*) from filings')" 0
is "all-or-nothing: their text gone from the index" "$(sqlite3 "$d/n.db" 'select count(*) from text_rows')" 0
expect "all-or-nothing: the store searched after" 1 "$edgr" search --db "$d/n.db" Readwell
# a filing stored before from its own file stays
rm -f "$d/n.db"*
"$edgr" ingest -q --db "$d/n.db" "$d/a.txt" || bad "all-or-nothing: ingest a.txt"
expect "all-or-nothing: an archive holding a filing stored before" 4 "$edgr" ingest -q --all-or-nothing \
  --db "$d/n.db" "$d/crc.tar.gz"
is "all-or-nothing: the filing stored from elsewhere stays" \
  "$(sqlite3 "$d/n.db" "select accession_number || ' ' || (source_path like '%/a.txt') from filings")" \
  "0009900211-20-000301 1"
expect "all-or-nothing: a sound archive" 0 "$edgr" ingest -q --all-or-nothing --db "$d/n.db" "$d/whole.tar.gz"
is "all-or-nothing: a sound archive stored" "$(sqlite3 "$d/n.db" 'select count(*) from filings')" 3

# --source-path: standard input stored as the file's
rm -f "$d/p.db"*
expect "source-path: ingest - <whole.tar.gz" 0 sh -c '"$1" ingest -q --db "$2" --source-path "$3" - <"$3"' sh \
  "$edgr" "$d/p.db" "$d/whole.tar.gz"
is "source-path: stored as read from the file" \
  "$(sqlite3 "$d/p.db" "select count(*) from filings where source_path = '$(realpath "$d/whole.tar.gz")'")" 3
"$edgr" cat "$d/b.txt" 1 >"$d/b.doc1" || bad "source-path: cat of the file itself"
expect "source-path: cat reads it from the file" 0 "$edgr" cat --db "$d/p.db" 0009900212-20-000302 1
cmp -s "$tmp/out" "$d/b.doc1" && ok || bad "source-path: cat gives the document's bytes"
expect "source-path: empty" 2 "$edgr" ingest --db "$d/p.db" --source-path '' -
