#!/bin/sh
# export_bench.sh - the rate and peak memory of `copydesk export` beside the
# sqlite3 shell dumping the same rows as JSON (`sqlite3 -json`), in the same
# run on the same database.
#
#   bench/export_bench.sh [-n ARTICLES|small|medium|large] [-r RUNS] [-f FORMATS]
#                         [-t RATIO] [-w WORKDIR] [-k] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default build) must hold copydesk and
# bench/gen_corpus.  Generates the corpus of import_bench.sh, imports it as
# JSON Lines, then gives every article two spans (whole words) and every tenth a claim
# with a verdict and evidence (with sqlite3, straight into the tables), and
# times, RUNS times each (alternating), reporting the median:
#
#   copydesk --db DB export --format FMT --output OUT   for each FMT of FORMATS
#   sqlite3 -json DB < dump.sql > OUT                   the articles, marks,
#                                                       spans and claims rows
#
# Rates are of the corpus's text (the bodies' MB) per second, so the two
# sides are compared on the same work whatever their output's size.  Peak
# memory is the maximum resident set size (GNU time's %M).  Exit status: 0
# when every format reaches RATIO (default 0.5) of the baseline's rate, 1
# when one does not, 2 for a usage or setup error.  See bench/README.md.

set -eu

articles=20000
runs=3
formats="jsonl conll"
threshold=0.5
work=
keep=0

usage() {
	sed -n '6,7p' "$0" | sed 's/^# *//' >&2
	exit 2
}

die() {
	echo "export_bench: $*" >&2
	exit 2
}

while getopts n:r:f:t:w:kh opt; do
	case $opt in
	n) articles=$OPTARG ;;
	r) runs=$OPTARG ;;
	f) formats=$(echo "$OPTARG" | tr , ' ') ;;
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
small) articles=2000 ;;
medium) articles=20000 ;;
large) articles=100000 ;;
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
[ -x /usr/bin/time ] || die "/usr/bin/time: not found (apt-get install time)"

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-export-bench.XXXXXX")
else
	mkdir -p "$work"
	work=$(cd "$work" && pwd)
fi
cleanup() {
	if [ "$keep" = 0 ]; then
		rm -rf "$work/corpus" "$work"/db.* "$work"/out.* "$work"/*.sql "$work"/*.err \
			"$work"/*.times "$work"/*.rss
		rmdir "$work" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
db=$work/db.sqlite
export COPYDESK_EDITOR=bench

# --- The corpus, imported and annotated --------------------------------------

echo "generating and importing $articles articles ..." >&2
"$gen" -n "$articles" -s 1 -o "$work/corpus" "$root/annotations/samples" "$root/tests/fixtures" >&2
rm -f "$db" "$db-wal" "$db-shm"
"$copydesk" --db "$db" import "$work/corpus/corpus.jsonl" >/dev/null 2>"$work/import.err" ||
	{ cat "$work/import.err" >&2; die "import failed"; }
# Two spans an article (the text at their offsets, as the store keeps it),
# and a claim with a verdict and a piece of evidence in every tenth.
sqlite3 -batch -bail "$db" >/dev/null <<'EOF'
BEGIN;
-- The first word, and the word after the first space past the 20th character:
-- whole words, as an editor tags them (a span edge inside a CoNLL token would
-- be a warning on standard error for each).
CREATE TEMP TABLE w AS
    SELECT id, instr(body, ' ') - 1 AS e1,
           20 + instr(substr(body, 21), ' ') AS s2 FROM article WHERE chars > 80;
INSERT INTO span (article_id, start, "end", label, text, author, created_at, updated_by, updated_at)
    SELECT a.id, 0, w.e1, 'PER', substr(a.body, 1, w.e1), 'bench', '2026-01-01T00:00:00.000Z',
           'bench', '2026-01-01T00:00:00.000Z'
    FROM article a JOIN w ON w.id = a.id WHERE w.e1 > 0;
INSERT INTO span (article_id, start, "end", label, text, author, created_at, updated_by, updated_at)
    SELECT a.id, w.s2, w.s2 + instr(substr(a.body, w.s2 + 1), ' ') - 1, 'LOC',
           substr(a.body, w.s2 + 1, instr(substr(a.body, w.s2 + 1), ' ') - 1), 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z'
    FROM article a JOIN w ON w.id = a.id
    WHERE w.s2 > 20 AND instr(substr(a.body, w.s2 + 1), ' ') > 1;
INSERT INTO research (id, status, verdict, note, proposed_by, proposed_at, created_by, created_at,
                      updated_by, updated_at)
    SELECT id, 'proposed', (SELECT name FROM verdict ORDER BY ord LIMIT 1), 'checked', 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench',
           '2026-01-01T00:00:00.000Z'
    FROM article WHERE id % 10 = 0 AND chars > 60;
INSERT INTO evidence (research_id, source, quote, consulted, added_by, added_at)
    SELECT id, 'https://example.org/' || id, 'a quote', '2026-01-01', 'bench',
           '2026-01-01T00:00:00.000Z' FROM research;
INSERT INTO claim (article_id, start, "end", text, key, research_id, author, created_at,
                   updated_by, updated_at)
    SELECT a.id, 0, 60, substr(a.body, 1, 60), 'k' || a.id, a.id, 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z'
    FROM article a WHERE a.id % 10 = 0 AND a.chars > 60;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
body_bytes=$(sqlite3 "$db" 'SELECT sum(length(CAST(body AS BLOB))) FROM article')
nspans=$(sqlite3 "$db" 'SELECT count(*) FROM span')
nclaims=$(sqlite3 "$db" 'SELECT count(*) FROM claim')

# The baseline: the same rows out as JSON by the sqlite3 shell, in one read.
cat >"$work/dump.sql" <<'EOF'
BEGIN;
SELECT id, title, date, lang, source, body, status FROM article ORDER BY id;
SELECT article_id, kind, start, "end" FROM mark ORDER BY article_id, start;
SELECT article_id, start, "end", label, text, entity_id, author, created_at FROM span
    WHERE deleted_at IS NULL ORDER BY article_id, start;
SELECT c.article_id, c.start, c."end", c.text, r.status, r.verdict, r.note, e.source, e.quote
    FROM claim c JOIN research r ON r.id = c.research_id LEFT JOIN evidence e ON e.research_id = r.id
    WHERE c.deleted_at IS NULL ORDER BY c.article_id, c.start;
COMMIT;
EOF

# --- Timing ----------------------------------------------------------------

# run NAME: one timed run, its seconds and peak RSS (KB) appended to NAME.times, NAME.rss.
run() {
	name=$1
	out=$work/out.$name
	rm -rf "$out"
	case $name in
	sqlite3) set -- sqlite3 -json -batch -bail "$db" ;;
	*) set -- "$copydesk" --db "$db" export --format "$name" --output "$out" ;;
	esac
	in=/dev/null
	[ "$name" = sqlite3 ] && in=$work/dump.sql
	if ! /usr/bin/time -f '%e %M' -o "$work/$name.tm" "$@" <"$in" >"$work/out.stdout" 2>"$work/$name.err"; then
		cat "$work/$name.err" >&2
		die "$name failed"
	fi
	[ "$name" = sqlite3 ] && mv "$work/out.stdout" "$out"
	awk '{ print $1 }' "$work/$name.tm" >>"$work/$name.times"
	awk '{ print $2 }' "$work/$name.tm" >>"$work/$name.rss"
	du -sb "$out" | awk '{ print $1 }' >"$work/$name.bytes"
}

median() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rm -f "$work"/*.times "$work"/*.rss
for fmt in $formats; do
	case $fmt in jsonl | doccano | conll | brat | claimreview | fever | csv) ;;
	*) die "-f: no format $fmt" ;; esac
done
cat "$db" >/dev/null
i=0
while [ "$i" -lt "$runs" ]; do
	echo "run $((i + 1))/$runs ..." >&2
	if [ $((i % 2)) -eq 0 ]; then
		run sqlite3
		for fmt in $formats; do run "$fmt"; done
	else
		for fmt in $formats; do run "$fmt"; done
		run sqlite3
	fi
	i=$((i + 1))
done

# --- Report ------------------------------------------------------------------

echo
echo "copydesk export benchmark: $articles articles ($(awk -v b="$body_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text, $nspans spans, $nclaims claims), median of $runs runs"
echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
printf '%-34s %9s %8s %10s %11s\n' "" "out MB" seconds "text MB/s" "peak RSS MB"
sq_s=$(median "$work/sqlite3.times")
status=0
row() {
	awk -v name="$1" -v o="$(cat "$work/$2.bytes")" -v s="$3" -v r="$(median "$work/$2.rss")" -v b="$body_bytes" \
		'BEGIN { printf "%-34s %9.1f %8.3f %10.2f %11.1f\n", name, o / 1e6, s, b / 1e6 / s, r / 1024 }'
}
row "sqlite3 -json (the same rows)" sqlite3 "$sq_s"
for fmt in $formats; do
	s=$(median "$work/$fmt.times")
	row "copydesk export --format $fmt" "$fmt" "$s"
	awk -v s="$s" -v q="$sq_s" -v t="$threshold" 'BEGIN {
		r = q / s
		printf "%-34s %40.2f  (target >= %.2f: %s)\n", "  ratio to the baseline", r, t, (r >= t ? "ok" : "TOO SLOW")
		exit (r >= t ? 0 : 1) }' || status=1
done
exit $status
