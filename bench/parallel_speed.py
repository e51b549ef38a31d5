#!/usr/bin/env python3
"""Issue 17's PDF targets in one run, interleaved, against `pdftotext -layout`.

Usage: bench/parallel_speed.py [--docpipe build/docpipe] [--before BIN]
                               [--runs 7] [--big-pages 2000] [--markdown]

* the 181-page gazette (samples/real/control-yuan-gazette-114.pdf):
  pdftotext -layout, `docpipe extract -j 1`, `-j 2`, and `--before`'s
  extract (a build of the previous main, "today") when given;
* the 9-page standard samples/pdf/INM3513-001v4.pdf to validated JSON
  (`docpipe normalize`, default -j; and `--before`'s) against pdftotext -layout;
* peak RSS of the largest process (parent or page worker: os.wait4's
  ru_maxrss covers the waited-for workers) of `extract -j 1` and `-j 2` on
  the 181- and the 110-page gazettes;
* a `--big-pages`-page PDF made here with qpdf from the gazettes (never
  committed): wall time and peak RSS of `extract -j 1` and `-j 2`.

Each row is the median of --runs runs (wall and CPU), the largest RSS seen;
the load average before and after is printed, since the machine is shared.
Only the Python standard library and qpdf are used.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GAZETTE = os.path.join(ROOT, "samples", "real", "control-yuan-gazette-114.pdf")
GAZETTE_110 = os.path.join(ROOT, "samples", "real", "control-yuan-gazette-046.pdf")
STANDARD = os.path.join(ROOT, "samples", "pdf", "INM3513-001v4.pdf")


def run(command):
    """(wall s, cpu s, max RSS MB, exit code) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(groups, runs):
    """groups: {label: {tool: argv}}; tools of a group interleaved."""
    rows = []
    for label, tools in groups.items():
        samples = {name: [] for name in tools}
        for _ in range(runs):
            for name, argv in tools.items():
                samples[name].append(run(argv))
        base = statistics.median(s[0] for s in samples[next(iter(tools))])
        for name, got in samples.items():
            wall = statistics.median(s[0] for s in got)
            cpu = statistics.median(s[1] for s in got)
            rss = max(s[2] for s in got)
            codes = sorted({s[3] for s in got})
            rows.append((label, name, wall, cpu, rss, wall / base, codes))
    return rows


def make_big_pdf(pages, path):
    sources = [GAZETTE, GAZETTE_110]
    counts = [181, 110]
    spec, total, i = [], 0, 0
    while total < pages:
        take = min(counts[i % 2], pages - total)
        spec += [sources[i % 2], "1-%d" % take]
        total += take
        i += 1
    subprocess.run(["qpdf", "--empty", "--pages"] + spec + ["--", path], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docpipe", default=os.path.join(ROOT, "build", "docpipe"))
    parser.add_argument("--before", help="docpipe binary of the previous main, for `-j 1 no slower than today`")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-pages", type=int, default=2000)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="docpipe-par-")
    o = lambda name: os.path.join(out, name)
    dp = args.docpipe
    gazette = {
        "pdftotext -layout": ["pdftotext", "-layout", GAZETTE, o("g.txt")],
        "docpipe extract -j 1": [dp, "extract", GAZETTE, "-j", "1", "-o", o("g1.json")],
        "docpipe extract -j 2": [dp, "extract", GAZETTE, "-j", "2", "-o", o("g2.json")],
    }
    if args.before:
        gazette["before: docpipe extract (previous main)"] = [args.before, "extract", GAZETTE, "-o", o("g0.json")]
    standard = {
        "pdftotext -layout": ["pdftotext", "-layout", STANDARD, o("s.txt")],
        "docpipe normalize": [dp, "normalize", STANDARD, "-o", o("s.json")],
    }
    if args.before:
        standard["before: docpipe normalize (previous main)"] = [args.before, "normalize", STANDARD, "-o", o("s0.json")]
    groups = {
        "gazette 181 p.": gazette,
        "standard 9 p. -> validated JSON": standard,
        "gazette 110 p.": {
            "pdftotext -layout": ["pdftotext", "-layout", GAZETTE_110, o("h.txt")],
            "docpipe extract -j 1": [dp, "extract", GAZETTE_110, "-j", "1", "-o", o("h1.json")],
            "docpipe extract -j 2": [dp, "extract", GAZETTE_110, "-j", "2", "-o", o("h2.json")],
        },
    }
    load_before = os.getloadavg()
    rows = measure(groups, args.runs)
    if args.big_pages > 0:
        big = o("big.pdf")
        make_big_pdf(args.big_pages, big)
        rows += measure({"%d pages (qpdf of the gazettes)" % args.big_pages: {
            "pdftotext -layout": ["pdftotext", "-layout", big, o("b.txt")],
            "docpipe extract -j 1": [dp, "extract", big, "-j", "1", "-o", o("b1.json")],
            "docpipe extract -j 2": [dp, "extract", big, "-j", "2", "-o", o("b2.json")],
        }}, max(1, args.runs // 3))
    load_after = os.getloadavg()
    print("load average before: %.2f %.2f %.2f; after: %.2f %.2f %.2f; %d cores" %
          (load_before + load_after + (os.cpu_count(),)))
    if args.markdown:
        print("| input | tool | wall s (median) | CPU s | max RSS MB | x pdftotext | exit |")
        print("|---|---|---|---|---|---|---|")
        for label, name, wall, cpu, rss, ratio, codes in rows:
            print("| %s | %s | %.3f | %.3f | %.1f | %.2f | %s |" % (label, name, wall, cpu, rss, ratio,
                                                                   ",".join(map(str, codes))))
    else:
        for label, name, wall, cpu, rss, ratio, codes in rows:
            print("%-36s %-44s %7.3fs cpu %7.3fs %7.1f MB %5.2fx exit %s" % (label, name, wall, cpu, rss, ratio, codes))


if __name__ == "__main__":
    main()
