# A uuencoded document (a 1990s PDF or image) is not decoded whole just to
# measure it: text, items and facts read a submission holding one of 96 MB
# (72 MB decoded) in under 1.3 times its size in peak RSS (it was 1.75
# times: the parser decoded the body into memory to tell its decoded size,
# which --max-document-size then compares).  Skipped under a sanitizer.
uu=$case_dir/uu.txt
{
  printf '<SEC-DOCUMENT>0009900244-21-000001.txt : 20210303\n<SEC-HEADER>0009900244-21-000001.hdr.sgml : 20210303\n'
  printf 'ACCESSION NUMBER:\t\t0009900244-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t2\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n'
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>main.htm\n<TEXT>\n<p>Encoded Widget Corp.</p>\n</TEXT>\n</DOCUMENT>\n'
  printf '<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>chart.gif\n<TEXT>\nbegin 644 chart.gif\n'
  yes 'M86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A86%A' | head -n 1600000
  printf '`\nend\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
} > "$uu"
uu_mb=$(( $(wc -c < "$uu") >> 20 ))
expect "docs of the uuencoded document: its decoded size" 0 "$edgr" docs "$uu"
grep -q 'chart.gif *uuencoded *72000000' "$tmp/out" && ok || bad "docs: uuencoded size not 72000000: $(cat "$tmp/out")"
expect "text over the limit: the uuencoded document" 1 "$edgr" text --doc 2 --max-document-size 60M "$uu"
grep -q 'document 2 (chart.gif) is 72000000 bytes, over --max-document-size (62914560)' "$tmp/err" && ok ||
  bad "text: the uuencoded document over the limit not named: $(head -c 300 "$tmp/err")"
if ! sanitized; then
  most=$((uu_mb * 13 / 10))
  for cmd in text items facts; do
    peak_rss_mb "$edgr" $cmd "$uu" > "$case_dir/rss"
    rss=$(cat "$case_dir/rss")
    [ "$rss" -le "$most" ] && ok || bad "$cmd of a $uu_mb MB uuencoded document: peak RSS $rss MB, want <= $most MB"
  done
fi
rm -f "$uu"
