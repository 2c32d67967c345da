# A submission repeated byte for byte, then another (issue 12: a file and
# the same bytes piped give the same): held one submission at a time, the
# copies were parsed as the next submission (reported twice), or, once
# kept for the whole parser, the next submission's dropped over-limit text
# and the cap were judged over the copies too (a filing stored with an
# empty document; both refused as "too large").
d=$case_dir
cat tests/fixtures/repeated.txt samples/0009900001-17-000001.txt >"$d/rb.txt"
same_from_pipe() { # CMD...: file and pipe say and print the same
  "$edgr" "$@" "$d/rb.txt" >"$d/file.out" 2>&1; local a=$?
  cat "$d/rb.txt" | "$edgr" "$@" 2>&1 |
    sed "s|<stdin>|$d/rb.txt|g" >"$d/pipe.out"
  local b=${PIPESTATUS[1]}
  cmp -s "$d/file.out" "$d/pipe.out" && [ "$a" = "$b" ] && ok ||
    bad "repeated then another: $* from a pipe differs from the file (exit $a/$b): $(diff "$d/file.out" "$d/pipe.out" | head -5)"
}
for c in items text facts docs; do same_from_pipe "$c"; done
"$edgr" docs "$d/rb.txt" >"$d/docs" 2>&1
[ "$(grep -c '^==> ' "$d/docs")" = 2 ] && ok || bad "repeated then another: not two filings: $(cat "$d/docs")"
cat "$d/rb.txt" | "$edgr" items 2>&1 >/dev/null | grep -q 'repeated 3 times' && ok ||
  bad "repeated then another: the pipe does not say 'repeated 3 times'"
# the second's 8-K (4148 bytes) over the limit, the first's (477) under it
same_from_pipe text --max-document-size 2K
grep -q 'document 1 (hmt-20170314x8k.htm) is 4148 bytes, over' "$d/pipe.out" && ok ||
  bad "repeated then another: the second's document over the limit not said from a pipe: $(head -3 "$d/pipe.out")"
for how in file pipe; do
  rm -f "$d/$how.db"*
  if [ $how = file ]; then "$edgr" ingest -q --db "$d/$how.db" --max-document-size 2K "$d/rb.txt" >/dev/null 2>"$d/ing.err"
  else cat "$d/rb.txt" | "$edgr" ingest -q --db "$d/$how.db" --max-document-size 2K - >/dev/null 2>"$d/ing.err"; fi
  rc=$?
  [ "$rc" = 1 ] && ok || bad "repeated then another: ingest ($how) exit $rc, want 1 (the second refused)"
  n=$(sqlite3 "$d/$how.db" 'select count(*) from filings' 2>/dev/null)
  [ "$n" = 1 ] && ok || bad "repeated then another: ingest ($how) stored $n filings, want the first alone"
  [ "$(grep -c 'not stored' "$d/ing.err")" = 1 ] && ok || bad "repeated then another: ingest ($how): $(cat "$d/ing.err")"
done
# a limit whose cap (twice it) holds each submission but not the copies and
# the next together: both stored, nothing 'too large'
for how in file pipe; do
  rm -f "$d/$how.db"*
  if [ $how = file ]; then "$edgr" ingest -q --db "$d/$how.db" --max-document-size 4200 "$d/rb.txt" >/dev/null 2>"$d/ing.err"
  else cat "$d/rb.txt" | "$edgr" ingest -q --db "$d/$how.db" --max-document-size 4200 - >/dev/null 2>"$d/ing.err"; fi
  rc=$?
  n=$(sqlite3 "$d/$how.db" 'select count(*) from filings' 2>/dev/null)
  [ "$rc" = 0 ] && [ "$n" = 2 ] && ok || bad "repeated then another: ingest ($how) at 4200: exit $rc, $n filings: $(cat "$d/ing.err")"
done
