# Per-document measures of issue 14 on normalize's JSON of samples/real (bench/README.md):
#   python3 bench/real_text_measures.py out/real/*.json   (from the repository root; needs pdftotext)
import json, re, subprocess, sys, unicodedata
def strings(x):
    if isinstance(x, str): yield x
    elif isinstance(x, list):
        for v in x: yield from strings(v)
    elif isinstance(x, dict):
        for k, v in x.items():
            if k not in ('source',): yield from strings(v)
def is_cjk(c): return unicodedata.east_asian_width(c) in 'WF' and c.isalpha()
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
    print(f"{path.split('/')[-1]}\ttitle={d['title']!r}\tcontents={len(d.get('contents', []))}\toutline={len(nodes)}"
          f"\tgap_warnings={gaps}\tletter_spaced_runs={spaced}\tstars pdftotext={stars_pdf} json={stars_json}\tradicals={radicals}")
