#!/usr/bin/env bash
# CTest corpus_damaged: damages SOURCE every way scripts/make-damaged-corpus.py
# knows into DIR (emptied first) and runs scripts/corpus.sh over it. Fails
# when fewer than MIN files were made (qpdf missing: only the byte damage),
# or when corpus.sh finds a run that is not ok or a documented refusal.
# Usage (from the source root): tests/cli/corpus_damaged.sh DIR SOURCE MIN
set -euo pipefail
dir="$1" source="$2" min="$3"
rm -rf "$dir"
python3 scripts/make-damaged-corpus.py "$dir" "$source"
made=$(find "$dir" -type f | wc -l)
[ "$made" -ge "$min" ] || { echo "corpus_damaged: $made damaged files, expected at least $min" >&2; exit 1; }
bash scripts/corpus.sh "$dir"
