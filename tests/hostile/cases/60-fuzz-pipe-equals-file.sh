# shellcheck shell=bash disable=SC2154 # sourced by tests/hostile/run.sh
# Fuzz part (issue 12, section 5): what fuzz_stdin_chunks' oracle demands, on
# the inputs where replaying it over the corpus found a pipe and a file
# differ: the same bytes give the same output, messages and exit status
# whether named or piped (the name aside).  Binary data that is no EDGAR
# (a zstd file saved as .htm: no magic here, so no archive) is refused once,
# with no "empty input" after it; a bare HTML document over
# --max-document-size is reported as the document over the limit, as the
# file is; a submission with a document over it likewise.
d=$case_dir
{ printf 'xx\000'; head -c 100000 /dev/zero | tr '\0' 'A'; printf '\001\002\000'; } >"$d/binary.htm"
{
  printf '<html><body>\n'
  for i in $(seq 1 3000); do printf '<p>Paragraph %d of the Fuzzwell Corp annual report.</p>\n' "$i"; done
  printf '</body></html>\n'
} >"$d/bare.htm"
{
  printf '<SEC-DOCUMENT>0009900250-24-000001.txt : 20240102\n<SEC-HEADER>0009900250-24-000001.hdr.sgml : 20240102\n'
  printf 'ACCESSION NUMBER:\t\t0009900250-24-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\n'
  printf 'FILED AS OF DATE:\t\t20240102\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tFUZZWELL CORP\n'
  printf '\t\tCENTRAL INDEX KEY:\t\t\t0009900250\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>fw-8k.htm\n<TEXT>\n'
  cat "$d/bare.htm"
  printf '</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
} >"$d/sub.txt"
# same_as_file WHAT CMD... FILE: CMD FILE and CMD - <FILE agree
same_as_file() {
  local what=$1 file=${*: -1} args=("${@:2:$#-2}")
  "$edgr" "${args[@]}" "$file" >"$d/f.out" 2>"$d/f.err"
  local frc=$?
  "$edgr" "${args[@]}" - <"$file" >"$d/p.out" 2>"$d/p.err" # a file on stdin: mapped
  local prc=$?
  # shellcheck disable=SC2002
  cat "$file" | "$edgr" "${args[@]}" - >"$d/q.out" 2>"$d/q.err" # a pipe
  local qrc=$?
  sed "s#^<stdin>:#$file:#" "$d/p.err" >"$d/p.err2"
  sed "s#^<stdin>:#$file:#" "$d/q.err" >"$d/q.err2"
  sed "s#\"$file\"#\"<stdin>\"#g" "$d/f.out" >"$d/f.out2" # the JSON source
  if [ "$frc" = "$qrc" ] && [ "$frc" = "$prc" ] && cmp -s "$d/f.out2" "$d/q.out" && cmp -s "$d/f.out2" "$d/p.out" &&
     cmp -s "$d/f.err" "$d/q.err2" && cmp -s "$d/f.err" "$d/p.err2"; then ok
  else bad "$what: file (rc $frc) and pipe (rc $qrc) differ: $(head -c 300 "$d/f.err") | $(head -c 300 "$d/q.err")"
  fi
}
for c in text items facts parse docs; do
  same_as_file "$c of binary data" "$c" "$d/binary.htm"
done
same_as_file "text of a bare document over --max-document-size" text --max-document-size 64K "$d/bare.htm"
same_as_file "items of a bare document over --max-document-size" items --max-document-size 64K "$d/bare.htm"
same_as_file "text of a submission over --max-document-size" text --max-document-size 64K "$d/sub.txt"
same_as_file "facts of a submission over --max-document-size" facts --max-document-size 64K "$d/sub.txt"
same_as_file "text of a bare document" text "$d/bare.htm"
same_as_file "items --json of a submission" items --json "$d/sub.txt"
