# issue 12, section 3, the documents that are nearly all text (their text
# is about their size, the worst case for "1.5x the largest document"):
# 200 MB x $gib of 1990s-style text of short lines, and of one long line,
# through text, items, facts and ingest.  The converters give the
# document's pages back as its text is made (edgr_release_fn) and ingest
# sets a big main document aside, compressed, between its two readings;
# what stays is the text, its line anchors and the item finder's line
# table (about 45 bytes a line).
rel_mb=$(( 200 * gib ))
[ "$rel_mb" -ge 200 ] || rel_mb=200
rel_head() {
  printf '<SEC-DOCUMENT>0009900302-21-000001.txt : 20210303\n<SEC-HEADER>0009900302-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900302-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>%s\n<TEXT>\nItem 8.01 Other Events.\n\n' "$1"
}
rel_lines=$tmp/release-lines.txt
{ rel_head lines.txt
  yes 'Benchmark Widget Corp sold widgets and gadgets in Elsewhere, quarter by quarter.' | head -c $(( rel_mb * 1000000 ))
  printf '</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'; } > "$rel_lines"
rel_one=$tmp/release-one.txt
{ rel_head one-line.txt
  yes 'Benchmark Widget Corp sold widgets and gadgets in Elsewhere, quarter by quarter.' | tr '\n' ' ' | head -c $(( rel_mb * 1000000 ))
  printf '\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'; } > "$rel_one"
for c in text items facts; do
  rss_line "$c, ${rel_mb} MB text of short lines" "$edgr" $c "$rel_lines"
done
rss_line "items, ${rel_mb} MB text of one line" "$edgr" items "$rel_one"
for f in "$rel_lines" "$rel_one"; do
  rm -f "$tmp/release.db" "$tmp/release.db"-*
  rss_line "ingest, ${rel_mb} MB text of $( [ "$f" = "$rel_one" ] && echo one line || echo short lines)" \
    "$edgr" ingest -q --db "$tmp/release.db" "$f"
done
rm -f "$rel_lines" "$rel_one" "$tmp/release.db" "$tmp/release.db"-*
