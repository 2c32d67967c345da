# 20-read (bench/rss.sh): gzip inflated by the CLI, its CRC-32 and length
# checked (src/cli/inputs.c, archive_in_open): a $gib GiB document body
# streamed from a .gz by parse and docs, refused by ingest as it grows past
# --max-document-size; and a tar member declaring 1 TiB, skipped by ingest
# without memory for it.
r20=$tmp/20-read
mkdir -p "$r20"
{
  printf '<SEC-DOCUMENT>0009900216-20-000001.txt : 20200303\n<SEC-HEADER>0009900216-20-000001.hdr.sgml : 20200303\n'
  printf 'ACCESSION NUMBER:\t\t0009900216-20-000001\nCONFORMED SUBMISSION TYPE:\t10-K\nPUBLIC DOCUMENT COUNT:\t\t1\n'
  printf 'FILED AS OF DATE:\t\t20200303\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>r.txt\n<TEXT>\n'
  yes 'A line of the body of the annual report of Readwell Bench Mills.' | head -c $((gib << 30))
  printf '\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'
} | gzip -1 >"$r20/body.gz"
rss_line "read: parse of a ${gib} GiB body from a .gz" "$edgr" parse "$r20/body.gz"
rss_line "read: docs of a ${gib} GiB body from a .gz" "$edgr" docs "$r20/body.gz"
rss_line "read: ingest --max-document-size 64M, same .gz" "$edgr" ingest --db "$r20/db" --max-document-size 64M "$r20/body.gz"
rm -f "$r20/body.gz" "$r20/db"*
python3 - "$r20/tib.tar" <<'PY'
import io, sys, tarfile
huge = tarfile.TarInfo("huge.txt"); huge.size = 1 << 40
with open(sys.argv[1], "wb") as f:
    f.write(huge.tobuf(format=tarfile.GNU_FORMAT))
    f.seek(512 + huge.size)
    f.write(b"\0" * 1024)
PY
rss_line "read: ingest of a tar member declaring 1 TiB" "$edgr" ingest --db "$r20/db" "$r20/tib.tar"
rm -rf "$r20"
