#!/usr/bin/env python3
"""Speed of `docpipe extract` and `docpipe normalize IN.pdf` against
`pdftotext -layout` (poppler-utils), measured in one run on the same inputs.

Usage: bench/speed.py [--docpipe build/docpipe] [--runs 5] [--markdown]

Inputs: the six PDFs of samples/pdf (one batch) and the 181-page gazette
samples/real/control-yuan-gazette-114.pdf. Each tool runs `--runs` times per
input, the tools interleaved so that a burst of load on the machine hits all
of them alike; the table gives the median wall time, pages per second, the
median CPU time (user + system) and the largest resident set size seen
(os.wait4's ru_maxrss). Outputs go to a temporary directory. Only the Python
standard library is used.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise RuntimeError("no page count for " + pdf)


def run(command):
    """(wall seconds, cpu seconds, max RSS in MB, exit code) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docpipe", default=os.path.join(ROOT, "build", "docpipe"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    sample_dir = os.path.join(ROOT, "samples", "pdf")
    inputs = [
        ("samples/pdf (6 PDFs)", sorted(os.path.join(sample_dir, f) for f in os.listdir(sample_dir) if f.endswith(".pdf"))),
        ("gazette", [os.path.join(ROOT, "samples", "real", "control-yuan-gazette-114.pdf")]),
    ]
    out = tempfile.mkdtemp(prefix="docpipe-speed-")
    tools = {
        "pdftotext -layout": lambda pdf: ["pdftotext", "-layout", pdf, os.path.join(out, "out.txt")],
        "docpipe extract": lambda pdf: [args.docpipe, "extract", pdf, "-o", os.path.join(out, "out.json")],
        "docpipe normalize": lambda pdf: [args.docpipe, "normalize", pdf, "-o", os.path.join(out, "norm.json")],
    }
    rows = []
    for label, pdfs in inputs:
        pages = sum(page_count(p) for p in pdfs)
        samples = {name: [] for name in tools}
        for _ in range(args.runs):
            for name, command in tools.items():
                wall = cpu = rss = 0.0
                codes = set()
                for pdf in pdfs:
                    w, c, r, code = run(command(pdf))
                    wall, cpu, rss = wall + w, cpu + c, max(rss, r)
                    codes.add(code)
                samples[name].append((wall, cpu, rss, codes))
        base = statistics.median(s[0] for s in samples["pdftotext -layout"])
        for name, runs in samples.items():
            wall = statistics.median(s[0] for s in runs)
            cpu = statistics.median(s[1] for s in runs)
            rss = max(s[2] for s in runs)
            codes = sorted(set().union(*(s[3] for s in runs)))
            rows.append((label, pages, name, wall, pages / wall, cpu, rss, wall / base, codes))
    if args.markdown:
        print("| input | pages | tool | wall s (median) | pages/s | CPU s | max RSS MB | x pdftotext | exit |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print("| %s | %d | %s | %.3f | %.0f | %.3f | %.1f | %.2f | %s |" % (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                                                             ",".join(map(str, r[8]))))
    else:
        for r in rows:
            print("%-22s %4d %-18s wall %.3fs  %6.0f pages/s  cpu %.3fs  rss %6.1f MB  %.2fx  exit %s" % (
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], ",".join(map(str, r[8]))))


if __name__ == "__main__":
    main()
