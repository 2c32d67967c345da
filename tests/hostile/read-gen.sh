# Synthetic filings for the tests/hostile/cases/20-read-* cases (sourced
# by them): fictional companies with CIKs 0009900210 to 0009900219.
#   read_filings FILE COUNT [FIRST]   COUNT small 8-K filings, one after the
#                                     other in one file (about 600 bytes each),
#                                     accessions 0009900210-20-FIRST on
#   read_big_filing FILE LINES ACC    one 10-K whose HTML document has LINES
#                                     paragraphs (about 60 bytes each)
read_filings() {
  awk -v n="$2" -v first="${3:-1}" 'BEGIN {
    for (i = first; i < first + n; i++) {
      cik = sprintf("00099002%02d", 10 + i % 10)
      acc = sprintf("%s-20-%06d", cik, i)
      printf "<SEC-DOCUMENT>%s.txt : 20200303\n<SEC-HEADER>%s.hdr.sgml : 20200303\n", acc, acc
      printf "ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\n", acc
      printf "FILED AS OF DATE:\t\t20200303\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
      printf "\t\tCOMPANY CONFORMED NAME:\t\t\tReadwell Test Mills %d Inc.\n", i % 10
      printf "\t\tCENTRAL INDEX KEY:\t\t\t%s\n</SEC-HEADER>\n", cik
      printf "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>rtm-8k-%d.htm\n<TEXT>\n", i
      printf "<html><body><p>Item 8.01 Other Events.</p><p>Readwell Test Mills filing %d.</p></body></html>\n", i
      printf "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    }
  }' >"$1"
}
read_big_filing() {
  awk -v n="$2" -v acc="$3" 'BEGIN {
    cik = substr(acc, 1, 10)
    printf "<SEC-DOCUMENT>%s.txt : 20200303\n<SEC-HEADER>%s.hdr.sgml : 20200303\n", acc, acc
    printf "ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t10-K\nPUBLIC DOCUMENT COUNT:\t\t1\n", acc
    printf "FILED AS OF DATE:\t\t20200303\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
    printf "\t\tCOMPANY CONFORMED NAME:\t\t\tReadwell Big Mills Inc.\n\t\tCENTRAL INDEX KEY:\t\t\t%s\n", cik
    printf "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>rbm-10k.htm\n<TEXT>\n<html><body>\n"
    for (i = 0; i < n; i++) printf "<p>Paragraph %d of the annual report of Readwell Big Mills.</p>\n", i
    printf "</body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
  }' >"$1"
}
