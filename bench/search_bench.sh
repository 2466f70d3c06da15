#!/bin/sh
# search_bench.sh - search latency at corpus size: p50 and p95 of 100
# queries through the core API, beside `grep -ril` over the same files and a
# plain FTS5 bm25 top 20 over the same texts, measured in the same run.
#
#   bench/search_bench.sh [-n ARTICLES|small|medium|large] [-r RUNS] [-s SEED]
#                         [-q QUERIES] [-w WORKDIR] [-k] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default build) must hold copydesk,
# bench/gen_corpus and bench/search_driver.  Generates the corpus, imports
# it (`copydesk import CORPUS/corpus.jsonl`), fills a stock FTS5 table
# (unicode61 remove_diacritics 2) with the same .txt files from the sqlite3
# shell, then for each query of QUERIES (default bench/search_queries.txt):
#
#   first results   desk_search(newest): the first screen's 20 rows with snippets
#   ranked page     desk_search(): the top 20 by bm25 with snippets
#   fts5 baseline   SELECT rowid, snippet() FROM t WHERE t MATCH q ORDER BY bm25 LIMIT 20
#   grep baseline   grep -ril -- QUERY CORPUS/txt
#
# each the best of RUNS (default 1) in one process (search_driver), and one
# whole `copydesk search` command for reference.  Exit status: 0 when both
# targets are met (first results p95 < 30 ms, ranked page p95 < 100 ms), 1
# when not, 2 for a usage or setup error.  See bench/README.md.

set -eu

articles=20000
runs=1
seed=1
queries=
work=
keep=0
first_target=30
page_target=100

usage() {
	sed -n '6,7p' "$0" | sed 's/^# *//' >&2
	exit 2
}

die() {
	echo "search_bench: $*" >&2
	exit 2
}

while getopts n:r:s:q:w:kh opt; do
	case $opt in
	n) articles=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) seed=$OPTARG ;;
	q) queries=$OPTARG ;;
	w) work=$OPTARG ;;
	k) keep=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
build=${1:-build}

case $articles in
small) articles=2000 ;;
medium) articles=20000 ;;
large) articles=100000 ;;
esac
case $articles in '' | *[!0-9]*) die "-n wants a number of articles, small, medium or large" ;; esac
case $runs in '' | *[!0-9]* | 0) die "-r wants a positive number of runs" ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
[ -n "$queries" ] || queries=$root/bench/search_queries.txt
[ -r "$queries" ] || die "$queries: cannot read"
copydesk=$build/copydesk
gen=$build/bench/gen_corpus
driver=$build/bench/search_driver
for x in "$copydesk" "$gen" "$driver"; do
	[ -x "$x" ] || die "$x: not built (cmake -DCOPYDESK_BENCH=ON, cmake --build $build)"
done
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3: not found (apt-get install sqlite3)"
case $(date +%N) in *[!0-9]*) die "date +%N: needs GNU date" ;; esac
sqlite3 :memory: "SELECT count(*) FROM fsdir('$root/bench')" >/dev/null 2>&1 ||
	die "sqlite3 $(sqlite3 --version | cut -d' ' -f1): no fsdir() (needs the shell's fileio)"

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-search.XXXXXX")
else
	mkdir -p "$work"
	work=$(cd "$work" && pwd)
fi
cleanup() {
	if [ "$keep" = 0 ]; then
		rm -rf "$work/corpus" "$work"/db.* "$work"/fts.* "$work"/*.out "$work"/*.ms
		rmdir "$work" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
corpus=$work/corpus
db=$work/db.sqlite
fts=$work/fts.sqlite

now() { date +%s%N; }

# p-th percentile (nearest rank) of the numbers on stdin, one a line.
pct() {
	sort -n | awk -v p="$1" '{ v[NR] = $1 } END { k = int(p / 100 * NR + 0.999999); if (k < 1) k = 1; printf "%.2f", v[k] }'
}

# --- The corpus, the index and the baseline's index ------------------------

rm -rf "$corpus" "$db" "$db-wal" "$db-shm" "$fts"
echo "generating $articles articles in $corpus ..." >&2
"$gen" -n "$articles" -s "$seed" -o "$corpus" "$root/annotations/samples" "$root/tests/fixtures" >&2
echo "importing them with copydesk ..." >&2
t0=$(now)
COPYDESK_EDITOR=bench "$copydesk" --db "$db" import "$corpus/corpus.jsonl" >/dev/null
import_s=$(echo "$(now) $t0" | awk '{ printf "%.2f", ($1 - $2) / 1e9 }')
echo "the same .txt files into stock FTS5 with the sqlite3 shell ..." >&2
t0=$(now)
sqlite3 -batch -bail "$fts" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO t (title, body) SELECT '', CAST(data AS TEXT) FROM fsdir('$corpus/txt') WHERE name LIKE '%.txt';
SQL
fts_s=$(echo "$(now) $t0" | awk '{ printf "%.2f", ($1 - $2) / 1e9 }')

# --- The queries ---------------------------------------------------------

nq=$(grep -cv '^#' "$queries" || true)
echo "$nq queries through desk_search ..." >&2
"$driver" copydesk "$db" "$queries" "$runs" >"$work/copydesk.out"
echo "$nq queries through plain FTS5 ..." >&2
"$driver" fts5 "$fts" "$queries" "$runs" >"$work/fts5.out"
echo "$nq queries with grep -ril ..." >&2
: >"$work/grep.ms"
grep -v '^#' "$queries" | while IFS= read -r q; do
	[ -n "$q" ] || continue
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now)
		grep -ril -- "$q" "$corpus/txt" >/dev/null || true
		t=$(echo "$(now) $t0" | awk '{ printf "%.2f", ($1 - $2) / 1e6 }')
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
		i=$((i + 1))
	done
	echo "$best" >>"$work/grep.ms"
done
cmd_q='kinh te'
t0=$(now)
"$copydesk" --db "$db" search "$cmd_q" >/dev/null
cmd_ms=$(echo "$(now) $t0" | awk '{ printf "%.1f", ($1 - $2) / 1e6 }')

# --- The report ------------------------------------------------------------

field() { awk -v k="$2" -v c="$3" '$1 == k { print $c }' "$1"; }
first50=$(field "$work/copydesk.out" p50 2)
first95=$(field "$work/copydesk.out" p95 2)
page50=$(field "$work/copydesk.out" p50 3)
page95=$(field "$work/copydesk.out" p95 3)
fts50=$(field "$work/fts5.out" p50 2)
fts95=$(field "$work/fts5.out" p95 2)
grep50=$(pct 50 <"$work/grep.ms")
grep95=$(pct 95 <"$work/grep.ms")

echo "copydesk search benchmark: $articles articles (seed $seed), $nq queries, best of $runs"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); import ${import_s} s (copydesk, with its index), ${fts_s} s (stock FTS5, sqlite3 shell)"
echo
printf '%-52s %9s %9s\n' "" "p50 ms" "p95 ms"
printf '%-52s %9s %9s  (target p95 < %s)\n' "copydesk first results (desk_search newest, 20)" "$first50" "$first95" "$first_target"
printf '%-52s %9s %9s  (target p95 < %s)\n' "copydesk ranked page (desk_search, top 20)" "$page50" "$page95" "$page_target"
printf '%-52s %9s %9s\n' "plain FTS5 bm25 top 20 (unicode61 rd 2, snippets)" "$fts50" "$fts95"
printf '%-52s %9s %9s\n' "grep -ril over the .txt files" "$grep50" "$grep95"
echo
echo "slowest queries (first results, ranked page, hits, query):"
grep -v '^p[0-9]\|^max' "$work/copydesk.out" | sort -k2 -n -r | head -5 | sed 's/^/  /'
echo "the whole command once: copydesk search '$cmd_q': $cmd_ms ms"
echo
ok=$(awk -v a="$first95" -v b="$page95" -v x="$first_target" -v y="$page_target" 'BEGIN { print (a < x && b < y) ? 1 : 0 }')
if [ "$ok" = 1 ]; then
	echo "PASS: first results p95 < $first_target ms and ranked page p95 < $page_target ms"
	exit 0
fi
echo "FAIL: first results p95 $first95 ms (< $first_target), ranked page p95 $page95 ms (< $page_target)"
exit 1
