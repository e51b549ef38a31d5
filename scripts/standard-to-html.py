#!/usr/bin/env python3
"""Writes a competency standard (docpipe's JSON) as one HTML page in the
published layout: the version table, the basic-data table, the duty table
with K/S names, the attitudes and the notes. Used by make-browser-pdfs.sh.
With --variant: landscape pages with a running header and a page footer,
a duty table whose header has two rows (職能內涵 spanning 知識 | 技能),
cells centred vertically and header words in fake bold.
With --font FAMILY and --size PT (make-producer-pdfs.sh): another body font
and size than WenQuanYi Micro Hei 10pt.
Usage: standard-to-html.py STANDARD.json [--variant] [--font F] [--size PT] > STANDARD.html"""
import html, json, sys
d = json.load(open(sys.argv[1]))
args = sys.argv[2:]
variant = '--variant' in args
font = args[args.index('--font') + 1] if '--font' in args else 'WenQuanYi Micro Hei'
size = args[args.index('--size') + 1] if '--size' in args else '10'

e = html.escape
names = {k['code']: k['name'] for k in d['knowledge']}
snames = {k['code']: k['name'] for k in d['skills']}
o = []
if variant:  # running header and page footer in the margins, as the published PDFs have them
    page = ('@page{size:A4 landscape;margin:15mm 12mm;@top-right{content:"' + e(d['code']) + '";font-size:8pt}'
            '@bottom-center{content:"第 " counter(page) " 頁，共 " counter(pages) " 頁";font-size:8pt}}')
else:
    page = '@page{size:A4;margin:15mm 12mm}'
o.append('<!doctype html><html><head><meta charset="utf-8"><style>' + page +
         ' body{font-family:"' + font + '";font-size:' + size + 'pt}'
         'table{border-collapse:collapse;width:100%;margin-bottom:8px} td,th{border:0.8px solid #000;padding:3px;vertical-align:top}'
         'th{font-weight:bold;background:#eee} h1{text-align:center;font-size:16pt}'
         # the variant: cells centred vertically, header words in fake bold
         # (text-shadow draws each glyph twice, slightly apart)
         + ('td{vertical-align:middle} th{text-shadow:0.4px 0 0 #000}' if variant else '') +
         'thead{display:table-header-group} tr{page-break-inside:auto}</style></head><body>')
o.append(f'<h1>{e(d["title"])}</h1>')
o.append('<table><tr><th>版本</th><th>職能基準代碼</th><th>職能基準名稱</th><th>狀態</th><th>更新說明</th><th>發展更新日期</th></tr>')
for v in d['versions']:
    o.append(f'<tr><td>{e(v["version"])}</td><td>{e(v["code"])}</td><td>{e(v["name"])}</td><td>{e(v["status"])}</td><td>{e(v.get("note",""))}</td><td>{e(v["date"].replace("-","/"))}</td></tr>')
o.append('</table>')
kind = d.get('name_kind')
o.append('<table>')
o.append(f'<tr><th colspan=2>職能基準代碼</th><td colspan=4>{e(d["code"])}</td></tr>')
o.append(f'<tr><th colspan=2 rowspan=2>職能基準名稱<br>(擇一填寫)</th><th>職類</th><td colspan=3>{e(d["name"]) if kind=="job_category" else ""}</td></tr>')
o.append(f'<tr><th>職業</th><td colspan=3>{e(d["name"]) if kind=="occupation" else ""}</td></tr>')
o.append(f'<tr><th rowspan=3>所屬<br>類別</th><th>職類別</th><td colspan=2>{e(d["category"]["name"])}</td><th>職類別代碼</th><td>{e(d["category"]["code"])}</td></tr>')
o.append(f'<tr><th>職業別</th><td colspan=2>{e(d["occupation"]["name"])}</td><th>職業別代碼</th><td>{e(d["occupation"]["code"])}</td></tr>')
o.append(f'<tr><th>行業別</th><td colspan=2>{e(d["industry"]["name"])}</td><th>行業別代碼</th><td>{e(d["industry"]["code"])}</td></tr>')
o.append(f'<tr><th colspan=2>工作描述</th><td colspan=4>{e(d["description"])}</td></tr>')
o.append(f'<tr><th colspan=2>基準級別</th><td colspan=4>{d["level"]}</td></tr></table>')
if variant:
    o.append('<table><thead><tr><th rowspan=2>主要職責</th><th rowspan=2>工作任務</th><th rowspan=2>工作產出</th>'
             '<th rowspan=2>行為指標</th><th rowspan=2>職能級別</th><th colspan=2>職能內涵</th></tr>'
             '<tr><th>知識<br>(K=knowledge)</th><th>技能<br>(S=skills)</th></tr></thead><tbody>')
else:
    o.append('<table><thead><tr><th>主要職責</th><th>工作任務</th><th>工作產出</th><th>行為指標</th><th>職能<br>級別</th>'
             '<th>職能內涵<br>(K=knowledge<br>知識)</th><th>職能內涵<br>(S=skills 技能)</th></tr></thead><tbody>')
for duty in d['duties']:
    first = True
    for t in duty['tasks']:
        o.append('<tr>')
        if first:
            o.append(f'<td rowspan={len(duty["tasks"])}>{e(duty["code"])} {e(duty["name"])}</td>')
            first = False
        o.append(f'<td>{e(t["code"])} {e(t["name"])}</td>')
        o.append('<td>' + '<br>'.join(f'{e(x["code"])} {e(x["text"])}' for x in t['outputs']) + '</td>')
        o.append('<td>' + '<br>'.join(f'{e(x["code"])} {e(x["text"])}' for x in t['indicators']) + '</td>')
        o.append(f'<td>{t["level"]}</td>')
        o.append('<td>' + '<br>'.join(f'{e(k)} {e(names.get(k,""))}' for k in t['knowledge']) + '</td>')
        o.append('<td>' + '<br>'.join(f'{e(k)} {e(snames.get(k,""))}' for k in t['skills']) + '</td></tr>')
o.append('</tbody></table>')
o.append('<table><tr><th>職能內涵 (A=attitude 態度)</th></tr><tr><td>')
o.append('<br>'.join(f'{e(a["code"])} {e(a["name"])}：{e(a.get("description",""))}' for a in d['attitudes']))
o.append('</td></tr></table>')
o.append('<table><tr><th>說明與補充事項</th></tr><tr><td>' + '<br>'.join(e(n) for n in d['notes']) + '</td></tr></table>')
o.append('</body></html>')
print(''.join(o))
