# Small things that were said wrong or not at all (issue 12, noticed):
# a count given as " 1" or "+1" was taken as 1 (strtol skips blanks and a
# sign): a usage error now, as "x" is; a document without <SEQUENCE> was
# "document -1" in text's messages: now its place in the filing.
d=$case_dir
printf '<SEC-DOCUMENT>0009900306-21-000001.txt : 20210303\n<SEC-HEADER>0009900306-21-000001.hdr.sgml : 20210303\nACCESSION NUMBER:\t\t0009900306-21-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-101.INS\n<FILENAME>x.xml\n<TEXT>\n<?xml version="1.0"?><xbrl/>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n' > "$d/noseq.txt"
expect "text of a document without a sequence" 1 "$edgr" text "$d/noseq.txt"
grep -q 'noseq.txt: 188: document #1 (no sequence number) is xml, not text' "$tmp/err" && ok || bad "document without a sequence: $(head -c 300 "$tmp/err")"
grep -q 'document -1' "$tmp/err" && bad "document without a sequence is 'document -1'" || ok
"$edgr" ingest -q --db "$d/s.db" samples/0009900001-17-000001.txt 2>/dev/null
for v in ' 1' '+1' '1 ' '-0'; do
  expect "search --offset '$v'" 2 "$edgr" search --db "$d/s.db" --offset "$v" widget
  grep -q -- "--offset takes a number" "$tmp/err" && ok || bad "search --offset '$v': $(head -c 200 "$tmp/err")"
done
expect "search --offset 0" 0 "$edgr" search --db "$d/s.db" --offset 0 --limit 1 Item
rm -f "$d/s.db"*
