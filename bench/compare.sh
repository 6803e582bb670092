#!/usr/bin/env bash
# Whole-process benchmark: bouncekit against Sisimai on generated mboxes of the same mix.
#
#   bench/compare.sh                  # 100,000 messages for bouncekit, the first 10,000 of them for Sisimai
#   bench/compare.sh 200000 20000     # other sizes
#
# Builds target/bouncekit.jar when it is missing, generates the mboxes with bench/make-mbox.py (fixed seed;
# kept in $BENCH_DIR, default ${TMPDIR:-/tmp}/bouncekit-bench, and reused), then runs
#   ./bouncekit scan --quiet --format jsonl MBOX > /dev/null       (the launcher, with its JVM options)
# or, when BENCH_JAVA_OPTS is set, java $BENCH_JAVA_OPTS -jar target/bouncekit.jar scan ... instead
# under /usr/bin/time (wall time, peak RSS). When Sisimai is installed (Debian: libsisimai-perl) it runs
# bench/sisimai-scan.pl on the smaller mbox (Sisimai needs about a millisecond per message) and bouncekit on
# that same file too. Prints a Markdown table; the ratio compares messages/s.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages="${1:-100000}"
sisimai_messages="${2:-10000}"
jar="${BOUNCEKIT_JAR:-$root/target/bouncekit.jar}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/bouncekit-bench}"
java_opts="${BENCH_JAVA_OPTS:-}"
if [ -n "$java_opts" ]; then
  # shellcheck disable=SC2206
  bouncekit=(java $java_opts -jar "$jar")
else
  bouncekit=("$root/bouncekit")
fi
mkdir -p "$dir"

if [ ! -f "$jar" ]; then
  echo "compare: building $jar" >&2
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi

mbox_of() { # messages -> path (generated once; the first N messages of every size are the same)
  local f="$dir/bounces-$1.mbox"
  [ -s "$f" ] || python3 "$root/bench/make-mbox.py" "$f" --messages "$1" >&2
  echo "$f"
}

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%M' -o "$dir/rss.txt"); fi

# run NAME MESSAGES FILE COMMAND... : prints one table row; the command's stdout goes to /dev/null
run() {
  local name="$1" n="$2" file="$3"; shift 3
  local bytes t0 t1 secs rss
  bytes=$(stat -c %s "$file")
  rm -f "$dir/rss.txt"
  t0=$(date +%s%N)
  "${timer[@]}" "$@" > /dev/null 2> "$dir/stderr.txt" || { echo "compare: $name failed:" >&2; cat "$dir/stderr.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  rss=$( [ -s "$dir/rss.txt" ] && tail -1 "$dir/rss.txt" || echo 0)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  awk -v name="$name" -v n="$n" -v bytes="$bytes" -v s="$secs" -v rss="$rss" 'BEGIN {
    printf "| %s | %d | %.1f | %.2f | %.0f | %.1f | %.0f |\n", name, n, bytes / 1e6, s, n / s, bytes / 1e6 / s, rss / 1024 }'
  echo "$n $secs" > "$dir/last.txt"
}

big=$(mbox_of "$messages")
if [ -z "$java_opts" ]; then
  # The launcher's class-data archive, made as the first small scan after a build makes it (README: performance).
  "$root/bouncekit" scan --quiet --format jsonl "$root/samples/postfix-userunknown.eml" > /dev/null 2>&1 || true
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); bouncekit: ${java_opts:+java $java_opts -jar $jar}${java_opts:-the ./bouncekit launcher (its big-scan JVM options)}"
echo
echo "| tool | messages | MB | wall s | messages/s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
run "bouncekit" "$messages" "$big" "${bouncekit[@]}" scan --quiet --format jsonl "$big"
read -r bk_n bk_s < "$dir/last.txt"

if perl -MSisimai -e1 2>/dev/null; then
  small=$(mbox_of "$sisimai_messages")
  run "bouncekit (Sisimai's subset)" "$sisimai_messages" "$small" "${bouncekit[@]}" scan --quiet --format jsonl "$small"
  read -r bs_n bs_s < "$dir/last.txt"
  run "Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION')" "$sisimai_messages" "$small" perl "$root/bench/sisimai-scan.pl" "$small"
  read -r si_n si_s < "$dir/last.txt"
  grep -h '^messages=' "$dir/stderr.txt" | sed 's/^/Sisimai: /'
  echo
  awk -v a="$bk_n" -v b="$bk_s" -v c="$si_n" -v d="$si_s" -v e="$bs_n" -v f="$bs_s" 'BEGIN {
    printf "ratio (messages/s): bouncekit on %d messages / Sisimai on the first %d: %.0fx; both on the same %d: %.0fx\n",
      a, c, (a / b) / (c / d), c, (e / f) / (c / d) }'
  if [ "$sisimai_messages" -lt "$messages" ]; then
    echo "(Sisimai runs on the first $sisimai_messages messages only: at about 1 ms per message the full mbox would take minutes.)"
  fi
else
  echo
  echo "Sisimai is not installed (Debian: apt-get install libsisimai-perl): no comparison."
fi
