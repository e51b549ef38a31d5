# Per-document measures of issue 14 on normalize's JSON of samples/real (bench/README.md):
# (patterns_at_several_levels: a label pattern at more than one outline level within one part, the body or one chapter or appendix)
#   python3 bench/real_text_measures.py out/real/*.json   (from the repository root; needs pdftotext)
# and, with --layout, spaces between two CJK letters in extract's layout JSON (content lines and cells):
#   python3 bench/real_text_measures.py --layout /tmp/layouts/*.json
import collections, json, re, subprocess, sys, unicodedata
# A heading label and its pattern: the label with its numeral replaced by N, widths folded.
LABEL = re.compile(r'^\s*(第[一二三四五六七八九十百]+[章節]|[壹貳參肆伍陸柒捌玖拾]+、|[一二三四五六七八九十ㄧ]+、|[（(][一二三四五六七八九十ㄧ]+[）)]|\d+[.．、]|[（(]\d+[）)])')
def label_pattern(label):
    label = unicodedata.normalize('NFKC', label)
    label = re.sub(r'[壹貳參肆伍陸柒捌玖拾]+', '壹', label)
    label = re.sub(r'[一二三四五六七八九十百ㄧ]+', '一', label)
    return re.sub(r'\d+', 'N', label)
def strings(x):
    if isinstance(x, str): yield x
    elif isinstance(x, list):
        for v in x: yield from strings(v)
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ('source', 'grid'): yield from strings(v)  # the grid repeats the rows' text
def is_cjk(c): return unicodedata.east_asian_width(c) in 'WF' and c.isalpha()
if sys.argv[1:2] == ['--layout']:
    for path in sys.argv[2:]:
        d = json.load(open(path))
        texts = [l['text'] for p in d['pages'] for l in p['lines'] if l['role'] == 'content']
        texts += [l['text'] for p in d['pages'] for t in p['tables'] for c in t['cells'] for l in c['lines']]
        n = sum(1 for t in texts for m in re.finditer(r'(\S) +(?=(\S))', t) if is_cjk(m.group(1)) and is_cjk(m.group(2)))
        print(f"{path.split('/')[-1]}\tcjk_spaces={n}")
    sys.exit(0)
for path in sys.argv[1:]:
    d = json.load(open(path))
    pdf = 'samples/real/' + path.split('/')[-1].replace('.json', '.pdf')
    layer = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout
    text = '\n'.join(strings(d))
    spaced = len(re.findall(r'(?:(?<![^\s])[^\W\d_a-zA-Z] ){3,}[^\W\d_a-zA-Z](?![^\s])', text))
    radicals = sum(1 for c in text if 0x2E80 <= ord(c) <= 0x2FDF)
    stars_pdf, stars_json = layer.count('**'), text.count('**')
    nodes = []
    def walk(ns):
        for n in ns: nodes.append(n); walk(n['children'])
    walk(d.get('outline', []))
    gaps = sum(1 for w in d['warnings'] if w['kind'] == 'outline_gap')
    # Outline coherence: the levels each label pattern stands at (壹、 一、 （一） 1. （1）...),
    # and the labelled lines left as paragraphs (a sibling of outline nodes read as text).
    # Per part: a chapter or appendix (第N章, 附錄N) numbers its own sections.
    levels, part_levels, part = {}, {}, ''
    for n in nodes:
        if re.match(r'^(第.+章|附錄)', n['label']): part = n['label']
        levels.setdefault(label_pattern(n['label']), collections.Counter())[n['level']] += 1
        part_levels.setdefault((part, label_pattern(n['label'])), collections.Counter())[n['level']] += 1
    mixed = {f'{k[0] or "body"}:{k[1]}': dict(v) for k, v in part_levels.items() if len(v) > 1}
    moved = sum(1 for w in d['warnings'] if w['kind'] == 'outline_level')
    # Interleaved columns: a contents entry whose page is below the one before it was read from the other column.
    pages = [e['page'] for e in d.get('contents', [])]
    descents = sum(1 for a, b in zip(pages, pages[1:]) if b < a)
    labelled_paragraphs = collections.Counter(
        label_pattern(m.group(1)) for p in d['paragraphs'] for m in [LABEL.match(p['text'])] if m)
    print(f"{path.split('/')[-1]}\ttitle={d['title']!r}\tcontents={len(d.get('contents', []))}\tcontents_descents={descents}\toutline={len(nodes)}"
          f"\tgap_warnings={gaps}\toutline_level_warnings={moved}\tparagraphs={len(d['paragraphs'])}\tletter_spaced_runs={spaced}\tstars pdftotext={stars_pdf} json={stars_json}\tradicals={radicals}"
          f"\tlevels_per_pattern={ {k: dict(v) for k, v in levels.items()} }\tpatterns_at_several_levels={mixed}"
          f"\tlabelled_paragraphs={dict(labelled_paragraphs)}")
