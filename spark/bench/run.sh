#!/usr/bin/env bash
# Spark against the CLI on one corpus: sentences/s of `stancekit score` and of `stancekit spark-score`
# with local[1] and local[2], for one model. Usage: spark/bench/run.sh MODEL SENTENCES
# (docs/spark.md: `spark/bench/run.sh fast 400000`, `spark/bench/run.sh default 12000`).
# Run it on a quiet machine; on a shared one, under the project's lock:
#   flock /tmp/stancekit-heavy.lock spark/bench/run.sh fast 400000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model="${1:?MODEL (fast or default)}"
sentences="${2:?SENTENCES}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/stancekit" score --text "warm-up build" --model fast >/dev/null 2>&1 || true   # builds on first use
cp="$root/inference/target/stancekit-inference-0.1.0-SNAPSHOT.jar:$(cat "$root/inference/target/classpath.txt")"
java -cp "$cp" "$root/spark/bench/WriteCorpus.java" "$root/datasets" "$work/corpus" "$sentences"

run() { # label, command...: prints the command's summary line and its wall time
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" 2>&1 | grep -E '^Scored' | sed "s/^/$label: /"
  end=$(date +%s.%N)
  printf '%s: wall %.1f s (JVM start, model load and Spark start-up included); load average %s\n' \
    "$label" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}

run "score (CLI)" "$root/stancekit" score "$work/corpus" --model "$model" --out "$work/cli" --progress never
run "spark-score local[1]" "$root/stancekit" spark-score "$work/corpus" --model "$model" --master 'local[1]' --out "$work/spark1"
run "spark-score local[2]" "$root/stancekit" spark-score "$work/corpus" --model "$model" --master 'local[2]' --out "$work/spark2"

# The same rows (sorted: Spark's part files are per partition).
for out in spark1 spark2; do
  if cmp -s <(tail -n +2 "$work/cli/articles.csv" | sort) <(for f in "$work/$out"/articles/part-*.csv; do tail -n +2 "$f"; done | sort); then
    echo "$out: articles rows identical to the CLI's"
  else
    echo "$out: articles rows differ from the CLI's in $(diff <(tail -n +2 "$work/cli/articles.csv" | sort) <(for f in "$work/$out"/articles/part-*.csv; do tail -n +2 "$f"; done | sort) | grep -c '^<') of $(($(wc -l < "$work/cli/articles.csv") - 1)) rows (the 4th decimal: see docs/spark.md)"
  fi
done
