# 04-queries: hostile queries: impossible dates, empty filters, '--' ending
# options, the caps on terms (10,000 OR terms) and length (the longest an
# argument can be, 128 KiB), FTS5 syntax junk (unbalanced quotes, NEAR(,
# '*', column filters, nesting, control characters), --limit and --offset
# huge, negative or not numbers: a sentence and exit 2, never SQL, never a
# hang, and the store never written.  (The dates, empty filters, '--' and
# caps checks moved here from tests/store.)
d=$case_dir
has() { grep -q -- "$2" "$tmp/out" && ok || bad "$1: no '$2' in: $(head -c 300 "$tmp/out")"; }
db=$d/q.db
S="--db $db"
"$edgr" ingest -q $S samples/ || bad "queries: ingest the samples"
sum0=$(sqlite3 "$db" .dump | md5sum)
# impossible dates and empty filters are usage errors, with a sentence
for d in 2020-13-45 2021-02-30 2019-02-29 2020-00 2020-04-31 0000 ""; do
  expect "impossible --from '$d'" 2 "$edgr" search $S --from "$d" meadow
  grep -q "^edgr search: .*from" "$tmp/err" && ok || bad "--from '$d' message: $(cat "$tmp/err")"
  expect "impossible --to '$d'" 2 "$edgr" search $S --to "$d" meadow
done
expect "leap day --to 2020-02-29" 0 "$edgr" search $S --to 2020-02-29 meadow
for o in --company --form --cik --item --doc-type; do
  expect "empty $o" 2 "$edgr" search $S "$o" "" meadow
  grep -q "^edgr search: .*${o#--}" "$tmp/err" && ok || bad "empty $o message: $(cat "$tmp/err")"
done
expect "empty --company=" 2 "$edgr" search $S --company= meadow
# '--' ends options: a query may start with '-'
expect "-- then -meadow" 0 "$edgr" search $S -- -meadow
expect "-- then --from as a query" 1 "$edgr" search $S -- --nothing-like-this
# a query's cost grows with the square of its OR terms: at most 64 terms, 4 KiB
q64=$(for i in $(seq 1 63); do printf 'w%d OR ' "$i"; done; printf meadow)
q65="$q64 OR w65"
expect "64 terms" 0 "$edgr" search $S "$q64"
expect "65 terms" 2 "$edgr" search $S "$q65"
grep -q "^edgr search: .*65 terms.*64" "$tmp/err" && ok || bad "65 terms message: $(cat "$tmp/err")"
expect "10000 terms" 2 timeout 20 "$edgr" search $S "$(for i in $(seq 1 10000); do printf 'w%d OR ' "$i"; done; printf meadow)"
long=$(printf '"%4100s"' "" | tr ' ' m)
expect "a 4 KiB query" 2 "$edgr" search $S "$long"
grep -q "^edgr search: .*4096 bytes" "$tmp/err" && ok || bad "long query message: $(head -c 300 "$tmp/err")"
expect "search --help" 0 "$edgr" search --help
has "--help says the term cap" "64 terms"
has "--help says the length cap" "4096 bytes"
# the longest query an argument can hold (MAX_ARG_STRLEN, 128 KiB): the cap
big=$(head -c 131000 /dev/zero | tr '\0' m)
expect "a 128 KiB query" 2 timeout 60 "$edgr" search $S "$big"
grep -q "^edgr search: the query is 131000 bytes long: at most 4096 bytes" "$tmp/err" && ok || bad "128 KiB query message: $(head -c 300 "$tmp/err")"
[ "$(wc -c <"$tmp/err")" -lt 2000 ] && ok || bad "128 KiB query: the message echoes it whole ($(wc -c <"$tmp/err") bytes)"
# FTS5 junk: a sentence and exit 2, or a search (0 or 1); never SQL, never a crash
p=$(printf '(%.0s' $(seq 2000)) c=$(printf ')%.0s' $(seq 2000))
for q in '"' '"""' 'NEAR(' 'NEAR()' 'NEAR(a b, -1)' 'NEAR(a b, 99999999999)' 'NEAR(meadow halcyon, 0)' '**' 'a*b' '^' '^meadow' \
         'text:meadow' 'nosuch:meadow' '{text}: meadow' '- meadow' '+' 'NOT meadow' '()' '(((((((((((' 'a AND OR b' 'meadow:' ':' \
         "'" '\' '%' '_' '""meadow""' 'near/3' "meadow'); DROP TABLE filings; --" 'ÄÖÜ' "${p}meadow$c" \
         "$(printf 'mea\001dow')" "$(printf 'meadow\177')" "$(printf '\377\376')" "$(printf 'meadow \033[31m')" \
         "$(printf 'meadow\n"x')"; do
  timeout 60 "$edgr" search $S "$q" >"$tmp/out" 2>"$tmp/err"; rc=$?
  case $rc in 0|1) ok ;; 2) grep -q "^edgr search: " "$tmp/err" && ok || bad "junk '$q': exit 2 without a sentence" ;;
              *) bad "junk '$(printf %q "$q" | head -c 80)': exit $rc ($(head -c 200 "$tmp/err"))" ;; esac
  grep -qi "sql\|fts5" "$tmp/err" && bad "junk '$q' shows SQL: $(head -c 200 "$tmp/err")" || ok
  grep -q "$(printf '\033')" "$tmp/err" && bad "junk '$q': an escape sequence reached stderr" || ok
  [ "$(grep -c '^edgr search: ' "$tmp/err")" -le 1 ] && ok || bad "junk '$q': more than one line of message (a forged line?)"
done
# --limit and --offset: 1 to 1000000 and 0 to 1000000, anything else a usage error saying so
for o in "--limit 0" "--limit -1" "--limit 99999999999999999999" "--limit 9223372036854775807" "--limit 2147483648" "--limit 1000001" \
         "--offset -5" "--offset 9223372036854775807" "--offset 99999999999999999999" "--limit 1e3" "--limit 0x10" "--limit 10abc" \
         "--limit= "; do
  eval "set -- $o"
  expect "search $o" 2 timeout 60 "$edgr" search $S "$@" meadow
  grep -q "^edgr search: --${o:2:5}[a-z]* " "$tmp/err" && ok || bad "search $o: message: $(head -c 200 "$tmp/err")"
  case $o in *=*) ;; *) grep -q "from [01] to 1000000" "$tmp/err" && ok || bad "search $o: the range not said: $(head -c 200 "$tmp/err")" ;; esac
done
expect "--limit 1000000" 0 "$edgr" search $S --limit 1000000 meadow
expect "--offset 1000000" 1 "$edgr" search $S --offset 1000000 meadow
# more filters that match nothing: exit 1, no error
for o in "--to 1800" "--from 2021 --to 2020" "--company %" "--company _" "--form %" "--item %" "--doc-type %" "--cik 0"; do
  eval "set -- $o"
  expect "search $o" 1 "$edgr" search $S "$@" meadow
  [ ! -s "$tmp/err" ] && ok || bad "search $o said: $(head -c 200 "$tmp/err")"
done
# show and company: an empty key is a usage error (company '' listed every
# company, as --company '' matched every filing); hostile keys find nothing
for c in show company; do
  expect "$c ''" 2 "$edgr" $c $S ''
  grep -q "^edgr $c: .*empty" "$tmp/err" && ok || bad "$c '': message: $(head -c 200 "$tmp/err")"
done
for k in '%' '_' "' OR 1=1 --" "$(printf '0009900001-17-000001\033[31m')" "$(head -c 5000 /dev/zero | tr '\0' 9)"; do
  for c in show company; do
    timeout 60 "$edgr" $c $S "$k" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = 1 ] || [ "$rc" = 2 ] && ok || bad "$c '$(printf %q "$k" | head -c 60)': exit $rc ($(head -c 200 "$tmp/err"))"
  done
done
[ "$(sqlite3 "$db" .dump | md5sum)" = "$sum0" ] && ok || bad "a hostile query changed the store"
rm -f "$db"*
