#!/usr/bin/env python3
"""Times `kubebook serve` from saving a lesson to the page reloaded with the edit.

For every lesson of a copy of the course, RUNS times: a page's long poll is waiting on
/__kubebook/wait; the lesson gets a new paragraph; the clock runs from the write until
(1) the long poll answers with a new version (the moment the browser reloads) and
(2) the reloaded page, fetched again, holds the new paragraph. Loopback only.
"""
import argparse
import os
import re
import shutil
import statistics
import sys
import threading
import time

import serve_process
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def get(port, path, timeout=60):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        return response.read().decode("utf-8")


def lessons(content):
    summary = open(os.path.join(content, "SUMMARY.md"), encoding="utf-8").read()
    return re.findall(r"\]\(([^)]+\.md)\)", summary)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="edits per lesson")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kubebook"))
    parser.add_argument("--content", default=os.path.join(ROOT, "content"))
    arguments = parser.parse_args()

    work, server, port, log = serve_process.start(arguments.binary, arguments.content, "kubebook-serve-bench-")
    content = os.path.join(work, "content")
    try:
        signal_times, page_times, worst = [], [], ("", 0.0)
        for run in range(arguments.runs):
            for lesson in lessons(content):
                version = int(get(port, "/__kubebook/wait?since=0"))
                answer = {}
                waiter = threading.Thread(
                    target=lambda: answer.update(text=get(port, f"/__kubebook/wait?since={version}")))
                waiter.start()
                time.sleep(0.2)  # the poll is waiting, as an open page's is
                marker = f"基准编辑 {run} {lesson}"
                path = os.path.join(content, lesson)
                with open(path, "a", encoding="utf-8") as file:
                    file.write(f"\n{marker}\n")
                saved = time.monotonic()
                waiter.join()
                signalled = time.monotonic()
                if int(answer["text"]) == version:
                    sys.exit(f"{lesson}: no reload within the long poll")
                page = get(port, "/" + lesson[:-3] + ".html")
                loaded = time.monotonic()
                if marker not in page:
                    sys.exit(f"{lesson}: the reloaded page lacks the edit")
                signal_times.append(signalled - saved)
                page_times.append(loaded - saved)
                if loaded - saved > worst[1]:
                    worst = (lesson, loaded - saved)
        count = len(page_times)
        print(f"{count} edits ({len(lessons(content))} lessons × {arguments.runs})")
        print("save → reload signal: median %.0f ms, max %.0f ms" % (
            statistics.median(signal_times) * 1000, max(signal_times) * 1000))
        print("save → reloaded page: median %.0f ms, max %.0f ms (%s)" % (
            statistics.median(page_times) * 1000, worst[1] * 1000, worst[0]))
        log.seek(0)
        rebuilds = [int(m) for m in re.findall(r"rebuilt in (\d+) ms", log.read())]
        if rebuilds:
            print("rebuild as kubebook reports it: median %d ms, max %d ms" % (
                statistics.median(rebuilds), max(rebuilds)))
        if os.environ.get("KEEP_LOG"):
            log.seek(0)
            shutil.copy(os.path.join(work, "serve.log"), os.environ["KEEP_LOG"])
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
