#!/usr/bin/env bash
# tests/serve/run.sh EDGR: edgr serve (issue 16, first part) over loopback.
# Starts the server on a free port of 127.0.0.1 over a store of the
# fixtures, checks every rule and endpoint (check.py), an idle connection
# closed at --idle-timeout while another is served, and the access log;
# stops it by PID.  Every wait is bounded.
set -u
edgr=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
pid=
pid30=
cleanup() { for p in $pid $pid30; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
fail=0
command -v python3 >/dev/null || { echo "serve: needs python3 (scripts/deps.sh check)" >&2; exit 1; }

db=$tmp/s.db
# many filings of two fictional companies, for /submissions/'s pages: 3,100
# over six years (0009900315) and 1,050 in one year (0009900316)
python3 - "$tmp/many.txt" <<'PY'
import datetime, sys
out = open(sys.argv[1], "w")
def filing(cik, k, day):
    acc, d = f"{cik}-{day.year % 100:02d}-{k:06d}", day.strftime("%Y%m%d")
    out.write(f"<SEC-DOCUMENT>{acc}.txt : {d}\n<SEC-HEADER>{acc}.hdr.sgml : {d}\n"
              f"<ACCEPTANCE-DATETIME>{d}{9 + k % 8:02d}{k % 60:02d}00\nACCESSION NUMBER:\t\t{acc}\n"
              f"CONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t1\nITEM INFORMATION:\t\tOther Events\n"
              f"FILED AS OF DATE:\t\t{d}\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
              f"\t\tCOMPANY CONFORMED NAME:\t\t\tTarnhollow Lock & Key Co {cik[-1]}\n\t\tCENTRAL INDEX KEY:\t\t\t{cik}\n"
              f"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>t{k}.txt\n<TEXT>\n"
              f"Item 8.01 Other Events.\nNotice {k}.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
for k in range(3100):
    filing("0009900315", k + 1, datetime.date(2019, 1, 1) + datetime.timedelta(days=k * 2190 // 3100))
for k in range(1050):
    filing("0009900316", k + 1, datetime.date(2024, 1, 1) + datetime.timedelta(days=k * 360 // 1050))
PY
# the corpus filings whose SEC submissions row is recorded in ../shared/corpus/api/
corpus=$top/../shared/corpus
recorded=()
if [ -d "$corpus/api" ]; then
  mapfile -t recorded < <(python3 - "$corpus" <<'PY'
import glob, json, os, sys
c = sys.argv[1]
have = {os.path.basename(f)[:-4]: f for f in glob.glob(f"{c}/submissions/*.txt")}
rows = set()
for f in glob.glob(f"{c}/api/CIK*.json"):
    d = json.load(open(f))
    rows |= set((d["filings"]["recent"] if "filings" in d else d)["accessionNumber"])
print("\n".join(sorted(have[a] for a in rows & set(have))))
PY
)
fi
# a filing whose source is gone by the time it is asked for
mkdir -p "$tmp/gone"
sed 's/0009900003-19-000010/0009900003-19-000011/g' "$top/samples/0009900003-19-000010.txt" >"$tmp/gone/0009900003-19-000011.txt"
"$edgr" ingest -q --db "$db" "$top"/tests/fixtures/ownership/*.txt "$top"/tests/fixtures/xbrl/*.txt \
  "$top"/tests/fixtures/serve/*.txt "$top"/tests/fixtures/facts/0009900021-23-000004.txt "$tmp/many.txt" \
  "$top"/samples/0009900003-19-000010.txt "$tmp/gone/0009900003-19-000011.txt" "${recorded[@]}" || { echo "serve: FAIL: ingest" >&2; exit 1; }
rm "$tmp/gone/0009900003-19-000011.txt"
# filings read from a tar member and from a gzip file
mkdir -p "$tmp/arch"
for k in 12 13; do
  sed "s/0009900003-19-000010/0009900003-19-0000$k/g" "$top/samples/0009900003-19-000010.txt" >"$tmp/arch/0009900003-19-0000$k.txt"
done
tar cf "$tmp/arch.tar" -C "$tmp/arch" 0009900003-19-000012.txt
gzip -c "$tmp/arch/0009900003-19-000013.txt" >"$tmp/arch13.txt.gz"
"$edgr" ingest -q --db "$db" "$tmp/arch.tar" "$tmp/arch13.txt.gz" || { echo "serve: FAIL: ingest of archives" >&2; exit 1; }
# what the command line prints, for check.py to compare with
"$edgr" cat --raw "$top/samples/0009900003-19-000010.txt" logo.gif >"$tmp/logo.gif"
"$edgr" cat --raw "$top/tests/fixtures/serve/0009900313-24-000002.txt" wml-20231231x10k.htm >"$tmp/wml.htm"
cp "$top/tests/fixtures/serve/0009900313-24-000002.txt" "$tmp/wml.txt"
"$edgr" show --db "$db" 0009900309-26-000001 >"$tmp/show.json"
"$edgr" facts-of --db "$db" 9900308 >"$tmp/facts.json"
"$edgr" facts-of --db "$db" --concept us-gaap:Revenues 9900308 >"$tmp/concept.json"
"$edgr" frames --db "$db" us-gaap:EarningsPerShareBasic USD-per-shares CY2025 >"$tmp/frames.json"
"$edgr" insiders --db "$db" 9900309 --code S >"$tmp/insiders.nd"
"$edgr" holders --db "$db" 99309A101 --period 2024Q4 >"$tmp/holders.nd"
"$edgr" company --db "$db" "Quillfeather Instruments" | jq -c . >"$tmp/company.nd"
"$edgr" search --json --db "$db" notice >"$tmp/search-rank.nd"
"$edgr" search --json --db "$db" notice --cik 9900316 --from 2024-03 --to 2024-06 --sort date --limit 7 --offset 3 >"$tmp/search-date.nd"
"$edgr" search --json --db "$db" notice --limit 100000 >"$tmp/search-all.nd"
wc -l <"$tmp/search-all.nd" >"$tmp/search-total"
"$edgr" search --json --db "$db" '"other events"' --limit 10 >"$tmp/page-phrase.nd"
"$edgr" search --json --db "$db" '"other events"' --limit 100000 | wc -l >"$tmp/page-phrase-total"

"$edgr" serve --db "$db" --listen 127.0.0.1:0 --threads 2 --idle-timeout 2 2>"$tmp/log" &
pid=$!
port=
for _ in $(seq 50); do # at most 5 s for the listening line
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/log" | grep -o '[0-9]*$')
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve: FAIL: no listening line: $(cat "$tmp/log")" >&2; exit 1; }

# a slow client at the default deadline (30 s, a header byte every 10 s),
# against a second server, beside the checks below; waited for at the end
"$edgr" serve --db "$db" --listen 127.0.0.1:0 --threads 2 -q 2>"$tmp/log30" &
pid30=$!
port30=
for _ in $(seq 50); do
  port30=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/log30" | grep -o '[0-9]*$')
  [ -n "$port30" ] && break
  sleep 0.1
done
python3 "$top/tests/serve/slow.py" "$port30" 30 10 >"$tmp/slow30" 2>&1 &
slow30=$!

python3 "$top/tests/serve/check.py" "$port" "$tmp" || fail=1
python3 "$top/tests/serve/submissions.py" "$port" "$corpus" || fail=1

# the search page in headless Chromium over WebDriver (chromedriver on a
# free loopback port, stopped by PID); screenshots beside the binary (build/serve-page/)
if command -v chromedriver >/dev/null && [ -x /usr/bin/chromium ]; then
  dport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  chromedriver --port="$dport" --allowed-ips=127.0.0.1 >"$tmp/driver.log" 2>&1 &
  dpid=$!
  for _ in $(seq 100); do # at most 10 s for it to listen
    python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $dport), timeout=1)" 2>/dev/null && break
    sleep 0.1
  done
  shots=${EDGR_SERVE_SHOTS:-$(dirname "$edgr")/serve-page} # build/serve-page, build-asan/serve-page
  timeout 120 python3 "$top/tests/serve/page.py" "$port" "$dport" "$tmp" "$shots" || fail=1
  kill "$dpid" 2>/dev/null; wait "$dpid" 2>/dev/null
else
  echo "serve: skipped the page in headless Chromium: no chromium and chromedriver (scripts/deps.sh check installs them)"
fi

# an idle connection is closed at the idle timeout (2 s here, 30 s by
# default) while another client is served
python3 - "$port" <<'PY' || fail=1
import socket, sys, time, http.client
port = int(sys.argv[1])
idle = socket.create_connection(("127.0.0.1", port), timeout=10)
idle.sendall(b"GET /v1/insiders?cik=9900309 HTT")   # half a request line, then silence
t0 = time.time()
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
c.request("GET", "/v1/holdings?cusip=99309A101"); served = c.getresponse().status == 200
closed = idle.recv(1) == b""
dt = time.time() - t0
ok = served and closed and 1.0 < dt < 8.0
print(f"serve: an idle connection closed after {dt:.1f} s (timeout 2), another served meanwhile: {'ok' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
PY

# ... and at this server's 2 s, a byte every 0.5 s
python3 "$top/tests/serve/slow.py" "$port" 2 0.5 || fail=1
wait "$slow30" || fail=1
cat "$tmp/slow30"
kill "$pid30" 2>/dev/null; wait "$pid30" 2>/dev/null

grep -q '^127.0.0.1 "GET /v1/holdings?cusip=99309A101" 200 ' "$tmp/log" && echo "serve: access log: ok" ||
  { echo "serve: FAIL: no access log line: $(tail -3 "$tmp/log")"; fail=1; }
kill -TERM "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "serve: FAIL: still running 5 s after SIGTERM"; fail=1; kill -KILL "$pid"; fi
wait "$pid" 2>/dev/null; rc=$?
pid=
[ "$rc" = 0 ] && grep -q "stopped (SIGTERM)" "$tmp/log" && echo "serve: stopped by SIGTERM, exit 0" ||
  { echo "serve: FAIL: exit $rc after SIGTERM"; fail=1; }
"$edgr" serve --db "$tmp/none.db" --listen 127.0.0.1:0 2>"$tmp/err"; rc=$?
[ "$rc" = 3 ] && echo "serve: a store that is not there: exit 3" || { echo "serve: FAIL: no store: exit $rc"; fail=1; }
exit $fail
