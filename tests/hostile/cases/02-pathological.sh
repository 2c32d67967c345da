# 02-pathological: pathological submissions finish (timeout 60 is a guard
# against a hang, not a timing) with the right output: 1 MB of blank lines,
# a header of 300,000+ entries (capped), a million <DOCUMENT> tags, HTML
# nested 200,000 deep, a 50 MB line, uuencode garbage, NUL bytes, invalid
# UTF-8, CR-only line ends; and an empty file, handled the same way by
# every command.
d=$case_dir
s8k=samples/0009900001-17-000001.txt
gif=samples/0009900003-19-000010.txt
big=1; sanitized && big=0  # smaller bombs under a sanitizer, which is slow
python3 - "$d" "$s8k" "$big" <<'PY'
import sys
d, s, big = sys.argv[1], open(sys.argv[2], "rb").read(), sys.argv[3] == "1"
h = s.index(b"</SEC-HEADER>")
t = s.index(b"<TEXT>") + 7
e = s.index(b"</TEXT>")
def w(name, data): open(d + "/" + name, "wb").write(data)
w("blank.txt", s[:h] + b"\n" * 1000000 + s[h:t] + b"\n" * 1000000 + s[t:])
w("blankonly.txt", b"\n" * (1 << 20))
w("nodes.txt", s[:h] + b"".join(b"\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\tX%d\n\t\tDATE OF NAME CHANGE:\t20000101\n" % i
                              for i in range(101000)) + s[h:])
i = s.index(b"FILED AS OF DATE")
w("items.txt", s[:i] + b"ITEM INFORMATION:\t\tRegulation FD Disclosure\n" * 300001 + s[i:])
n = 1000000 if big else 100000
w("tags.txt", s[:h + 14] + b"<DOCUMENT>\n" * n)
w("tags2.txt", s[:h + 14] + b"<DOCUMENT>\n<TYPE>EX-1\n<TEXT>\nsome words\n</TEXT>\n</DOCUMENT>\n" * (n // 5) + b"</SEC-DOCUMENT>\n")
w("nest.txt", s[:t] + b"<html><body>" + b"<div>" * 200000 + b"deep words" + b"</div>" * 200000 + b"</body></html>\n" + s[e:])
w("nest2.txt", s[:t] + b"<html><body>" + b"<table><tr><td>" * 50000 + b"cell words" + b"</td></tr></table>" * 50000 + b"</body></html>\n" + s[e:])
w("unclosed.txt", s[:t] + b"<html><body><p>open words" + b"<div><span><b><i><a>" * 100000 + b"\n" + s[e:])
w("line.txt", s[:t] + b"<html><body><p>" + b"word " * ((10 if big else 2) * 1024 * 1024) + b"</p></body></html>\n" + s[e:])
w("nul.txt", s[:t] + b"\0" * 100000 + s[t:])
w("utf8.txt", s[:t] + b"<p>bad \xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xed\xa0\x80 bytes</p>\n" * 10000 + s[t:])
w("cr.txt", s.replace(b"\n", b"\r"))
w("crlf.txt", s.replace(b"\n", b"\r\n"))
PY
g() { timeout 60 "$edgr" "$@" >"$tmp/out" 2>"$tmp/err"; }
for c in parse docs text items facts; do "$edgr" "$c" "$s8k" >"$d/ref.$c" 2>/dev/null; done
same() { # same WHAT COMMAND: $tmp/out is the sample's output
  cmp -s "$tmp/out" "$d/ref.$2" && ok || bad "$1: $2 output differs from the sample's: $(diff "$tmp/out" "$d/ref.$2" | head -c 300)"
}
# inputs that change nothing of what is read: the same output as the sample
# (docs gives the sizes: blank lines and NULs in a body count, CRs too)
for f in blank nul cr crlf; do
  cs="text items"; [ "$f" = cr ] && cs="docs text items"
  for c in $cs; do
    g "$c" "$d/$f.txt"; rc=$?
    [ "$rc" = 0 ] && ok || bad "$f: $c exit $rc ($(head -c 300 "$tmp/err"))"
    same "$f" "$c"
  done
  g parse "$d/$f.txt" && grep -q '"accession_number":"0009900001-17-000001".*"items":\["7.01","9.01"\]' "$tmp/out" && ok || bad "$f: parse: $(head -c 300 "$tmp/out")"
  g facts "$d/$f.txt" && grep -qi '"registrant":{"value":"Halcyon Meadow Therapeutics, Inc."' "$tmp/out" && ok || bad "$f: facts: $(head -c 300 "$tmp/out")"
done
expect "1 MB of blank lines alone" 1 timeout 60 "$edgr" parse "$d/blankonly.txt"
grep -q "blankonly.txt: 0: " "$tmp/err" && ok || bad "blank lines alone: message: $(head -c 300 "$tmp/err")"
# a header of 300,000 entries: capped, said, the documents still read
for f in nodes items; do
  for c in parse docs; do
    g "$c" "$d/$f.txt"; rc=$?
    [ "$rc" = 1 ] && ok || bad "$f: $c exit $rc, want 1 ($(head -c 300 "$tmp/err"))"
    grep -q "^$d/$f.txt: [0-9]*: header has more than 300000 entries: the rest is not read" "$tmp/err" && ok || bad "$f: $c: the cap not said: $(head -c 300 "$tmp/err")"
  done
  g docs "$d/$f.txt"; same "$f" docs
done
# a million <DOCUMENT> tags: each said, nothing held for long
timeout 60 "$edgr" docs "$d/tags.txt" 2>"$tmp/err" | wc -l >"$tmp/out"
[ "${PIPESTATUS[0]}" = 0 ] && ok || bad "tags: docs exit ${PIPESTATUS[0]}"
n=1000000; [ "$big" = 1 ] || n=100000
[ "$(cat "$tmp/out")" -ge "$n" ] && ok || bad "tags: docs listed $(cat "$tmp/out") documents, want $n"
# at most 1000 diagnostics a submission: 999, then one saying the rest are not listed
[ "$(grep -c 'warning: document without <TEXT>' "$tmp/err")" = 999 ] && ok || bad "tags: $(grep -c 'warning: document without <TEXT>' "$tmp/err") warnings, want 999"
grep -q 'more than 999 diagnostics in this submission: this one and the rest are not listed' "$tmp/err" && ok || bad "tags: the cap on diagnostics is not said"
timeout 60 "$edgr" parse "$d/tags2.txt" 2>"$tmp/err" | grep -o '"sequence"\|"type":"EX-1"' | wc -l >"$tmp/out"
[ "$(cat "$tmp/out")" -ge $((n / 5)) ] && ok || bad "tags2: parse listed $(cat "$tmp/out") documents, want $((n / 5))"
g text "$d/tags2.txt"; rc=$?
[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = "some words" ] && ok || bad "tags2: text exit $rc: $(head -c 100 "$tmp/out") $(head -c 200 "$tmp/err")"
# HTML nested deep, or never closed
g text "$d/nest.txt" && [ "$(cat "$tmp/out")" = "deep words" ] && ok || bad "nested HTML: text: $(head -c 100 "$tmp/out") $(head -c 200 "$tmp/err")"
g text "$d/nest2.txt" && grep -q "cell words" "$tmp/out" && ok || bad "nested tables: text: $(head -c 100 "$tmp/out") $(head -c 200 "$tmp/err")"
g text "$d/unclosed.txt" && [ "$(cat "$tmp/out")" = "open words" ] && ok || bad "unclosed HTML: text: $(head -c 100 "$tmp/out") $(head -c 200 "$tmp/err")"
for f in nest nest2 unclosed; do
  for c in parse docs items facts "ingest --db $d/p.db"; do
    # shellcheck disable=SC2086
    g $c "$d/$f.txt"; rc=$?
    [ "$rc" -le 1 ] && ok || bad "$f: $c exit $rc ($(head -c 300 "$tmp/err"))"
  done
done
# one line of 50 MB (10 MB under a sanitizer)
words=$(( (10 + 0) * 1024 * 1024 )); [ "$big" = 1 ] || words=$((2 * 1024 * 1024))
g text "$d/line.txt"; rc=$?
[ "$rc" = 0 ] && ok || bad "one long line: text exit $rc ($(head -c 300 "$tmp/err"))"
[ "$(wc -w <"$tmp/out")" = "$words" ] && ok || bad "one long line: $(wc -w <"$tmp/out") words, want $words"
for c in parse docs facts "cat $d/line.txt 1"; do
  # shellcheck disable=SC2086
  case $c in cat*) g $c ;; *) g $c "$d/line.txt" ;; esac; rc=$?
  [ "$rc" = 0 ] && ok || bad "one long line: $c exit $rc ($(head -c 300 "$tmp/err"))"
done
rm -f "$d/line.txt" "$d/tags.txt" "$d/tags2.txt"
# invalid UTF-8: text and facts write valid UTF-8
g text "$d/utf8.txt" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 && ok || bad "invalid UTF-8: text output is not UTF-8"
grep -q "bad .* bytes" "$tmp/out" && ok || bad "invalid UTF-8: the words around the bytes lost"
g facts "$d/utf8.txt" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 && ok || bad "invalid UTF-8: facts output is not UTF-8"
g items "$d/utf8.txt" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 && ok || bad "invalid UTF-8: items output is not UTF-8"
# uuencode garbage: bad lines skipped with a count, no crash, the batch goes on
python3 - "$d" "$gif" <<'PY'
import random, sys
random.seed(12)
d, s = sys.argv[1], open(sys.argv[2], "rb").read()
b = s.index(b"begin 644"); e = s.index(b"\nend\n", b) + 5
def w(name, data): open(d + "/" + name, "wb").write(s[:b] + data + s[e:])
w("uu1.txt", b"begin 644 logo.gif\n" + b"".join(bytes(random.randrange(32, 127) for _ in range(random.randrange(0, 200))) + b"\n" for _ in range(20000)) + b"end\n")
w("uu2.txt", b"begin 644 logo.gif\n" + b"\x7f" * 100000 + b"\nMMMMM\n" + b"end\n")
w("uu3.txt", b"begin 644 logo.gif\n" + bytes(random.randrange(256) for _ in range(300000)) + b"\nend\n")
w("uu4.txt", b"begin 644 logo.gif\nM" + b"\n" * 100)
w("uu5.txt", b"begin 999999999999999999999 ../../x.gif\n" + b"M" * 61 + b"\nend\n")
PY
for f in uu1 uu2 uu3 uu4 uu5; do
  for c in "cat $d/$f.txt 2" "docs $d/$f.txt" "extract -o $d/uo $d/$f.txt" "parse $d/$f.txt" "ingest --db $d/uu.db $d/$f.txt"; do
    # shellcheck disable=SC2086
    g $c; rc=$?
    [ "$rc" -le 1 ] && ok || bad "$f: $c exit $rc ($(head -c 300 "$tmp/err"))"
    [ $f = uu5 ] || grep -q "$f.txt: [0-9]*: warning: .*uuencoded" "$tmp/err" && ok || bad "$f: $c: the garbage not said: $(head -c 300 "$tmp/err")"
  done
done
[ "$(find "$d/uo" -type f | wc -l)" -le 10 ] && [ -z "$(find "$d" -name x.gif)" ] && ok || bad "uuencode garbage: files made: $(find "$d/uo" -name '*.gif')"
rm -rf "$d"/uu* "$d/uo" "$d"/*.db

# an empty file (and /dev/null, and an empty standard input): every command
# says the same thing, "FILE: 0: reason", once, and exits 1
: >"$d/empty.txt"
for f in "$d/empty.txt" /dev/null -; do
  first=""
  for c in parse header docs text items facts cat extract ingest; do
    case $c in cat) a=(cat "$f" 1) ;; extract) a=(extract -o "$d/eo" "$f") ;; ingest) a=(ingest --db "$d/e.db" "$f") ;; *) a=("$c" "$f") ;; esac
    timeout 60 "$edgr" "${a[@]}" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = 1 ] && ok || bad "empty $f: $c exit $rc, want 1"
    [ ! -s "$tmp/out" ] && ok || bad "empty $f: $c wrote $(head -c 100 "$tmp/out")"
    [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "empty $f: $c said $(wc -l <"$tmp/err") lines: $(tr '\n' '|' <"$tmp/err")"
    msg=$(head -1 "$tmp/err")
    [ -n "$first" ] || first=$msg
    [ "$msg" = "$first" ] && ok || bad "empty $f: $c says '$msg', parse says '$first'"
  done
done
# ... and in a folder, and in an archive: the same for every command too
mkdir -p "$d/ef" && : >"$d/ef/empty.txt" && cp "$s8k" "$d/ef/"
tar cf "$d/ef.tar" -C "$d/ef" .
for f in "$d/ef" "$d/ef.tar"; do
  first="" frc=""
  for c in parse header docs text items facts extract ingest; do
    case $c in extract) a=(extract -o "$d/eo" "$f") ;; ingest) a=(ingest --db "$d/e.db" "$f") ;; *) a=("$c" "$f") ;; esac
    timeout 60 "$edgr" "${a[@]}" >"$tmp/out" 2>"$tmp/err"; rc=$?
    msg=$(grep "empty.txt" "$tmp/err")
    [ -n "$first" ] || { first=$msg frc=$rc; }
    [ "$msg" = "$first" ] && [ "$rc" = "$frc" ] && ok || bad "empty file in $f: $c says '$msg', exit $rc; parse says '$first', exit $frc"
  done
done
rm -rf "$d/ef" "$d/eo" "$d"/e.db*
# (moved from tests/store) a folder named in an ingest list is walked; one
# that holds no files is said, not passed over in silence
mkdir -p "$d/listdir/sub" "$d/emptydir" && cp "$s8k" "$d/listdir/sub/"
expect "files-from -: a folder" 0 sh -c "echo \"$d/listdir\" | \"$edgr\" ingest --db \"$d/ld.db\" --json --files-from -"
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || bad "files-from -: a folder: its one filing: $(wc -l <"$tmp/out") lines"
expect "files-from -: an empty folder" 0 sh -c "echo \"$d/emptydir\" | \"$edgr\" ingest --db \"$d/ld.db\" --files-from -"
grep -q "^edgr ingest: no files read" "$tmp/err" && ok || bad "files-from -: an empty folder: said: $(cat "$tmp/err")"
expect "ingest an empty folder" 0 "$edgr" ingest --db "$d/ld.db" "$d/emptydir"
grep -q "^edgr ingest: no files read" "$tmp/err" && ok || bad "ingest an empty folder: said: $(cat "$tmp/err")"
expect "ingest -q an empty folder" 0 "$edgr" ingest -q --db "$d/ld.db" "$d/emptydir"
[ ! -s "$tmp/err" ] && ok || bad "ingest -q an empty folder: said: $(cat "$tmp/err")"
rm -f "$d"/*.txt "$d"/ld.db*
