#!/usr/bin/env python3
"""ICDAR 2013 table-structure measure of `docpipe extract`, per ruling class.

Usage: bench/icdar_score.py [--docpipe build/docpipe] [--rulings build/bench/page_rulings]
                            [--bench ../shared/peerbench] [--per-doc] [--per-table]

Documents: every PDF of BENCH/icdar2013-dev/ and BENCH/tabula-java/icdar2013/
with its ground truth NAME-str.xml (or NAMEa-str.xml when the set gives two
alternative answers: the `a` answer is scored, as the competition did).

The measure (Goebel et al., ICDAR 2013, "structure"), as in
BENCH/icdar2013-dev/README.md:
  * every non-empty cell and its nearest non-empty neighbour to the right (in
    each row the cell spans) and below (in each column it spans) form an
    adjacency relation (text, neighbour text, direction); texts are keyed by
    NFKC with all white space removed; a pair of cells counts once; relations
    are a multiset;
  * per page, predicted tables and ground-truth regions are matched one to one
    by the overlap of their cell-text multisets (largest overlap first);
  * correct relations are the multiset intersection of a region's relations
    and its matched table's; precision counts every relation of every
    predicted table (a table matching no region counts against it), recall
    every relation of the ground truth; micro averages sum over documents.

Ruling class of a ground-truth region, from the rulings docpipe's own ruling
detector sees inside the region (bench/page_rulings), not from what docpipe
makes of them:
  full             vertical rules between (nearly) all columns, and
                   horizontal rules;
  horizontal-only  horizontal rules, no vertical rule;
  partial          some vertical rules, fewer than the columns need;
  none             no rule at all (shaded or unruled tables land here or in
                   partial, since fills are not rulings).
A predicted table counts as "found" for the region it is matched to;
"spurious" tables match no region.

Only the Python standard library is used.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

CLASSES = ["full", "partial", "horizontal-only", "none"]


def key(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def relations(cells):
    """cells: list of (row0, col0, row1, col1, text) with inclusive ends.
    Returns a Counter of (text, neighbour text, 'H'|'V')."""
    slot = {}
    for i, (r0, c0, r1, c1, text) in enumerate(cells):
        if not key(text):
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                slot[(r, c)] = i
    if not slot:
        return collections.Counter()
    max_r = max(r for r, _ in slot)
    max_c = max(c for _, c in slot)
    pairs = set()
    for i, (r0, c0, r1, c1, text) in enumerate(cells):
        if not key(text):
            continue
        for r in range(r0, r1 + 1):
            for c in range(c1 + 1, max_c + 1):
                j = slot.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "H"))
                    break
        for c in range(c0, c1 + 1):
            for r in range(r1 + 1, max_r + 1):
                j = slot.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "V"))
                    break
    return collections.Counter((key(cells[i][4]), key(cells[j][4]), d) for i, j, d in pairs)


def texts(cells):
    return collections.Counter(key(c[4]) for c in cells if key(c[4]))


def read_truth(path):
    """Regions: dicts with page, cells, bbox (top-left origin added later)."""
    regions = []
    root = ET.parse(path).getroot()
    for t_index, table in enumerate(root.iter("table")):
        for region in table.iter("region"):
            cells = []
            boxes = []
            for cell in region.iter("cell"):
                r0 = int(cell.get("start-row"))
                c0 = int(cell.get("start-col"))
                r1 = int(cell.get("end-row", r0))
                c1 = int(cell.get("end-col", c0))
                content = cell.find("content")
                text = content.text if content is not None and content.text else ""
                cells.append((r0, c0, r1, c1, text))
                bb = cell.find("bounding-box")
                if bb is not None:
                    boxes.append(tuple(float(bb.get(k)) for k in ("x1", "y1", "x2", "y2")))
            bbox = None
            if boxes:
                bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                        max(b[2] for b in boxes), max(b[3] for b in boxes))
            regions.append({"table": t_index + 1, "page": int(region.get("page")), "cells": cells,
                            "bbox": bbox})
    return regions


def ruling_class(region, page_rulings):
    """Sorts a region by the rulings inside its box (PDF y from the bottom)."""
    if region["bbox"] is None or page_rulings is None:
        return "none"
    height = page_rulings["height"]
    x0, yb0, x1, yb1 = region["bbox"]
    top, bottom = height - yb1, height - yb0
    pad = 6.0
    width = max(x1 - x0, 1.0)
    tall = max(bottom - top, 1.0)
    h = [r for r in page_rulings["h"]
         if top - pad <= r[0] <= bottom + pad and min(r[2], x1) - max(r[1], x0) >= 0.3 * width]
    v = [r for r in page_rulings["v"]
         if x0 - pad <= r[0] <= x1 + pad and min(r[2], bottom) - max(r[1], top) >= 0.3 * tall]
    cols = max(c[3] for c in region["cells"]) + 1 if region["cells"] else 1
    xs = sorted({round(r[0]) for r in v})
    interior = [x for x in xs if x0 + 2 < x < x1 - 2]
    if not h and not v:
        return "none"
    if not v:
        return "horizontal-only"
    if len(interior) >= cols - 1 and h:
        return "full"
    return "partial"


def predicted_tables(layout):
    out = []
    for page in layout["pages"]:
        for table in page.get("tables", []):
            cells = [(c["row"], c["col"], c["row"] + c["row_span"] - 1, c["col"] + c["col_span"] - 1, c["text"])
                     for c in table["cells"]]
            out.append({"page": page["number"], "cells": cells, "ruling": table.get("ruling", "full"),
                        "bbox": table.get("bbox")})
    return out


def documents(bench):
    docs = []
    for folder in ("icdar2013-dev", "tabula-java/icdar2013"):
        base = os.path.join(bench, folder)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if not name.endswith(".pdf"):
                continue
            stem = name[:-4]
            truth = os.path.join(base, stem + "-str.xml")
            if not os.path.exists(truth) and stem[-1] in "ab":
                truth = os.path.join(base, stem[:-1] + "a-str.xml")
            if not os.path.exists(truth):
                truth = os.path.join(base, stem + "a-str.xml")
            if os.path.exists(truth):
                docs.append((os.path.join(folder, stem), os.path.join(base, name), truth))
    return docs


def score_document(pdf, truth, docpipe, rulings_tool):
    layout = json.loads(subprocess.run([docpipe, "extract", pdf, "--compact"], check=True,
                                       capture_output=True).stdout)
    pages = {}
    for line in subprocess.run([rulings_tool, pdf], check=True, capture_output=True, text=True).stdout.splitlines():
        p = json.loads(line)
        pages[p["page"]] = p
    regions = read_truth(truth)
    preds = predicted_tables(layout)
    for region in regions:
        region["class"] = ruling_class(region, pages.get(region["page"]))
        region["rel"] = relations(region["cells"])
    for pred in preds:
        pred["rel"] = relations(pred["cells"])
    # One-to-one matching per page, largest text overlap first.
    candidates = []
    for ri, region in enumerate(regions):
        rt = texts(region["cells"])
        for pi, pred in enumerate(preds):
            if pred["page"] != region["page"]:
                continue
            overlap = sum((rt & texts(pred["cells"])).values())
            if overlap > 0:
                candidates.append((overlap, ri, pi))
    candidates.sort(reverse=True)
    match_r, match_p = {}, {}
    for overlap, ri, pi in candidates:
        if ri in match_r or pi in match_p:
            continue
        match_r[ri] = pi
        match_p[pi] = ri
    results = []
    for ri, region in enumerate(regions):
        correct = 0
        predicted = 0
        if ri in match_r:
            pred = preds[match_r[ri]]
            correct = sum((region["rel"] & pred["rel"]).values())
            predicted = sum(pred["rel"].values())
        results.append({"class": region["class"], "page": region["page"], "table": region["table"],
                        "gt": sum(region["rel"].values()), "pred": predicted, "correct": correct,
                        "found": ri in match_r})
    spurious = [{"page": p["page"], "pred": sum(p["rel"].values()), "cells": len(p["cells"]),
                 "ruling": p["ruling"]} for pi, p in enumerate(preds) if pi not in match_p]
    return results, spurious


def prf(correct, pred, gt):
    p = correct / pred if pred else 0.0
    r = correct / gt if gt else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docpipe", default="build/docpipe")
    parser.add_argument("--rulings", default="build/bench/page_rulings")
    parser.add_argument("--bench", default="../shared/peerbench")
    parser.add_argument("--per-doc", action="store_true")
    parser.add_argument("--per-table", action="store_true")
    parser.add_argument("--only", default="", help="score only documents whose name contains this")
    args = parser.parse_args()

    totals = {"all": [0, 0, 0], "dev": [0, 0, 0]}
    per_class = {c: {"gt": 0, "pred": 0, "correct": 0, "regions": 0, "found": 0} for c in CLASSES}
    regions_total = regions_found = 0
    spurious_total = 0
    dev_regions = dev_found = dev_spurious = 0
    doc_rows = []
    for name, pdf, truth in documents(args.bench):
        if args.only and args.only not in name:
            continue
        results, spurious = score_document(pdf, truth, args.docpipe, args.rulings)
        correct = sum(r["correct"] for r in results)
        gt = sum(r["gt"] for r in results)
        pred = sum(r["pred"] for r in results) + sum(s["pred"] for s in spurious)
        is_dev = name.startswith("icdar2013-dev")
        for scope in (["all", "dev"] if is_dev else ["all"]):
            totals[scope][0] += correct
            totals[scope][1] += pred
            totals[scope][2] += gt
        for r in results:
            c = per_class[r["class"]]
            c["gt"] += r["gt"]
            c["pred"] += r["pred"]
            c["correct"] += r["correct"]
            c["regions"] += 1
            c["found"] += r["found"]
            if args.per_table:
                print(f"  {name} p{r['page']} t{r['table']} {r['class']:15s} gt={r['gt']} pred={r['pred']} "
                      f"correct={r['correct']} found={r['found']}")
        regions_total += len(results)
        regions_found += sum(r["found"] for r in results)
        spurious_total += len(spurious)
        if is_dev:
            dev_regions += len(results)
            dev_found += sum(r["found"] for r in results)
            dev_spurious += len(spurious)
        if args.per_table:
            for s in spurious:
                print(f"  {name} p{s['page']} SPURIOUS {s['ruling']} cells={s['cells']} relations={s['pred']}")
        doc_rows.append((name, prf(correct, pred, gt), len(spurious)))

    if args.per_doc:
        print("| document | P | R | F1 | spurious |")
        print("|---|---|---|---|---|")
        for name, (p, r, f), s in doc_rows:
            print(f"| {os.path.basename(name)} | {p:.2f} | {r:.2f} | {f:.2f} | {s} |")
        print()
    print("| set | micro P | micro R | micro F1 | regions found | spurious tables |")
    print("|---|---|---|---|---|---|")
    for scope, label, found, regions, spur in (("dev", "icdar2013-dev (21 documents)", dev_found, dev_regions,
                                               dev_spurious),
                                              ("all", "dev + tabula-java/icdar2013 (26)", regions_found,
                                               regions_total, spurious_total)):
        p, r, f = prf(*totals[scope])
        print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {found}/{regions} | {spur} |")
    print()
    all_gt = sum(c["gt"] for c in per_class.values()) or 1
    print("| ruling class (all 26 documents) | GT relations | share | P | R | F1 | regions found |")
    print("|---|---|---|---|---|---|---|")
    for name in CLASSES:
        c = per_class[name]
        p, r, f = prf(c["correct"], c["pred"], c["gt"])
        print(f"| {name} | {c['gt']} | {c['gt'] / all_gt:.0%} | {p:.3f} | {r:.3f} | {f:.3f} | "
              f"{c['found']}/{c['regions']} |")


if __name__ == "__main__":
    sys.exit(main())
