#!/usr/bin/env bash
# Installs the Debian 12 packages docpipe needs to build, test and benchmark.
# Idempotent: packages already present are left alone. Runs apt-get as root,
# through sudo otherwise.
#   --with-browser  also Chromium and a CJK font, for the test that renders
#                   the diff HTML report (it skips when they are absent)
#   --with-producers  also XeLaTeX, wkhtmltopdf, ReportLab, the CJK fonts and
#                   the Unicode Character Database, to remake the committed
#                   prints (scripts/make-producer-pdfs.sh) and the radical
#                   table (scripts/gen-equivalent-ideographs.py); the tests
#                   need none of them
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libpoppler-private-dev poppler-utils poppler-data
  libicu-dev libre2-dev nlohmann-json3-dev libvalijson-dev libcli11-dev libdtl-dev nettle-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev libmimalloc-dev
  qpdf python3 time python3-yaml shellcheck
  libsqlite3-dev postgresql python3-pandas
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-tra tesseract-ocr-script-hant tesseract-ocr-eng imagemagick img2pdf
)
[ "${1:-}" = "--with-browser" ] && packages+=(chromium fonts-wqy-microhei)
[ "${1:-}" = "--with-producers" ] && packages+=(texlive-xetex texlive-lang-chinese texlive-latex-extra wkhtmltopdf
  python3-reportlab fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei fonts-cwtex-ming
  unicode-data)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
