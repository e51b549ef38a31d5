#!/usr/bin/env bash
# Rebuilds tests/data/browser-pdf/: each sample standard's text-path JSON
# (out/text) laid out as HTML tables in the published layout and printed to
# PDF by headless Chromium (Skia), a producer unlike the LibreOffice PDFs of
# samples/pdf: other fonts, declared font metrics 2.6 em tall, a reported
# font size twice the real one.
# Run it after a change to the sample texts' output (out/text).
# tests/normalize/pdf_text_agreement_test.cc reads them; they are committed,
# so the tests need no browser. Needs: chromium, fonts-wqy-microhei.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "needs chromium (bash scripts/install-deps.sh --with-browser)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each standard in the published layout; INM3513 also landscape with a
# two-row duty-table header.
for job in INM2529-002v2: INM3513-001v4: IIS3513-001v4: INM3513-001v4:--variant; do
  base=${job%%:*} flag=${job#*:}
  json=out/text/$base.json
  name=$base${flag:+_landscape}
  python3 scripts/standard-to-html.py "$json" $flag > "$tmp/$name.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$tmp/$name.pdf" "$tmp/$name.html" 2>/dev/null
  mv "$tmp/$name.pdf" "tests/data/browser-pdf/$name.pdf"
  echo "tests/data/browser-pdf/$name.pdf"
done
