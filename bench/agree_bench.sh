#!/bin/sh
# agree_bench.sh - how long `copydesk agreement` takes on a corpus with three
# editors' layers, next to a baseline in the same run: `copydesk export
# --format jsonl` of the same database (which reads every article once).
# A second database adds as many articles again with one editor's layer
# only: agreement reads those through the indexes alone, so its time should
# barely move (the export's doubles).  Not part of ctest.
#
#   bench/agree_bench.sh [-n ARTICLES] [-r RUNS] [-b BUILD]   (10000, 3, build-rel)
set -eu
n=10000 runs=3 build=build-rel
while getopts n:r:b: o; do
	case $o in
	n) n=$OPTARG ;; r) runs=$OPTARG ;; b) build=$OPTARG ;;
	*) echo "usage: $0 [-n ARTICLES] [-r RUNS] [-b BUILD]" >&2; exit 2 ;;
	esac
done
cd "$(dirname "$0")/.."
bin=$build/copydesk
[ -x "$bin" ] || { echo "no $bin: build it first" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-agree-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$n" "$work" <<'PY'
import json, random, sys
n, work = int(sys.argv[1]), sys.argv[2]
random.seed(1)
words = ("Hanoi Paris Reuters ministry said the on in of and a to president minister "
         "company market rose fell percent year week government Vietnam China talks").split()
labels = ["PER", "ORG", "LOC", "MISC", "DATE"]
def article(i, editors):
    toks = [random.choice(words) for _ in range(220)] + ["n%d" % i]
    text = " ".join(toks)
    starts, at = [], 0
    for t in toks:
        starts.append((at, at + len(t))); at += len(t) + 1
    base = []
    for _ in range(12):
        k = random.randrange(len(toks) - 3); w = random.randint(1, 3)
        base.append((starts[k][0], starts[k + w - 1][1], random.choice(labels)))
    spans = []
    for e in editors:
        for s, t, l in base:
            r = random.random()
            if r < 0.1: continue                       # missed
            if r < 0.2: l = random.choice(labels)      # other label
            elif r < 0.3: t = max(s + 1, t - 2)        # other boundary
            spans.append({"start": s, "end": t, "label": l, "author": e})
    return {"format_version": 1, "title": "a%d" % i, "text": text, "spans": spans}
with open(work + "/three.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps(article(i, ["anna", "ben", "chi"])) + "\n")
with open(work + "/one.jsonl", "w") as f:
    for i in range(n, 2 * n):
        f.write(json.dumps(article(i, ["anna"])) + "\n")
PY

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
timeit() { # seconds of one run of "$@"
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 3; }
	e=$(date +%s.%N)
	echo "$e - $s" | bc -l
}
measure() { # db label
	a= x=
	for _ in $(seq "$runs"); do
		a="$a $(timeit env COPYDESK_DB="$1" "$bin" agreement --json)"
		x="$x $(timeit env COPYDESK_DB="$1" "$bin" export --format jsonl --output "$work/out.jsonl")"
	done
	am=$(echo $a | tr ' ' '\n' | median) xm=$(echo $x | tr ' ' '\n' | median)
	printf '%-34s %10.3f %12.3f %8.2f\n' "$2" "$am" "$xm" "$(echo "$am / $xm" | bc -l)"
}
for db in a b; do
	COPYDESK_DB=$work/$db.db "$bin" import "$work/three.jsonl" >/dev/null 2>&1
done
COPYDESK_DB=$work/b.db "$bin" import "$work/one.jsonl" >/dev/null 2>&1
printf '%-34s %10s %12s %8s\n' corpus "agreement s" "export s" ratio
measure "$work/a.db" "$n articles x 3 layers"
measure "$work/b.db" "+ $n articles with 1 layer"
