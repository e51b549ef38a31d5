#!/usr/bin/env bash
# Runs `docpipe extract` and `docpipe normalize` over every file in DIR (any
# depth), each under /usr/bin/time and an outer `timeout`, and classifies
# every run:
#   ok          exit 0, an output that parses as JSON
#   refusal     a documented exit code (3-8, 11) with exactly one line on
#               stderr naming the file, and no output left
#   crash       killed by a signal, exit 9 (internal error) or an undocumented code
#   hang        still running at the outer timeout (docpipe's --timeout + 30 s)
#   memory      peak RSS over MEMORY_MB (default 1024)
#   message     a failure without its one line (none, several, or not naming the file)
#   partial     a failure that left an output or a temporary file behind
# Prints the counts per command, and one TSV line per run to LOG (default
# DIR-corpus.tsv beside nothing: $TMPDIR). Exit 1 when any run is a crash,
# hang, memory, message or partial; 0 otherwise.
# Usage: scripts/corpus.sh DIR [-- extra docpipe options]
# Environment: DOCPIPE (default build/docpipe), TIMEOUT (docpipe --timeout,
# default 60), MEMORY_MB (default 1024), LOG, JOBS (default 1).
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: scripts/corpus.sh DIR}"; shift
[ "${1:-}" = "--" ] && shift
extra=("$@")
docpipe="${DOCPIPE:-build/docpipe}"
timeout_s="${TIMEOUT:-60}"
memory_mb="${MEMORY_MB:-1024}"
log="${LOG:-${TMPDIR:-/tmp}/docpipe-corpus.tsv}"
[ -x "$docpipe" ] || { echo "corpus.sh: $docpipe not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "corpus.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$log"

classify() {  # command file -> prints class, appends the TSV line to $part; scratch folder $scratch
  local cmd="$1" file="$2" out="$scratch/out.json" err="$scratch/err" stats="$scratch/time" code rss lines
  rm -f "$out" "$scratch"/out.json.tmp.* 2>/dev/null
  /usr/bin/time -f "%e %M" -o "$stats" timeout -s KILL $((timeout_s + 30)) \
    "$docpipe" "$cmd" "$file" -o "$out" --timeout "$timeout_s" --max-memory-mb "$memory_mb" "${extra[@]}" \
    >/dev/null 2>"$err"
  code=$?
  # /usr/bin/time reports "Command terminated by signal N" / "exited with non-zero status" first.
  read -r secs rss < <(tail -n 1 "$stats")
  lines=$(wc -l < "$err")
  local class
  if [ "$code" -eq 137 ] && [ "${secs%.*}" -ge $((timeout_s + 29)) ]; then class=hang
  elif [ "${rss:-0}" -gt $((memory_mb * 1024)) ]; then class=memory
  elif [ "$code" -eq 0 ]; then
    if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" 2>/dev/null; then class=ok; else class=partial; fi
  elif [ "$code" -gt 128 ] || [ "$code" -eq 9 ] || ! [[ "$code" =~ ^([3-8]|11)$ ]]; then class=crash
  elif [ -e "$out" ] || compgen -G "$scratch/out.json.tmp.*" >/dev/null; then class=partial
  elif [ "$lines" -ne 1 ] || ! grep -qF -- "$file" "$err"; then class=message
  else class=refusal
  fi
  printf '%s\t%s\t%s\t%s\t%s KB\t%s s\t%s\n' "$cmd" "$class" "$code" "$file" "${rss:-?}" "${secs:-?}" \
    "$(head -c 300 "$err" | tr '\n\t' '  ')" >> "$part"
  echo "$class"
}

# JOBS shares the files among that many workers, each with its own scratch
# folder and log part; the parts are joined in file order for the counts.
mapfile -d '' files < <(find "$dir" -type f -print0 | sort -z)
total=${#files[@]}
jobs="${JOBS:-1}"
for ((j = 0; j < jobs; ++j)); do
  (
    scratch="$work/$j"
    part="$scratch/log.part"
    mkdir -p "$scratch"
    for ((i = j; i < total; i += jobs)); do
      for cmd in extract normalize; do
        printf '%08d\t' "$i" >> "$part"
        classify "$cmd" "${files[$i]}" > /dev/null
      done
    done
  ) &
done
wait
cat "$work"/*/log.part 2>/dev/null | sort -s -k1,1n | cut -f2- > "$log"
declare -A counts
while IFS=$'\t' read -r cmd class _; do
  counts["$cmd $class"]=$(( ${counts["$cmd $class"]:-0} + 1 ))
done < "$log"

bad=0
echo "corpus: $total files in $dir (docpipe --timeout $timeout_s --max-memory-mb $memory_mb); log: $log"
for cmd in extract normalize; do
  line="$cmd:"
  for class in ok refusal crash hang memory message partial; do
    n=${counts["$cmd $class"]:-0}
    line+=" $class $n"
    case "$class" in ok|refusal) ;; *) [ "$n" -eq 0 ] || bad=1 ;; esac
  done
  echo "$line"
done
[ "$bad" -eq 0 ] || { echo "corpus: runs that are not ok or a documented refusal:"; awk -F'\t' '$2!="ok" && $2!="refusal"' "$log"; }
exit "$bad"
