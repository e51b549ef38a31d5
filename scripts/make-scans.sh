#!/usr/bin/env bash
# Makes scanned PDFs (image-only pages, no text layer) from text PDFs, to
# test and measure OCR without outside data.
#
#   scripts/make-scans.sh [--dpi N] [--noise] [--skew DEG] [--pages A-B] IN.pdf OUT.pdf
#   scripts/make-scans.sh --mixed PAGE IN.pdf OUT.pdf
#
# Each page is rendered by pdftoppm (gray, --dpi, default 300), optionally
# degraded with ImageMagick (--noise: Gaussian noise and a slight blur, as a
# flatbed scanner gives; --skew: the page turned by DEG degrees), reduced to
# one bit per pixel (a fax-like scan, and files small enough to commit) and
# wrapped back into a PDF by img2pdf at the same resolution, so the page size
# is the original's. --mixed keeps IN's text pages and replaces page PAGE by
# its scan (qpdf): a text PDF with one scanned page.
#
# tests/data/scans/ holds the small files the tests use, made by:
#   bash scripts/make-scans.sh --dpi 300 --pages 1-2 samples/pdf/INM2529-002v2_layout2.pdf tests/data/scans/INM2529-002v2_scan.pdf
#   bash scripts/make-scans.sh --mixed 2 samples/pdf/INM2529-002v2_layout2.pdf tests/data/scans/INM2529-002v2_mixed.pdf
#   bash scripts/make-scans.sh --pages 2-2 samples/pdf/IIS3513-001v4.pdf tests/data/scans/IIS3513-001v4_p2_scan.pdf
# Needs poppler-utils, imagemagick, img2pdf, qpdf (scripts/install-deps.sh).
set -euo pipefail
dpi=300 noise=0 skew=0 pages="" mixed=""
while [ $# -gt 2 ]; do
  case "$1" in
    --dpi) dpi=$2; shift 2 ;;
    --noise) noise=1; shift ;;
    --skew) skew=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --mixed) mixed=$2; shift 2 ;;
    *) echo "make-scans: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 2 ] || { sed -n 2,20p "$0" >&2; exit 2; }
in=$1 out=$2
for tool in pdftoppm convert img2pdf qpdf; do
  command -v "$tool" >/dev/null || { echo "make-scans: needs $tool (bash scripts/install-deps.sh)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Renders pages FIRST..LAST of $1 into $tmp/scan.pdf.
scan() {
  local src=$1 first=$2 last=$3
  pdftoppm -gray -r "$dpi" -f "$first" -l "$last" "$src" "$tmp/p"
  local images=()
  for pgm in "$tmp"/p*.pgm; do
    local args=()
    # A fixed seed: the same noise on every run, so that before/after
    # measurements read the same scan.
    [ "$noise" = 1 ] && args+=(-seed 1 -attenuate 0.6 +noise Gaussian -blur 0x0.6)
    [ "$skew" != 0 ] && args+=(-background white -rotate "$skew" -gravity center -extent "$(identify -format %wx%h "$pgm")")
    convert "$pgm" "${args[@]}" -threshold 55% -type bilevel -define png:compression-level=9 "${pgm%.pgm}.png"
    images+=("${pgm%.pgm}.png")
  done
  img2pdf --imgsize "${dpi}dpi" -o "$tmp/scan.pdf" "${images[@]}"
}

count=$(pdfinfo "$in" | awk '/^Pages:/ {print $2}')
if [ -n "$mixed" ]; then
  scan "$in" "$mixed" "$mixed"
  args=()
  [ "$mixed" -gt 1 ] && args+=("$in" "1-$((mixed - 1))")
  args+=("$tmp/scan.pdf" 1)
  [ "$mixed" -lt "$count" ] && args+=("$in" "$((mixed + 1))-$count")
  qpdf --empty --pages "${args[@]}" -- "$tmp/out.pdf"
else
  first=1 last=$count
  if [ -n "$pages" ]; then first=${pages%-*}; last=${pages#*-}; fi
  scan "$in" "$first" "$last"
  mv "$tmp/scan.pdf" "$tmp/out.pdf"
fi
mv "$tmp/out.pdf" "$out"
echo "$out: $(pdfinfo "$out" | awk '/^Pages:/ {print $2}') pages, $(stat -c %s "$out") bytes"
