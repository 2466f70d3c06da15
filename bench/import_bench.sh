#!/bin/sh
# import_bench.sh - the import rate of `copydesk import` beside the sqlite3
# shell storing the same texts, measured in the same run on the same disk.
#
#   bench/import_bench.sh [-n ARTICLES|small|medium|large] [-r RUNS] [-s SEED]
#                         [-t RATIO] [-w WORKDIR] [-k] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default build) must hold copydesk and
# bench/gen_corpus.  Generates a corpus from annotations/samples and
# tests/fixtures (one .txt file per article, and the same articles as one
# .jsonl file), then times, RUNS times each (alternating) on fresh database
# files in WORKDIR, and reports the median:
#
#   copydesk --db NEW import CORPUS/txt            the real command line
#   sqlite3 NEW < baseline-txt.sql                 fsdir(): every file, one INSERT
#   copydesk --db NEW import CORPUS/corpus.jsonl
#   sqlite3 NEW < baseline-jsonl.sql               .import, json_extract(), one INSERT
#   sqlite3 NEW < baselinefts-FORMAT.sql           either, plus a stock FTS5 index (reference)
#
# Both sides use WAL and synchronous = FULL, and the baseline does all of its
# work in one transaction.  Exit status: 0 when copydesk reaches RATIO
# (default 0.5) of the baseline's rate in MB/s for both formats, 1 when it
# does not, 2 for a usage or setup error, 3 when an import stored the wrong
# number of articles.  See bench/README.md.

set -eu

articles=20000
runs=3
seed=1
threshold=0.5
work=
keep=0

usage() {
	sed -n '4,5p' "$0" | sed 's/^# *//' >&2
	exit 2
}

die() {
	echo "import_bench: $*" >&2
	exit 2
}

while getopts n:r:s:t:w:kh opt; do
	case $opt in
	n) articles=$OPTARG ;;
	r) runs=$OPTARG ;;
	s) seed=$OPTARG ;;
	t) threshold=$OPTARG ;;
	w) work=$OPTARG ;;
	k) keep=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
build=${1:-build}

case $articles in
small) articles=2000 ;;      # about 6 MB
medium) articles=20000 ;;    # about 60 MB
large) articles=100000 ;;    # about 300 MB
esac
case $articles in '' | *[!0-9]*) die "-n wants a number of articles, small, medium or large" ;; esac
case $runs in '' | *[!0-9]* | 0) die "-r wants a positive number of runs" ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
copydesk=$build/copydesk
gen=$build/bench/gen_corpus
[ -x "$copydesk" ] || die "$copydesk: not built (cmake --build $build)"
[ -x "$gen" ] || die "$gen: not built (cmake --build $build)"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3: not found (apt-get install sqlite3)"
case $(date +%N) in *[!0-9]*) die "date +%N: needs GNU date" ;; esac
sqlite3 :memory: "SELECT count(*) FROM fsdir('$root/bench')" >/dev/null 2>&1 ||
	die "sqlite3 $(sqlite3 --version | cut -d' ' -f1): no fsdir() (needs the shell's fileio)"

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")
else
	mkdir -p "$work"
	work=$(cd "$work" && pwd)
fi
cleanup() {
	if [ "$keep" = 0 ]; then
		rm -rf "$work/corpus" "$work"/db.* "$work"/*.sql "$work"/*.err "$work"/*.times
		rmdir "$work" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
corpus=$work/corpus
db=$work/db.sqlite

# --- The corpus ----------------------------------------------------------

rm -rf "$corpus"
echo "generating $articles articles in $corpus ..." >&2
"$gen" -n "$articles" -s "$seed" -o "$corpus" "$root/annotations/samples" "$root/tests/fixtures" >&2
txt_bytes=$(find "$corpus/txt" -type f -name '*.txt' -exec cat {} + | wc -c)
txt_files=$(find "$corpus/txt" -type f -name '*.txt' | wc -l)
jsonl_bytes=$(wc -c <"$corpus/corpus.jsonl")
[ "$txt_files" -eq "$articles" ] || die "gen_corpus wrote $txt_files files, not $articles"

# --- The baseline: the sqlite3 shell, one transaction ---------------------

# A table for the same texts: the source, the title and date where the input
# has them, the body.  No parsing, no normalisation, no duplicate check, no
# marks and no edit log: the cost of getting the bytes into SQLite.
table='CREATE TABLE article (id INTEGER PRIMARY KEY, source TEXT NOT NULL, title TEXT, date TEXT, body TEXT NOT NULL);'
cat >"$work/baseline-txt.sql" <<EOF
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
$table
BEGIN;
INSERT INTO article (source, body)
    SELECT name, CAST(data AS TEXT) FROM fsdir('$corpus/txt') WHERE name GLOB '*.txt';
COMMIT;
EOF
# .import in ascii mode takes each line whole (JSON Lines hold no raw
# newlines and no U+001F) into a temporary table, inside the transaction.
cat >"$work/baseline-jsonl.sql" <<EOF
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
$table
BEGIN;
CREATE TEMP TABLE line (j TEXT);
.mode ascii
.separator "\037" "\n"
.import '$corpus/corpus.jsonl' line
INSERT INTO article (source, title, date, body)
    SELECT 'corpus.jsonl', json_extract(j, '\$.title'), json_extract(j, '\$.date'), json_extract(j, '\$.text')
    FROM line;
COMMIT;
EOF

# The second baseline: the same, with a stock FTS5 index of the titles and
# bodies (external content, SQLite's unicode61 tokenizer, accents removed)
# filled in the same transaction: what an index costs SQLite alone.
fts='CREATE VIRTUAL TABLE article_fts USING fts5 (title, body, content = article, content_rowid = id, tokenize = "unicode61 remove_diacritics 2");'
fill='INSERT INTO article_fts (rowid, title, body) SELECT id, coalesce(title, '"''"'), body FROM article;'
for fmt in txt jsonl; do
	sed -e "s/^COMMIT;\$/$fill\nCOMMIT;/" -e "s/^BEGIN;\$/$fts\nBEGIN;/" \
		"$work/baseline-$fmt.sql" >"$work/baselinefts-$fmt.sql"
done

# --- Timing ----------------------------------------------------------------

fresh() {
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
}

# run NAME: one timed run of NAME, its seconds appended to $work/NAME.times.
run() {
	fresh
	case $1 in
	copydesk-txt) set -- "$1" "$copydesk" --db "$db" import "$corpus/txt" ;;
	copydesk-jsonl) set -- "$1" "$copydesk" --db "$db" import "$corpus/corpus.jsonl" ;;
	sqlite3-txt) set -- "$1" sqlite3 -batch -bail "$db" ;;
	sqlite3-jsonl) set -- "$1" sqlite3 -batch -bail "$db" ;;
	sqlite3fts-*) set -- "$1" sqlite3 -batch -bail "$db" ;;
	esac
	name=$1
	shift
	in=/dev/null
	case $name in
	sqlite3-*) in=$work/baseline-${name#sqlite3-}.sql ;;
	sqlite3fts-*) in=$work/baselinefts-${name#sqlite3fts-}.sql ;;
	esac
	t0=$(date +%s.%N)
	if ! COPYDESK_EDITOR=bench "$@" <"$in" >/dev/null 2>"$work/$name.err"; then
		cat "$work/$name.err" >&2
		die "$name failed"
	fi
	t1=$(date +%s.%N)
	stored=$(sqlite3 "$db" 'SELECT count(*) FROM article')
	if [ "$stored" -ne "$articles" ]; then
		cat "$work/$name.err" >&2
		echo "import_bench: $name stored $stored articles, not $articles" >&2
		exit 3
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/$name.times"
}

median() {
	sort -n "$work/$1.times" | awk '{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rm -f "$work"/*.times
for fmt in txt jsonl; do
	# Read the inputs once so that the first run does not pay for the disk.
	cat "$corpus/corpus.jsonl" >/dev/null
	find "$corpus/txt" -type f -exec cat {} + >/dev/null
	i=0
	while [ "$i" -lt "$runs" ]; do
		echo "run $((i + 1))/$runs: $fmt ..." >&2
		if [ $((i % 2)) -eq 0 ]; then
			run "copydesk-$fmt"
			run "sqlite3-$fmt"
			run "sqlite3fts-$fmt"
		else
			run "sqlite3fts-$fmt"
			run "sqlite3-$fmt"
			run "copydesk-$fmt"
		fi
		i=$((i + 1))
	done
done
fresh

# --- Report ------------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
fs=$(df -PT "$work" 2>/dev/null | awk 'NR == 2 { print $2 " on " $1 }')
echo
echo "copydesk import benchmark: $articles articles (seed $seed), median of $runs runs"
echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores${cpu:+, $cpu}; work dir $work${fs:+ ($fs)}"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); both sides WAL, synchronous = FULL"
echo
status=0
{
	printf '%-34s %8s %9s %8s %8s %11s\n' "" MB articles seconds MB/s articles/s
	for fmt in txt jsonl; do
		if [ $fmt = txt ]; then bytes=$txt_bytes; else bytes=$jsonl_bytes; fi
		cd_s=$(median "copydesk-$fmt")
		sq_s=$(median "sqlite3-$fmt")
		fts_s=$(median "sqlite3fts-$fmt")
		awk -v fmt=$fmt -v b="$bytes" -v n="$articles" -v c="$cd_s" -v s="$sq_s" -v f="$fts_s" -v t="$threshold" '
			function row(name, sec) {
				printf "%-34s %8.2f %9d %8.3f %8.2f %11.0f\n", name, b / 1e6, n, sec, b / 1e6 / sec, n / sec
			}
			BEGIN {
				if (fmt == "txt") {
					row("copydesk import DIR (.txt files)", c)
					row("sqlite3 baseline (same files)", s)
				} else {
					row("copydesk import FILE (.jsonl)", c)
					row("sqlite3 baseline (same file)", s)
				}
				row("sqlite3 + stock FTS5 index", f)
				printf "%-34s %47.2f  (for reference)\n", "  ratio copydesk / FTS5 baseline", f / c
				r = s / c
				printf "%-34s %47.2f  (target >= %.2f: %s)\n", "  ratio copydesk / baseline", r, t, (r >= t ? "ok" : "TOO SLOW")
				exit (r >= t ? 0 : 1)
			}' || status=1
	done
}
echo
if [ $status -eq 0 ]; then
	echo "PASS: copydesk imports at least $threshold of the sqlite3 baseline's rate"
else
	echo "FAIL: copydesk imports at less than $threshold of the sqlite3 baseline's rate"
fi
exit $status
