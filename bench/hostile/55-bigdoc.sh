# issue 12, section 3: ingest of one submission holding a single-line HTML
# document of 200 MB x $gib (400 MB by default): the submission and its
# text are no longer held at once (about 1.1x; it was 4.5x, 898 MB
# for 200 MB: the rows' copy of the text, their pre-made tokens and the
# facts' own text on top; 1.84x before the converters gave pages back),
# then items and facts of the same file (about 1.0x; 1.85x before).
big_mb=$(( 200 * gib ))
[ "$big_mb" -ge 200 ] || big_mb=200
big_doc=$tmp/bigdoc-one-line.txt
{
  printf '<SEC-DOCUMENT>0009900292-21-000001.txt : 20210303\n<SEC-HEADER>0009900292-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900292-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>one-line.htm\n<TEXT>\n<html><body><p>'
  yes 'Benchmark Widget Corp sold <b>widgets</b> &amp; gadgets in Elsewhere. ' | tr -d '\n' | head -c $(( big_mb * 1000000 ))
  printf '</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
} > "$big_doc"
rm -f "$tmp/bigdoc.db"
rss_line "ingest, ${big_mb} MB one-line document" "$edgr" ingest -q --db "$tmp/bigdoc.db" "$big_doc"
rm -f "$tmp/bigdoc.db" "$tmp/bigdoc.db"-*
rss_line "items, ${big_mb} MB one-line document" "$edgr" items "$big_doc"
rss_line "facts, ${big_mb} MB one-line document" "$edgr" facts "$big_doc"
rm -f "$big_doc"
