#!/usr/bin/env bash
# Checks that every #include of our own headers points down the layers
# written in docs/ARCHITECTURE.md ("Layers"). Run by ctest (LayerIncludes);
# prints each include that points up or sideways and exits 1 if any does.
set -euo pipefail
cd "$(dirname "$0")/.."

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
exit $bad
