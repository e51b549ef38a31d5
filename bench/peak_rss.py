#!/usr/bin/env python3
"""Peak RSS of a command's process and of its child processes, apart.

    python3 bench/peak_rss.py -- build/docpipe extract -j 2 big.pdf -o /tmp/x.json

Polls /proc every 20 ms for the command's process tree and reads each
process's VmHWM (its own peak resident set): prints the parent's peak, the
largest child's peak. A child that lives less
than one poll may be missed; docpipe's page workers live for the whole read.
"""
import subprocess
import sys
import time


def hwm_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def main():
    argv = sys.argv[1:]
    if argv and argv[0] == "--":
        argv = argv[1:]
    start = time.monotonic()
    proc = subprocess.Popen(argv)
    parent_kb, child_kb = 0, {}
    while True:
        done = proc.poll() is not None
        if done:
            break
        kb = hwm_kb(proc.pid)
        if kb:
            parent_kb = max(parent_kb, kb)
        for c in children(proc.pid):
            kb = hwm_kb(c)
            if kb:
                child_kb[c] = max(child_kb.get(c, 0), kb)
        time.sleep(0.02)
    wall = time.monotonic() - start
    largest_child = max(child_kb.values()) if child_kb else 0
    print("exit %s  wall %.2f s  parent peak %.1f MB  largest worker peak %.1f MB (%d workers seen)" %
          (proc.returncode, wall, parent_kb / 1024.0, largest_child / 1024.0, len(child_kb)))


if __name__ == "__main__":
    main()
