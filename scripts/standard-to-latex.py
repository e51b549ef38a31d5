#!/usr/bin/python3
"""Writes a competency standard (docpipe's JSON) as a XeLaTeX document with
xeCJK and longtable, in the published layout: version table, basic-data
table, duty table (K/S with their names), attitudes, notes. Used by
make-producer-pdfs.sh, which runs xelatex on it.

With a CJK font as the Latin font too (as many Chinese templates do), the
font's hyphen maps to U+2011 in the text layer, and codes such as
INM3513-001v4 come out with a non-ASCII hyphen.

Usage: standard-to-latex.py STANDARD.json --font FAMILY [--size PT]
       [--landscape] [--header-gap MM] [--no-repeat-header] > STANDARD.tex"""
import argparse, json, re

ap = argparse.ArgumentParser()
ap.add_argument('json')
ap.add_argument('--font', required=True)
ap.add_argument('--size', type=int, default=10)
ap.add_argument('--landscape', action='store_true')
ap.add_argument('--header-gap', type=float, default=6, help='mm between the running header and the body')
ap.add_argument('--no-repeat-header', action='store_true')
a = ap.parse_args()
d = json.load(open(a.json))

SPECIAL = {'\\': r'\textbackslash{}', '&': r'\&', '%': r'\%', '$': r'\$', '#': r'\#', '_': r'\_',
           '{': r'\{', '}': r'\}', '~': r'\textasciitilde{}', '^': r'\textasciicircum{}'}


def e(text):
    return ''.join(SPECIAL.get(c, c) for c in str(text)).replace('\n', r'\newline ')


def lines(items):
    return r'\newline '.join(e(x) for x in items)


o = []
o.append(r'\documentclass[%dpt]{article}' % a.size if a.size in (10, 11, 12) else r'\documentclass{article}')
o.append(r'\usepackage[a4paper,%smargin=12mm,top=%smm,headheight=12pt,headsep=%smm,bottom=15mm]{geometry}'
         % ('landscape,' if a.landscape else '', 15 + a.header_gap, a.header_gap))
o.append(r'\usepackage{xeCJK}\usepackage{fontspec}\usepackage{longtable}\usepackage{array}\usepackage{fancyhdr}')
o.append(r'\setCJKmainfont{%s}\setmainfont{%s}' % (a.font, a.font))
o.append(r'\XeTeXlinebreaklocale "zh"\setlength{\parindent}{0pt}\setlength{\LTpre}{4mm}\setlength{\LTpost}{4mm}')
o.append(r'\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}\fancyhead[R]{\footnotesize %s}' % e(d['code']))
o.append(r'\fancyfoot[C]{\footnotesize 第 \thepage{} 頁}')
o.append(r'\newcolumntype{L}[1]{>{\raggedright\arraybackslash}p{#1\linewidth}}')
o.append(r'\begin{document}')
o.append(r'\begin{center}{\Large %s}\end{center}' % e(d['title']))
o.append(r'\begin{longtable}{|L{.06}|L{.17}|L{.2}|L{.1}|L{.2}|L{.12}|}\hline')
o.append(r'版本 & 職能基準代碼 & 職能基準名稱 & 狀態 & 更新說明 & 發展更新日期 \\ \hline')
for v in d['versions']:
    o.append(' & '.join(e(x) for x in (v['version'], v['code'], v['name'], v['status'], v.get('note', ''),
                                        v['date'].replace('-', '/'))) + r' \\ \hline')
o.append(r'\end{longtable}')
kind = d.get('name_kind')
o.append(r'\begin{longtable}{|L{.2}|L{.12}|L{.3}|L{.12}|L{.14}|}\hline')
o.append(r'職能基準代碼 & \multicolumn{4}{L{.74}|}{%s} \\ \hline' % e(d['code']))
o.append(r'職能基準名稱(擇一填寫) & 職類 & \multicolumn{3}{L{.6}|}{%s} \\ \cline{2-5}' % e(d['name'] if kind == 'job_category' else ''))
o.append(r' & 職業 & \multicolumn{3}{L{.6}|}{%s} \\ \hline' % e(d['name'] if kind == 'occupation' else ''))
for label, key, code_label in (('職類別', 'category', '職類別代碼'), ('職業別', 'occupation', '職業別代碼'),
                               ('行業別', 'industry', '行業別代碼')):
    first = '所屬類別' if key == 'category' else ''
    o.append(r'%s & %s & %s & %s & %s \\ %s' % (first, label, e(d[key]['name']), code_label, e(d[key]['code']),
                                               r'\hline' if key == 'industry' else r'\cline{2-5}'))
o.append(r'工作描述 & \multicolumn{4}{L{.74}|}{%s} \\ \hline' % e(d['description']))
o.append(r'基準級別 & \multicolumn{4}{L{.74}|}{%s} \\ \hline' % e(d['level']))
o.append(r'\end{longtable}')

kn = {k['code']: k['name'] for k in d['knowledge']}
sn = {s['code']: s['name'] for s in d['skills']}
head = r'主要職責 & 工作任務 & 工作產出 & 行為指標 & 職能級別 & 職能內涵(K=knowledge 知識) & 職能內涵(S=skills 技能) \\ \hline'
o.append(r'\begin{longtable}{|L{.1}|L{.12}|L{.15}|L{.22}|L{.05}|L{.13}|L{.13}|}\hline')
o.append(head + r'\endfirsthead')
o.append((r'\hline' if a.no_repeat_header else r'\hline ' + head) + r'\endhead')
o.append(r'\endfoot')
for duty in d['duties']:
    for i, t in enumerate(duty['tasks']):
        cells = [e(f"{duty['code']} {duty['name']}") if i == 0 else '', e(f"{t['code']} {t['name']}"),
                 lines(f"{x['code']} {x['text']}" for x in t['outputs']),
                 lines(f"{x['code']} {x['text']}" for x in t['indicators']), e(t['level']),
                 lines(f"{k} {kn.get(k, '')}" for k in t['knowledge']),
                 lines(f"{s} {sn.get(s, '')}" for s in t['skills'])]
        last = i == len(duty['tasks']) - 1
        o.append(' & '.join(cells) + r' \\ ' + (r'\hline' if last else r'\cline{2-7}'))
o.append(r'\end{longtable}')
o.append(r'\begin{longtable}{|L{.97}|}\hline 職能內涵 (A=attitude 態度) \\ \hline')
o.append(lines(f"{x['code']} {x['name']}：{x.get('description', '')}" for x in d['attitudes']) + r' \\ \hline')
o.append(r'\end{longtable}')
o.append(r'\begin{longtable}{|L{.97}|}\hline 說明與補充事項 \\ \hline')
o.append(lines(d['notes']) + r' \\ \hline')
o.append(r'\end{longtable}')
o.append(r'\end{document}')
print('\n'.join(o))
