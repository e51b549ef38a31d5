#!/usr/bin/env python3
"""Puts docpipe's peerbench rows (peerbench_score.py --markdown) beside the
peers' table of PEER_RESULTS.md.

Usage: bench/peerbench_score.py --markdown > ours.md
       bench/merge_peer_table.py ../shared/peerbench/PEER_RESULTS.md ours.md
"""
import sys


def main():
    peers, ours_file = sys.argv[1], sys.argv[2]
    ours = {}
    with open(ours_file, encoding="utf-8") as f:
        for line in f:
            parts = [p.strip() for p in line.strip().strip("|").split("|")]
            if len(parts) == 2:
                ours[parts[0]] = parts[1]
    with open(peers, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("| pdf (pages)"):
                print(line.rstrip("|").rstrip() + " | **docpipe** |")
            elif line.startswith("|---"):
                print(line.rstrip().rstrip("|") + "|---|")
            elif line.startswith("| "):
                label = line.split("|")[1].strip()
                print(line.rstrip("|").rstrip() + " | " + ours.get(label, "not run") + " |")


if __name__ == "__main__":
    main()
