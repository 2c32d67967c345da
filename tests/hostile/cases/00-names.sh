# 00-names: unsafe file names.  extract writes nothing outside -o DIR
# (issue 12 §1: symbolic links at DIR/<cik>, DIR/<cik>/<accession> and a
# document's name, hard links from outside, duplicate names, -o ''), refuses
# document names that are absolute, hold '..', '/' or control characters or
# are too long, makes no path of a hostile CIK or accession, and input names
# with control characters are escaped in diagnostics.
d=$case_dir
s8k=samples/0009900001-17-000001.txt
gif=samples/0009900003-19-000010.txt
acc8k=9900001/000990000117000001
"$edgr" extract -o "$d/x" "$s8k" "$gif" 2>/dev/null || bad "names: reference extract"
expect "extract -o ''" 2 "$edgr" extract -o '' "$s8k"
grep -Eq 'needs -o DIR|--output needs a value \(DIR\)' "$tmp/err" && ok || bad "extract -o '' message ($(head -c 200 "$tmp/err"))"
expect "extract without -o" 2 "$edgr" extract "$s8k"
# a symbolic link at DIR/<cik> is not followed; the batch goes on
mkdir -p "$d/sl" "$d/slt"
ln -s "$d/slt" "$d/sl/9900001"
expect "extract: symlink at DIR/cik" 1 "$edgr" extract -o "$d/sl" "$s8k" "$gif"
grep -q "sl/9900001 is a symbolic link: not followed" "$tmp/err" && ok || bad "symlink at cik message ($(head -c 300 "$tmp/err"))"
[ -z "$(ls -A "$d/slt")" ] && ok || bad "extract wrote through a symlink at DIR/cik"
[ -f "$d/sl/9900003/000990000319000010/logo.gif" ] && ok || bad "batch stopped at a symlinked folder"
# ... nor at DIR/<cik>/<accession>, also with --jobs
mkdir -p "$d/sl2/9900001" "$d/slt2"
ln -s "$d/slt2" "$d/sl2/$acc8k"
expect "extract: symlink at DIR/cik/acc" 1 "$edgr" extract --jobs 2 -o "$d/sl2" "$s8k" "$gif"
grep -q "sl2/$acc8k is a symbolic link: not followed" "$tmp/err" && ok || bad "symlink at accession message ($(head -c 300 "$tmp/err"))"
[ -z "$(ls -A "$d/slt2")" ] && ok || bad "extract wrote through a symlink at DIR/cik/acc"
# ... nor at a document's name (a dangling link neither: nothing is created)
mkdir -p "$d/sl3/$acc8k"; echo victim > "$d/victim"
ln -s "$d/victim" "$d/sl3/$acc8k/hmt-20170314x8k.htm"
ln -s "$d/dangling" "$d/sl3/$acc8k/hmt-20170314xex991.htm"
expect "extract: symlink at a document" 1 "$edgr" extract -o "$d/sl3" "$s8k"
grep -q "sl3/$acc8k/hmt-20170314x8k.htm is a symbolic link: not followed" "$tmp/err" && ok || bad "symlink at document message ($(head -c 300 "$tmp/err"))"
[ "$(cat "$d/victim")" = victim ] && ok || bad "extract wrote through a symlinked document"
[ ! -e "$d/dangling" ] && ok || bad "extract created the target of a dangling link"
rm "$d/sl3/$acc8k/hmt-20170314xex991.htm"
expect "extract: symlink at one document, the other written" 1 "$edgr" extract -o "$d/sl3" "$s8k"
[ -f "$d/sl3/$acc8k/hmt-20170314xex991.htm" ] && ok || bad "other documents of the filing not extracted"
# -o DIR itself a link is the user's choice: followed
ln -s "$d/x" "$d/xlink"
expect "extract: -o a link to a folder" 0 "$edgr" extract -o "$d/xlink" "$s8k"
# a file hard-linked from outside is replaced, never written through
mkdir -p "$d/hl/$acc8k"; echo outside > "$d/outside"
ln "$d/outside" "$d/hl/$acc8k/hmt-20170314x8k.htm"
expect "extract over a hard link" 0 "$edgr" extract -o "$d/hl" "$s8k"
[ "$(cat "$d/outside")" = outside ] && ok || bad "extract wrote through a hard link"
cmp -s "$d/hl/$acc8k/hmt-20170314x8k.htm" "$d/x/$acc8k/hmt-20170314x8k.htm" && ok || bad "hard-linked target not rewritten"
[ -z "$(find "$d/hl" "$d/sl" "$d/sl3" -name '.edgr-*')" ] && ok || bad "extract left temporary files"
# two documents of one filing with one name: the second gets its own name
sed 's|<FILENAME>hmt-20170314xex991.htm|<FILENAME>hmt-20170314x8k.htm|' "$s8k" > "$d/dup.txt"
expect "extract: duplicate names" 0 "$edgr" extract -o "$d/dup" "$d/dup.txt"
grep -q "warning: document 2: .*hmt-20170314x8k.htm.* written as hmt-20170314x8k.2.htm" "$tmp/err" && ok || bad "duplicate name warning ($(head -c 300 "$tmp/err"))"
[ -f "$d/dup/$acc8k/hmt-20170314x8k.2.htm" ] && ! cmp -s "$d/dup/$acc8k/hmt-20170314x8k.htm" "$d/dup/$acc8k/hmt-20170314x8k.2.htm" \
  && ok || bad "second document of the same name not written apart"
cmp -s "$d/dup/$acc8k/hmt-20170314x8k.htm" "$d/x/$acc8k/hmt-20170314x8k.htm" && ok || bad "first document overwritten by the second"
# the same filing twice in one batch, with --jobs: each file whole, from one of them
mkdir -p "$d/twice"; for i in 1 2 3 4; do cp "$d/dup.txt" "$d/twice/d$i.txt"; done
expect "extract: one filing four times, --jobs 2" 0 "$edgr" extract -q --jobs 2 -o "$d/tw" "$d/twice"
cmp -s "$d/tw/$acc8k/hmt-20170314x8k.htm" "$d/x/$acc8k/hmt-20170314x8k.htm" && ok || bad "concurrent writers mixed a file"
[ "$(ls -A "$d/tw/$acc8k" | wc -l)" = 2 ] && ok || bad "concurrent writers left $(ls -A "$d/tw/$acc8k")"

# document names that would leave DIR, or are no names: refused, the batch goes on
mkdir -p "$d/out" "$d/up"
long=$(printf '%300s' "" | tr ' ' a).htm
i=0
for n in '../../up/evil.htm' "$d/up/abs.htm" 'a/b.htm' '..' '.' "$(printf 'x\033[31m.htm')" "$(printf 'x\001y\177.htm')" "$long"; do
  i=$((i + 1))
  sed "s|<FILENAME>hmt-20170314x8k.htm|<FILENAME>$n|" "$s8k" > "$d/n$i.txt"
  expect "extract: document name #$i refused" 1 "$edgr" extract -o "$d/out" "$d/n$i.txt" "$gif"
  grep -q "n$i.txt: [0-9]*: refusing to write document 1: file name " "$tmp/err" && ok || bad "document name #$i: message ($(head -c 300 "$tmp/err"))"
  grep -q "$(printf '\033')" "$tmp/err" && bad "document name #$i: an escape sequence reached stderr" || ok
  [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "document name #$i: $(wc -l <"$tmp/err") lines of diagnostics"
  [ -f "$d/out/$acc8k/hmt-20170314xex991.htm" ] && ok || bad "document name #$i: the filing's other document not written"
  [ -f "$d/out/9900003/000990000319000010/logo.gif" ] && ok || bad "document name #$i: the batch stopped"
done
[ -z "$(ls -A "$d/up")" ] && ok || bad "extract wrote outside DIR: $(ls -A "$d/up")"
[ "$(find "$d/out" -type f | wc -l)" = "$(find "$d/x/9900003" "$d/x/$acc8k" -type f -not -name hmt-20170314x8k.htm | wc -l)" ] \
  && ok || bad "refused names: unexpected files $(find "$d/out" -type f)"
# an empty <FILENAME> is no name: named by sequence, as the 1990s documents are
sed "s|<FILENAME>hmt-20170314x8k.htm|<FILENAME>|" "$s8k" > "$d/noname.txt"
expect "extract: empty FILENAME" 0 "$edgr" extract -o "$d/nn" "$d/noname.txt"
[ -f "$d/nn/$acc8k/0001.txt" ] && ok || bad "empty FILENAME not named by sequence: $(find "$d/nn" -type f)"
# a hostile accession number or CIK makes no path: only its digits and letters are used
for a in '../../../up/acc' "$d/up/acc2" '..'; do
  sed "s|^<SEC-HEADER>0009900001-17-000001|<SEC-HEADER>$a|; s|ACCESSION NUMBER:[[:space:]]*0009900001-17-000001|ACCESSION NUMBER:\t\t$a|" "$s8k" > "$d/acc.txt"
  "$edgr" extract -o "$d/ha" "$d/acc.txt" >"$tmp/out" 2>"$tmp/err"
  [ $? -le 1 ] && ok || bad "extract: accession '$a': exit $? ($(head -c 300 "$tmp/err"))"
done
for c in '../../../up' "$d/up" '..' ''; do
  sed "s|CENTRAL INDEX KEY:[[:space:]]*0009900001|CENTRAL INDEX KEY:\t\t$c|" "$s8k" > "$d/cik.txt"
  "$edgr" extract -o "$d/ha" "$d/cik.txt" >"$tmp/out" 2>"$tmp/err"
  [ $? -le 1 ] && ok || bad "extract: CIK '$c': exit $? ($(head -c 300 "$tmp/err"))"
done
[ -z "$(ls -A "$d/up")" ] && ok || bad "a hostile accession or CIK wrote outside DIR: $(ls -A "$d/up")"
[ -z "$(find "$d/ha" -name '.*' -o -name '*..*')" ] && ok || bad "a hostile accession or CIK made a dot path: $(find "$d/ha")"

# input names with control characters and terminal escapes: escaped in diagnostics
mkdir -p "$d/in"
evil="$d/in/$(printf 'e\033[31mvil\nx: 0: error\t.txt')"
printf 'not EDGAR\n' > "$evil"
for c in parse header docs items "extract -o $d/ev" "ingest --db $d/ev.db"; do
  # shellcheck disable=SC2086
  "$edgr" $c "$evil" >"$tmp/out" 2>"$tmp/err"
  grep -q "$(printf '\033')" "$tmp/err" && bad "$c: a file name's escape sequence reached stderr" || ok
  grep -qF 'e\x1b[31mvil\nx: 0: error\t.txt: ' "$tmp/err" && ok || bad "$c: the file name escaped: $(head -c 300 "$tmp/err")"
  [ "$(grep -c '^x: 0: error' "$tmp/err")" = 0 ] && ok || bad "$c: a file name forged a diagnostic line"
done
# text and facts read a file that is no submission as a bare document: no
# diagnostic, and facts' JSON escapes the path
expect "facts: a file name with escapes" 0 "$edgr" facts "$evil"
grep -q "$(printf '\033')" "$tmp/out" && bad "facts: a raw escape in the JSON" || ok
grep -qF 'e\u001b[31mvil\nx: 0: error\t.txt"' "$tmp/out" && ok || bad "facts: the path in JSON: $(head -c 300 "$tmp/out")"
"$edgr" parse "$d/in" >"$tmp/out" 2>"$tmp/err"
grep -qF 'e\x1b[31mvil\nx: 0: error\t.txt: ' "$tmp/err" && ok || bad "walk: the file name escaped: $(head -c 300 "$tmp/err")"
# a missing file whose name holds escapes
expect "a missing file named with escapes" 1 "$edgr" parse "$(printf '%s/no\033]0;title\007such' "$d")"
grep -q "$(printf '\033')" "$tmp/err" && bad "a missing file's escape sequence reached stderr" || ok

# very long names: a path component over NAME_MAX, a path over PATH_MAX -- an error, no crash
expect "a file name of 300 bytes" 1 "$edgr" parse "$d/$(printf '%300s' "" | tr ' ' n)"
grep -q "name too long" "$tmp/err" && ok || bad "long name: message ($(head -c 200 "$tmp/err"))"
deep=$(printf 'a%.0s/' $(seq 2100))
expect "a path of 4200 bytes" 1 "$edgr" parse "$d/$deep/x.txt"
grep -q "$(printf 'a/%.0s' $(seq 10))" "$tmp/err" && ok || bad "long path: not named ($(head -c 200 "$tmp/err"))"
"$edgr" extract -o "$d/$deep" "$s8k" >"$tmp/out" 2>"$tmp/err"
rc=$?; [ "$rc" = 1 ] || [ "$rc" = 3 ] && ok || bad "extract -o a path of 4200 bytes: exit $rc"
grep -q "cannot open .*a/a/a/a" "$tmp/err" && ok || bad "extract -o a long path: message ($(head -c 200 "$tmp/err"))"
