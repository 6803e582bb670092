#!/usr/bin/env bash
# Memory check: a ~2 GB mbox scans with a 256 MB heap. Builds the mbox by repeating the generated
# 100,000-message mbox of bench/make-mbox.py (about 390 MB) until it reaches $MEMORY_BYTES (default 2 GB),
# runs
#   java -Xmx256m -jar target/bouncekit.jar scan --quiet --format summary BIG.mbox
# under /usr/bin/time and prints the exit status, wall time, messages/s and peak RSS. The big file is
# deleted afterwards (set KEEP=1 to keep it); it lives in $BENCH_DIR (default ${TMPDIR:-/tmp}/bouncekit-bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BOUNCEKIT_JAR:-$root/target/bouncekit.jar}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/bouncekit-bench}"
target="${MEMORY_BYTES:-2000000000}"
heap="${MEMORY_HEAP:-256m}"
mkdir -p "$dir"

if [ ! -f "$jar" ]; then
  echo "memory: building $jar" >&2
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi
unit="$dir/bounces-100000.mbox"
[ -s "$unit" ] || python3 "$root/bench/make-mbox.py" "$unit" --messages 100000 >&2
big="$dir/big-$$.mbox"
[ "${KEEP:-0}" = 1 ] || trap 'rm -f "$big"' EXIT
copies=0
: > "$big"
while [ "$(stat -c %s "$big")" -lt "$target" ]; do
  cat "$unit" >> "$big"
  copies=$((copies + 1))
done
bytes=$(stat -c %s "$big")
messages=$((copies * 100000))
echo "memory: $big: $messages messages, $((bytes / 1000000)) MB; heap -Xmx$heap" >&2

t0=$(date +%s%N)
status=0
/usr/bin/time -f '%M' -o "$dir/memory-rss.txt" java "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -jar "$jar" scan --quiet --format summary "$big" \
  > "$dir/memory-summary.txt" 2> "$dir/memory-stderr.txt" || status=$?
t1=$(date +%s%N)
rss_kb=$(tail -1 "$dir/memory-rss.txt")
read_count=$(awk '/^messages read/ { v = $3; gsub(",", "", v); print v }' "$dir/memory-summary.txt")
awk -v s="$status" -v n="${read_count:-0}" -v want="$messages" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v rss="$rss_kb" -v heap="$heap" 'BEGIN {
  secs = (t1 - t0) / 1e9
  printf "exit status %d; %d of %d messages read; %.0f MB in %.1f s: %.0f messages/s, %.1f MB/s; -Xmx%s, peak RSS %.0f MB\n",
    s, n, want, b / 1e6, secs, n / secs, b / 1e6 / secs, heap, rss / 1024 }'
if [ "$status" -ne 0 ] || [ "${read_count:-0}" -ne "$messages" ]; then
  echo "memory: FAILED" >&2
  cat "$dir/memory-stderr.txt" >&2
  exit 1
fi
