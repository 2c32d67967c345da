#!/bin/sh
# No circles between the library's files (issue 11): for each .c of the
# library (src/core, src/text, src/forms), the functions and data it uses
# from other .c files, read from the objects' symbol tables (nm), and the
# cycles among those files.  A file is an entry point or a kit of its
# callees, never both: a cycle fails the check.
#
#   scripts/cycles.sh [-v] [OBJDIR]     (default build/CMakeFiles/edgr_objs.dir)
#
# -v lists every edge "caller.c -> callee.c: symbol ...".  Exit 0 when the
# graph is acyclic, 1 with each cycle named, 2 when there are no objects.
# static inline functions in headers are not symbols and do not count.
set -eu
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
dir=${1:-build/CMakeFiles/edgr_objs.dir}
command -v nm >/dev/null || { echo "cycles: nm not found (binutils)" >&2; exit 2; }
objs=$(find "$dir" -name '*.c.o' 2>/dev/null | sort)
[ -n "$objs" ] || { echo "cycles: no objects under $dir (run make first)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for o in $objs; do
    f=${o#"$dir"/}
    f=${f%.o}
    # D: a global this file defines; U: a symbol it uses from elsewhere
    nm "$o" | awk -v f="$f" '$2 ~ /^[TDBRGSV]$/ { print "D", f, $3 } $1 == "U" { print "U", f, $2 }'
done >"$tmp/syms"
awk '$1 == "D" { def[$3] = $2; next }
     { use[n++] = $2 " " $3 }
     END { for (i = 0; i < n; i++) { split(use[i], a, " ");
             if ((a[2] in def) && def[a[2]] != a[1]) print a[1], def[a[2]], a[2] } }' \
    "$tmp/syms" | sort >"$tmp/edges"
if [ $verbose = 1 ]; then
    awk '{ k = $1 " -> " $2; s[k] = s[k] " " $3 } END { for (k in s) print k ":" s[k] }' "$tmp/edges" | sort
fi
awk '{ print $1, $2 }' "$tmp/edges" | sort -u >"$tmp/pairs"
# tsort names the files of each loop it finds; break the loop it reported
# at one edge and ask again until the graph sorts.
found=0
cp "$tmp/pairs" "$tmp/left"
while ! tsort "$tmp/left" >/dev/null 2>"$tmp/err"; do
    found=1
    # the first loop reported: the lines after the first "contains a loop"
    loop=$(awk '/input contains a loop/ { n++; next } n == 1 { sub(/^tsort: /, ""); print }' "$tmp/err" | tr '\n' ' ')
    echo "cycle: $(echo "$loop" | sed 's/ $//; s/ / -> /g') -> $(echo "$loop" | awk '{ print $1 }')"
    first=$(echo "$loop" | awk '{ print $1 }')
    second=$(echo "$loop" | awk '{ print $2 }')
    # what makes the first step of the loop, for the reader
    awk -v a="$first" -v b="$second" '$1 == a && $2 == b { s = s " " $3 } END { print "  " a " -> " b ":" s }' "$tmp/edges"
    grep -v -x "$first $second" "$tmp/left" >"$tmp/next" || true
    mv "$tmp/next" "$tmp/left"
done
if [ $found = 1 ]; then
    echo "cycles: the library's files call each other in a circle (see above)" >&2
    exit 1
fi
echo "cycles: $(echo "$objs" | wc -l) files, $(wc -l <"$tmp/pairs") file-to-file edges, no cycle"
