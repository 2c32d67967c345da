# ingest holds a big document about once (issue 12, section 3: "at most
# about 1.5x the largest document"): it reads a main document twice, for
# its facts and for its rows, so between the two readings a document of
# 16 MB or more is kept compressed and its pages given back (aside.c), the
# second reading gives its pages back as its text is made, and the rows of
# an item that is a span of the text point into it (no copy).  Two 64 MB
# single-line HTML 8-Ks, one read from a file, one from a pipe and with an
# item heading, are stored under 1.3 times their size plus 80 MB: the store's
# 64 MB page cache and the program (it was 1.84x plus those: the document and the
# facts' text at once, then the item's copy).  What is stored is the text
# of the bytes put back: as long as `edgr text` gives (bytes lost would be
# zeros, which give no text), and the item's last word is found in it.
# Under a sanitizer the bound is skipped; 24 MB still sets them aside.
sa_mb=64
sanitized && sa_mb=24
sa_doc() { # ACCESSION HEADING: an 8-K of one single-line HTML document
  printf '<SEC-DOCUMENT>%s.txt : 20210303\n<SEC-HEADER>%s.hdr.sgml : 20210303\n' "$1" "$1"
  printf 'ACCESSION NUMBER:\t\t%s\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20210303\n</SEC-HEADER>\n' "$1"
  printf '<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>set-aside.htm\n<TEXT>\n<html><body>%s<p>' "$2"
  yes 'Aside Widget Corp sold <b>widgets</b> &amp; gadgets in Elsewhere. ' | tr -d '\n' | head -c $((sa_mb << 20))
  printf ' quuxasideend</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
}
sa=$case_dir/set-aside.txt
sadb=$case_dir/aside.db
sa_most=$((sa_mb * 13 / 10 + 80))
for how in file pipe; do
  rm -f "$sadb" "$sadb"-*
  case $how in
    file)
      acc=0009900301-21-000001
      sa_doc $acc '' > "$sa"
      peak_rss_mb "$edgr" ingest -q --db "$sadb" "$sa" > "$case_dir/rss" ;;
    pipe)
      acc=0009900301-21-000002
      sa_doc $acc '<p>Item 8.01 Other Events.</p>' > "$sa"
      peak_rss_mb sh -c "cat '$sa' | exec '$edgr' ingest -q --db '$sadb' -" > "$case_dir/rss" ;;
  esac
  rss=$(cat "$case_dir/rss")
  [ "$rss_rc" = 0 ] && ok || bad "ingest of a $sa_mb MB one-line 8-K ($how): exit $rss_rc: $(head -c 300 "$tmp/err")"
  if ! sanitized; then
    [ "$rss" -le "$sa_most" ] && ok || bad "ingest of a $sa_mb MB one-line 8-K ($how): peak RSS $rss MB, want <= $sa_most MB"
  fi
  if [ $how = file ]; then
    want=$("$edgr" text "$sa" | wc -c)
    got=$(sqlite3 "$sadb" 'select sum(length(text)) from text_fts' 2>/dev/null)
    [ -n "$got" ] && [ "$got" = "$want" ] && ok || bad "ingest ($how): the set-aside document's stored text is $got bytes, want $want"
  else
    "$edgr" search --db "$sadb" --item 8.01 quuxasideend > "$case_dir/hits" 2>&1
    grep -q "$acc" "$case_dir/hits" && ok || bad "ingest ($how): the item's last word is not found in it: $(head -c 300 "$case_dir/hits")"
  fi
done
rm -f "$sa" "$sadb" "$sadb"-*
