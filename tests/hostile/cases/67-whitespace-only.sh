# Input that is only blanks and line ends: said once ("empty input"), from
# a file, a pipe and a .gz; text, items, facts and ingest said it twice.
d=$case_dir
printf '  \n\n\t\n' >"$d/ws.txt"
gzip -c "$d/ws.txt" >"$d/ws.gz"
for c in text items facts; do
  for f in ws.txt ws.gz; do
    expect "whitespace only: $c $f" 1 "$edgr" "$c" "$d/$f"
    [ "$(grep -c 'empty input' "$tmp/err")" = 1 ] && ok || bad "whitespace only: $c $f says: $(cat "$tmp/err")"
  done
  expect "whitespace only: $c -" 1 sh -c 'cat "$1" | "$2" "$3" -' sh "$d/ws.txt" "$edgr" "$c"
  [ "$(grep -c 'empty input' "$tmp/err")" = 1 ] && ok || bad "whitespace only: $c - says: $(cat "$tmp/err")"
done
expect "whitespace only: ingest" 1 "$edgr" ingest -q --db "$d/s.db" "$d/ws.txt"
[ "$(grep -c 'empty input' "$tmp/err")" = 1 ] && ok || bad "whitespace only: ingest says: $(cat "$tmp/err")"
