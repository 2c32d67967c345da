# A submission over twice --max-document-size, of documents each under it:
# said once, in the same place among the messages, whether the bytes come
# from the file or a pipe (a pipe's smaller reads tripped the backstop
# mid-submission and said it before the documents' own messages).
d=$case_dir
{
  printf '<SEC-DOCUMENT>0009900265-21-000001.txt : 20210303\n<SEC-HEADER>0009900265-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900265-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t10\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  # one over the limit first, so the messages have an order to keep
  printf '<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>1\n<FILENAME>ex1.txt\n<TEXT>\n'
  yes 'Hostile Order Corp reports nothing of note this quarter.' | head -c 70000; echo
  printf '</TEXT>\n</DOCUMENT>\n'
  for i in 2 3 4 5 6 7 8 9 10; do
    printf '<DOCUMENT>\n<TYPE>EX-99.%d\n<SEQUENCE>%d\n<FILENAME>ex%d.txt\n<TEXT>\n' "$i" "$i" "$i"
    yes 'Hostile Order Corp reports nothing of note this quarter.' | head -c 40000; echo
    printf '</TEXT>\n</DOCUMENT>\n'
  done
  printf '</SEC-DOCUMENT>\n'
} >"$d/big.txt"
for c in text items facts; do
  "$edgr" "$c" --max-document-size 64K "$d/big.txt" >/dev/null 2>"$d/file.err"; a=$?
  cat "$d/big.txt" | "$edgr" "$c" --max-document-size 64K - 2>&1 >/dev/null | sed "s|<stdin>|$d/big.txt|g" >"$d/pipe.err"
  b=${PIPESTATUS[1]}
  cmp -s "$d/file.err" "$d/pipe.err" && [ "$a" = "$b" ] && ok ||
    bad "too large, in order: $c from a pipe differs (exit $a/$b): $(diff "$d/file.err" "$d/pipe.err" | head -6)"
  [ "$(grep -c 'not held whole' "$d/file.err")" = 1 ] && ok || bad "too large, in order: $c: $(cat "$d/file.err")"
done
# two real filings where it showed (images over the limit before the end)
for f in 0001918704-24-002559.txt 0000018230-22-000107.txt; do
  src=../shared/corpus/submissions/$f
  if [ ! -f "$src" ]; then echo "hostile: 65-too-large-order: $f skipped (no ../shared/corpus)"; continue; fi
  "$edgr" text --max-document-size 64K "$src" >/dev/null 2>"$d/file.err"
  cat "$src" | "$edgr" text --max-document-size 64K - 2>&1 >/dev/null | sed "s|<stdin>|$src|g" >"$d/pipe.err"
  cmp -s "$d/file.err" "$d/pipe.err" && ok ||
    bad "too large, in order: $f from a pipe differs: $(diff "$d/file.err" "$d/pipe.err" | head -6)"
done
