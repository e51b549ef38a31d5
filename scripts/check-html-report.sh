#!/bin/sh
# Renders the diff HTML report of a constructed version pair in headless
# Chromium (Debian package `chromium`) and keeps the page and a screenshot
# for a person to look at:
#   scripts/check-html-report.sh [BUILD_DIR] [OUT_DIR]
# Defaults: build, build/diff-html-check. See docs/diff.md.
set -eu
build=${1:-build}
out=${2:-build/diff-html-check}
command -v chromium >/dev/null 2>&1 || { echo "check-html-report: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
mkdir -p "$out"
DOCPIPE_HTML_REPORT_OUT="$out" "$build/tests/diff/diff_html_browser_test"
echo "page:       $out/report.html"
echo "screenshot: $out/report.png (open it and check: summary on top, duty/task groups, old|new columns, red deletions, green insertions)"
