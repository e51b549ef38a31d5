#!/usr/bin/env python3
"""The example queries of docs/catalogue.md, run on the catalogue of the
committed run folder out/ through Python's sqlite3 and pandas: each ```sql
block followed by a ```text block must return that text (a header line of
the column names, then one line per row, values joined by " | ", NULL for
NULL). The CSV export is read with the documented pandas call and must hold
the database's rows.

  catalogue_queries_test.py DOCPIPE_BINARY SOURCE_DIR
Exit 77 (ctest SKIP_RETURN_CODE) when pandas is not installed.
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

try:
    import pandas as pd
except ImportError:
    print("SKIP: pandas not installed (Debian python3-pandas; scripts/install-deps.sh)")
    sys.exit(77)


def examples(markdown):
    pattern = re.compile(r"```sql\n(.*?)```\s*```text\n(.*?)```", re.S)
    return [(m.group(1).strip(), m.group(2).rstrip("\n")) for m in pattern.finditer(markdown)]


def as_text(columns, rows):
    lines = [" | ".join(columns)]
    for row in rows:
        lines.append(" | ".join("NULL" if v is None else str(v) for v in row))
    return "\n".join(line.rstrip() for line in lines)


def main():
    docpipe, source = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "docs", "catalogue.md"), encoding="utf-8") as f:
        cases = examples(f.read())
    failures = []
    if len(cases) < 8:
        failures.append(f"only {len(cases)} example queries found in docs/catalogue.md")
    with tempfile.TemporaryDirectory() as tmp:
        run = os.path.join(tmp, "out")
        shutil.copytree(os.path.join(source, "out"), run,
                        ignore=shutil.ignore_patterns("catalogue.sqlite", "export"))
        db_path = os.path.join(run, "catalogue.sqlite")
        subprocess.run([docpipe, "export", run, "--format", "sqlite", "-o", db_path],
                       check=True, stderr=subprocess.DEVNULL)
        subprocess.run([docpipe, "export", run, "--format", "csv", "-o", os.path.join(run, "export")],
                       check=True, stderr=subprocess.DEVNULL)
        con = sqlite3.connect(db_path)
        for sql, expected in cases:
            cursor = con.execute(sql)
            got = as_text([d[0] for d in cursor.description], cursor.fetchall())
            if got != expected:
                failures.append(f"sqlite3: {sql}\n--- docs say:\n{expected}\n--- got:\n{got}")
            frame = pd.read_sql_query(sql, con)
            # pandas holds an integer column with NULLs as float64 (7.0, NaN).
            rows = [[None if pd.isna(v) else int(v) if isinstance(v, float) and v.is_integer() else v for v in r]
                    for r in frame.itertuples(index=False)]
            got = as_text(list(frame.columns), rows)
            if got != expected:
                failures.append(f"pandas: {sql}\n--- docs say:\n{expected}\n--- got:\n{got}")
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            want = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            frame = pd.read_csv(os.path.join(run, "export", table + ".csv"), keep_default_na=False)
            if len(frame) != want:
                failures.append(f"{table}.csv: {len(frame)} rows in pandas, {want} in the database")
        con.close()
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"PASS: {len(cases)} documented queries return what docs/catalogue.md says "
              f"(sqlite3 and pandas); {len(tables)} CSV tables read by pandas")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
