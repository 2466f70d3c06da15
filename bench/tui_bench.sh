#!/bin/sh
# tui_bench.sh - the interface at corpus size, beside less and the sqlite3
# shell measured in the same run: time to the first screen, time and bytes
# per key, peak memory, and the claims, spans and entities screens and lists.
#
#   bench/tui_bench.sh [-n ARTICLES|small|medium|large] [-r RUNS] [-p PRESSES]
#                      [-q QUERY] [-w WORKDIR] [-k] [-S] [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default build) must hold copydesk,
# bench/gen_corpus and bench/tui_keys.  Generates the corpus of
# import_bench.sh, imports it as JSON Lines, gives every article two spans
# (its first two words as PER, linked to an entity of that name, and the next
# two as LOC) and every tenth a claim with research and evidence (sqlite3,
# straight into the tables).  Then, all in a COLSxROWS pty
# (80x24) driven by tui_keys:
#
# 1. open: copydesk to the article list's first screen, RUNS times, in turns
#    with less opening the first article's text (target: within 2x of less);
# 2. keys: ms (median, p95) and bytes per press in the list (j k PgDn Space
#    G g), the reader (j Space G g) and, with -q, the corpus search's results
#    (/QUERY Enter, then j k Space), each beside less paging the same text
#    with the same keys: `copydesk list`, the article's body, `copydesk search
#    QUERY` (target: no more bytes than less);
# 3. memory: peak RSS after 50 PgDn, G, g and 20 articles opened (target:
#    under 20 MB), and the time of each Enter (open) and q (close);
# 4. screens: C (claims), E (entities) and s (an article's spans), time to
#    their first screen, and `copydesk claims`, `entities`, `spans ID` to
#    their last line, beside sqlite3 selecting the same rows.
#
# -S is a smoke run (ctest): one run, two presses a key, two articles opened,
# to check that every part works, not to measure.
#
# Exit status: 0 when every target is met, 1 when one is not, 2 for a usage
# or setup error; with -S, 0 when every part ran and gave its figures
# whatever the targets, 77 when sqlite3 or less is missing.  See bench/README.md.

set -eu

articles=20000
runs=9
presses=30
query=
work=
keep=0
opens=20
turns_screens=3
maxpages=50
smoke=0

usage() {
	sed -n '6,7p' "$0" | sed 's/^# *//' >&2
	exit 2
}

die() {
	echo "tui_bench: $*" >&2
	exit 2
}

while getopts n:r:p:q:w:kSh opt; do
	case $opt in
	n) articles=$OPTARG ;;
	r) runs=$OPTARG ;;
	p) presses=$OPTARG ;;
	q) query=$OPTARG ;;
	w) work=$OPTARG ;;
	k) keep=1 ;;
	S) smoke=1 runs=1 presses=2 opens=2 turns_screens=1 maxpages=2 ;;
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
case $articles in '' | *[!0-9]* | 0) die "-n wants a number of articles, small, medium or large" ;; esac
case $runs in '' | *[!0-9]* | 0) die "-r wants a positive number of runs" ;; esac
case $presses in '' | *[!0-9]* | 0) die "-p wants a positive number of presses" ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
copydesk=$build/copydesk
gen=$build/bench/gen_corpus
keys=$build/bench/tui_keys
for f in "$copydesk" "$gen" "$keys"; do
	[ -x "$f" ] || die "$f: not built (cmake --build $build)"
done
for tool in sqlite3 less; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "tui_bench: $tool: not found (apt-get install $tool)" >&2
		[ "$smoke" = 1 ] && exit 77
		exit 2
	fi
done

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-tui-bench.XXXXXX")
else
	mkdir -p "$work"
	work=$(cd "$work" && pwd)
fi
cleanup() {
	if [ "$keep" = 0 ]; then
		rm -rf "$work/corpus" "$work/xdg" "$work"/db.* "$work"/*.txt "$work"/*.out "$work"/*.err
		rmdir "$work" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
db=$work/db.sqlite
export COPYDESK_EDITOR=bench
# The interface's data directory (prompt history, the terminal's probe
# answer) is the work dir's; less keeps no history and runs no preprocessor.
export XDG_DATA_HOME="$work/xdg"
export LESSHISTFILE=-
unset LESS LESSOPEN LESSCLOSE NO_COLOR COPYDESK_DB 2>/dev/null || true

# --- The corpus, imported and annotated ---------------------------------------

echo "generating and importing $articles articles ..." >&2
"$gen" -n "$articles" -s 1 -o "$work/corpus" "$root/annotations/samples" "$root/tests/fixtures" >&2
rm -f "$db" "$db-wal" "$db-shm"
"$copydesk" --db "$db" import "$work/corpus/corpus.jsonl" >/dev/null 2>"$work/import.err" ||
	{ cat "$work/import.err" >&2; die "import failed"; }
echo "adding spans, claims and entities ..." >&2
sqlite3 -batch -bail "$db" >/dev/null <<'EOF'
BEGIN;
-- Two names an article: its first two words (PER, linked to an entity of
-- that name) and the next two (LOC).  p1..p4 are the 1-based places of the
-- first four spaces.  A paragraph recurs across the generated corpus, so
-- each name is a suggestion wherever its paragraph's opening recurs.
CREATE TEMP TABLE w AS
    SELECT id, body, p2, p4 FROM (
        SELECT id, body, p2, p3 + instr(substr(body, p3 + 1), ' ') AS p4 FROM (
            SELECT id, body, p2, p2 + instr(substr(body, p2 + 1), ' ') AS p3 FROM (
                SELECT id, body, p1 + instr(substr(body, p1 + 1), ' ') AS p2 FROM (
                    SELECT id, body, instr(body, ' ') AS p1 FROM article WHERE chars > 80)
                WHERE p1 > 1)))
    WHERE p4 > p2 + 1 AND instr(substr(body, 1, p4), char(10)) = 0;
INSERT INTO entity (name, created_by, created_at, updated_by, updated_at)
    SELECT DISTINCT substr(body, 1, p2 - 1), 'bench', '2026-01-01T00:00:00.000Z', 'bench',
           '2026-01-01T00:00:00.000Z'
    FROM w;
INSERT INTO span (article_id, start, "end", label, text, entity_id, author, created_at,
                  updated_by, updated_at)
    SELECT id, 0, p2 - 1, 'PER', substr(body, 1, p2 - 1),
           (SELECT e.id FROM entity e WHERE e.name = substr(w.body, 1, w.p2 - 1)), 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z'
    FROM w;
INSERT INTO span (article_id, start, "end", label, text, author, created_at, updated_by, updated_at)
    SELECT id, p2, p4 - 1, 'LOC', substr(body, p2 + 1, p4 - 1 - p2), 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z'
    FROM w;
-- A claim (its first sentence's start) with research and evidence in every tenth article.
INSERT INTO research (id, status, verdict, note, proposed_by, proposed_at, created_by,
                      created_at, updated_by, updated_at)
    SELECT id, 'proposed', (SELECT name FROM verdict ORDER BY ord LIMIT 1), 'seeded', 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench',
           '2026-01-01T00:00:00.000Z'
    FROM article WHERE id % 10 = 0 AND chars > 60;
INSERT INTO evidence (research_id, source, quote, consulted, added_by, added_at)
    SELECT id, 'https://example.org/' || id, 'seeded', '2026-01-01', 'bench',
           '2026-01-01T00:00:00.000Z' FROM research;
INSERT INTO claim (article_id, start, "end", text, key, research_id, author, created_at,
                   updated_by, updated_at)
    SELECT r.id, 0, 60, substr(a.body, 1, 60), 'seed' || r.id, r.id, 'bench',
           '2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z'
    FROM research r JOIN article a ON a.id = r.id;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
nspans=$(sqlite3 "$db" 'SELECT count(*) FROM span')
nclaims=$(sqlite3 "$db" 'SELECT count(*) FROM claim')
nentities=$(sqlite3 "$db" 'SELECT count(*) FROM entity')
dbmb=$(du -m "$db" | cut -f1)
# The texts less pages: the article the reader opens (the longest of the
# first 1,000, reached by its line number and G), the list as `copydesk list`
# prints it, and the search's results.
long=$(sqlite3 "$db" 'SELECT id FROM article WHERE id <= 1000 ORDER BY chars DESC, id LIMIT 1')
line=$(sqlite3 "$db" "SELECT count(*) FROM article WHERE id <= $long")
sqlite3 "$db" "SELECT body FROM article WHERE id = $long" >"$work/article.txt"
"$copydesk" --db "$db" list >"$work/list.txt"
if [ -n "$query" ]; then
	"$copydesk" --db "$db" search "$query" >"$work/search.txt" ||
		die "copydesk search '$query' failed"
fi
cat "$db" >/dev/null

# --- Helpers -------------------------------------------------------------------

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
p95() {
	sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.95); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] + 0 }'
}
now_ms() {
	date +%s%N | awk '{ printf "%.3f", $1 / 1e6 }'
}
# drive OUT ARGS...: tui_keys ARGS, its table into OUT.
drive() {
	out=$1
	shift
	"$keys" "$@" >"$out" 2>"$work/keys.err" || { cat "$work/keys.err" >&2; die "tui_keys $* failed"; }
}
# open_once NAME PROGRAM...: one start to the first screen; "ms cpu_ms bytes rss_kb" appended to NAME.open.
open_once() {
	name=$1
	shift
	drive "$work/once.out" -O 1 -- "$@"
	awk 'NR == 2 { print $2, $3, $4, $5 }' "$work/once.out" >>"$work/$name.open"
}
status=0
verdict() { # verdict OK WORD: ok, or WORD for a miss
	if [ "$1" = 1 ]; then echo ok; else echo "$2"; fi
}

echo "opening, $runs runs each ..." >&2
rm -f "$work"/*.open
open_once warm "$copydesk" --db "$db" # the terminal's probe, the page cache
open_once warm less "$work/article.txt"
i=0
while [ "$i" -lt "$runs" ]; do
	if [ $((i % 2)) -eq 0 ]; then
		open_once copydesk "$copydesk" --db "$db"
		open_once less less "$work/article.txt"
	else
		open_once less less "$work/article.txt"
		open_once copydesk "$copydesk" --db "$db"
	fi
	i=$((i + 1))
done

# keys_args FILE KEY...: the steps for tui_keys, one a line (j, k, Space, PgDn:
# PRESSES presses each; G and g: PRESSES/3 turns of G then g).
turns=$(((presses + 2) / 3))
keys_steps() {
	for k in "$@"; do
		case $k in
		Space) printf '%s\n' -m "Space= " ;;
		PgDn) printf '%s\n' -m 'PgDn=\e[6~' ;;
		Gg)
			t=0
			while [ "$t" -lt "$turns" ]; do
				printf '%s\n%s\n%s\n%s\n' -1 G=G -1 g=g
				t=$((t + 1))
			done
			;;
		Space-g)
			t=0
			while [ "$t" -lt "$turns" ]; do
				printf '%s\n%s\n%s\n%s\n' -1 "Space= " -s g
				t=$((t + 1))
			done
			;;
		*) printf '%s\n' -m "$k=$k" ;;
		esac
	done
}
# run_keys OUT SETUP_KEYS STEPS_FILE PROGRAM...: tui_keys with the steps of the file.
run_keys() {
	out=$1 setup=$2 steps=$3
	shift 3
	set -- "$@" # keep PROGRAM
	prog_file=$work/prog.txt
	printf '%s\n' "$@" >"$prog_file"
	{
		printf '%s\n' -n "$presses"
		[ -z "$setup" ] || printf '%s\n' -s "$setup"
		cat "$steps"
		printf '%s\n' --
		cat "$prog_file"
	} >"$work/args.txt"
	# Arguments one a line (they hold spaces, never newlines).
	oldifs=$IFS
	IFS='
'
	set -f
	# shellcheck disable=SC2046
	drive "$out" $(cat "$work/args.txt")
	set +f
	IFS=$oldifs
}

echo "keys: the list ..." >&2
keys_steps j k PgDn Space Gg >"$work/list.steps"
run_keys "$work/list.copydesk.out" "" "$work/list.steps" "$copydesk" --db "$db"
run_keys "$work/list.less.out" "" "$work/list.steps" less "$work/list.txt"
echo "keys: the reader ..." >&2
keys_steps j Space-g Gg >"$work/reader.steps"
run_keys "$work/reader.copydesk.out" "${line}G\\r" "$work/reader.steps" "$copydesk" --db "$db"
run_keys "$work/reader.less.out" "" "$work/reader.steps" less "$work/article.txt"
if [ -n "$query" ]; then
	echo "keys: the search's results ..." >&2
	keys_steps j k Space >"$work/search.steps"
	run_keys "$work/search.copydesk.out" "/$query\\r" "$work/search.steps" "$copydesk" --db "$db"
	run_keys "$work/search.less.out" "" "$work/search.steps" less "$work/search.txt"
fi

echo "memory ..." >&2
pages=$((articles / 22 - 1)) # a PgDn at the end sends nothing, and its wait is long
[ "$pages" -le "$maxpages" ] || pages=$maxpages
{
	n=0
	while [ $n -lt $pages ]; do printf '%s\n%s\n' -s '\e[6~' && n=$((n + 1)); done
	printf '%s\n%s\n%s\n%s\n' -s G -s g
	n=0
	while [ $n -lt $opens ]; do printf '%s\n' -1 'Enter_open=\r' -1 q_close=q -s j && n=$((n + 1)); done
	printf '%s\n%s\n' -1 'PgDn=\e[6~'
} >"$work/memory.steps"
run_keys "$work/memory.out" "" "$work/memory.steps" "$copydesk" --db "$db"

echo "screens ..." >&2
{
	t=0
	while [ "$t" -lt $turns_screens ]; do
		printf '%s\n' -1 "C_claims=C" -s q -1 "E_entities=E" -s q -s '\r' -1 "s_spans=s" -s q -s q
		t=$((t + 1))
	done
} >"$work/screens.steps"
run_keys "$work/screens.out" "" "$work/screens.steps" "$copydesk" --db "$db"

# The CLI lists and sqlite3 selecting the same rows, RUNS times in turns.
cat >"$work/claims.sql" <<'EOF'
SELECT c.id, c.article_id, r.status, r.verdict, c.text FROM claim c
    JOIN research r ON r.id = c.research_id WHERE c.deleted_at IS NULL ORDER BY c.id;
EOF
cat >"$work/entities.sql" <<'EOF'
SELECT e.id, e.name, e.external_id, count(s.id) FROM entity e
    LEFT JOIN span s ON s.entity_id = e.id AND s.deleted_at IS NULL
    WHERE e.merged_into IS NULL GROUP BY e.id ORDER BY e.name;
EOF
cat >"$work/spans.sql" <<'EOF'
SELECT id, start, "end", label, text, entity_id, author FROM span
    WHERE article_id = 1 AND deleted_at IS NULL ORDER BY start;
EOF
# cli NAME CMD...: one timed run of CMD, its ms appended to NAME.ms and its lines to NAME.lines.
cli() {
	name=$1
	shift
	t0=$(now_ms)
	"$@" >"$work/cli.out" 2>"$work/cli.err" || { cat "$work/cli.err" >&2; die "$* failed"; }
	t1=$(now_ms)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >>"$work/$name.ms"
	wc -l <"$work/cli.out" >"$work/$name.lines"
}
echo "lists ..." >&2
rm -f "$work"/*.ms
i=0
while [ "$i" -lt "$runs" ]; do
	for l in claims entities spans; do
		arg=
		[ "$l" = spans ] && arg=1
		cli "cd_$l" "$copydesk" --db "$db" "$l" $arg
		cli "sq_$l" sqlite3 -batch -readonly "$db" ".read $work/$l.sql"
	done
	i=$((i + 1))
done

# --- Report ----------------------------------------------------------------------

echo
echo "copydesk interface benchmark: $articles articles ($dbmb MB database, $nspans spans, $nclaims claims, $nentities entities)"
echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); $(less --version | head -1); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "80x24 pty, TERM=xterm-256color; medians of $runs starts, $presses presses a key"
echo
echo "1. open: start to the first full screen"
printf '%-28s %9s %9s %9s %9s %9s\n' "" "ms p50" "ms p95" "cpu ms" bytes "RSS MB"
for n in copydesk less; do
	f=$work/$n.open
	label="copydesk (the list)"
	[ "$n" = less ] && label="less (the first article)"
	printf '%-28s %9.1f %9.1f %9.1f %9d %9.1f\n' "$label" "$(cut -d' ' -f1 "$f" | median)" \
		"$(cut -d' ' -f1 "$f" | p95)" "$(cut -d' ' -f2 "$f" | median)" \
		"$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | sort -n | tail -1 | awk '{ print $1 / 1024 }')"
done
ratio=$(awk -v a="$(cut -d' ' -f1 "$work/copydesk.open" | median)" -v b="$(cut -d' ' -f1 "$work/less.open" | median)" 'BEGIN { printf "%.2f", a / b }')
ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 2) }')
[ "$ok" = 1 ] || status=1
echo "  ratio copydesk / less: $ratio (target <= 2: $(verdict "$ok" "TOO SLOW"))"

# keys_table NAME LABEL: copydesk's and less's rows side by side.
keys_table() {
	echo
	echo "$2: ms and bytes a press (p50, p95), copydesk beside less"
	printf '%-8s %9s %9s %9s   %9s %9s %9s   %s\n' key "cd p50" "cd p95" "cd B" "less p50" "less p95" "less B" "bytes"
	awk 'FNR == 1 { f++ } f == 1 && NF == 4 && $2 ~ /^[0-9.]+$/ { c[$1] = $2 " " $3 " " $4; order[++n] = $1 }
	     f == 2 && NF == 4 && $2 ~ /^[0-9.]+$/ { l[$1] = $2 " " $3 " " $4 }
	     END { for (i = 1; i <= n; i++) { k = order[i]; split(c[k], a, " "); split(l[k], b, " ")
	             printf "%-8s %9.2f %9.2f %9d   %9.2f %9.2f %9d   %s\n", k, a[1], a[2], a[3], b[1], b[2], b[3],
	                    (a[3] <= b[3] ? "ok" : sprintf("%.1f x less", a[3] / (b[3] ? b[3] : 1))) } }' \
		"$work/$1.copydesk.out" "$work/$1.less.out"
	if awk 'FNR == 1 { f++ } f == 1 && NF == 4 && $2 ~ /^[0-9.]+$/ { c[$1] = $4 }
	        f == 2 && NF == 4 && $2 ~ /^[0-9.]+$/ { if (c[$1] > $4) bad = 1 } END { exit bad }' \
		"$work/$1.copydesk.out" "$work/$1.less.out"; then :; else status=1; fi
}
echo
echo "2. keys (target: no more bytes than less)"
keys_table list "the list (less: copydesk list's output)"
keys_table reader "the reader, article $long (less: its body, $(wc -l <"$work/article.txt") lines)"
if [ -n "$query" ]; then
	keys_table search "the search's results for '$query' (less: copydesk search's output)"
else
	echo
	echo "the search's results: not measured (-q QUERY measures them: / QUERY Enter, then j k Space)"
fi

echo
rss=$(awk '/^peak RSS/ { print $3 }' "$work/memory.out")
ok=$(awk -v r="$rss" 'BEGIN { print (r < 20 * 1024) }')
[ "$ok" = 1 ] || status=1
echo "3. memory: peak RSS after $pages PgDn, G, g and $opens articles opened: $(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }') MB (target < 20 MB: $(verdict "$ok" "TOO BIG"))"
awk 'NF == 4 && $2 ~ /^[0-9.]+$/ && $1 ~ /^(Enter_open|q_close)$/ {
	printf "   %-12s %9.2f ms p50 %9.2f ms p95 %7d bytes (the %s articles opened)\n", $1, $2, $3, $4, n }' \
	n="$opens" "$work/memory.out"

echo
echo "4. screens: key to the first screen (ms p50 of $turns_screens, bytes)"
awk 'NF == 4 && $2 ~ /^[0-9.]+$/ { printf "  %-12s %9.2f ms %9d bytes\n", $1, $2, $4 }' "$work/screens.out"
echo
echo "   lists to their last line (ms p50 of $runs)"
printf '  %-26s %9s %7s   %-24s %9s %7s %7s\n' command ms lines baseline ms lines ratio
for l in claims entities spans; do
	arg=
	[ "$l" = spans ] && arg=" 1"
	a=$(median <"$work/cd_$l.ms")
	b=$(median <"$work/sq_$l.ms")
	printf '  %-26s %9.1f %7d   %-24s %9.1f %7d %7.1f\n' "copydesk $l$arg" "$a" "$(cat "$work/cd_$l.lines")" \
		"sqlite3 (the same rows)" "$b" "$(cat "$work/sq_$l.lines")" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')"
done
echo
[ "$status" = 0 ] && echo "PASS: every target met" || echo "FAIL: a target is missed (see above)"
if [ "$smoke" = 1 ]; then
	# Every part gave its figures: a row per key, screen and list.
	for f in list.copydesk list.less reader.copydesk reader.less; do
		grep -q '^j ' "$work/$f.out" || die "no figures in $f.out"
	done
	for k in C_claims E_entities s_spans; do
		grep -q "^$k " "$work/screens.out" || die "no figure for $k"
	done
	grep -q '^peak RSS: [0-9]' "$work/memory.out" || die "no peak RSS"
	exit 0
fi
exit $status
