#!/usr/bin/env bash
# Proves scripts/check-layers.sh can fail: for each rule, a tiny git tree
# with one file that breaks it must make the check exit 1 and name the file;
# the same tree without that file must pass. Run by ctest
# (LayerIncludes.FailsOnEachViolation).
set -euo pipefail
check="$(cd "$(dirname "$0")/../.." && pwd)/scripts/check-layers.sh"
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT

failures=0
# case name | file | its one line
cases=(
  "IncludeUpTheLayers|common/up.cc|#include \"normalize/repair/rule_set.h\""
  "Re2OutsideItsAdapter|normalize/standard/x.cc|#include <re2/re2.h>"
  "IcuOutsideItsAdapter|extract/x.cc|#include <unicode/utf8.h>"
  "PopplerOutsideExtractAdapter|extract/layout_json.cc|#include <PDFDoc.h>"
  "PopplerOutsideExtract|normalize/input/x.cc|#include <poppler/cpp/poppler-document.h>"
  "SqliteOutsideItsAdapter|batch/x.cc|#include <sqlite3.h>"
  "TesseractOutsideItsAdapter|extract/pdf_reader.cc|#include <tesseract/baseapi.h>"
  "Libxml2OutsideItsAdapter|normalize/input/html_rows.cc|#include <libxml/tree.h>"
  "NlohmannParseOutsideTheDepthLimitedParser|batch/x.cc|  auto j = nlohmann::json::parse(text);"
  "OrderedJsonParseOutsideTheDepthLimitedParser|diff/x.cc|  auto j = nlohmann::ordered_json::parse(text);"
)
git -C "$tree" init -q
mkdir -p "$tree/common" && echo '#include "common/status.h"' > "$tree/common/ok.cc"
git -C "$tree" add -A
if ! out=$(bash "$check" "$tree" 2>&1); then
  echo "FAIL CleanTreePasses: $out"; failures=1
fi
for entry in "${cases[@]}"; do
  IFS='|' read -r name file line <<<"$entry"
  mkdir -p "$tree/$(dirname "$file")"
  printf '%s\n' "$line" > "$tree/$file"
  git -C "$tree" add -A
  if out=$(bash "$check" "$tree" 2>&1); then
    echo "FAIL $name: the check passed"; failures=1
  elif [[ "$out" != *"$file"* ]]; then
    echo "FAIL $name: the check did not name $file: $out"; failures=1
  else
    echo "ok   $name"
  fi
  git -C "$tree" rm -q -f "$file"
done
# The adapters themselves may use their library.
mkdir -p "$tree/normalize/repair" "$tree/common"
echo '#include <re2/re2.h>' > "$tree/normalize/repair/regex.cc"
echo '#include <unicode/utf8.h>' > "$tree/common/unicode.cc"
echo '  return JsonT::parse(text.begin(), text.end());' > "$tree/common/json_parse.cc"
git -C "$tree" add -A
if ! out=$(bash "$check" "$tree" 2>&1); then
  echo "FAIL AdaptersMayUseTheirLibrary: $out"; failures=1
else
  echo "ok   AdaptersMayUseTheirLibrary"
fi
exit $failures
