#!/usr/bin/env python3
"""Scores `docpipe extract` tables against the expected tables of peerbench.

Usage: bench/peerbench_score.py [--docpipe build/docpipe] [--bench ../shared/peerbench] [--markdown]

For every row of the bench's MANIFEST.tsv that names an expected_norm file,
runs `docpipe extract PDF --compact` once (timed, wall clock), turns each
extracted table into a grid (a merged cell's text in its top-left position,
"" in the positions it covers) and scores it the way PEER_RESULTS.md scores
the peers:

  cell-exact   share of the non-empty expected cells whose text equals the
               predicted text at the same row and column, both keyed by
               NFKC with all white space removed; each expected table is
               matched to the predicted table of its page that scores best
  similarity   difflib ratio between the expected and the predicted grid
               texts (cells joined in row order), same table matching
  shape        expected tables whose best match has the same rows x columns
  found        tables docpipe found on the pages that have expected tables

Files with partial expectations are checked as their test suites check them:
issue-336 (table count and rows per table), issue-140 (the last row of the
table), issue-71 (a cell's last line after removing duplicated glyphs).
Only the Python standard library is used.
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata


def key(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def grid_of(table, compact_column_spans=False):
    """Rows x columns of cell texts: a merged cell's text at its top-left
    position, "" in the positions it covers. With compact_column_spans, the
    positions a cell covers to its right are dropped and the row is padded
    at its end instead: the convention of tabula-java's own JSON/CSV, which
    the tabula-java expectations pin."""
    grid = [["" for _ in range(table["cols"])] for _ in range(table["rows"])]
    for cell in table["cells"]:
        grid[cell["row"]][cell["col"]] = cell["text"]
    if not compact_column_spans:
        return grid
    covered = set()
    for cell in table["cells"]:
        for c in range(cell["col"] + 1, cell["col"] + cell["col_span"]):
            covered.add((cell["row"], c))
    compacted = []
    for r, row in enumerate(grid):
        kept = [text for c, text in enumerate(row) if (r, c) not in covered]
        compacted.append(kept + [""] * (len(row) - len(kept)))
    return compacted


def cell_score(expected, predicted):
    """(matched, non-empty expected) at the same row and column."""
    matched = total = 0
    for r, row in enumerate(expected):
        for c, text in enumerate(row):
            if key(text) == "":
                continue
            total += 1
            if r < len(predicted) and c < len(predicted[r]) and key(predicted[r][c]) == key(text):
                matched += 1
    return matched, total


def flat(grid):
    return "|".join(key(text) for row in grid for text in row)


def run_extract(docpipe, pdf):
    start = time.perf_counter()
    proc = subprocess.run([docpipe, "extract", pdf, "--compact"], capture_output=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return None, seconds, proc.stderr.decode("utf-8", "replace").strip()
    return json.loads(proc.stdout), seconds, ""


def tables_by_page(layout, compact_column_spans):
    return {page["number"]: [grid_of(t, compact_column_spans) for t in page["tables"]] for page in layout["pages"]}


def score_grids(expected, layout, compact_column_spans=False):
    pages = tables_by_page(layout, compact_column_spans)
    matched = total = shape = 0
    similarity = []
    expected_pages = set()
    for table in expected["tables"]:
        exp = [[c if c is not None else "" for c in row] for row in table["grid"]]
        expected_pages.add(table["page"])
        best = (-1, 0, None)
        for pred in pages.get(table["page"], []):
            m, t = cell_score(exp, pred)
            if m > best[0]:
                best = (m, t, pred)
        m, t, pred = best
        _, t = cell_score(exp, [])
        matched += max(m, 0)
        total += t
        if pred is not None:
            similarity.append(difflib.SequenceMatcher(None, flat(exp), flat(pred), autojunk=False).ratio())
            shape += len(pred) == len(exp) and len(pred[0]) == len(exp[0])
        else:
            similarity.append(0.0)
    found = sum(len(pages.get(p, [])) for p in expected_pages)
    return "%.2f / %.2f / %d/%d / %dt" % (
        matched / total if total else 0, sum(similarity) / len(similarity), shape, len(expected["tables"]), found)


def score_partial(expected, layout, name):
    tables = [t for page in layout["pages"] for t in page["tables"]]
    if expected.get("structural_only"):
        rows = [t["rows"] for t in tables]
        ok = len(tables) == expected["n_tables"] and rows == expected["rows_per_table"]
        return "%s rows=%s" % ("PASS" if ok else "FAIL", rows)
    if "last_row" in expected:
        want = [key(c) for c in expected["last_row"]]
        ok = any([key(c) for c in grid_of(t)[-1]] == want for t in tables)
        return "PASS" if ok else "FAIL"
    if "with_dedupe" in expected:
        # The cell's last line; outside tables, anywhere in the page's text.
        in_cells = [key(line["text"]) for t in tables for cell in t["cells"] for line in cell["lines"]]
        outside = ["".join(key(line["text"]) for page in layout["pages"] for line in page["lines"])]
        for lines, where in ((in_cells, ""), (outside, ", in the text outside tables: no table found")):
            if any(key(expected["with_dedupe"]) in line for line in lines):
                return "deduped (PASS%s)" % where
            if any(key(expected["without_dedupe"]) in line for line in lines):
                return "duplicated glyphs" + where
        return "not found"
    return "no check for " + name


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--docpipe", default=os.path.join(here, "..", "build", "docpipe"))
    parser.add_argument("--bench", default=os.path.join(here, "..", "..", "shared", "peerbench"))
    parser.add_argument("--markdown", action="store_true", help="one Markdown table row per PDF")
    args = parser.parse_args()
    with open(os.path.join(args.bench, "MANIFEST.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()][1:]
    for suite, pdf_path, pages, expected_files, *_ in rows:
        norm = [p.strip() for p in expected_files.split(";") if "expected_norm" in p]
        label = "%s (%s)" % (pdf_path, pages.split()[0])
        if not norm:
            continue
        with open(os.path.join(args.bench, norm[0]), encoding="utf-8") as f:
            expected = json.load(f)
        layout, seconds, error = run_extract(args.docpipe, os.path.join(args.bench, pdf_path))
        if layout is None:
            result = "error: " + error
        elif "tables" in expected:
            result = score_grids(expected, layout)
            # tabula-java's pinned outputs (not the ICDAR ground truth) use
            # tabula's own span convention; score that convention too.
            if suite == "tabula-java" and "icdar" not in pdf_path:
                tabula = score_grids(expected, layout, compact_column_spans=True)
                if tabula != result:
                    result += " (tabula's span convention: %s)" % tabula
        else:
            result = score_partial(expected, layout, pdf_path)
        result += " / %.2fs" % seconds
        print("| %s | %s |" % (label, result) if args.markdown else "%-75s %s" % (label, result))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
