# What every test script begins with; source it first:
#   . "$(dirname "$0")/../lib.sh" "$@"
# $1 is the edgr binary (default build/edgr).  Sets edgr (an absolute
# path), top (the repository, made the working directory) and tmp (a
# scratch folder removed on exit), and the checks:
#   ok                           one check passed
#   bad MESSAGE                  one check failed, said on stderr
#   expect WHAT RC CMD...        CMD exits with RC; its output in $tmp/out
#                                and $tmp/err
set -u
edgr=$(realpath "${1:-build/edgr}")
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect() { # expect DESCRIPTION WANTED_RC CMD...
  local what=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" = "$want" ]; then ok; else bad "$what: exit $rc, want $want ($(head -c 300 "$tmp/err"))"; fi
}
