#!/usr/bin/env python3
"""Small seeds for the fuzz targets that read document or layout JSON.

The committed outputs (out/) are 30 KB to 2.8 MB of indented JSON, and a
target's time per execution grows with its input (parsing, validation and
reading under ASan, and libFuzzer's own hashing of every input), so with
them libFuzzer spends its budget re-reading a few large files. Each output
here is cut down to a document of the same shape (every list to its first
two items, number lists such as boxes whole, strings to 40 characters,
compact JSON) that keeps what the readers check across fields: outline
trees, paragraph nodes, table grids (docs/corpus.md has the figures).
Usage: make_small_seeds.py KIND OUT_DIR INPUT...  (KIND: document,
layout, pair: two documents NUL-separated, as diff_fuzzer and
catalogue_fuzzer read them).
"""
import json
import os
import sys

KEEP = 2
TEXT = 40


def shrink(value):
    if isinstance(value, list) and value and all(isinstance(v, (int, float)) for v in value):
        return value  # a box or a list of line numbers: its length is part of its type
    if isinstance(value, list):
        return [shrink(v) for v in value[:KEEP]]
    if isinstance(value, dict):
        return {k: shrink(v) for k, v in value.items()}
    if isinstance(value, str) and len(value) > TEXT and not value.isalnum():
        return value[:TEXT]
    return value


def cut_text(value):
    """Strings shortened, lists and objects kept whole (table rows and cells
    must keep their widths)."""
    if isinstance(value, list):
        return [cut_text(v) for v in value]
    if isinstance(value, dict):
        return {k: cut_text(v) for k, v in value.items()}
    if isinstance(value, str) and len(value) > TEXT:
        return value[:TEXT]
    return value


def shrink_table(table):
    """The first rows of a table, with its grid cut to the same rows."""
    table = dict(table)
    keep_rows = KEEP
    if isinstance(table.get("rows"), list):
        table["rows"] = cut_text(table["rows"][:keep_rows])
    grid = table.get("grid")
    if isinstance(grid, dict) and "cells" in grid:
        rows = min(grid.get("rows", 0), keep_rows + grid.get("header_rows", 0))
        grid = dict(grid)
        grid["cells"] = cut_text([c for c in grid["cells"] if c["row"] + c.get("row_span", 1) <= rows])
        grid["matrix"] = cut_text(grid.get("matrix", [])[:rows])
        grid["rows"] = rows
        table["grid"] = grid
    if isinstance(table.get("cells"), list):  # a layout table
        rows = min(table.get("rows", 0), keep_rows + table.get("header_rows", 0))
        table["cells"] = cut_text([c for c in table["cells"] if c["row"] + c.get("row_span", 1) <= rows])
        table["rows"] = rows
    return {k: (v if k in ("grid", "rows", "cells") else cut_text(v)) for k, v in table.items()}


def node_ids(nodes, ids):
    for node in nodes:
        ids.add(node.get("id"))
        node_ids(node.get("children", []), ids)
    return ids


def shrink_policy(doc):
    out = {}
    for key, value in doc.items():
        if key == "outline":
            out[key] = shrink(value)
        elif key == "tables":
            out[key] = [shrink_table(t) for t in value[:KEEP]]
        elif key != "paragraphs":
            out[key] = shrink(value)
    ids = node_ids(out.get("outline", []), set())
    out["paragraphs"] = [shrink(p) for p in doc.get("paragraphs", []) if p.get("node") is None or p["node"] in ids][:4]
    return {k: out[k] for k in doc if k in out}


def shrink_layout(layout):
    out = dict(layout)
    pages = []
    for page in layout.get("pages", [])[:KEEP]:
        page = dict(page)
        page["lines"] = [shrink(l) for l in page.get("lines", [])[:6]]
        page["tables"] = [shrink_table(t) for t in page.get("tables", [])[:1]]
        pages.append(page)
    out["pages"] = pages
    return out


def shrink_document(doc):
    if doc.get("document_type") in ("policy_document", "generic_document"):
        return shrink_policy(doc)
    if doc.get("document_type") == "layout":
        return shrink_layout(doc)
    return shrink(doc)


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def main():
    kind, out_dir, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    docs = [(os.path.splitext(os.path.basename(p))[0], shrink_document(json.load(open(p, encoding="utf-8"))))
            for p in inputs]
    if kind == "pair":
        for name_a, a in docs:
            for name_b, b in docs:
                if a.get("document_type") == b.get("document_type"):
                    with open(os.path.join(out_dir, name_a + "-" + name_b), "wb") as f:
                        f.write(dump(a) + b"\0" + dump(b))
    else:
        for name, doc in docs:
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(dump(doc))


if __name__ == "__main__":
    main()
