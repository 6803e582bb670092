#!/usr/bin/env bash
# Start-up of a one-message scan, JVM start included:
#   java $JAVA_OPTS -jar target/bouncekit.jar scan samples/postfix-userunknown.eml
# with hyperfine when installed (apt-get install hyperfine), else a loop timed with date +%s%N.
#
#   bench/startup.sh            # plain, then with the launcher's recommended options
#   bench/startup.sh --cds      # also with an AppCDS archive (made first in target/bouncekit.jsa)
#
# RUNS (default 20) runs per variant; BOUNCEKIT_JAR and STARTUP_MESSAGE override the jar and the message.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${BOUNCEKIT_JAR:-$root/target/bouncekit.jar}"
msg="${STARTUP_MESSAGE:-$root/samples/postfix-userunknown.eml}"
runs="${RUNS:-20}"
recommended="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi

variants=("java -jar $jar scan $msg" "java $recommended -jar $jar scan $msg")
if [ "${1:-}" = "--cds" ]; then
  jsa="${jar%.jar}.jsa"
  # the archive holds the classes a one-message scan loads; remade whenever the jar is newer
  if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
    rm -f "$jsa"
    java -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" scan "$msg" > /dev/null 2>&1
  fi
  variants+=("java $recommended -XX:SharedArchiveFile=$jsa -Xlog:disable -Xlog:all=warning:stderr -jar $jar scan $msg")
fi

if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" "${variants[@]}"
else
  for v in "${variants[@]}"; do
    for _ in 1 2 3; do $v > /dev/null; done
    total=0; min=0
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N); $v > /dev/null; t1=$(date +%s%N)
      d=$(( (t1 - t0) / 1000000 )); total=$((total + d))
      if [ "$min" -eq 0 ] || [ "$d" -lt "$min" ]; then min=$d; fi
    done
    echo "$v"
    echo "  mean $((total / runs)) ms, min $min ms over $runs runs"
  done
fi
