#!/usr/bin/env bash
# JMH micro-benchmarks: parse + classify per sample format, mbox splitting (MB/s), split + classify on one thread.
#
#   bench/jmh.sh                                  # all benchmarks (about 5 minutes)
#   bench/jmh.sh ClassifyBenchmark -p sample=postfix-userunknown
#   bench/jmh.sh MboxSplit -f 1 -wi 2 -i 3       # any JMH options; -h lists them
#
# Compiles the tests (JMH's annotation processor generates the harness in test-compile), writes the test
# classpath once, and runs org.bouncekit.bench.Benchmarks from the project directory. Maven runs offline when
# BENCH_MVN_OPTS is unset and ~/.m2 has the dependencies; set BK_BUILD_DIR to build elsewhere than target/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BK_BUILD_DIR:-$root/target}"
cd "$root"
mvn -q -B ${BENCH_MVN_OPTS:-} -Dbk.build.dir="$build" -DskipTests test-compile >&2
if [ ! -s "$build/classpath.txt" ] || [ pom.xml -nt "$build/classpath.txt" ]; then
  mvn -q -B ${BENCH_MVN_OPTS:-} -Dbk.build.dir="$build" dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$build/classpath.txt" >&2
fi
exec java ${BENCH_JAVA_OPTS:-} -cp "$build/test-classes:$build/classes:$(cat "$build/classpath.txt")" \
  -Dbouncekit.root="$root" org.bouncekit.bench.Benchmarks "$@"
