#!/bin/sh
# tests/hostile/many_filings.sh N [YY]: N small complete submissions, one after
# the other in EDGAR's .txt format (<SEC-DOCUMENT> ... </SEC-DOCUMENT>), on
# standard output -- about 590 bytes each, so 100,000 make a 59 MB file.
# Fictional 8-Ks of ten fictional companies (CIKs 0009900220-0009900229),
# each under its own accession number (of year YY, default 24: give files
# made together different years).  Used by tests/hostile/cases/
# 30-ingest-many-filings.sh and bench/hostile/30-ingest.sh.
n=${1:?usage: many_filings.sh N [YY]}
exec awk -v n="$n" -v yy="${2:-24}" 'BEGIN {
  split("Alderwick Tidal Power Co|Brambleford Instruments Inc|Cobbleton Ferry Lines Corp|" \
        "Dunmarsh Orchard Holdings Inc|Elmstead Kiln Works Corp|Fallowmere Glass Co|" \
        "Gorsebrook Signal Systems Inc|Hollowell Barge Corp|Ivyreach Loom Mills Inc|" \
        "Juniper Quay Salvage Corp", name, "|")
  for (i = 0; i < n; i++) {
    c = i % 10
    cik = sprintf("00099002%02d", 20 + c)
    acc = sprintf("%s-%02d-%06d", cik, yy, int(i / 10) + 1)
    day = sprintf("20%02d%02d%02d", yy, int(i / 10) % 12 + 1, int(i / 120) % 28 + 1)
    printf "<SEC-DOCUMENT>%s.txt : %s\n<SEC-HEADER>%s.hdr.sgml : %s\n", acc, day, acc, day
    printf "<ACCEPTANCE-DATETIME>%s160000\nACCESSION NUMBER:\t\t%s\n", day, acc
    printf "CONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\n"
    printf "ITEM INFORMATION:\t\tOther Events\nFILED AS OF DATE:\t\t%s\n\nFILER:\n\n", day
    printf "\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t%s\n", name[c + 1]
    printf "\t\tCENTRAL INDEX KEY:\t\t\t%s\n", cik
    printf "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>f%d.txt\n<TEXT>\n", i
    printf "FORM 8-K  %s\nItem 8.01 Other Events.\nNotice %d.\n", name[c + 1], i
    printf "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
  }
}'
