#!/usr/bin/env python3
"""Issue 13's table targets on the real PDFs (bench/README.md):

  python3 bench/real_table_targets.py [--docpipe build/docpipe] [--list] out/real/*.json

For each normalized document (policy or generic), from its JSON:
  tables        tables in the output
  header_only   tables with a header and no body row              (target 0)
  letter_spaced cells whose CJK letters are set apart by spaces,
                three or more in a run ("收 支 科 目")              (target 0)
  not_grid      tables whose grid is not a full grid: a slot covered
                twice or not at all, a matrix that is not rows x cols
                or disagrees with the cells, rows != body rows + 1  (target 0)
and from the PDF's layout (docpipe extract), at every page break inside a
table (a part continued_from_previous_page):
  breaks        such page breaks
  joined        breaks whose first body row extract joins to the row cut
  cell_joined   breaks whose first body row is a row of its own while a
                cell of it goes on from the cell above the break (a key
                merged over rows that the break cut: "…部定必" | "修課程")
  empty_key     unjoined breaks whose first body row has an empty key cell
                and text elsewhere: a cut row left split          (target 0)
--list prints, for each break, the key cell before and after it, to be
checked against the rendered pages (pdftoppm).
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata


def is_cjk_letter(c):
    return c.isalpha() and unicodedata.east_asian_width(c) in "WF"


def letter_spaced(text, run=3):
    """A run of `run` or more CJK letters each followed by one space."""
    count = 0
    i = 0
    while i < len(text):
        if is_cjk_letter(text[i]) and i + 1 < len(text) and text[i + 1] == " ":
            count += 1
            i += 2
            continue
        if is_cjk_letter(text[i]) and count >= run - 1:
            return True
        count = 0
        i += 1
    return False


def grid_problem(table):
    grid = table.get("grid")
    if grid is None:
        return "no grid"
    rows, cols = grid["rows"], grid["cols"]
    if rows != len(table["rows"]) + 1:
        return f"grid rows {rows} for {len(table['rows'])} body rows"
    covered = {}
    for cell in grid["cells"]:
        for r in range(cell["row"], cell["row"] + cell["row_span"]):
            for c in range(cell["col"], cell["col"] + cell["col_span"]):
                if not (0 <= r < rows and 0 <= c < cols):
                    return f"cell at {cell['row']},{cell['col']} outside"
                if (r, c) in covered:
                    return f"slot {r},{c} covered twice"
                covered[(r, c)] = cell
    if len(covered) != rows * cols:
        return f"{rows * cols - len(covered)} slots uncovered"
    matrix = grid["matrix"]
    if len(matrix) != rows or any(len(row) != cols for row in matrix):
        return "matrix not rows x cols"
    for (r, c), cell in covered.items():
        want = cell["text"] if (r, c) == (cell["row"], cell["col"]) else None
        if matrix[r][c] != want:
            return f"matrix disagrees at {r},{c}"
    return None


def key_cell(table, row):
    cells = [c for c in table["cells"] if c["row"] == row and c["row_span"] == 1]
    return min(cells, key=lambda c: c["col"]) if cells else None


def page_breaks(layout, show):
    breaks = joined = cell_joined = empty_key = 0
    last = {}
    for page in layout["pages"]:
        for table in page.get("tables", []):
            if table.get("continued_from_previous_page"):
                breaks += 1
                body = table["header_rows"] if table.get("repeated_header") else 0
                key = key_cell(table, body)
                before = last.get(table["id"])
                before_key = key_cell(before, before["rows"] - 1) if before else None
                going_on = [c for c in table["cells"] if c.get("continued_from_previous_page")]
                if table.get("first_row_continued"):
                    joined += 1
                elif going_on:
                    cell_joined += 1
                elif key is not None and not key["text"] and any(
                        c["text"] for c in table["cells"] if c["row"] == body):
                    empty_key += 1
                if show:
                    mark = "JOINED" if table.get("first_row_continued") else "CELL  " if going_on else "apart "
                    print(f"  p{page['number']:>3} {mark} "
                          f"{(before_key or {}).get('text', '')[-18:]!r:>22} | {(key or {}).get('text', '')[:18]!r}")
            last[table["id"]] = table
    return breaks, joined, cell_joined, empty_key


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docpipe", default="build/docpipe")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("documents", nargs="+")
    args = parser.parse_args()
    totals = {}
    for path in args.documents:
        doc = json.load(open(path, encoding="utf-8"))
        if doc.get("document_type") not in ("policy_document", "generic_document"):
            continue
        tables = doc["tables"]
        header_only = sum(1 for t in tables if not t["rows"])
        spaced = 0
        for t in tables:
            texts = list(t["header"]) + [c for r in t["rows"] for c in r["cells"]]
            spaced += sum(1 for text in texts if letter_spaced(text))
        not_grid = [p for p in (grid_problem(t) for t in tables) if p]
        pdf = doc["source"]["path"]
        row = {"tables": len(tables), "header_only": header_only, "letter_spaced": spaced, "not_grid": len(not_grid)}
        if pdf.endswith(".pdf") and os.path.exists(pdf):
            if args.list:
                print(os.path.basename(path))
            layout = json.loads(subprocess.run([args.docpipe, "extract", pdf], check=True,
                                               capture_output=True).stdout)
            row["breaks"], row["joined"], row["cell_joined"], row["empty_key"] = page_breaks(layout, args.list)
        for k, v in row.items():
            totals[k] = totals.get(k, 0) + v
        print(os.path.basename(path) + "\t" + "\t".join(f"{k}={v}" for k, v in row.items()) +
              (f"\t{not_grid[0]}" if not_grid else ""))
    print("total\t" + "\t".join(f"{k}={v}" for k, v in totals.items()))


if __name__ == "__main__":
    sys.exit(main())
