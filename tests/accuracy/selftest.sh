#!/bin/bash
# The accuracy tool on a corpus and labels made here from the project's own
# synthetic fixtures, where every figure is known: boundaries right and
# wrong, an item not found, years from the header, an accession number,
# "_YYYY_" and a label comment, the stripped and repeated variants, 8-K
# codes from labels, from a header with an erratum, and unscorable.
#   tests/accuracy/selftest.sh path/to/accuracy
acc=$(realpath "${1:-build/accuracy}")
. "$(dirname "$0")/../lib.sh"
c=$tmp/corpus l=$tmp/labels
mkdir -p "$c/html" "$c/submissions" "$l"
bare=tests/fixtures/items/8k-2003-bare.htm
cp "$bare" "$c/html/8k-2003-bare.htm"
cp "$bare" "$c/html/0009900071-03-000005.htm"
cp "$bare" "$c/html/9900071_8K_1999_copy.htm"
cp "$bare" "$c/html/unlabelled.htm"
cp tests/fixtures/pre2004_8k.txt tests/fixtures/empty_item_8k.txt "$c/submissions/"
cp tests/fixtures/items/10k-1997-text.txt "$c/submissions/10k-1997.txt"
{
  printf 'class\tfile\tbytes\tsha256_16\tsource_repo\tsource_path\tform_type\tfiled_date\taccession\tnotes\n'
  printf 'html\thtml/8k-2003-bare.htm\t1\t-\t-\t-\t8-K\t\t\t\n'
  printf 'html\thtml/unlabelled.htm\t1\t-\t-\t-\t8-K\t\t\t\n'
} >"$c/MANIFEST.tsv"
five=$(printf 'On March 3, 2003, Quillmere Orchard Supply Corp.\tin the second quarter of 2003.')
seven=$(printf '(c) Exhibits. Exhibit No. Description 99.1 Press\tPress release dated March 3, 2003')
{
  echo "# html/8k-2003-bare.htm: 2 items and a label for an Item 9 it does not have; year=2003"
  for f in 8k-2003-bare.htm 0009900071-03-000005.htm 9900071_8K_1999_copy.htm; do
    printf 'html/%s\t8-K\t-\t5\t%s\nhtml/%s\t8-K\t-\t7\t%s\n' "$f" "$five" "$f" "$seven"
  done
  printf 'html/8k-2003-bare.htm\t8-K\t-\t9\t-\t-\n'
  # PEM-wrapped: its repeat keeps the preamble in the first copy only
  printf 'submissions/pre2004_8k.txt\t8-K\t-\t5\tOn May 20, 2003, the Registrant agreed to\tattached as Exhibit 99.1.\n'
  printf 'submissions/pre2004_8k.txt\t8-K\t-\t7\t(c) Exhibits 99.1 Press release dated May\tPress release dated May 20, 2003.\n'
} >"$l/8k.tsv"
# the 1997 10-K's labels, with Item 3's last words made wrong
grep '^tests/fixtures/items/10k-1997-text.txt' tests/labels/fixtures.tsv |
  sed 's|^tests/fixtures/items/10k-1997-text.txt|submissions/10k-1997.txt|' |
  awk -F'\t' 'BEGIN{OFS="\t"} $4=="3"{$6="Wrong words."} {print}' >"$l/10k.tsv"
[ "$(wc -l <"$l/10k.tsv")" = 14 ] && ok || bad "fixture labels: $(wc -l <"$l/10k.tsv") rows, want 14"
printf '# file\titem\tcorrection\twhat\nempty_item_8k.txt\t12\tadd\tthe body has Item 12\n' >"$l/8k-header-errata.tsv"

row() { # row NAME docs labelled found right
  local got
  got=$(grep -E "^$1 " "$tmp/out" | awk '{print $(NF-6), $(NF-5), $(NF-4), $(NF-3)}' | head -1)
  [ "$1" = overall ] && got=$(grep -E "^overall " "$tmp/out" | awk '{print $2, $3, $4, $5}')
  [ "$got" = "$2 $3 $4 $5" ] && ok || bad "row $1: '$got', want '$2 $3 $4 $5'"
}
has() { grep -qF -- "$1" "$tmp/out" && ok || bad "output lacks: $1"; }

expect "targets missed" 1 "$acc" "$c" -l "$l"
row overall 5 23 22 21
row "form 8-K" 4 9 8 8
row "form 10-K" 1 14 14 13
row "decade 1990s" 2 16 16 15
row "decade 2000s" 3 7 6 6
row "layout text" 2 16 16 15
row "layout html" 3 7 6 6
# found: 48 while every copy is reported, 16 once an identical repeat is reported once
if grep -qE '^layout repeated  *2  *16  *16  *15 ' "$tmp/out"; then ok; else row "layout repeated" 2 16 48 15; fi
grep -q '^layout stripped  *5  *23 ' "$tmp/out" && ok || bad "no stripped row over all 5 documents"
has "html/8k-2003-bare.htm 9: not found"
has "submissions/10k-1997.txt I-3: last words differ"
has "8-K html/unlabelled.htm: unscorable (no header, not labelled)"
has "8-K codes, labels or corrected headers (1 errata): recall 0.9091  precision 1.0000"
has "8-K item codes: 5 filings scored (4 by their labels, 1 by their headers), 1 unscorable"
has "accuracy: TARGET MISSED: overall F1 0.9333 < 0.98; layout stripped F1"
has "; 8-K codes recall 0.9091 precision 1.0000 < 0.99"
expect "verbose" 1 "$acc" "$c" -l "$l" -v
has "      last want:  wrong words"
has "      last got:   none"
has "8-K submissions/empty_item_8k.txt: header 7 12; body 7 12"
has "8-K submissions/pre2004_8k.txt: labels 5 7; body 5 7"

# only right labels: every target met
grep -v $'\t9\t' "$l/8k.tsv" >"$l/8k.tsv.new" && mv "$l/8k.tsv.new" "$l/8k.tsv"
rm "$l/10k.tsv"
expect "targets met" 0 "$acc" "$c" -l "$l"
has "accuracy: all targets met"
expect "no corpus" 77 "$acc" "$tmp/nowhere" -l "$l"

echo "accuracy self-test: $pass passed, $fail failed"
[ "$fail" = 0 ]
