# edgr cat of a submission whose one document is a $gib GiB body of
# repeated text lines, in a .gz of a few MB (issue 12: 20.98 GB RSS for
# 20 GiB): from the file, and from the store by accession (ingested with
# --max-document-size above the body; a body of $gib x 256 MiB, at most
# 1 GiB, since ingest holds and indexes it).  Sourced by bench/rss.sh.
cat_bench_filing() { # LINES ACCESSION: the submission on stdout
  printf '<SEC-DOCUMENT>%s.txt : 20260101\n<SEC-HEADER>%s.hdr.sgml : 20260101\nACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20260101\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tLongwinded Ledger Corp\n\t\tCENTRAL INDEX KEY:\t\t\t0009900230\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>1\n<FILENAME>ledger.txt\n<TEXT>\n' "$2" "$2" "$2"
  yes 'Longwinded Ledger Corp reports the same fictional quarter again and again.' | head -n "$1"
  printf '</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
}
# 75-byte lines: $gib GiB of them
cat_bench_filing $((gib * 1073741824 / 75)) 0009900230-26-000010 | gzip -1 >"$tmp/cat-big.gz"
rss_line "cat FILE.gz 1 (${gib} GiB text body)" "$edgr" cat "$tmp/cat-big.gz" 1
rm -f "$tmp/cat-big.gz"
# the store form: $gib x 256 MiB, 1 GiB at most (ingest holds and indexes it)
cat_mib_store=$((gib * 256 < 1024 ? gib * 256 : 1024))
cat_bench_filing $((cat_mib_store * 1048576 / 75)) 0009900230-26-000011 | gzip -1 >"$tmp/cat-store.gz"
if "$edgr" ingest -q --max-document-size 2G --db "$tmp/cat.db" "$tmp/cat-store.gz" 2>"$tmp/err"; then
  rss_line "cat ACCESSION 1 (${cat_mib_store} MiB body, from a .gz)" "$edgr" cat --db "$tmp/cat.db" 0009900230-26-000011 1
else
  echo "cat ACCESSION: ingest failed: $(head -c 200 "$tmp/err")"
fi
rm -f "$tmp/cat-store.gz" "$tmp/cat.db"*
