# gzip of an empty file is an empty input, said as an empty file is
# ("FILE: 0: empty input", exit 1) by every command and ingest; it was
# "20: cannot read gzip data: Unrecognized archive format".
d=$case_dir
: >"$d/empty.txt"
gzip -c "$d/empty.txt" >"$d/empty.gz"
for c in parse header docs text items facts; do
  expect "empty gzip: $c" 1 "$edgr" "$c" "$d/empty.gz"
  grep -qx "$d/empty.gz: 0: empty input" "$tmp/err" && ok || bad "empty gzip: $c says: $(head -c 200 "$tmp/err")"
  expect "empty gzip: $c -" 1 sh -c '"$1" "$2" - <"$3"' sh "$edgr" "$c" "$d/empty.gz"
  grep -qx "<stdin>: 0: empty input" "$tmp/err" && ok || bad "empty gzip: $c - says: $(head -c 200 "$tmp/err")"
done
expect "empty gzip: ingest" 1 "$edgr" ingest -q --db "$d/s.db" "$d/empty.gz"
grep -q "empty.gz: 0: empty input" "$tmp/err" && ok || bad "empty gzip: ingest says: $(head -c 200 "$tmp/err")"
