#!/usr/bin/env bash
# Checks the two rules of docs/ARCHITECTURE.md ("Layers", "Adapters"):
#  1. every #include of our own headers points down the layers;
#  2. every third-party library is met in its one adapter file: no other
#     file includes its headers (or, for nlohmann, parses JSON with it).
# Run by ctest (LayerIncludes); prints each violation and exits 1 if any.
# Tests, benchmarks and fuzz targets are not checked against rule 2: a test
# may use a library directly as an independent oracle for our adapter.
#
#   scripts/check-layers.sh [ROOT]   # ROOT: a git work tree (default: this one)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

# folder -> the folders its files may include (besides their own).
declare -A allowed=(
  [common]=""
  [schema]="common"
  [extract]="common schema"
  [model]="common"
  [normalize/repair]="model common"
  [normalize/input]="normalize/repair model extract common"
  [normalize/standard]="normalize/repair model common"
  [normalize/policy]="normalize/repair model common"
  [pipeline]="normalize/input normalize/standard normalize/policy normalize/repair model extract schema common"
  [diff]="pipeline model schema common"
  [batch]="pipeline extract model common"
  [catalogue]="batch diff model common"
  [cli]="catalogue batch diff pipeline normalize/input normalize/standard normalize/policy normalize/repair model extract schema common"
)

bad=0
for layer in "${!allowed[@]}"; do
  for file in $(git ls-files "$layer/*.h" "$layer/*.cc"); do
    # Files of a sub-layer are checked with their own rule.
    sub="${file%/*}"
    [[ "$sub" != "$layer" ]] && continue
    while IFS= read -r target; do
      dir="${target%/*}"
      [[ "$dir" == "$layer" ]] && continue
      ok=0
      for a in ${allowed[$layer]}; do [[ "$dir" == "$a" ]] && ok=1; done
      if [[ $ok == 0 ]]; then
        echo "$file includes $target: $layer may include only: ${allowed[$layer]:-nothing of ours}"
        bad=1
      fi
    done < <(sed -n 's/^#include "\([a-z_/]*\)\.h"$/\1.h/p' "$file")
  done
done
for file in $(git ls-files 'normalize/*.h' 'normalize/*.cc'); do
  [[ "${file%/*}" == normalize ]] && { echo "$file: normalize/ holds only its four layer folders"; bad=1; }
done

# library | its one adapter file | what marks a use (extended regex)
adapters=(
  "RE2|normalize/repair/regex.cc|^#include <re2/"
  "ICU|common/unicode.cc|^#include <unicode/"
  "poppler|extract/pdf_reader.cc|^#include <(poppler/|goo/|splash/|fofi/|[A-Z][A-Za-z0-9]*\.h>)"
  "Tesseract|extract/ocr_engine.cc|^#include <(tesseract|leptonica)/"
  "SQLite|catalogue/sqlite_writer.cc|^#include <sqlite3\.h>"
  "libxml2|normalize/input/html_document.cc|^#include <libxml/"
  "valijson|schema/schema_validator.cc|^#include <valijson/"
  "Nettle|common/sha256.cc|^#include <nettle/"
  "dtl|diff/char_diff.cc|^#include <dtl/"
  "nlohmann parsing|common/json_parse.cc|(json|JsonT|basic_json<[^>]*>)::(parse|accept|sax_parse|from_cbor|from_msgpack|from_bson|from_ubjson)\b|\"_json\b"
)
for entry in "${adapters[@]}"; do
  IFS='|' read -r library adapter pattern <<<"$entry"
  while IFS= read -r file; do
    [[ -z "$file" || "$file" == "$adapter" ]] && continue
    echo "$file uses $library: only $adapter may ($(grep -Em1 "$pattern" "$file" | sed 's/^ *//'))"
    bad=1
  done < <(git ls-files -z '*.h' '*.cc' ':!:tests/' ':!:bench/' ':!:fuzz/' | xargs -0 -r grep -lE "$pattern" || true)
done
exit $bad
