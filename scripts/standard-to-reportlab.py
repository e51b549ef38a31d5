#!/usr/bin/python3
"""Prints a competency standard (docpipe's JSON) to PDF with the ReportLab
PDF library, in the published layout: version table, basic-data table, duty
table (K/S with their names), attitudes, notes. Used by make-producer-pdfs.sh.

ReportLab differs from the other producers in ways docpipe must survive:
rows of the duty table are cut inside a row at a page end (splitInRow), the
running header can sit close above the table, and its CJK line breaking lets
。、， hang past a cell's right edge instead of starting a line with them.

Usage: standard-to-reportlab.py STANDARD.json OUT.pdf --font FILE[:INDEX]
       [--size PT] [--landscape] [--header-top MM] [--header-gap MM] [--no-repeat-header] [--split-rows]

--split-rows cuts a duty-table row at a page end instead of moving it whole.
It is not combined with a repeated header: ReportLab 3.6 then draws the
repeated header and the rest of the cut row as one cell (no rule between
them, only the header's shading), a defect of the print, not of docpipe."""
import argparse, json
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape as e

ap = argparse.ArgumentParser()
ap.add_argument('json')
ap.add_argument('out')
ap.add_argument('--font', required=True)
ap.add_argument('--size', type=float, default=10)
ap.add_argument('--landscape', action='store_true')
ap.add_argument('--header-top', type=float, default=15, help='mm from the page top to the running header')
ap.add_argument('--header-gap', type=float, default=8, help='mm between the running header and the body')
ap.add_argument('--no-repeat-header', action='store_true')
ap.add_argument('--split-rows', action='store_true')
a = ap.parse_args()
if a.split_rows and not a.no_repeat_header:
    ap.error('--split-rows needs --no-repeat-header (see above)')
d = json.load(open(a.json))

path, _, index = a.font.partition(':')
pdfmetrics.registerFont(TTFont('CJK', path, subfontIndex=int(index or 0)))
size = a.size
body = ParagraphStyle('body', fontName='CJK', fontSize=size, leading=size * 1.3, wordWrap='CJK')
head = ParagraphStyle('head', parent=body, alignment=1)
title = ParagraphStyle('title', parent=body, fontSize=size * 1.6, leading=size * 2, alignment=1)
page = landscape(A4) if a.landscape else A4
top = a.header_top * mm + a.header_gap * mm + size  # the header line, then the gap, then the body


def P(text, style=body):
    return Paragraph(e(text).replace('\n', '<br/>'), style)


def grid(data, widths, repeat=0, spans=()):
    t = Table(data, colWidths=widths, repeatRows=repeat, splitInRow=1 if a.split_rows else 0)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.8, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('FONT', (0, 0), (-1, -1), 'CJK', size), ('BACKGROUND', (0, 0), (-1, repeat - 1 if repeat else 0), colors.whitesmoke)]
                          + [('SPAN',) + s for s in spans]))
    return t


def running_header(canvas, doc):  # the standard's code atop every page, close to the body
    canvas.saveState()
    canvas.setFont('CJK', 8)
    canvas.drawRightString(page[0] - 12 * mm, page[1] - a.header_top * mm, d['code'])
    canvas.restoreState()


width = page[0] - 24 * mm
story = [P(d['title'], title), Spacer(1, 4 * mm)]
rows = [[P(h, head) for h in ('版本', '職能基準代碼', '職能基準名稱', '狀態', '更新說明', '發展更新日期')]]
for v in d['versions']:
    rows.append([P(v['version']), P(v['code']), P(v['name']), P(v['status']), P(v.get('note', '')),
                 P(v['date'].replace('-', '/'))])
story += [grid(rows, [width * f for f in (.08, .18, .2, .12, .26, .16)], 1), Spacer(1, 4 * mm)]
kind = d.get('name_kind')
w = [width * f for f in (.1, .1, .1, .3, .15, .25)]
rows = [[P('職能基準代碼', head), '', P(d['code']), '', '', ''],
        [P('職能基準名稱\n(擇一填寫)', head), '', P('職類', head), P(d['name'] if kind == 'job_category' else ''), '', ''],
        ['', '', P('職業', head), P(d['name'] if kind == 'occupation' else ''), '', ''],
        [P('所屬\n類別', head), P('職類別', head), '', P(d['category']['name']), P('職類別代碼', head), P(d['category']['code'])],
        ['', P('職業別', head), '', P(d['occupation']['name']), P('職業別代碼', head), P(d['occupation']['code'])],
        ['', P('行業別', head), '', P(d['industry']['name']), P('行業別代碼', head), P(d['industry']['code'])],
        [P('工作描述', head), '', P(d['description']), '', '', ''],
        [P('基準級別', head), '', P(str(d['level'])), '', '', '']]
spans = [((0, 0), (1, 0)), ((2, 0), (5, 0)), ((0, 1), (1, 2)), ((3, 1), (5, 1)), ((3, 2), (5, 2)),
         ((0, 3), (0, 5)), ((1, 3), (2, 3)), ((1, 4), (2, 4)), ((1, 5), (2, 5)), ((0, 6), (1, 6)), ((2, 6), (5, 6)),
         ((0, 7), (1, 7)), ((2, 7), (5, 7))]
story += [grid(rows, w, 0, spans), Spacer(1, 4 * mm)]

kn = {k['code']: k['name'] for k in d['knowledge']}
sn = {s['code']: s['name'] for s in d['skills']}
rows = [[P(h, head) for h in ('主要職責', '工作任務', '工作產出', '行為指標', '職能\n級別',
                              '職能內涵\n(K=knowledge\n知識)', '職能內涵\n(S=skills 技能)')]]
for duty in d['duties']:
    for i, t in enumerate(duty['tasks']):
        rows.append([P(f"{duty['code']} {duty['name']}" if i == 0 else ''), P(f"{t['code']} {t['name']}"),
                     P('\n'.join(f"{x['code']} {x['text']}" for x in t['outputs'])),
                     P('\n'.join(f"{x['code']} {x['text']}" for x in t['indicators'])), P(str(t['level'])),
                     P('\n'.join(f"{k} {kn.get(k, '')}" for k in t['knowledge'])),
                     P('\n'.join(f"{s} {sn.get(s, '')}" for s in t['skills']))])
story += [grid(rows, [width * f for f in (.11, .13, .17, .25, .06, .14, .14)], 0 if a.no_repeat_header else 1),
          Spacer(1, 4 * mm)]
story.append(grid([[P('職能內涵 (A=attitude 態度)', head)],
                   [P('\n'.join(f"{x['code']} {x['name']}：{x.get('description', '')}" for x in d['attitudes']))]],
                  [width], 1))
story.append(Spacer(1, 4 * mm))
story.append(grid([[P('說明與補充事項', head)], [P('\n'.join(d['notes']))]], [width], 1))
doc = SimpleDocTemplate(a.out, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=top,
                        bottomMargin=15 * mm, title=d['title'], author='docpipe test print',
                        creator='docpipe scripts/standard-to-reportlab.py')
doc.build(story, onFirstPage=running_header, onLaterPages=running_header)
