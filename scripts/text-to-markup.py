#!/usr/bin/env python3
"""Writes a TAB text (samples/text/*.txt) the way modern PDF extractors write
the same document, to test that docpipe reads their output like the TAB text.

  python3 scripts/text-to-markup.py STYLE IN.txt OUT

STYLE is one of:
  docling         Markdown, GFM pipe tables; a merged cell's text repeated in
                  every position it covers; header rows repeated after a page
                  break (as printed); the title as "# title".
  marker          Markdown, pipe tables; merged cells left empty; the header
                  row NOT repeated after a page break (the continued table's
                  first row takes the pipe table's header position); the
                  title as **bold**; <br> between the coded items of a cell
                  and where a cell's line wrapped (a space between two
                  ideographs in the TAB text);
                  a page-number line ("3") between the pieces of a table.
  mineru          Markdown with HTML tables (<table>, rowspan/colspan,
                  entities), header row repeated, no <thead>.
  mineru-thead    as mineru, header in <thead>, header not repeated after a
                  page break, <br> between coded items, a page footer
                  ("第 3 頁，共 9 頁") between the pieces of a table.
  html            an HTML document: <h1>, <p>, tables with <thead>, rowspan
                  and colspan; HTML left in the TAB text's cells (<p>, <ul>)
                  written as real tags.

The TAB text's structure: a run of lines with TAB-separated cells is one
table (one printed page of it); other lines are paragraphs. Merged cells show
as "" in the TAB text; this script infers the spans an extractor would have
seen: a cell followed by empty cells in its row spans them (colspan), and a
cell of the first column spans the empty cells below it in the same table
(rowspan; never from the table's first row). Lines of a plan that open a
chapter (第N章) and end with a paragraph mark become headings.
"""
import html
import re
import sys
import unicodedata

CODE_BREAK = re.compile(r"[ \t]+(?=[TOPKSA]\d)")
CHAPTER = re.compile(r"^\s*第.{1,8}章")


def read_blocks(text):
    """[(kind, [(line_no, cells)])]: 'table' runs of TAB rows, 'line' others."""
    blocks = []
    for number, line in enumerate(text.split("\n"), 1):
        if "\t" in line:
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append((number, line.split("\t")))
            else:
                blocks.append(("table", [(number, line.split("\t"))]))
        else:
            blocks.append(("line", [(number, [line])]))
    return blocks


def squash(cells):
    return [re.sub(r"\s+", "", c) for c in cells]


def spans(rows):
    """For a table's grid (rows padded), the owner (r, c) of every position
    and (rowspan, colspan) of every owner."""
    n = len(rows)
    width = len(rows[0]) if rows else 0
    owner = [[None] * width for _ in range(n)]
    size = {}
    for r in range(n):
        for c in range(width):
            if owner[r][c] is not None:
                continue
            owner[r][c] = (r, c)
            if rows[r][c] == "":
                size[(r, c)] = (1, 1)
                continue
            cs = 1
            while c + cs < width and rows[r][c + cs] == "" and owner[r][c + cs] is None:
                cs += 1
            rs = 1
            if c == 0 and r > 0:
                while r + rs < n and all(rows[r + rs][k] == "" and owner[r + rs][k] is None
                                         for k in range(c, c + cs)):
                    rs += 1
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    owner[rr][cc] = (r, c)
            size[(r, c)] = (rs, cs)
    return owner, size


def is_ideograph(ch):
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def wrap_breaks(text):
    """A space between two ideographs is where the PDF cell wrapped its line
    (the TAB text kept it as a space); Marker writes such a wrap as <br>."""
    out = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and is_ideograph(text[i - 1]) and is_ideograph(text[i + 1]):
            out.append("<br>")
        else:
            out.append(ch)
    return "".join(out)


def md_escape_cell(text, breaks):
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    if breaks:
        text = wrap_breaks(CODE_BREAK.sub("<br>", text))
    return text


def md_escape_line(line):
    line = line.replace("\\", "\\\\")
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    if stripped[:1] in ("#", ">") or stripped.startswith(("```", "~~~")) or \
            re.fullmatch(r"[-*_= ]+", stripped or "x") or stripped.lower().startswith("<table"):
        return indent + "\\" + stripped
    if "|" in line:
        line = line.replace("|", "\\|")
    return line


def html_cell(text, style):
    if style == "html":
        # HTML the TAB text carries in its cells is real markup here; the
        # rest of the text is escaped.
        parts = re.split(r"(</?(?:p|ul|ol|li|div)(?:\s[^<>]*)?>)", text)
        out = "".join(p if i % 2 else html.escape(p, quote=False) for i, p in enumerate(parts))
    else:
        out = html.escape(text, quote=False)
    if style in ("mineru-thead", "html"):
        out = CODE_BREAK.sub("<br>", out)
    return out


def convert(text, style):
    blocks = read_blocks(text)
    out = []
    headers_seen = []
    title_done = False
    is_standard = any(kind == "table" for kind, _ in blocks)
    pages = 1
    total_pages = 1 + sum(1 for kind, rows in blocks if kind == "table") 
    for kind, rows in blocks:
        if kind == "line":
            line = rows[0][1][0]
            if style == "html":
                if line.strip() == "":
                    out.append("")
                elif not title_done and is_standard:
                    out.append("<h1>" + html.escape(line.strip(), quote=False) + "</h1>")
                    title_done = True
                elif CHAPTER.match(line) and line.endswith(" "):
                    out.append("<h2>" + html.escape(line.strip(), quote=False) + "</h2>")
                else:
                    out.append("<p>" + html.escape(line, quote=False) + "</p>")
                continue
            if line.strip() and not title_done and is_standard:
                title_done = True
                out.append("**" + line.strip() + "**" if style == "marker" else "# " + md_escape_line(line.strip()))
                continue
            if line.strip() and CHAPTER.match(line) and line.endswith(" "):
                out.append("## " + md_escape_line(line.strip()))
                continue
            out.append(md_escape_line(line))
            continue
        width = max(len(cells) for _, cells in rows)
        grid = [cells + [""] * (width - len(cells)) for _, cells in rows]
        repeated = any(squash(grid[0]) == h for h in headers_seen)
        if not repeated:
            headers_seen.append(squash(grid[0]))
        drop_header = repeated and style in ("marker", "mineru-thead", "html")
        if repeated:
            if style == "marker":
                out.extend(["%d" % (pages + 1), ""])
            elif style == "mineru-thead":
                out.extend(["第 %d 頁，共 %d 頁" % (pages + 1, total_pages), ""])
            pages += 1
        if drop_header:
            grid = grid[1:]
            if not grid:
                continue
        owner, size = spans(grid)
        if style in ("docling", "marker"):
            lines = []
            for r, row in enumerate(grid):
                cells = []
                for c in range(width):
                    orr, oc = owner[r][c]
                    text_ = grid[orr][oc] if style == "docling" else row[c]
                    cells.append(md_escape_cell(text_, style == "marker"))
                lines.append("| " + " | ".join(cells) + " |")
                if r == 0:
                    lines.append("|" + "|".join(["---"] * width) + "|")
            out.extend(lines)
            continue
        # HTML tables (MinerU's Markdown, or an HTML document).
        thead = style in ("mineru-thead", "html") and not drop_header
        parts = ["<table>"]
        for r, row in enumerate(grid):
            if thead and r == 0:
                parts.append("<thead>")
            if thead and r == 1:
                parts.append("<tbody>")
            tag = "th" if thead and r == 0 else "td"
            cells = []
            for c in range(width):
                if owner[r][c] != (r, c):
                    continue
                rs, cs = size[(r, c)]
                attrs = (' rowspan="%d"' % rs if rs > 1 else "") + (' colspan="%d"' % cs if cs > 1 else "")
                cells.append("<%s%s>%s</%s>" % (tag, attrs, html_cell(row[c], style), tag))
            parts.append("<tr>" + "".join(cells) + "</tr>")
            if thead and r == 0:
                parts.append("</thead>")
        if thead and len(grid) > 1:
            parts.append("</tbody>")
        parts.append("</table>")
        # One table per line, as MinerU writes it; an HTML document gets one
        # line per row.
        out.append("\n".join(parts) if style == "html" else "".join(parts))
    body = "\n".join(out)
    if style == "html":
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n" + body + \
            "\n</body></html>\n"
    return body


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("docling", "marker", "mineru", "mineru-thead", "html"):
        sys.exit(__doc__)
    with open(sys.argv[2], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(convert(text, sys.argv[1]))


if __name__ == "__main__":
    main()
