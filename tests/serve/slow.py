#!/usr/bin/env python3
"""slow.py PORT DEADLINE EVERY: a client that sends its request header one
byte every EVERY seconds (never idle long enough for an idle timeout) is
closed at DEADLINE seconds, while another client is served all along.
Bounded: gives up DEADLINE + 10 s after its start."""
import http.client
import socket
import sys
import time

port, deadline, every = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
slow = socket.create_connection(("127.0.0.1", port), timeout=every + 5)
slow.sendall(b"GET /v1/search?q=notice HTTP/1.1\r\nHost: 127.0.0.1\r\n")
t0 = time.time()
closed_at, served, failed = None, 0, 0
fast = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
next_byte = t0 + every
while time.time() - t0 < deadline + 10:
    try:
        fast.request("GET", "/v1/companies?q=Tarnhollow")
        r = fast.getresponse()
        r.read()
        served += r.status == 200
    except Exception:
        failed += 1
        fast = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    if time.time() >= next_byte:
        next_byte += every
        try:
            slow.sendall(b"X")
        except OSError:
            closed_at = time.time() - t0
            break
    slow.settimeout(0.05)
    try:
        if slow.recv(1) == b"":
            closed_at = time.time() - t0
            break
    except socket.timeout:
        pass
    except OSError:
        closed_at = time.time() - t0
        break
    time.sleep(0.2)
ok = closed_at is not None and deadline - 0.5 <= closed_at <= deadline + 2 and served > 0 and failed == 0
print(f"serve: a client sending a header byte every {every:g} s closed after "
      f"{'never' if closed_at is None else f'{closed_at:.1f} s'} (deadline {deadline:g} s), "
      f"{served} requests of another served meanwhile: {'ok' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
