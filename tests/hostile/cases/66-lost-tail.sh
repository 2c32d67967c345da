# Bytes after a submission too large to hold, and a tail left from an
# earlier document (the review of issue 12's last fixes): a pipe fed a few
# bytes at a time read before its buffer (ASan: heap-buffer-overflow in
# w_doc_data, SIGSEGV now and then), and a stale tail was parsed as the
# next filing, which was then lost, from the file too.
d=$case_dir
# a filing whose documents each pass 4K, then its copy, then the start of another
mk_filing() { # ACC DOCS SIZE
  printf '<SEC-DOCUMENT>%s.txt : 20210303\n<SEC-HEADER>%s.hdr.sgml : 20210303\n' "$1" "$1"
  printf 'ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t%s\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n' "$1" "$2"
  for i in $(seq 1 "$2"); do
    printf '<DOCUMENT>\n<TYPE>EX-99.%d\n<SEQUENCE>%d\n<FILENAME>ex%d.htm\n<TEXT>\n<html><body><p>' "$i" "$i" "$i"
    yes "Lost Tail Holdings line $i of its exhibit, written to be long." | head -c "$3"; echo
    printf '</p></body></html>\n</TEXT>\n</DOCUMENT>\n'
  done
  printf '</SEC-DOCUMENT>\n'
}
mk_filing 0009900266-21-000001 4 30000 >"$d/a.txt"
mk_filing 0009900267-21-000002 1 2000 >"$d/b.txt"
{ cat "$d/a.txt" "$d/a.txt"; head -c 1500 "$d/b.txt"; } >"$d/aab.txt"
{ head -c 20000 "$d/a.txt"; cat "$d/a.txt" "$d/a.txt" "$d/b.txt"; } >"$d/paab.txt"
# a writer that hands the bytes over 1 to 7 at a time
trickle() { python3 -c '
import sys, random
data = open(sys.argv[1], "rb").read(); random.seed(int(sys.argv[2])); i = 0
while i < len(data):
    k = random.randint(1, 7); sys.stdout.buffer.write(data[i:i + k]); sys.stdout.buffer.flush(); i += k
' "$@"; }
for f in aab paab; do
  for c in facts text; do
    "$edgr" "$c" --max-document-size 16K "$d/$f.txt" >"$d/file.out" 2>&1; a=$?
    for seed in 1 2 3; do
      trickle "$d/$f.txt" "$seed" | "$edgr" "$c" --max-document-size 16K - 2>&1 | sed "s|<stdin>|$d/$f.txt|g" >"$d/pipe.out"
      b=${PIPESTATUS[1]}
      [ "$b" -lt 128 ] && ok || bad "lost tail: $c of $f trickled (seed $seed) died of signal $((b - 128))"
    done
    [ "$a" -lt 128 ] && ok || bad "lost tail: $c of $f died of signal $((a - 128))"
  done
  # the second filing is read, from the file and a pipe
  "$edgr" docs "$d/$f.txt" 2>/dev/null | grep -q 0009900267-21-000002 && ok || bad "lost tail: $f: the second filing is not seen by docs"
done
# the stale tail (the copy's last document) was taken for the second
# filing's start: it was lost, from the file as from a pipe
"$edgr" facts --max-document-size 16K "$d/aab.txt" 2>"$d/err" | grep -q '0009900267-21-000002' && ok ||
  bad "lost tail: facts of aab.txt does not reach the second filing: $(head -c 400 "$d/err")"
