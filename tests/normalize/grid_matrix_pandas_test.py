#!/usr/bin/env python3
"""A table's grid matrix goes into pandas as it is: normalize a PDF whose
tables merge cells over rows and columns (tests/data/tables/gazette-046-p3.pdf)
and build pandas.DataFrame(grid["matrix"]) for each table. The frame must be
rows x cols, null exactly at the slots a merged cell covers without starting
there, and hold each cell's text at the slot where the cell starts.

  grid_matrix_pandas_test.py DOCPIPE_BINARY SOURCE_DIR
Exit 77 (ctest SKIP_RETURN_CODE) when pandas is not installed.
"""
import json
import os
import subprocess
import sys

try:
    import pandas as pd
except ImportError:
    print("SKIP: pandas not installed (Debian python3-pandas; scripts/install-deps.sh)")
    sys.exit(77)


def main():
    docpipe, source = sys.argv[1], sys.argv[2]
    pdf = os.path.join(source, "tests", "data", "tables", "gazette-046-p3.pdf")
    out = subprocess.run([docpipe, "normalize", pdf], check=True, capture_output=True).stdout
    doc = json.loads(out)
    failures = []
    spans = 0
    for t, table in enumerate(doc["tables"]):
        grid = table["grid"]
        frame = pd.DataFrame(grid["matrix"])
        if frame.shape != (grid["rows"], grid["cols"]):
            failures.append(f"table {t}: frame {frame.shape}, grid {grid['rows']} x {grid['cols']}")
            continue
        covered = set()
        for cell in grid["cells"]:
            if frame.iat[cell["row"], cell["col"]] != cell["text"]:
                failures.append(f"table {t}: slot {cell['row']},{cell['col']} is not {cell['text']!r}")
            for r in range(cell["row"], cell["row"] + cell["row_span"]):
                for c in range(cell["col"], cell["col"] + cell["col_span"]):
                    if (r, c) != (cell["row"], cell["col"]):
                        covered.add((r, c))
            spans += cell["row_span"] > 1 or cell["col_span"] > 1
        nulls = {(r, c) for r in range(grid["rows"]) for c in range(grid["cols"]) if frame.isna().iat[r, c]}
        if nulls != covered:
            failures.append(f"table {t}: nulls at {sorted(nulls ^ covered)[:5]} differ from the covered slots")
    if spans < 3:
        failures.append(f"only {spans} merged cells in the gazette's tables (收支科目, 收入, 支出 at least)")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
