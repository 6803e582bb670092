#!/usr/bin/env bash
# Scores the classifier on the shared Sisimai corpus (../shared, not part of a user's clone).
#   scripts/corpus-score.sh [BUILD_DIR]   (BUILD_DIR defaults to target; the jar is rebuilt there)
# Prints score.py's report; misses are the to-do list. Also checks that the CRLF (dos/) and CR (mac/)
# copies of the corpus give the same verdicts as bsd/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-target}
shared=../shared
[ -d "$shared/corpus/sisimai" ] || { echo "no $shared/corpus/sisimai here" >&2; exit 2; }
mvn -o -q -B -Dbk.build.dir="$build" -DskipTests package >/dev/null
out=$(mktemp -d)
for v in bsd dos mac; do
  java -jar "$build/bouncekit.jar" scan --quiet --format jsonl "$shared/corpus/sisimai/$v" > "$out/$v.jsonl" || true
done
python3 "$shared/tools/score.py" sisimai "$out/bsd.jsonl" "$shared/corpus/sisimai/expected.json"
python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
def load(v):
    res = {}
    for line in open(os.path.join(d, v + '.jsonl'), encoding='utf-8'):
        o = json.loads(line)
        res[os.path.basename(o['source'])] = [(x.get('recipient'), x.get('status'), x.get('replyCode'), x.get('class'), x.get('reason'), x.get('decision')) for x in o['verdicts']]
    return res
bsd = load('bsd')
for v in ('dos', 'mac'):
    other = load(v)
    common = [f for f in bsd if f in other]
    diff = [f for f in common if other[f] != bsd[f]]
    print(f"line-endings {v}: {len(common) - len(diff)}/{len(common)} identical" + (f"; differ: {' '.join(sorted(diff)[:10])}" if diff else ''))
PY
rm -rf "$out"
