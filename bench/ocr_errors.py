#!/usr/bin/env python3
"""Where the OCR errors come from: a breakdown of the character error rate.

Compares the layout of a scan (docpipe extract) with the layout of the
original text PDF, page by page:

  * page CER as bench/ocr_bench.py measures it (text of lines, then cells,
    in layout order, white space removed, NFKC);
  * cell-matched CER: tables matched by page and position, cells by (row,
    col), lines outside tables matched in order; what remains of the page
    CER is order and cell assignment (layout), not recognition;
  * the recognition errors by character class of the original character
    (Han, digit, Latin, punctuation) and by kind (substituted, dropped,
    inserted), with the most frequent confusions;
  * spaces: how many spaces the scan has between two Han characters where
    the original has none (they do not count in the CER, white space is
    removed, but they do in the fields of normalize).

  python3 bench/ocr_errors.py ORIGINAL.layout.json SCAN.layout.json

With --fields, compares two documents of `docpipe normalize` instead (the
original's and the scan's) and lists the leaf fields that miss the field F1
of bench/ocr_bench.py: each (path, value) of the original without its match
in the scan, next to the scan's value at the same path when there is one.

  python3 bench/ocr_errors.py --fields ORIGINAL.json SCAN.json
"""
import json, os, re, sys, unicodedata
from collections import Counter


def norm(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', s))


def char_class(c):
    if c.isdigit():
        return 'digit'
    cat = unicodedata.category(c)
    if cat.startswith('L'):
        return 'Latin' if ord(c) < 0x250 else 'Han/other letter'
    if cat.startswith('P') or cat.startswith('S'):
        return 'punctuation'
    return 'other'


def align(a, b):
    """Edit operations turning a into b: (op, a_char, b_char)."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    ops, i, j = [], n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                ops.append(('sub', a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append(('del', a[i - 1], ''))
            i -= 1
        else:
            ops.append(('ins', '', b[j - 1]))
            j -= 1
    return ops


def page_text(p):
    parts = [l['text'] for l in p['lines']] + [c['text'] for t in p['tables'] for c in t['cells']]
    return norm(''.join(parts))


def units(p):
    """(key, text) of every line outside tables and every cell."""
    out = [(('line', i), l['text']) for i, l in enumerate(p['lines'])]
    for ti, t in enumerate(p['tables']):
        for c in t['cells']:
            out.append((('cell', ti, c['row'], c['col']), c['text']))
    return out


HAN_SPACE = re.compile(r'(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])')


def field_misses(orig_path, scan_path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from ocr_bench import leaves
    a, b = (Counter(leaves(json.load(open(f)))) for f in (orig_path, scan_path))
    missing, extra = a - b, b - a
    print(f'fields {sum(a.values())} (original), {sum(b.values())} (scan); '
          f'missed {sum(missing.values())}, extra {sum(extra.values())}')
    left = Counter(extra)
    for (path, value), n in sorted(missing.items()):
        # The scan's value at the same path, closest in edit distance.
        near = [v for (p, v), k in left.items() if p == path and k > 0]
        best = min(near, key=lambda v: len(align(value, v)), default=None) if len(value) < 400 else None
        if best is not None:
            left[(path, best)] -= 1
        print(f'{path}\n  original: {value!r}\n  scan:     {best!r}')
    rest = [(p, v) for (p, v), k in left.items() if k > 0]
    for path, value in sorted(rest):
        print(f'{path}\n  only in the scan: {value!r}')


def main():
    if sys.argv[1] == '--fields':
        return field_misses(sys.argv[2], sys.argv[3])
    orig, scan = (json.load(open(f)) for f in sys.argv[1:3])
    page_err = page_len = cell_err = 0
    kinds, classes, confusions = Counter(), Counter(), Counter()
    unmatched = 0
    han_spaces = 0
    for po, ps in zip(orig['pages'], scan['pages']):
        a, b = page_text(po), page_text(ps)
        page_len += len(a)
        page_err += len(align(a, b))
        uo, us = dict(units(po)), dict(units(ps))
        for key, text in uo.items():
            got = us.get(key)
            if got is None:
                unmatched += len(norm(text))
                got = ''
            han_spaces += len(HAN_SPACE.findall(got)) - len(HAN_SPACE.findall(text))
            for op, x, y in align(norm(text), norm(got)):
                cell_err += 1
                kinds[op] += 1
                classes[char_class(x or y)] += 1
                confusions[(x, y)] += 1
        for key, text in us.items():
            if key not in uo:
                n = len(norm(text))
                cell_err += n
                kinds['ins (unit not in original)'] += n
    print(f'characters {page_len}')
    print(f'page CER (bench) {page_err / page_len:.2%}')
    print(f'cell-matched CER {cell_err / page_len:.2%} (the rest is order/cell assignment)')
    print(f'characters of original units with no matching unit in the scan: {unmatched}')
    print('by kind:', ', '.join(f'{k} {v}' for k, v in kinds.most_common()))
    print('by class of the original (or inserted) character:',
          ', '.join(f'{k} {v} ({v / page_len:.2%})' for k, v in classes.most_common()))
    print('spaces between two Han characters added by the scan:', han_spaces)
    print('most frequent confusions (original -> scan):')
    for (x, y), n in confusions.most_common(40):
        print(f'  {x or "∅"} -> {y or "∅"}: {n}')


if __name__ == '__main__':
    main()
