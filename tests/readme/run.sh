#!/bin/bash
# The README's tour runs as written (issue 11).  Installs edgr from the build
# into a scratch prefix (as `make demo` installs it into ~/.local), builds the
# tour's files as `make demo` does (scripts/demo.sh --files), puts the prefix's
# bin/ first on PATH, and runs every `$ ` line of README.md's ```sh blocks in
# that folder, in order, one bash -c each (so an ingest comes before its
# searches).  For each line:
#   - the exit status is 0, or N when the line's comment says "exit status N";
#   - the lines printed after it in the README (up to the next `$ ` line or
#     the end of the block) appear in its output (stdout and stderr together),
#     in that order, others may come between; trailing blanks and blank lines
#     are ignored; `...` or `…` inside a line matches any text (so a `…` the
#     tool prints matches itself), and a line of only `...` stands for lines
#     left out.
# A failure names the README line, the command, the expected line not found
# and the output.  Usage: tests/readme/run.sh [BUILD_DIR] (default build).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
readme=$top/README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 NO_COLOR=1

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
  { echo "FAIL: readme: cmake --install $build: $(tail -3 "$tmp/install.log")" >&2; exit 1; }
[ -x "$prefix/bin/edgr" ] || { echo "FAIL: readme: no bin/edgr in the installed prefix" >&2; exit 1; }
export PATH="$prefix/bin:$PATH"
demo=$tmp/demo
EDGR=$prefix/bin/edgr "$top/scripts/demo.sh" --files "$demo" ||
  { echo "FAIL: readme: scripts/demo.sh --files could not build the tour's files" >&2; exit 1; }

# README.md -> $tmp/cmds: records "LINE<TAB>command", each followed by its
# expected lines as "=<TAB>LINE<TAB>text".
awk '
  /^```/ { if (!inb) { inb = 1; sh = ($0 ~ /^```(sh|bash|console|shell)[ \t]*$/); cur = 0 }
           else { inb = 0; sh = 0; cur = 0 } next }
  inb && sh && /^\$ / { cur = 1; printf "%d\t%s\n", NR, substr($0, 3); next }
  inb && sh && cur { printf "=\t%d\t%s\n", NR, $0 }
' "$readme" >"$tmp/cmds"

ncmd=0 nfail=0
report() { # report README_LINE CMD MESSAGE
  nfail=$((nfail + 1))
  {
    echo "FAIL: README.md:$1: \$ $2"
    echo "      $3"
    echo "      output (first 15 lines):"
    head -15 "$tmp/out" | sed 's/^/      | /'
  } >&2
}
# glob pattern of one expected line: glob characters quoted, ... and … match anything
pattern() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      '*' | '?' | '[' | ']' | '\') out+="\\$c" ;;
      *) out+=$c ;;
    esac
  done
  out=${out//.../*}
  out=${out//…/*}
  printf '%s' "$out"
}
check() { # check LINE CMD  (expected lines in the array want)
  local line=$1 cmd=$2 rc wantrc=0 i e p got
  ncmd=$((ncmd + 1))
  [[ $cmd =~ \#.*exit\ status\ ([0-9]+) ]] && wantrc=${BASH_REMATCH[1]}
  (cd "$demo" && bash -c "$cmd") </dev/null >"$tmp/out" 2>&1
  rc=$?
  if [ "$rc" != "$wantrc" ]; then report "$line" "$cmd" "exit status $rc, want $wantrc"; return; fi
  mapfile -t got <"$tmp/out"
  local g=0
  for i in "${!want[@]}"; do
    e=${want[i]}
    e=${e%"${e##*[![:space:]]}"}             # trailing blanks
    [ -z "$e" ] && continue
    [[ $e =~ ^[[:space:]]*(\.\.\.|…)$ ]] && continue
    p=$(pattern "$e")
    while [ $g -lt ${#got[@]} ]; do
      local a=${got[g]}
      a=${a%"${a##*[![:space:]]}"}
      g=$((g + 1))
      # shellcheck disable=SC2053
      [[ $a == $p ]] && continue 2
    done
    report "$line" "$cmd" "README.md:${wantn[i]}: expected output line not found (in order): $e"
    return
  done
}

want=() wantn=() cur_line="" cur_cmd=""
while IFS= read -r rec; do
  if [[ $rec == "="$'\t'* ]]; then
    rec=${rec#=$'\t'}
    wantn+=("${rec%%$'\t'*}") want+=("${rec#*$'\t'}")
  else
    [ -n "$cur_line" ] && check "$cur_line" "$cur_cmd"
    cur_line=${rec%%$'\t'*} cur_cmd=${rec#*$'\t'} want=() wantn=()
  fi
done <"$tmp/cmds"
[ -n "$cur_line" ] && check "$cur_line" "$cur_cmd"

if [ "$ncmd" = 0 ]; then echo "FAIL: readme: no \$ lines found in README.md" >&2; exit 1; fi
if [ "$nfail" != 0 ]; then echo "readme: $nfail of $ncmd README commands FAILED" >&2; exit 1; fi
echo "readme: $ncmd README commands run as printed: ok"
