#!/bin/bash
# CLI tests: exit codes, inputs (files, directories, stdin, archives), --jobs
# ordering, cat, extract and its refusal of unsafe names.  Usage:
#   tests/cli/run.sh path/to/edgr
. "$(dirname "$0")/../lib.sh" "$@"
s8k=samples/0009900001-17-000001.txt
gif=samples/0009900003-19-000010.txt

# usage and help
expect "no arguments" 2 "$edgr"
expect "unknown command" 2 "$edgr" frobnicate
expect "unknown option" 2 "$edgr" parse --frob "$s8k"
expect "bad --jobs" 2 "$edgr" parse --jobs 0 "$s8k"
expect "cat without selector" 2 "$edgr" cat "$s8k"
expect "extract without -o" 2 "$edgr" extract "$s8k"
for c in parse header docs cat extract; do
  expect "$c --help" 0 "$edgr" "$c" --help
  grep -q "usage: edgr $c" "$tmp/out" && ok || bad "$c --help text"
done

# parse: one object, quiet on success
expect "parse sample" 0 "$edgr" parse "$s8k"
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || bad "parse prints one line"
[ ! -s "$tmp/err" ] && ok || bad "parse is quiet on success"
grep -q '"items":\["7.01","9.01"\]' "$tmp/out" && ok || bad "items in parse output"
expect "parse --pretty" 0 "$edgr" parse --pretty "$s8k"
grep -q '^  "accession_number": "0009900001-17-000001",$' "$tmp/out" && ok || bad "pretty output"

# several inputs: NDJSON, one per submission, concatenated files included
expect "ndjson" 0 "$edgr" parse "$s8k" tests/fixtures/concatenated.txt
[ "$(wc -l <"$tmp/out")" = 3 ] && ok || bad "three submissions"

# docs --json: the documents as parse gives them
expect "docs --json" 0 "$edgr" docs --json samples/0009900003-19-000010.txt
grep -q '^{"accession_number":"0009900003-19-000010","type":"8-K","documents":\[{"sequence":1,"type":"8-K","filename":"lkso-8k_20190610.htm"' "$tmp/out" \
  && ok || bad "docs --json: $(head -c 300 "$tmp/out")"

# stdin
expect "stdin" 0 sh -c "\"$edgr\" parse - < $s8k"
grep -q '"source":{"path":"<stdin>"' "$tmp/out" && ok || bad "stdin source name"
expect "stdin implicit" 0 sh -c "cat $s8k | \"$edgr\" header"

# header stops at the header
expect "header" 0 "$edgr" header "$s8k"
grep -q '"documents"' "$tmp/out" && bad "header printed documents" || ok

# failures: reported as file: offset: reason, batch goes on, exit 1
expect "not edgar" 1 "$edgr" parse tests/fixtures/not_edgar.txt "$s8k"
grep -q '^tests/fixtures/not_edgar.txt: 0: no EDGAR submission found' "$tmp/err" && ok || bad "error format"
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || bad "batch went on after a bad file"
expect "missing file" 1 "$edgr" parse /nonexistent/file.txt "$s8k"
grep -q '^/nonexistent/file.txt: 0: ' "$tmp/err" && ok || bad "missing file message"
expect "truncated is a warning" 0 "$edgr" parse tests/fixtures/truncated.txt
grep -q 'truncated.txt: 3111: warning: input ends inside document 2' "$tmp/err" && ok || bad "truncation warning with offset"
expect "quiet" 0 "$edgr" parse -q tests/fixtures/truncated.txt
[ ! -s "$tmp/err" ] && ok || bad "--quiet silences warnings"

# directories: walked in sorted order; non-EDGAR files found there are skipped
expect "directory" 0 "$edgr" parse -q samples
[ "$(wc -l <"$tmp/out")" = 5 ] && ok || bad "five samples in samples/"
# a directory is walked once: links back to it (a loop) are warned of, not
# followed for ever; folders deeper than the walk goes are reported
mkdir -p "$tmp/loop" && cp "$s8k" "$tmp/loop/" && ln -s . "$tmp/loop/a" && ln -s . "$tmp/loop/b"
expect "directory walk: links to ." 0 timeout 20 "$edgr" header "$tmp/loop"
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || bad "links to .: the file read $(wc -l <"$tmp/out") times"
grep -q "^$tmp/loop/a: 0: warning: .*already" "$tmp/err" && ok || bad "links to .: no warning naming the link: $(head -c 300 "$tmp/err")"
deep="$tmp/deep"; for i in $(seq 70); do deep="$deep/d"; done
mkdir -p "$deep" && cp "$s8k" "$deep/"
expect "directory walk: too deep" 0 timeout 20 "$edgr" header "$tmp/deep"
grep -q "^$tmp/deep/d[/d]*: 0: warning: .*deep" "$tmp/err" && ok || bad "too deep: no warning: $(head -c 300 "$tmp/err")"
"$edgr" parse samples > "$tmp/j1" 2>/dev/null
expect "jobs" 0 "$edgr" parse --jobs 2 -q samples tests/fixtures/crlf.txt samples
"$edgr" parse samples tests/fixtures/crlf.txt samples > "$tmp/j2" 2>/dev/null
cmp -s "$tmp/out" "$tmp/j2" && ok || bad "--jobs 2 output differs from --jobs 1"

# names from inputs are printed escaped: a member name cannot forge a
# diagnostic line or send the terminal an escape sequence
python3 - "$tmp/evil.tar" "$s8k" <<'PY'
import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w")
for name, data in (("x\nfake: 0: forged\x1b[31m.txt", b"not EDGAR\n"),
                   ("bad\t\x7f.txt", b"not EDGAR\n")):
    i = tarfile.TarInfo(name); i.size = len(data); t.addfile(i, io.BytesIO(data))
t.close()
PY
for c in parse "ingest --db $tmp/evil.db"; do
  expect "$c: control characters in a member name" 0 $edgr $c "$tmp/evil.tar"
  [ "$(wc -l <"$tmp/err")" = 2 ] && ok || bad "$c: a member name forged lines: $(head -c 300 "$tmp/err")"
  grep -q "$(printf '\033')" "$tmp/err" && bad "$c: an escape sequence reached the terminal" || ok
  grep -qF 'evil.tar:x\nfake: 0: forged\x1b[31m.txt: 0: warning: ' "$tmp/err" && ok || bad "$c: escaped name: $(head -c 300 "$tmp/err")"
  grep -qF 'evil.tar:bad\t\x7f.txt: 0: warning: ' "$tmp/err" && ok || bad "$c: escaped tab and DEL: $(head -c 300 "$tmp/err")"
done
expect "a query's control characters echoed in a usage error" 2 "$edgr" search --db "$tmp/evil.db" "$(printf 'a\033[31m"')"
grep -q "$(printf '\033')" "$tmp/err" && bad "search: an escape sequence reached the terminal" || ok
grep -qF 'a\x1b[31m"' "$tmp/err" && ok || bad "search: the query escaped: $(head -c 300 "$tmp/err")"
expect "show: control characters in an accession" 1 "$edgr" show --db "$tmp/evil.db" "$(printf '0009900001\033[31m')"
grep -qF 'edgr show: 0009900001\x1b[31m: ' "$tmp/err" && ok || bad "show: the accession escaped: $(head -c 300 "$tmp/err")"
expect "search: control characters in a store's name" 3 "$edgr" search --db "$tmp/no$(printf '\033')db" word
grep -qF "$tmp/no\\x1bdb: no such store" "$tmp/err" && ok || bad "search: the store name escaped: $(head -c 300 "$tmp/err")"

# archives: tar and tar.gz, read as streams
tar cf "$tmp/s.tar" -C samples . && tar czf "$tmp/s.nc.tar.gz" -C samples .
expect "tar" 0 "$edgr" parse -q "$tmp/s.tar"
[ "$(wc -l <"$tmp/out")" = 5 ] && ok || bad "five submissions in the tar"
# with --jobs, what follows a stretch of files (an archive, then a file) is
# still read, in order: it was dropped, with exit 0
"$edgr" header --jobs 1 "$s8k" tests/fixtures/crlf.txt "$tmp/s.tar" tests/fixtures/ims_1994.txt >"$tmp/j1" 2>/dev/null
expect "jobs: files, an archive, a file" 0 "$edgr" header --jobs 2 "$s8k" tests/fixtures/crlf.txt "$tmp/s.tar" tests/fixtures/ims_1994.txt
[ "$(wc -l <"$tmp/j1")" = 8 ] && cmp -s "$tmp/out" "$tmp/j1" && ok ||
  bad "--jobs 2 over files, an archive, a file: $(wc -l <"$tmp/out") lines, $(wc -l <"$tmp/j1") with --jobs 1"
expect "tar.gz" 0 "$edgr" parse -q "$tmp/s.nc.tar.gz"
[ "$(wc -l <"$tmp/out")" = 5 ] && ok || bad "five submissions in the tar.gz"
head -c 3000 "$tmp/s.nc.tar.gz" > "$tmp/cut.tar.gz"
expect "cut archive" 1 "$edgr" parse -q "$tmp/cut.tar.gz"

# docs and cat
expect "docs" 0 "$edgr" docs "$gif"
grep -q 'logo.gif *uuencoded *1984' "$tmp/out" && ok || bad "docs table"
expect "cat by name" 0 "$edgr" cat "$gif" logo.gif
[ "$(wc -c <"$tmp/out")" = 1984 ] && head -c 6 "$tmp/out" | grep -q GIF89a && ok || bad "cat decodes the GIF"
expect "cat by sequence" 0 "$edgr" cat "$s8k" 2
grep -q 'EX-99.1\|<' "$tmp/out" && ok || bad "cat by sequence output"
expect "cat utf8" 0 "$edgr" cat tests/fixtures/cp1252.txt 1
grep -q "Company’s" "$tmp/out" && ok || bad "cat converts Windows-1252 to UTF-8"
expect "cat missing doc" 1 "$edgr" cat "$s8k" 9

# extract: EDGAR's layout
expect "extract" 0 "$edgr" extract -o "$tmp/x" "$s8k" "$gif" samples/0009900002-97-000003.txt
[ -f "$tmp/x/9900001/000990000117000001/hmt-20170314x8k.htm" ] && ok || bad "extract layout"
[ "$(wc -c <"$tmp/x/9900003/000990000319000010/logo.gif")" = 1984 ] && ok || bad "extract decodes"
[ -f "$tmp/x/9900002/000990000297000003/0001.txt" ] && ok || bad "extract names 1990s documents by sequence"
[ ! -s "$tmp/out" ] && ok || bad "extract is quiet"
# unsafe names are refused, never written
sed 's|<FILENAME>hmt-20170314x8k.htm|<FILENAME>../../../escape.htm|' "$s8k" > "$tmp/evil.txt"
expect "unsafe name" 1 "$edgr" extract -o "$tmp/y" "$tmp/evil.txt"
grep -q 'refusing to write document 1: file name contains a path separator' "$tmp/err" && ok || bad "unsafe name message"
[ ! -e "$tmp/escape.htm" ] && [ ! -e "$tmp/y/escape.htm" ] && ok || bad "unsafe file was written"
[ -f "$tmp/y/9900001/000990000117000001/hmt-20170314xex991.htm" ] && ok || bad "other documents still extracted"

# text and items
for c in text items facts; do
  expect "$c --help" 0 "$edgr" "$c" --help
  grep -q "usage: edgr $c" "$tmp/out" && ok || bad "$c --help text"
done
expect "text" 0 "$edgr" text "$s8k"
grep -q '^Item 7.01 Regulation FD Disclosure.$' "$tmp/out" && ok || bad "text of the 8-K"
! grep -q '<' "$tmp/out" && ok || bad "text has no markup"
expect "text --doc 2" 0 "$edgr" text --doc 2 "$s8k"
grep -q 'Granite Bay' "$tmp/out" && ok || bad "text of the exhibit"
expect "text --doc missing" 1 "$edgr" text --doc 7 "$s8k"
expect "text --tables markdown" 0 "$edgr" text --tables markdown "$s8k"
grep -q '^| 99.1 | Press release' "$tmp/out" && ok || bad "markdown table"
expect "text --tables tsv" 0 "$edgr" text --tables tsv "$s8k"
grep -q "$(printf '^99.1\tPress release')" "$tmp/out" && ok || bad "tsv table"
expect "bad --tables" 2 "$edgr" text --tables html "$s8k"
# --tables markdown is GFM: a renderer finds as many tables as the TSV
# rendering has (a TSV table: a run of lines holding a tab)
tsv_tables() { awk '/\t/ { if (!run) n++; run = 1; next } { run = 0 } END { print n + 0 }'; }
same_table_count() { # same_table_count FILE: --doc all in Markdown and TSV
  local m t
  m=$("$edgr" text --doc all --tables markdown "$1" 2>/dev/null | cmark-gfm -e table | grep -o '<table>' | wc -l)
  t=$("$edgr" text --doc all --tables tsv "$1" 2>/dev/null | tsv_tables)
  [ "$m" = "$t" ] && ok || bad "$1: cmark-gfm finds $m Markdown tables, TSV has $t"
}
if command -v cmark-gfm >/dev/null; then
  same_table_count tests/fixtures/tables.txt
  n=$("$edgr" text --tables tsv tests/fixtures/tables.txt | tsv_tables)
  [ "$n" = 6 ] && ok || bad "tables.txt: $n TSV tables, want 6"
  same_table_count "$s8k"
  if [ -d ../shared/corpus ]; then
    for f in ../shared/corpus/html/* ../shared/corpus/submissions/*; do
      grep -qi '<table' "$f" && same_table_count "$f" # (a few html/ files are compressed)
    done
  else
    echo "cli: skipped Markdown tables over the corpus: ../shared/corpus absent"
  fi
else
  echo "cli: skipped the Markdown table checks: no cmark-gfm (scripts/deps.sh check installs it)"
fi
# a line break in a cell stays in the cell, in every style
expect "text of tables.txt" 0 "$edgr" text tests/fixtures/tables.txt
grep -q '^Period  *Total Number of Shares Purchased  *Average Price Paid per Share  *Total Number of Shares Purchased as Part of Publicly Announced Plans or Programs (1)$' "$tmp/out" && ok || bad "text: <br> heading left its row"
expect "markdown of tables.txt" 0 "$edgr" text --tables markdown tests/fixtures/tables.txt
grep -qF '| Period | Total Number<br>of Shares Purchased | Average Price<br>Paid per Share |' "$tmp/out" && ok || bad "markdown: <br> heading left its cell"
expect "tsv of tables.txt" 0 "$edgr" text --tables tsv tests/fixtures/tables.txt
grep -q "$(printf '^Period\tTotal Number of Shares Purchased\tAverage Price Paid per Share\t')" "$tmp/out" && ok || bad "tsv: <br> heading left its cell"
# a legacy <TABLE> in Markdown: cut into cells at its <S> <C> markers
expect "markdown of a legacy table" 0 "$edgr" text --doc 2 --tables markdown tests/fixtures/tables.txt
grep -qF '| Net sales................................. | $ 41,210 | $ 38,904 |' "$tmp/out" && ok || bad "legacy table in Markdown"
expect "text of a 1990s filing" 0 "$edgr" text samples/0009900002-97-000003.txt
! grep -q '<PAGE>\|<S>\|<C>' "$tmp/out" && ok || bad "legacy tags removed"
expect "items" 0 "$edgr" items "$s8k"
grep -q '^==> Item 7.01: Regulation FD Disclosure <==$' "$tmp/out" && ok || bad "items heading line"
grep -q '^==> Item 9.01: Financial Statements and Exhibits <==$' "$tmp/out" && ok || bad "items 9.01"
expect "items --item --json" 0 "$edgr" items --json --item 9.01 "$s8k"
grep -q '"items":\["7.01","9.01"\],"document":1,"sections":\[{"item":"9.01","part":null' "$tmp/out" && ok || bad "items json"
expect "items of a 1990s 10-K" 0 "$edgr" items --item II-7 tests/fixtures/items/10k-1997-text.txt
grep -q '^Net sales rose 3.9% in 1996' "$tmp/out" && ok || bad "items of a 10-K part II"
expect "items of a non-form" 1 "$edgr" items samples/0009900004-23-000020.txt
expect "items of directory, 2 jobs" 0 "$edgr" items --jobs 2 "$s8k" tests/fixtures/items
tar czf "$tmp/s.tar.gz" samples
expect "items of an archive (other forms skipped)" 0 "$edgr" items --json "$tmp/s.tar.gz"
[ "$(grep -c '"sections":' "$tmp/out")" = 4 ] && ok || bad "items of the archive's 8-Ks and 10-K"
grep -q 'warning: not an 8-K, 10-K or 10-Q (form 10-D), skipped' "$tmp/err" && ok || bad "other forms skipped with a warning"
# an archive member's source is {"path": ARCHIVE, "member": MEMBER} in every
# command, as show and ingest --json keep it (docs/fields.md), not "ARCHIVE:MEMBER"
arc=$(realpath "$tmp")/member.tar.gz
tar czf "$arc" -C samples 0009900001-17-000001.txt
want="\"source\":{\"path\":\"$arc\",\"member\":\"0009900001-17-000001.txt\","
for c in parse header facts "items --json" "docs --json"; do
  expect "$c of an archive member" 0 "$edgr" $c "$arc"
  grep -qF "$want" "$tmp/out" && ok || bad "$c: source of an archive member: $(grep -o '"source":{[^}]*}' "$tmp/out" | head -1)"
done
expect "ingest of an archive member" 0 "$edgr" ingest -q --db "$tmp/member.db" --json "$arc"
grep -qF "${want%,}}" "$tmp/out" && ok || bad "ingest --json: source of an archive member: $(head -c 300 "$tmp/out")"
expect "show of an archive member" 0 "$edgr" show --db "$tmp/member.db" 0009900001-17-000001
grep -qF "$want" "$tmp/out" && ok || bad "show: source of an archive member: $(grep -o '"source":{[^}]*}' "$tmp/out" | head -1)"
# a plain file: its path, member null
expect "facts of a file" 0 "$edgr" facts "$s8k"
grep -qF "\"source\":{\"path\":\"$s8k\",\"member\":null," "$tmp/out" && ok || bad "facts: source of a file"
# tag-stripped submissions (issue 10): the same items as the originals
for f in 10k-1997-text 10k-2023-html; do
  expect "items of $f" 0 "$edgr" items tests/fixtures/items/$f.txt
  grep '^==> ' "$tmp/out" > "$tmp/items.orig"
  expect "items of $f, tags stripped" 0 "$edgr" items tests/fixtures/items/$f-stripped.txt
  grep '^==> ' "$tmp/out" | sed 's/: .*//' > "$tmp/items.stripped"
  [ -s "$tmp/items.stripped" ] && ok || bad "$f-stripped: no items found"
  sed 's/: .*//' "$tmp/items.orig" | cmp -s - "$tmp/items.stripped" && ok || bad "$f-stripped: other item codes than the original"
  grep -q 'warning: .*tags stripped' "$tmp/err" && ok || bad "$f-stripped: no warning names the variant"
done
# the bodies, not only the headings: character references the tags left are read
expect "item 7 of the stripped 1997 10-K" 0 "$edgr" items --item II-7 tests/fixtures/items/10k-1997-text-stripped.txt
grep -q '^Net sales rose 3.9% in 1996' "$tmp/out" && ok || bad "stripped 1997 item 7 has its body"
expect "item 5 of the stripped HTML 10-K" 0 "$edgr" items --item 5 tests/fixtures/items/10k-2023-html-stripped.txt
grep -q "^==> Part II, Item 5: Market for Registrant’s Common Equity" "$tmp/out" && ok || bad "stripped item 5 title decoded"
expect "item 16 of the stripped HTML 10-K" 0 "$edgr" items --item 16 tests/fixtures/items/10k-2023-html-stripped.txt
grep -q '^None\.$' "$tmp/out" && ok || bad "stripped item 16 has its body"
# a table of contents laid out one cell per line ("Item 1." / "Business" /
# "1") is not taken for the headings
"$edgr" items --item 1 tests/fixtures/items/10k-2023-html-stripped.txt 2>/dev/null |
  grep -q 'designs small warehouse robots' && ok || bad "stripped HTML 10-K item 1 has its body"
expect "text of the stripped HTML 10-K" 0 "$edgr" text tests/fixtures/items/10k-2023-html-stripped.txt
! grep -q '&#160;\|&amp;' "$tmp/out" && ok || bad "character references left in stripped text"
expect "docs of a stripped submission" 0 "$edgr" docs tests/fixtures/items/10k-2023-html-stripped.txt
[ "$(grep -c 'qfrb-' "$tmp/out")" = 3 ] && ok || bad "three documents recovered"
# the same submission three times in one file (issue 10): reported once
expect "items of a repeated submission" 0 "$edgr" items tests/fixtures/repeated.txt
[ "$(grep -c '^==> Item 2.02' "$tmp/out")" = 1 ] && ok || bad "repeated submission's items reported once"
grep -q 'warning: .*repeated 3 times' "$tmp/err" && ok || bad "repeat count in a warning"
# and through a pipe (held one submission at a time: the copies must not be
# taken for the next submission), for every command that holds filings
for c in items text facts; do
  "$edgr" "$c" tests/fixtures/repeated.txt >"$tmp/rep.file" 2>&1
  cat tests/fixtures/repeated.txt | "$edgr" "$c" 2>&1 |
    sed 's|^<stdin>:|tests/fixtures/repeated.txt:|; s|"path":"<stdin>"|"path":"tests/fixtures/repeated.txt"|' >"$tmp/rep.pipe"
  cmp -s "$tmp/rep.file" "$tmp/rep.pipe" && ok || bad "$c of a repeated submission: a pipe differs from the file"
  grep -q 'repeated 3 times' "$tmp/rep.pipe" && ok || bad "$c of a repeated submission through a pipe: no 'repeated 3 times'"
done
expect "parse of a repeated submission" 0 "$edgr" parse tests/fixtures/repeated.txt
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || bad "repeated submission parsed once"
# every command prints a result or an error (issue 10): nothing to show is
# said on stderr with exit 1, as search does with no hit
hdr=tests/fixtures/header_only.hdr.sgml
for c in text items docs; do
  expect "$c of a header only" 1 "$edgr" $c "$hdr"
  grep -q 'no document' "$tmp/err" && ok || bad "$c of a header only says why ($(cat "$tmp/err"))"
done
expect "facts of a header only (the header's facts)" 0 "$edgr" facts "$hdr"
grep -q '"accession_number":"0009900016-24-000031"' "$tmp/out" && ok || bad "facts of a header only"
mkdir -p "$tmp/mixed" && cp "$hdr" "$s8k" "$tmp/mixed/"
expect "items of a folder with a header only (skipped)" 0 "$edgr" items "$tmp/mixed"
grep -q '^==> Item 7.01' "$tmp/out" && ok || bad "items of the folder's 8-K"
grep -q 'warning: no document' "$tmp/err" && ok || bad "header only in a folder: a warning"
printf 'FORM 10-K\n\nNothing in this document is an item heading.\n' > "$tmp/noitems.txt"
expect "items: none found" 1 "$edgr" items "$tmp/noitems.txt"
[ ! -s "$tmp/out" ] && grep -q 'no items found' "$tmp/err" && ok || bad "items: none found says so"
expect "items --json: none found" 1 "$edgr" items --json "$tmp/noitems.txt"
grep -q '"sections":\[\]}' "$tmp/out" && ok || bad "items --json prints the filing with no items"
expect "items --item absent" 1 "$edgr" items --item 5.02 "$s8k"
grep -q 'no item 5.02' "$tmp/err" && ok || bad "items --item absent says so"
printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>a.htm\n<TEXT>\n<html><body><p> </p></body></html>\n</TEXT>\n</DOCUMENT>\n' > "$tmp/emptydoc.txt"
expect "text of a document with no text" 1 "$edgr" text "$tmp/emptydoc.txt"
grep -q 'no text' "$tmp/err" && ok || bad "text of an empty document says so"
# an empty file, for the commands that read a filing whole (filing.c): said
# as such, and no pointer arithmetic on the absent bytes (UBSan under make asan)
for c in text items facts; do
  expect "$c of an empty file" 1 "$edgr" "$c" tests/fixtures/empty.txt
  [ "$(cat "$tmp/err")" = "tests/fixtures/empty.txt: 0: empty input" ] && ok \
    || bad "$c of an empty file: $(head -c 300 "$tmp/err")"
done
for c in text items docs; do
  "$edgr" $c --help | grep -q 'Exit status' && ok || bad "$c --help gives its exit status"
done
# bare documents: an .htm with no envelope
"$edgr" cat "$s8k" 1 > "$tmp/bare.htm"
expect "text of a bare .htm" 0 "$edgr" text "$tmp/bare.htm"
grep -q '^Item 7.01 Regulation FD Disclosure.$' "$tmp/out" && ok || bad "bare .htm text"
expect "items of a bare .htm" 0 "$edgr" items "$tmp/bare.htm"
grep -q 'Item 7.01' "$tmp/out" && ok || bad "bare .htm items (form guessed)"
# a bare document with no form: items says there is no SEC header, not "(form )"
printf 'Just a note about nothing in particular.\n' > "$tmp/note.txt"
expect "items of a bare note" 1 "$edgr" items "$tmp/note.txt"
grep -q 'not an 8-K, 10-K or 10-Q (no form type: no SEC header)' "$tmp/err" && ok || bad "items of a bare note: $(head -c 200 "$tmp/err")"
# binary data is no document: text, items and facts refuse it as parse does
head -c 100 /dev/zero > "$tmp/nul.bin"
printf '\037\213' > "$tmp/gz2.bin"
for f in nul.bin gz2.bin; do
  for c in text items facts; do
    expect "$c of binary $f" 1 "$edgr" "$c" "$tmp/$f"
    grep -q "$f: 0: not an EDGAR submission or document (binary data)" "$tmp/err" && ok || bad "$c of binary $f: $(head -c 200 "$tmp/err")"
    [ ! -s "$tmp/out" ] && ok || bad "$c of binary $f printed something"
  done
done

# facts: cover, signatures, exhibits as JSON, one line per filing
ffx=tests/fixtures/facts
expect "facts" 0 "$edgr" facts "$ffx/0009900021-23-000004.txt" "$ffx/0009900022-04-000011.txt"
[ "$(wc -l <"$tmp/out")" = 2 ] && ok || bad "facts prints one line per filing"
grep -q '"registrant":{"value":"QUILLFEATHER ROBOTICS CORP.","source":"ixbrl"' "$tmp/out" && ok || bad "facts ixbrl registrant"
grep -q '"soliciting_material":{"value":true,"source":"text"' "$tmp/out" && ok || bad "facts [X] box"
grep -q '"unmatched_documents":\["EX-99.2"\],"unmatched_index":\["104"\]' "$tmp/out" && ok || bad "facts unmatched exhibits"
expect "facts --pretty" 0 "$edgr" facts --pretty "$ffx/0009900022-04-000011.txt"
grep -q '^      "value": "Edwin P. Haverford",$\|^        "name": "Edwin P. Haverford",$' "$tmp/out" && ok || bad "facts pretty signer"
expect "facts --help" 0 "$edgr" facts --help
seed=../shared/corpus/submissions/0001144204-17-013452.txt
if [ -f "$seed" ]; then
  expect "facts of the seed filing" 0 "$edgr" facts "$seed"
  for want in '"incorporation":{"value":"Delaware"' '"file_number":{"value":"1-36598"' \
      '"irs_number":{"value":"04-3321804"' '"address":{"value":"3301 Agriculture Drive, Madison, WI 53716"' \
      '"phone":{"value":"(608) 441-8120"' '"written_communications":{"value":false' \
      '"soliciting_material":{"value":false' '"pre_commencement_tender_offer":{"value":false' \
      '"pre_commencement_issuer_tender_offer":{"value":false' \
      '"name":"Chad J. Kolean","title":"Vice President and Chief Financial Officer","date":"2017-03-08","date_text":"March 8, 2017"' \
      '"number":"99.1","title":"Press release dated March 8, 2017' '"document":2,"doc_type":"EX-99.1"'; do
    grep -qF "$want" "$tmp/out" && ok || bad "seed facts: $want"
  done
else
  echo "cli: skipped the seed facts check: corpus absent ($seed)"
fi

# the same bytes from a file, from '-' (a regular file on stdin) and from a
# pipe give the same output in every command, at every size: a pipe hands the
# input over in 64 KiB reads, a mapped file in 1 MiB chunks.  Only the
# input's name differs (<stdin>): the file's output is normalised to it.
same_three_ways() { # same_three_ways FILE CMD [ARGS...] [-- AFTER...]: one output three ways
  local f=$1; shift
  local before=() after=() seen=0 a
  for a in "$@"; do
    if [ "$a" = -- ]; then seen=1; elif [ $seen = 0 ]; then before+=("$a"); else after+=("$a"); fi
  done
  local piped=(); [ $seen = 1 ] && piped=(-) # cat names its input before the selector
  local q; q=$(printf '%s' "$f" | sed 's/[][\.*^$|]/\\&/g')
  "$edgr" "${before[@]}" "$f" "${after[@]}" >"$tmp/3f" 2>"$tmp/3fe"; local r1=$?
  "$edgr" "${before[@]}" - "${after[@]}" <"$f" >"$tmp/3d" 2>"$tmp/3de"; local r2=$?
  cat "$f" | "$edgr" "${before[@]}" "${piped[@]}" "${after[@]}" >"$tmp/3p" 2>"$tmp/3pe"
  local r3=${PIPESTATUS[1]}
  sed -i "s|$q|<stdin>|g" "$tmp/3f" "$tmp/3fe"
  if [ "$r1$r2" = "$r3$r3" ] && cmp -s "$tmp/3f" "$tmp/3d" && cmp -s "$tmp/3f" "$tmp/3p" &&
     cmp -s "$tmp/3fe" "$tmp/3de" && cmp -s "$tmp/3fe" "$tmp/3pe"; then ok
  else bad "${before[*]} ${after[*]} $f: file, '-' and pipe differ (exit $r1 $r2 $r3)"; fi
}
ways_cmds=("parse" "header" "docs" "cat -- 1" "text" "text --tables markdown" "text --tables tsv"
           "items" "facts")
# every_way FILE: each command three ways.  Each way's runs of the commands
# write into one stdout and one stderr file, every run followed by a line
# naming its command (and, on stdout, its exit status), so that a file's
# 27 runs take one normalisation and four cmps instead of nine of each (the
# helpers cost as much as edgr over the corpus).  On a difference the
# commands are run again one by one (same_three_ways) to say which.
ways_argv() { # ways_argv WAY FILE CMD [ARGS...] [-- AFTER...]: sets $wa
  local w=$1 f=$2 seen=0 a; shift 2
  local before=() after=()
  for a in "$@"; do
    if [ "$a" = -- ]; then seen=1; elif [ $seen = 0 ]; then before+=("$a"); else after+=("$a"); fi
  done
  case $w in
    f) wa=("${before[@]}" "$f" "${after[@]}") ;;
    d) wa=("${before[@]}" - "${after[@]}") ;;
    p) wa=("${before[@]}"); [ $seen = 1 ] && wa+=(-); wa+=("${after[@]}") ;; # cat names its input before the selector
  esac
}
every_way() {
  local f=$1 c w rc wa=() q="" ch i
  for ((i = 0; i < ${#f}; i++)); do # $f as a sed pattern, without a process
    ch=${f:i:1}
    case $ch in '['|']'|'\'|'.'|'*'|'^'|'$'|'|') q+="\\$ch" ;; *) q+=$ch ;; esac
  done
  for w in f d p; do
    for c in "${ways_cmds[@]}"; do
      # shellcheck disable=SC2086
      ways_argv "$w" "$f" $c
      case $w in
        f) "$edgr" "${wa[@]}"; rc=$? ;;
        d) "$edgr" "${wa[@]}" <"$f"; rc=$? ;;
        p) cat "$f" | "$edgr" "${wa[@]}"; rc=${PIPESTATUS[1]} ;;
      esac
      printf '\n@@ every_way: %s: exit %d @@\n' "$c" "$rc"
      printf '\n@@ every_way: %s @@\n' "$c" >&2
    done >"$tmp/ew$w" 2>"$tmp/ew${w}e"
  done
  sed -i "s|$q|<stdin>|g" "$tmp/ewf" "$tmp/ewfe"
  if cmp -s "$tmp/ewf" "$tmp/ewd" && cmp -s "$tmp/ewf" "$tmp/ewp" &&
     cmp -s "$tmp/ewfe" "$tmp/ewde" && cmp -s "$tmp/ewfe" "$tmp/ewpe"; then
    pass=$((pass + ${#ways_cmds[@]}))
    return
  fi
  local fails_before=$fail
  # shellcheck disable=SC2086
  for c in "${ways_cmds[@]}"; do same_three_ways "$f" $c; done
  [ "$fail" != "$fails_before" ] || bad "$f: file, '-' and pipe differed when run together, not one by one"
}
pad_html() { # pad_html N: N filler paragraphs and an N-row table
  awk -v n="$1" '{ if ($0 == "</BODY>" && !done) { for (i = 1; i <= n; i++)
      printf "<P STYLE=\"margin: 0\">Filler paragraph %d of the <B>Halcyon</B> &amp; Meadow record.</P>\n", i
      print "<TABLE>"; for (i = 1; i <= n; i++) printf "<TR><TD>Row %d</TD><TD>$</TD><TD>%d,%03d</TD></TR>\n", i, i, i % 1000
      print "</TABLE>"; done = 1 } print }' "$s8k"
}
pad_text() { # pad_text N: N filler lines in the 10-K's first document
  awk -v n="$1" '{ if ($0 == "</TEXT>" && !done) { for (i = 1; i <= n; i++)
      printf "     Filler line %d of the Quillfeather record, %d,%03d dollars.\n", i, i, i % 1000
      done = 1 } print }' samples/0009900002-97-000003.txt
}
pad_html 700 > "$tmp/big8k.txt"; pad_html 9000 > "$tmp/huge8k.txt"
pad_text 2000 > "$tmp/big10k.txt"
"$edgr" cat "$tmp/big8k.txt" 1 > "$tmp/big.htm"
for f in "$tmp/big8k.txt" "$tmp/huge8k.txt" "$tmp/big10k.txt" "$tmp/big.htm"; do
  [ "$(wc -c <"$f")" -gt 65536 ] && ok || bad "$f is not past 64 KiB"
  every_way "$f"
done
[ "$(wc -c <"$tmp/huge8k.txt")" -gt 1048576 ] && ok || bad "huge8k is not past 1 MiB"
# an archive member comes in libarchive's blocks: the same text as the file
tar cf "$tmp/big.tar" -C "$tmp" huge8k.txt big10k.txt
"$edgr" text "$tmp/huge8k.txt" "$tmp/big10k.txt" > "$tmp/tf" 2>&1
expect "text of big archive members" 0 "$edgr" text "$tmp/big.tar"
cmp -s "$tmp/out" "$tmp/tf" && ok || bad "text of archive members differs from the files'"
for f in "$s8k" "$gif" samples/0009900002-97-000003.txt tests/fixtures/empty.txt \
    tests/fixtures/not_edgar.txt tests/fixtures/truncated.txt; do
  every_way "$f"
done
# ... and over the corpus (EDGR_CLI_CORPUS=0 skips it)
if [ "${EDGR_CLI_CORPUS:-1}" = 0 ]; then
  echo "cli: skipped file/pipe over the corpus (EDGR_CLI_CORPUS=0)"
elif [ -d ../shared/corpus ]; then
  # in one worker a core (EDGR_TEST_JOBS), each with its own scratch folder
  # and its own counts, added up here: every file still gets every check
  find ../shared/corpus -type f ! -name MANIFEST.tsv ! -name '*.md' | sort >"$tmp/corpus.list"
  # The three ways differ only in how the bytes arrive, and every command
  # reads them through the one reader: parse (every byte through the
  # splitter, header and documents) and text (every decoder) carry that
  # reader over the corpus.  The files above run every command three ways;
  # here each command costs 3 x 483 runs (about 12 s), and items, facts,
  # header and cat would add 50 s of make check for no new path.
  ways_cmds=("parse" "text")
  ways_jobs=${EDGR_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
  ways_pids=()
  for ((k = 0; k < ways_jobs; k++)); do
    (
      tmp=$tmp/ways$k pass=0 fail=0
      mkdir -p "$tmp"
      awk -v n="$ways_jobs" -v k="$k" 'NR % n == k' "$tmp/../corpus.list" >"$tmp/list"
      while IFS= read -r f <&3; do every_way "$f"; done 3<"$tmp/list"
      echo "$pass $fail" >"$tmp/counts"
    ) &
    ways_pids+=($!)
  done
  for ((k = 0; k < ways_jobs; k++)); do
    wait "${ways_pids[k]}"
    if read -r wp wf <"$tmp/ways$k/counts"; then pass=$((pass + wp)) fail=$((fail + wf))
    else bad "file/pipe over the corpus: worker $k of $ways_jobs did not finish"; fi
  done
  echo "cli: file, '-' and pipe over the corpus: $(wc -l <"$tmp/corpus.list") files in $ways_jobs workers"
else
  echo "cli: skipped file/pipe over the corpus: ../shared/corpus absent"
fi

# ---- inputs known by their bytes (issue 11): '-' is content for every
# command; gzip, zstd and tar are recognised by their magic, not their names
# extract reads '-' too (its output is files, so it is not in every_way)
expect "extract -" 0 sh -c "\"$edgr\" extract -o \"$tmp/xs\" - < $s8k"
[ -f "$tmp/xs/9900001/000990000117000001/hmt-20170314x8k.htm" ] && ok || bad "extract - wrote nothing"
gzip -c "$s8k" > "$tmp/sub.gz"; cp "$tmp/sub.gz" "$tmp/sub-no-suffix"

for f in "$tmp/sub.gz" "$tmp/sub-no-suffix"; do
  expect "gzipped submission ${f##*/}" 0 "$edgr" parse "$f"
  grep -q '"accession_number":"0009900001-17-000001"' "$tmp/out" && ok || bad "gzip ${f##*/}: $(head -c 200 "$tmp/out")"
done
expect "gzip on stdin" 0 sh -c "cat \"$tmp/sub.gz\" | \"$edgr\" docs -"
grep -q 'hmt-20170314xex991.htm' "$tmp/out" && ok || bad "gzip on stdin: $(head -c 200 "$tmp/out")"
expect "gzip text" 0 "$edgr" text "$tmp/sub-no-suffix"
cmp -s "$tmp/out" <("$edgr" text "$s8k") && ok || bad "text of a gzipped submission differs"
(cd samples && tar czf "$tmp/feed.bin" 0009900001-17-000001.nc 0009900003-19-000010.txt)
expect "tar.gz without its name" 0 "$edgr" parse "$tmp/feed.bin"
[ "$(wc -l <"$tmp/out")" = 2 ] && ok || bad "tar.gz by magic: $(wc -l <"$tmp/out") lines"
expect "tar.gz piped" 0 sh -c "cat \"$tmp/feed.bin\" | \"$edgr\" parse -"
[ "$(wc -l <"$tmp/out")" = 2 ] && ok || bad "tar.gz from a pipe: $(wc -l <"$tmp/out") lines"
grep -q '<stdin>:0009900003-19-000010.txt\|"member":"0009900003-19-000010.txt"' "$tmp/out" && ok || bad "piped member named: $(head -c 300 "$tmp/out")"
expect "gzip as '-' from a file" 0 sh -c "\"$edgr\" parse - < \"$tmp/sub.gz\""
grep -q '"accession_number":"0009900001-17-000001"' "$tmp/out" && ok || bad "gzip - < file"
expect "tar.gz as '-' from a file" 0 sh -c "\"$edgr\" docs - < \"$tmp/feed.bin\""
grep -q 'logo.gif' "$tmp/out" && ok || bad "tar.gz - < file"
expect "tar.gz piped, implicit stdin" 0 sh -c "cat \"$tmp/feed.bin\" | \"$edgr\" docs"
grep -q 'logo.gif' "$tmp/out" && ok || bad "tar.gz implicit stdin docs"
(cd samples && tar cf "$tmp/plain.tarball" 0009900004-23-000020.txt)
expect "tar by magic" 0 "$edgr" header "$tmp/plain.tarball"
grep -q '"accession_number":"0009900004-23-000020"' "$tmp/out" && ok || bad "plain tar by magic"
# a damaged gzip stream: an error, not garbage, not a hang
head -c 300 "$tmp/sub.gz" > "$tmp/cut.gz"
expect "cut gzip" 1 "$edgr" text "$tmp/cut.gz"
grep -q "cut.gz" "$tmp/err" && ok || bad "cut gzip names the file: $(cat "$tmp/err")"
if command -v zstd >/dev/null; then
  zstd -q -c "$s8k" > "$tmp/sub.htm"   # a .htm that is really zstd, as in the corpus
  expect "zstd by magic" 0 "$edgr" text "$tmp/sub.htm"
  cmp -s "$tmp/out" <("$edgr" text "$s8k") && ok || bad "text of a zstd file differs"
  expect "zstd piped" 0 sh -c "cat \"$tmp/sub.htm\" | \"$edgr\" items -"
  grep -q 'Item 7.01' "$tmp/out" && ok || bad "items of piped zstd"
else
  echo "cli: skipped the zstd checks: no zstd program"
fi
if [ -f ../shared/corpus/html/flws20231228_8k.htm ]; then
  z=../shared/corpus/html/flws20231228_8k.htm
  expect "corpus zstd .htm" 0 "$edgr" text "$z"
  tr -d '\n' <"$tmp/out" | LC_ALL=C grep -q '[^[:print:][:space:]'$'\x80''-'$'\xff'']' && bad "binary in the text of $z" || ok
  grep -qi 'item' "$tmp/out" && ok || bad "corpus zstd: no text: $(head -c 200 "$tmp/out")"
else
  echo "cli: skipped the corpus zstd check: corpus absent"
fi

# a closed pipe is not an error
"$edgr" parse samples samples samples 2>/dev/null | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}; [ "$rc" = 0 ] || [ "$rc" = 1 ] && ok || bad "broken pipe exit $rc"

# ---- manners (issue 11): option tables, exit codes, color, messages ----
m=tests/fixtures/manners
# one option table per command: another command's option is refused, by name
expect "text --item" 2 "$edgr" text --item 1A "$s8k"
grep -q "'--item' is an option of 'edgr items'" "$tmp/err" && ok || bad "text --item names the commands that take it"
grep -q "^Try 'edgr text --help'" "$tmp/err" && ok || bad "Try line names the command"
expect "search --doc" 2 "$edgr" search --doc 1 revenue
grep -q "^Try 'edgr search --help'" "$tmp/err" && ok || bad "search's Try line names search"
expect "show --form" 2 "$edgr" show --form 8-K 0009900001-17-000001
grep -q "'--form' is an option of 'edgr search'" "$tmp/err" && ok || bad "show refuses search's --form"
expect "ingest --tables" 2 "$edgr" ingest --tables text "$s8k"
grep -q "^Try 'edgr ingest --help'" "$tmp/err" && ok || bad "ingest's Try line"
expect "parse unknown" 2 "$edgr" parse --frobnicate "$s8k"
grep -q "unknown option '--frobnicate'" "$tmp/err" && ok || bad "unknown option named"
expect "--jobs=2" 0 "$edgr" parse --jobs=2 "$s8k"
expect "-j2" 0 "$edgr" parse -j2 "$s8k"
expect "--tables bad value" 2 "$edgr" text --tables html "$s8k"
cmds="parse header docs cat extract text items facts ingest search show company version"
for c in $cmds; do
  expect "$c --help" 0 "$edgr" "$c" --help
  grep -q "^usage: edgr $c" "$tmp/out" && grep -q '^options:' "$tmp/out" && grep -q '^  --color WHEN' "$tmp/out" &&
    grep -q '^examples\?:' "$tmp/out" && ok || bad "$c --help is made from its table, with examples"
done
# exit codes: one set, documented
expect "edgr --help" 0 "$edgr" --help
grep -q '^  3  store or I/O error' "$tmp/out" && grep -q '^  2  usage error' "$tmp/out" && ok || bad "exit codes in edgr --help"
expect "-V" 0 "$edgr" -V
grep -Eq '^edgr [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" && ok || bad "-V prints the version"
expect "--version" 0 "$edgr" --version
grep -Eq '^edgr [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" && ok || bad "--version prints the version"

# color: NO_COLOR and --color auto|always|never (warnings here; search below)
esc=$(printf '\033')
expect "--color always warning" 0 "$edgr" parse --color always tests/fixtures/truncated.txt
grep -q "${esc}\[33mwarning" "$tmp/err" && ok || bad "--color always colors the warning"
expect "NO_COLOR and --color always" 0 env NO_COLOR=1 "$edgr" --color always parse tests/fixtures/truncated.txt
grep -q "$esc" "$tmp/err" && ok || bad "--color always wins over NO_COLOR"
expect "--color never" 0 "$edgr" parse --color never tests/fixtures/truncated.txt
grep -q "$esc" "$tmp/err" && bad "--color never printed an escape" || ok
expect "--color bad" 2 "$edgr" parse --color sometimes "$s8k"
if script -qfec true /dev/null >/dev/null 2>&1; then # a terminal: auto colors, NO_COLOR does not
  script -qfec "\"$edgr\" parse tests/fixtures/truncated.txt" /dev/null >"$tmp/tty" 2>&1
  grep -q "${esc}\[33mwarning" "$tmp/tty" && ok || bad "auto colors a warning on a terminal"
  NO_COLOR=1 script -qfec "\"$edgr\" parse tests/fixtures/truncated.txt" /dev/null >"$tmp/tty" 2>&1
  grep -q "${esc}\[33m" "$tmp/tty" && bad "NO_COLOR: no color on a terminal" || ok
else
  echo "cli: skipped the terminal color checks (no script(1))"
fi

# a store: for search colors, missing stores, /dev/full
db="$tmp/m.db"
"$edgr" ingest -q --db "$db" samples "$m" >/dev/null 2>&1
expect "search --color always" 0 "$edgr" search --db "$db" --color always Quillfeather
grep -q "${esc}\[1;31m" "$tmp/out" && ok || bad "search --color always highlights hits"
expect "search not a tty" 0 "$edgr" search --db "$db" Quillfeather
grep -q "$esc" "$tmp/out" && bad "search colored a pipe" || ok
# a missing store says how to make one (and is not created)
for c in "search revenue" "show 0009900001-17-000001" "company 9900001" "cat 0009900001-17-000001 1"; do
  expect "missing store: $c" 3 "$edgr" $c --db "$tmp/none.db"
  grep -q "edgr ingest FILE... --db $tmp/none.db" "$tmp/err" && ok || bad "$c: missing store says how to create one"
  [ ! -e "$tmp/none.db" ] && ok || bad "$c created the missing store"
done

# items: an absent --item exits 1; a form items does not split says so
expect "items --item absent" 1 "$edgr" items --item 5.02 "$s8k"
grep -q 'no item 5.02' "$tmp/err" && ok || bad "absent item said"
expect "items --item absent --json" 1 "$edgr" items --item 5.02 --json "$s8k"
expect "items on an S-3" 1 "$edgr" items "$m/s3.txt"
grep -q 'not an 8-K, 10-K or 10-Q (form S-3)' "$tmp/err" && ok || bad "items names the S-3"
grep -q 'Item' "$tmp/out" && bad "items split an S-3 as a 10-K" || ok
expect "items on an S-3 in a folder" 0 "$edgr" items "$m"
grep -q 'warning: .*S-3' "$tmp/err" && ok || bad "S-3 in a folder: a warning"

# text over a folder: XML and PDF main documents skipped with a note
expect "text over a folder" 0 "$edgr" text "$m"
grep -q 'form4_xml.txt: .*warning: .*xml.*skipped' "$tmp/err" && grep -q 'proxy_pdf.txt: .*warning: .*pdf.*skipped' "$tmp/err" &&
  ok || bad "text notes the XML and PDF documents it skips"
grep -q 'Other Expenses of Issuance' "$tmp/out" && ok || bad "text went on to the S-3"
expect "text on a named XML filing" 1 "$edgr" text "$m/form4_xml.txt"
# docs on several filings names each
expect "docs several" 0 "$edgr" docs "$s8k" "$m/s3.txt"
grep -q "^==> $s8k (0009900001-17-000001) <==" "$tmp/out" && grep -q "^==> $m/s3.txt (0009900120-21-000001) <==" "$tmp/out" &&
  ok || bad "docs names each filing"
# ... and so are several filings of one file (a concatenated feed file)
c2=tests/fixtures/concatenated.txt
expect "docs of a file of two filings" 0 "$edgr" docs "$c2"
grep -q "^==> $c2 (0009900012-21-000001) <==" "$tmp/out" && grep -q "^==> $c2 (0009900029-21-000002) <==" "$tmp/out" &&
  ok || bad "docs names each filing of one file: $(head -c 300 "$tmp/out")"
expect "docs one" 0 "$edgr" docs "$s8k"
grep -q '^==>' "$tmp/out" && bad "docs on one filing printed a name line" || ok
expect "docs --json" 0 "$edgr" docs --json "$s8k" "$m/s3.txt"
[ "$(grep -c '"source":' "$tmp/out")" = 2 ] && grep -q '"accession_number":"0009900120-21-000001"' "$tmp/out" &&
  grep -q '"filename":"qfa-s3.htm"' "$tmp/out" && ok || bad "docs --json names each filing"

# ingest: a long batch ends with a summary line; a short one is quiet
mkdir "$tmp/many"
for i in $(seq 0 99); do
  sed "s/0009900120-21-000001/0009900120-21-$(printf '%06d' $((i + 100)))/g" "$m/s3.txt" >"$tmp/many/f$i.txt"
done
cp tests/fixtures/not_edgar.txt "$tmp/many/zz-readme.txt"
cp tests/fixtures/not_edgar.txt "$tmp/many/zz-readme2.txt"
expect "ingest many" 0 "$edgr" ingest --db "$tmp/many.db" "$tmp/many"
grep -q '^edgr ingest: 102 files: 100 added, 0 unchanged, 2 skipped, 0 failed$' "$tmp/err" && ok || bad "ingest summary ($(tail -1 "$tmp/err"))"
expect "ingest many again" 0 "$edgr" ingest --db "$tmp/many.db" -q "$tmp/many"
[ ! -s "$tmp/err" ] && ok || bad "ingest -q prints no summary"
expect "ingest short" 0 "$edgr" ingest --db "$tmp/short.db" samples/*.txt
[ ! -s "$tmp/err" ] && ok || bad "a short ingest is quiet on success"
expect "text many" 0 "$edgr" text "$tmp/many"
grep -q '^edgr text: 102 files: 100 fine, 2 skipped, 0 failed$' "$tmp/err" && ok || bad "text summary over a long folder ($(tail -1 "$tmp/err"))"
# a store that cannot be written is exit 3
chmod a-w "$tmp/short.db"
if ! [ -w "$tmp/short.db" ]; then
  expect "ingest read-only store" 3 "$edgr" ingest --db "$tmp/short.db" --replace "$m/s3.txt"
fi
chmod u+w "$tmp/short.db"
# progress lines (a terminal) never run into a warning
if script -qfec true /dev/null >/dev/null 2>&1; then
  script -qfec "\"$edgr\" ingest --jobs 1 --db \"$tmp/tty.db\" \"$tmp/many\"" /dev/null >"$tmp/tty" 2>&1
  tr '\r' '\n' <"$tmp/tty" | grep -q 'files, .*MB.*zz-readme.txt' && bad "progress ran into a warning" || ok
  tr '\r' '\n' <"$tmp/tty" | grep -q 'zz-readme.txt: 0: .*warning' && ok || bad "warning under progress"
fi

# output failures: every command with stdout on /dev/full exits 3, said once
if [ -w /dev/full ]; then
  full() { # full WHAT CMD...: exit 3 and the message
    "$@" >/dev/full 2>"$tmp/err"; local rc=$?
    local who="edgr $2"; case $2 in -*) who=edgr ;; esac # the command's name, none at the top level
    [ "$rc" = 3 ] && grep -q "^$who: write error: No space left on device\$" "$tmp/err" && ok ||
      bad "$1 > /dev/full: exit $rc ($(head -c 200 "$tmp/err"))"
  }
  full "$edgr" parse "$s8k"
  full "$edgr" parse --jobs 2 samples
  full "$edgr" header "$s8k"
  full "$edgr" docs "$s8k"
  full "$edgr" docs --json "$s8k"
  full "$edgr" cat "$s8k" 1
  full "$edgr" cat "$gif" 2
  full "$edgr" cat --db "$db" 0009900001-17-000001 1
  full "$edgr" text "$s8k"
  full "$edgr" items "$s8k"
  full "$edgr" items --json "$s8k"
  full "$edgr" facts "$s8k"
  full "$edgr" ingest --json --db "$tmp/full.db" "$s8k"
  full "$edgr" search --db "$db" Quillfeather
  full "$edgr" search --db "$db" --json Quillfeather
  full "$edgr" show --db "$db" 0009900001-17-000001
  full "$edgr" company --db "$db" 9900001
  full "$edgr" version
  full "$edgr" --help
  full "$edgr" --man parse
  full "$edgr" --completion bash
  for c in $cmds; do full "$edgr" "$c" --help; done
  # extract writes files, not stdout: it is fine with a full stdout
  expect "extract, stdout full" 0 sh -c "\"$edgr\" extract -o \"$tmp/x\" \"$s8k\" >/dev/full"
else
  echo "cli: skipped the /dev/full checks (no /dev/full)"
fi

# man pages and completions, made from the tables: every option is in them
expect "man edgr" 0 "$edgr" --man
grep -q '^\.SH EXIT STATUS' "$tmp/out" && grep -q 'store or I/O error' "$tmp/out" && grep -q 'NO_COLOR' "$tmp/out" &&
  ok || bad "edgr(1) has exit status and NO_COLOR"
"$edgr" --completion bash >"$tmp/bash" && bash -n "$tmp/bash" && ok || bad "bash completion is valid bash"
"$edgr" --completion zsh >"$tmp/zsh" && ok || bad "zsh completion"
for c in $cmds; do
  "$edgr" --man "$c" >"$tmp/man" || bad "$c: no man page"
  grep -q "^\.TH EDGR\\\\-" "$tmp/man" && ok || bad "$c man page header"
  if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$tmp/man" 2>"$tmp/groff"; [ ! -s "$tmp/groff" ] && ok || bad "$c: groff warns: $(head -2 "$tmp/groff")"
  fi
  for o in $("$edgr" "$c" --help | sed -n '/^options:/,/^$/p' | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    grep -q -- "\\\\fB$(echo "$o" | sed 's/-/\\\\-/g')\\\\fR" "$tmp/man" && ok || bad "$c: $o not in its man page"
    grep -q "^        $c) opts='.* $o\( \|'\)" "$tmp/bash" && ok || bad "$c: $o not in the bash completion"
    sed -n "/^    $c)\$/,/;;/p" "$tmp/zsh" | grep -q -- "$o" && ok || bad "$c: $o not in the zsh completion"
  done
done
# make install puts them in place
bdir=$(dirname "$edgr")
if [ -f "$bdir/CMakeCache.txt" ] && cmake --install "$bdir" --prefix "$tmp/inst" >/dev/null 2>&1; then
  for c in "" $(for c in $cmds; do echo "-$c"; done); do
    [ -s "$tmp/inst/share/man/man1/edgr$c.1" ] && ok || bad "make install: man1/edgr$c.1"
  done
  [ -s "$tmp/inst/share/bash-completion/completions/edgr" ] && ok || bad "make install: bash completion"
  [ -s "$tmp/inst/share/zsh/site-functions/_edgr" ] && ok || bad "make install: zsh completion"
else
  echo "cli: skipped the install check (no CMake build beside $edgr)"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
