# issue 12, section 3: text, items and facts on one single-line HTML
# document of min($gib, 1) GiB (the issue's case: text at 3.15 GB for 1 GiB),
# from a file and through a pipe; and the default limit (1 GiB): a document
# just over it refused, from a sparse file, without holding it.
lim_gib=$(( gib < 1 ? gib : 1 ))
[ "$lim_gib" -ge 1 ] || lim_gib=1
lim_doc=$tmp/limit-one-line.txt
{
  printf '<SEC-DOCUMENT>0009900242-21-000001.txt : 20210303\n<SEC-HEADER>0009900242-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900242-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>one-line.htm\n<TEXT>\n<html><body><p>'
  yes 'Benchmark Widget Corp sold <b>widgets</b> &amp; gadgets in Elsewhere. ' | tr -d '\n' | head -c $(( (lim_gib << 30) - 100 ))
  printf '</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
} > "$lim_doc"
rss_line "text, ${lim_gib} GiB one-line document (file)" "$edgr" text "$lim_doc"
rss_line "text, ${lim_gib} GiB one-line document (pipe)" sh -c "cat '$lim_doc' | exec '$edgr' text"
rss_line "items, ${lim_gib} GiB one-line document (file)" "$edgr" items "$lim_doc"
rss_line "facts, ${lim_gib} GiB one-line document (file)" "$edgr" facts "$lim_doc"
rm -f "$lim_doc"
# just over the default limit: a sparse body of 1 GiB + 1 byte
lim_over=$tmp/limit-over.txt
{
  printf '<SEC-DOCUMENT>0009900243-21-000001.txt : 20210303\n<SEC-HEADER>0009900243-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900243-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>over.txt\n<TEXT>\n'
} > "$lim_over"
truncate -s +$(( (1 << 30) + 1 )) "$lim_over"
printf '\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n' >> "$lim_over"
rss_line "text, a document of 1 GiB + 1 (sparse file)" "$edgr" text "$lim_over"
rss_line "text, a document of 1 GiB + 1 (pipe)" sh -c "cat '$lim_over' | exec '$edgr' text"
rm -f "$lim_over"
