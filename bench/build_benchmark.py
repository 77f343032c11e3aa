#!/usr/bin/env python3
"""kubebook build vs Hugo on synthetic courses made from the source notes.

For each N (default 50, 500, 2000) the notes are cut at `## ` headings into chunks, and N
pages are made by cycling through the chunks; the same pages are listed in a SUMMARY.md for
kubebook and given to Hugo with minimal layouts that render every page's Markdown. Each
tool builds into a clean output directory `--runs` times; the script reports medians,
pages/s, the ratio, peak memory (max RSS) and output size.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT.parent / "shared" / "source-notes"
WORK = ROOT / "bench" / "out"


def chunks():
    pieces = []
    for path in sorted(NOTES.glob("*.txt")):
        current = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("## ") and current:
                pieces.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            pieces.append("\n".join(current))
    return [piece for piece in pieces if piece.strip()]


def make_course(n, pieces):
    base = WORK / f"n{n}"
    set_aside(base)
    content = base / "content"
    hugo = base / "hugo"
    (content).mkdir(parents=True)
    (hugo / "content").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    summary = ["# Benchmark course", ""]
    for index in range(n):
        name = f"page-{index:04d}.md"
        text = f"# 第 {index} 页\n\n" + pieces[index % len(pieces)] + "\n"
        (content / name).write_text(text, encoding="utf-8")
        (hugo / "content" / name).write_text(f"---\ntitle: \"第 {index} 页\"\n---\n\n" + text, encoding="utf-8")
        summary.append(f"- [第 {index} 页]({name})")
    (content / "SUMMARY.md").write_text("\n".join(summary) + "\n", encoding="utf-8")
    (hugo / "hugo.toml").write_text(
        'baseURL = "http://localhost/"\ntitle = "Benchmark course"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        "[markup.goldmark.renderer]\nunsafe = false\n",
        encoding="utf-8",
    )
    layout = hugo / "layouts" / "_default"
    (layout / "baseof.html").write_text(
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n"
    )
    (layout / "single.html").write_text("{{ define \"main\" }}{{ .Content }}{{ end }}\n")
    (layout / "list.html").write_text(
        "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n"
    )
    return base


def directory_size(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


TRASH = WORK / "trash"


def set_aside(path):
    """Moves a previous output out of the way without deleting it: on ext4, creating files
    right after deleting thousands makes the kernel scan for inodes that are not "recently
    deleted", which would charge an earlier run's clean-up to the next run of either tool."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{path.parent.name}-{path.name}-{time.perf_counter_ns()}")


def timed(command, cwd, output):
    set_aside(output)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(_) != 0:
        sys.exit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50,500,2000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kubebook", default=str(ROOT / ".build" / "release" / "kubebook"))
    parser.add_argument("--hugo", default=shutil.which("hugo"))
    parser.add_argument(
        "--settle",
        type=float,
        default=35,
        help="seconds to wait first, so that files deleted just before (an earlier benchmark's clean-up) "
        "no longer slow down ext4's inode allocation for whichever tool runs first",
    )
    args = parser.parse_args()
    if not Path(args.kubebook).exists():
        sys.exit("build the release binary first: swift build -c release --product kubebook")
    pieces = chunks()
    time.sleep(args.settle)
    print(f"{len(pieces)} chunks from {NOTES}; {args.runs} runs each; medians")
    print()
    header = "| N | kubebook (s) | pages/s | peak RSS (MB) | site size (MB) | Hugo (s) | Hugo pages/s | Hugo size (MB) | Hugo ÷ kubebook |"
    print(header)
    print("|" + "---|" * 9)
    for n in [int(value) for value in args.sizes.split(",")]:
        base = make_course(n, pieces)
        # Runs alternate between the tools so that the disk's state affects both alike.
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(timed([args.kubebook, "build", "content", "-o", "site"], base, base / "site"))
            if args.hugo:
                theirs.append(
                    timed([args.hugo, "--quiet", "-d", str(base / "hugo-public")], base / "hugo", base / "hugo-public")
                )
        our_time = statistics.median(t for t, _ in ours)
        our_rss = max(rss for _, rss in ours)
        our_size = directory_size(base / "site") / 1e6
        if args.hugo:
            hugo_time = statistics.median(t for t, _ in theirs)
            hugo_size = directory_size(base / "hugo-public") / 1e6
            hugo_cells = f"{hugo_time:.3f} | {n / hugo_time:.0f} | {hugo_size:.1f} | {hugo_time / our_time:.1f}×"
        else:
            hugo_cells = "– | – | – | – (hugo not installed)"
        print(f"| {n} | {our_time:.3f} | {n / our_time:.0f} | {our_rss:.0f} | {our_size:.1f} | {hugo_cells} |")
        sys.stdout.flush()
    shutil.rmtree(TRASH, ignore_errors=True)


if __name__ == "__main__":
    main()
