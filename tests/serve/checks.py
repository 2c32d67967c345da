"""The tally the serve tests keep: check() each point, finish() prints one
line per failure and the summary, and exits 1 on any failure."""
import sys

fails = []
count = 0


def check(what, ok):
    global count
    count += 1
    if not ok:
        fails.append(what)
    return ok


def finish(summary):
    for f in fails:
        print(f"serve: FAIL: {f}")
    print(f"serve: {summary}: {count - len(fails)} passed, {len(fails)} failed")
    sys.exit(1 if fails else 0)
