#!/usr/bin/env python3
"""OCR quality and speed on scans made from the sample standards.

For each sample standard PDF: a clean scan (300 dpi, 1 bit) and, for the
first one, a degraded scan (noise and 1 degree of skew) are made with
scripts/make-scans.sh; then

  * character error rate (CER): per page, the edit distance between the
    text of the scan's layout and the text of the original's layout (lines
    and cells in layout order, white space removed, NFKC), over the
    original's length;
  * standard field F1: the leaf fields of `docpipe normalize` of the scan
    against those of the original (multisets of (path, value); source,
    warnings and line numbers left out);
  * pages per second and peak RSS of `docpipe extract` on the scan (Tesseract
    on one thread);
  * the baseline in the same run: `docpipe extract` of the original text PDFs
    with --ocr auto and with --ocr never (text PDFs must not get slower).

  python3 bench/ocr_bench.py [--docpipe build/docpipe] [--before OTHER/docpipe] [--pdfs a.pdf b.pdf ...]

With --before, a second docpipe (e.g. main's) reads the same scans, and
both rows are printed: a before/after in one run.
"""
import argparse, json, os, re, subprocess, sys, tempfile, time, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_timed(cmd, env=None):
    t = time.time()
    r = subprocess.run(['/usr/bin/time', '-f', '%M %U %S'] + cmd, capture_output=True, text=True, env=env)
    wall = time.time() - t
    rss, user, system = r.stderr.strip().splitlines()[-1].split()
    run_timed.cpu = float(user) + float(system)
    rss = int(rss)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {r.stderr}")
    return wall, rss


def page_texts(layout_path):
    doc = json.load(open(layout_path))
    out = []
    for p in doc['pages']:
        parts = [l['text'] for l in p['lines']]
        for t in p['tables']:
            parts += [c['text'] for c in t['cells']]
        text = unicodedata.normalize('NFKC', ''.join(parts))
        out.append(re.sub(r'\s+', '', text))
    return out


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


SKIP = {'source', 'warnings', 'source_lines', 'field_lines', 'location', 'unparsed'}


def leaves(node, path=''):
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in SKIP:
                yield from leaves(v, f'{path}/{k}')
    elif isinstance(node, list):
        for v in node:
            yield from leaves(v, path + '[]')
    else:
        yield (path, unicodedata.normalize('NFKC', str(node)))


def f1(a, b):
    from collections import Counter
    ca, cb = Counter(leaves(a)), Counter(leaves(b))
    hit = sum((ca & cb).values())
    total = sum(ca.values()) + sum(cb.values())
    return 2 * hit / total if total else 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--docpipe', default=os.path.join(ROOT, 'build/docpipe'))
    ap.add_argument('--pdfs', nargs='*', default=[os.path.join(ROOT, 'samples/pdf', f) for f in
                                                   ('INM2529-002v2.pdf', 'IIS3513-001v4.pdf', 'INM3513-001v4.pdf')])
    ap.add_argument('--degraded', type=int, default=1, help='how many PDFs also get a noisy, skewed scan')
    ap.add_argument('--before', help='another docpipe binary to measure on the same scans')
    ap.add_argument('--keep', help='write the scans, layouts and documents into this folder (kept), '
                                   'so that normalize-side repairs can be tried on them without OCR')
    ap.add_argument('--reuse', action='store_true',
                    help='with --keep: a scan whose layout is already in the folder is not read by OCR again; '
                         'its CER comes from that layout, its field F1 from normalize by this docpipe, '
                         'speed and memory are not measured (-)')
    args = ap.parse_args()
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    tmp = args.keep or tempfile.mkdtemp(prefix='ocr-bench-')
    rows = []
    base_auto = base_never = 0.0
    for n, pdf in enumerate(args.pdfs):
        name = os.path.splitext(os.path.basename(pdf))[0]
        orig_layout = os.path.join(tmp, name + '.layout.json')
        wall_auto, _ = run_timed([args.docpipe, 'extract', pdf, '-o', orig_layout], env)
        wall_never, _ = run_timed([args.docpipe, 'extract', pdf, '--ocr', 'never', '-o', orig_layout], env)
        base_auto += wall_auto
        base_never += wall_never
        orig_doc = os.path.join(tmp, name + '.json')
        subprocess.run([args.docpipe, 'normalize', orig_layout, '-o', orig_doc], check=True, env=env)
        truth = page_texts(orig_layout)
        variants = [('clean', [])] + ([('noise+1°', ['--noise', '--skew', '1'])] if n < args.degraded else [])
        for label, flags in variants:
            scan = os.path.join(tmp, f'{name}-{label[:5]}.pdf')
            if not (args.reuse and os.path.exists(scan)):
                subprocess.run(['bash', os.path.join(ROOT, 'scripts/make-scans.sh')] + flags + [pdf, scan],
                               check=True, capture_output=True)
            binaries = ([('before', args.before)] if args.before else []) + [('after' if args.before else '', args.docpipe)]
            for which, binary in binaries:
                layout = f'{scan}.{which}.layout.json'
                reused = args.reuse and args.keep and os.path.exists(layout)
                if reused:
                    wall = rss = run_timed.cpu = float('nan')
                else:
                    wall, rss = run_timed([binary, 'extract', scan, '--timeout', '0', '--page-timeout', '0', '-o', layout], env)
                got = page_texts(layout)
                errors = sum(edit_distance(t, g) for t, g in zip(truth, got))
                chars = sum(len(t) for t in truth)
                doc = f'{scan}.{which}.json'
                cpu = run_timed.cpu
                # From the layout just made: the same OCR, not a second run.
                r = subprocess.run([binary, 'normalize', layout, '-o', doc], env=env, capture_output=True, text=True)
                field_f1 = f1(json.load(open(orig_doc)), json.load(open(doc))) if r.returncode == 0 else 0.0
                tag = f'{label} {which}'.strip()
                rows.append((name, tag, len(got), errors / chars, field_f1, len(got) / wall, len(got) / cpu, rss / 1024))
                print(f'{name} {tag}: CER {errors / chars:.3f}, field F1 {field_f1:.3f}, '
                      f'{len(got) / wall:.3f} pages/s wall, {len(got) / cpu:.3f} pages/CPU-s, peak RSS {rss / 1024:.0f} MB',
                      file=sys.stderr)
    print('| scan | pages | CER | field F1 | pages/s (wall) | pages per CPU-s | peak RSS |')
    print('|---|---|---|---|---|---|---|')
    for name, label, pages, cer, ff1, pps, ppc, rss in rows:
        speed = (f'{pps:.3f} | {ppc:.3f} | {rss:.0f} MB' if pps == pps else '- | - | - (layout kept)')
        print(f'| {name} {label} | {pages} | {cer:.1%} | {ff1:.3f} | {speed} |')
    print(f'\nBaseline, text PDFs ({len(args.pdfs)}): extract --ocr auto {base_auto:.2f} s, '
          f'--ocr never {base_never:.2f} s')


if __name__ == '__main__':
    main()
