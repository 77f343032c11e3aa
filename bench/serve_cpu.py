#!/usr/bin/env python3
"""The CPU `kubebook serve` uses idle and with WAITERS pages' long polls waiting.

Starts the server on a copy of the course, lets it settle, then reads utime + stime of the
server process from /proc/PID/stat over SECONDS: once with no client at all (idle), once with
WAITERS raw connections each waiting on /__kubebook/wait for the current version (as WAITERS
open pages would). Prints both as a percentage of one core. Loopback only; every connection
is closed at the end.
"""
import argparse
import os
import re
import shutil
import socket
import sys
import time

import serve_process

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of `pid` in seconds (fields 14 and 15 of /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def measure(pid, seconds):
    """The share of one core `pid` used over `seconds`, in percent."""
    start_cpu, start = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return 100 * (cpu_seconds(pid) - start_cpu) / (time.monotonic() - start)


def request(port, target):
    """Sends `GET target` on a new connection and returns the socket, unread."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=60)
    connection.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return connection


def body(connection):
    """The body of the one response on `connection` (read to its Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    head, rest = data.split(b"\r\n\r\n", 1)
    length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
    while len(rest) < length:
        rest += connection.recv(65536)
    return rest[:length].decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kubebook"))
    parser.add_argument("--content", default=os.path.join(ROOT, "content"))
    parser.add_argument("--waiters", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=10)
    arguments = parser.parse_args()
    if not 0 < arguments.waiters <= 2000 or not 0 < arguments.seconds <= 20:
        sys.exit("--waiters must be 1...2000 and --seconds 0...20 (the long poll lasts 25 s)")

    work, server, port, log = serve_process.start(arguments.binary, arguments.content, "kubebook-serve-cpu-")
    waiters = []
    try:
        time.sleep(2)
        idle = measure(server.pid, arguments.seconds)
        first = request(port, "/__kubebook/wait?since=0")
        version = int(body(first))
        first.close()
        waiters = [request(port, f"/__kubebook/wait?since={version}") for _ in range(arguments.waiters)]
        time.sleep(1)
        waiting = measure(server.pid, arguments.seconds)
        if server.poll() is not None:
            sys.exit("kubebook serve exited")
        print(f"idle: {idle:.1f} % of a core over {arguments.seconds:g} s")
        print(f"{arguments.waiters} waiting long polls: {waiting:.1f} % of a core over {arguments.seconds:g} s")
    finally:
        for waiter in waiters:
            waiter.close()
        server.terminate()
        server.wait()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
