"""Starts `kubebook serve` for the serve benchmarks (serve_benchmark.py, serve_cpu.py): on a
copy of a course in a new temporary directory, on a free port of 127.0.0.1 only."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def start(binary, course, prefix):
    """Copies `course` into a new temporary directory and serves it with `binary`; returns
    (work directory, server process, port, log file). Exits when the server does not say
    where it listens within 120 s."""
    work = tempfile.mkdtemp(prefix=prefix)
    content = os.path.join(work, "content")
    shutil.copytree(course, content)
    log = open(os.path.join(work, "serve.log"), "w+", encoding="utf-8")
    server = subprocess.Popen(
        [binary, "serve", content, "--port", "0", "-o", os.path.join(work, "site")],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    port = None
    deadline = time.monotonic() + 120
    while port is None and time.monotonic() < deadline:
        log.seek(0)
        found = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/", log.read())
        port = int(found.group(1)) if found else None
        time.sleep(0.02)
    if port is None:
        server.kill()
        sys.exit("kubebook serve did not start")
    return work, server, port, log
