#!/usr/bin/env python3
"""Scores bench/ocr_cells output against the original PDF's table cells.

Each cell read from the scan is matched to the original layout's cell on the
same page that overlaps it most; both texts are NFKC-normalised with white
space removed. Prints, per output file: cells, characters of the originals,
edit operations (character errors), cells read exactly; with --list, the
cells that are wrong (original / read).

  build/bench/ocr_cells SCAN.pdf [flags] > A.tsv
  python3 bench/ocr_cells.py ORIGINAL.layout.json A.tsv [B.tsv ...] [--list]

For output of `ocr_cells --both`, --choose T also scores: the smoothed
reading alone, the sharp one alone, and the sharp reading taken instead of
the smoothed one when the smoothed one has a word below confidence T and
the sharp one a higher mean confidence (with the share of cells read twice).

For output of `ocr_cells --vote T`, --vote T' (T' <= T) scores: the
rectangle's reading, the cut-out's, the vote of every cell read twice, and
the vote only where the rectangle's reading has a word below confidence T'
(as extract/ocr_page.cc reads), with the cells read twice; --list then lists
the cells where the vote and the rectangle differ (original / rectangle /
voted), the counter-examples and the repairs.
"""
import json, re, sys, unicodedata

from ocr_bench import edit_distance  # the same measure as the CER of ocr_bench.py


def norm(text):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', text))


def overlap(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    listing = '--list' in sys.argv
    choose = float(sys.argv[sys.argv.index('--choose') + 1]) if '--choose' in sys.argv else None
    if choose is not None:
        args = [a for a in args if a != sys.argv[sys.argv.index('--choose') + 1]]
    vote = float(sys.argv[sys.argv.index('--vote') + 1]) if '--vote' in sys.argv else None
    if vote is not None:
        args = [a for a in args if a != sys.argv[sys.argv.index('--vote') + 1]]
    layout = json.load(open(args[0]))
    cells = {}
    for page in layout['pages']:
        cells[page['number']] = [(c['bbox'], c['text']) for t in page['tables'] for c in t['cells']]
    jobs = []
    for path in args[1:]:
        if vote is not None:
            jobs.append((path + ' rectangle', lambda p: p[5]))
            jobs.append((path + ' cut-out', lambda p: p[7]))
            jobs.append((path + ' voted, every cell', lambda p: p[8]))
            jobs.append((path + f' voted below {vote}', lambda p: p[8] if float(p[6]) < vote else p[5]))
        elif choose is None:
            jobs.append((path, lambda p: p[5]))
        else:
            jobs.append((path + ' smoothed', lambda p: p[5]))
            jobs.append((path + ' sharp', lambda p: p[8]))
            jobs.append((path + f' chosen at {choose}', lambda p: p[8] if float(p[7]) < choose and float(p[9]) > float(p[6]) else p[5]))
    for path, pick in jobs:
        reread = 0
        total = errors = exact = n = 0
        wrong = []
        for row in open(path.split(' ')[0], encoding='utf-8'):
            parts = row.rstrip('\n').split('\t')
            if len(parts) < 6:
                continue
            page, box, read = int(parts[0]), [float(v) for v in parts[1:5]], pick(parts)
            if choose is not None and float(parts[7]) < choose:
                reread += 1
            if vote is not None and float(parts[6]) < vote:
                reread += 1
            best = max(cells.get(page, []), key=lambda c: overlap(c[0], box), default=None)
            if best is None or overlap(best[0], box) == 0:
                continue
            truth, got = norm(best[1]), norm(read)
            e = edit_distance(truth, got)
            total += len(truth)
            errors += e
            exact += e == 0
            n += 1
            if vote is not None and listing and path.endswith(f'below {vote}') and norm(parts[5]) != got:
                r = edit_distance(truth, norm(parts[5]))
                verdict = 'repaired' if e < r else 'worse' if e > r else 'same errors'
                wrong.append(f'  p{page} {verdict}: {truth} | {norm(parts[5])} | {got}')
            elif e and listing and vote is None:
                import difflib
                for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, truth, got, autojunk=False).get_opcodes():
                    if op != 'equal':
                        wrong.append(f'  p{page} {truth[max(0, a0 - 3):a1 + 3]} | {got[max(0, b0 - 3):b1 + 3]}')
        print(f'{path}: {n} cells, {total} chars, {errors} errors ({errors / max(total, 1):.2%}), {exact} exact'
              + (f', {reread} cells read twice' if choose is not None or vote is not None else ''))
        for w in wrong:
            print(w)


if __name__ == '__main__':
    main()
