# cat ACCESSION of a filing stored from a lone .gz whose CRC-32 was damaged
# since: the bytes inflate the same, so the stored SHA-256 still matches;
# only the gzip check can tell, and cat must refuse as ingest would.
d=$case_dir
gzip -c samples/0009900001-17-000001.txt >"$d/one.gz"
expect "cat-gzip: ingest the .gz" 0 "$edgr" ingest -q --db "$d/s.db" "$d/one.gz"
acc=0009900001-17-000001
expect "cat-gzip: cat from the store while sound" 0 "$edgr" cat --db "$d/s.db" "$acc" 1
size=$(stat -c %s "$d/one.gz")
crc=$((size - 8))
byte=$(od -An -tu1 -j "$crc" -N1 "$d/one.gz" | tr -d ' ')
printf "$(printf '\\%03o' $(((byte + 1) % 256)))" | dd of="$d/one.gz" bs=1 seek="$crc" conv=notrunc 2>/dev/null
expect "cat-gzip: cat of a source whose CRC-32 is damaged" 1 "$edgr" cat --db "$d/s.db" "$acc" 1
grep -q "CRC-32" "$tmp/err" && ok || bad "cat-gzip: the damage not named: $(head -c 300 "$tmp/err")"
