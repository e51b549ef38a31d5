#!/usr/bin/env bash
# Rebuilds tests/data/producers/: each sample standard's text-path JSON
# (out/text) printed by three more PDF producers, with several CJK fonts,
# sizes, page orientations and running-header distances:
#   xelatex/     XeLaTeX + xeCJK + longtable (scripts/standard-to-latex.py);
#                with Noto Serif CJK as the Latin font the hyphen of codes
#                comes out as U+2011 in the text layer;
#   wkhtmltopdf/ Qt WebKit (scripts/standard-to-html.py); with Noto Sans CJK
#                its ToUnicode maps ideographs to Kangxi radicals (⼈ for 人);
#   reportlab/   the ReportLab library (scripts/standard-to-reportlab.py):
#                rows cut inside at a page end, a running header 4 mm above
#                the table (once 32 mm down the page, below the top tenth),
#                。、， hanging past a cell's right edge.
# Run it after a change to the sample texts' output (out/text).
# tests/normalize/pdf_text_agreement_test.cc reads them; they are committed,
# so the tests need no TeX, browser engine or Python library. Needs (Debian):
# texlive-xetex texlive-lang-chinese wkhtmltopdf python3-reportlab
# fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei
# fonts-cwtex-ming (bash scripts/install-deps.sh --with-producers).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xelatex wkhtmltopdf; do
  command -v $tool >/dev/null || { echo "needs $tool (bash scripts/install-deps.sh --with-producers)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import reportlab' 2>/dev/null || { echo "needs python3-reportlab" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=tests/data/producers
mkdir -p $out/xelatex $out/wkhtmltopdf $out/reportlab
uming=/usr/share/fonts/truetype/arphic/uming.ttc:2
ukai=/usr/share/fonts/truetype/arphic/ukai.ttc:2
wqy=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc:0
cwming=/usr/share/fonts/truetype/cwtex/cwming.ttf

for base in INM2529-002v2 INM3513-001v4 IIS3513-001v4; do
  json=out/text/$base.json
  # XeLaTeX: name, font family, extra options of standard-to-latex.py.
  while IFS='|' read -r name font opts; do
    # shellcheck disable=SC2086
    /usr/bin/python3 scripts/standard-to-latex.py "$json" --font "$font" $opts > "$tmp/$base.tex"
    (cd "$tmp" && xelatex -interaction=nonstopmode -halt-on-error "$base.tex" >/dev/null)
    mv "$tmp/$base.pdf" "$out/xelatex/${base}_$name.pdf"
    echo "$out/xelatex/${base}_$name.pdf"
  done <<'EOF'
notoserif-10|Noto Serif CJK TC|--size 10 --header-gap 4
ukai-11-landscape|AR PL UKai TW|--size 11 --landscape --no-repeat-header
cwming-10|cwTeXMing|--size 10 --header-gap 8
EOF
  # wkhtmltopdf: name, font family, size, page options.
  while IFS='|' read -r name font size orient; do
    /usr/bin/python3 scripts/standard-to-html.py "$json" --font "$font" --size "$size" > "$tmp/$base.html"
    wkhtmltopdf -q --page-size A4 -O "$orient" --margin-top 15mm --margin-bottom 15mm --margin-left 12mm \
      --margin-right 12mm "$tmp/$base.html" "$tmp/$base.pdf" 2>/dev/null
    mv "$tmp/$base.pdf" "$out/wkhtmltopdf/${base}_$name.pdf"
    echo "$out/wkhtmltopdf/${base}_$name.pdf"
  done <<'EOF'
notosans-10|Noto Sans CJK TC|10|Portrait
uming-9-landscape|AR PL UMing TW|9|Landscape
wqy-11|WenQuanYi Micro Hei|11|Portrait
EOF
  # ReportLab: name, font file, extra options of standard-to-reportlab.py.
  while IFS='|' read -r name font opts; do
    # shellcheck disable=SC2086
    /usr/bin/python3 scripts/standard-to-reportlab.py "$json" "$tmp/$base.pdf" --font "${!font}" $opts
    mv "$tmp/$base.pdf" "$out/reportlab/${base}_$name.pdf"
    echo "$out/reportlab/${base}_$name.pdf"
  done <<'EOF'
uming-10-split|uming|--size 10 --header-gap 4 --no-repeat-header --split-rows
wqy-9-landscape|wqy|--size 9 --landscape --header-gap 4
cwming-11-lowheader|cwming|--size 11 --header-top 32 --header-gap 4
EOF
done
