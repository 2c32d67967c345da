# Helpers for tests/hostile cases (sourced by run.sh after tests/lib.sh).
#   peak_rss_mb CMD...   runs CMD (its output in $tmp/out, $tmp/err, its exit
#                        status in $rss_rc and $tmp/rss_rc) and prints its
#                        peak RSS in MB (GNU time's %M, which counts the
#                        child's own pages), also set in $rss_mb.  Called as
#                        mb=$(peak_rss_mb ...), a subshell, it cannot set
#                        $rss_rc: read it back with rss_rc=$(cat "$tmp/rss_rc")
#                        or call it plainly: peak_rss_mb CMD >/dev/null
#   sanitized            true when $edgr was built with a sanitizer (their
#                        shadow memory makes RSS bounds meaningless: skip them)
peak_rss_mb() {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err"
  rss_rc=$?
  echo "$rss_rc" >"$tmp/rss_rc"
  rss_mb=$(( $(tail -1 "$tmp/rss") / 1024 ))
  echo "$rss_mb"
}
sanitized() {
  nm -an "$edgr" 2>/dev/null | grep -q -m1 '__asan_init\|__tsan_init\|__msan_init'
}
