#!/bin/sh
# stats_bench.sh - the statistics at corpus size: desk_stats_get on the
# counts migration 6's triggers keep, beside the sqlite3 shell counting the
# same figures by scanning the tables, on ARTICLES articles with spans and
# claims by several editors.
#
#   bench/stats_bench.sh [-n ARTICLES] [-w WORKDIR] [-k] [BUILD_DIR]
#
# gen_corpus makes ARTICLES articles (default 100000) as JSON Lines; copydesk
# imports them; sqlite3 then adds 3 spans an article and a claim every fifth
# article by 8 editors over 30 days, through the schema's triggers as any
# edit is.  Then: stats_driver (desk_stats_get 20 times without a filter, 3
# times with --label PER), `copydesk stats --json` as a whole command, and
# the baseline: the same figures by GROUP BY over article, span, claim and
# research in the sqlite3 shell.  Exit 1 when the counts differ.
set -eu

articles=100000
work=
keep=0
while getopts n:w:kh opt; do
	case $opt in
	n) articles=$OPTARG ;;
	w) work=$OPTARG ;;
	k) keep=1 ;;
	*) sed -n '7p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
for b in copydesk bench/gen_corpus bench/stats_driver; do
	[ -x "$build/$b" ] || { echo "stats_bench: $build/$b: not built (-DCOPYDESK_BENCH=ON)" >&2; exit 2; }
done
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-stats.XXXXXX")
	[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
db=$work/stats.db
now() { date +%s.%N; }

if [ ! -s "$work/corpus/corpus.jsonl" ]; then
	echo "stats_bench: generating $articles articles" >&2
	"$build/bench/gen_corpus" -n "$articles" -o "$work/corpus" "$root/annotations/samples" \
		"$root/tests/fixtures" >/dev/null
fi
rm -f "$db" "$db-wal" "$db-shm"
echo "stats_bench: importing" >&2
"$build/copydesk" --db "$db" import "$work/corpus/corpus.jsonl" >/dev/null
echo "stats_bench: adding spans and claims" >&2
t0=$(now)
sqlite3 "$db" <<'SQL'
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE lb AS SELECT row_number() OVER (ORDER BY ord) - 1 AS i, name FROM label;
CREATE TEMP TABLE vd AS SELECT row_number() OVER (ORDER BY ord) - 1 AS i, name FROM verdict;
BEGIN;
INSERT INTO span (article_id, start, "end", label, text, author, created_at, updated_by, updated_at)
SELECT a.id, k.n * 10, k.n * 10 + 5,
       (SELECT name FROM lb WHERE lb.i = (a.id + k.n) % 8),
       substr(a.body, k.n * 10 + 1, 5), 'editor' || (a.id % 8),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now', printf('-%d days', a.id % 30)),
       'editor' || (a.id % 8), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM article a, (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2) k;
UPDATE article SET status = CASE id % 3 WHEN 0 THEN 'done' ELSE 'progress' END;
INSERT INTO research (status, verdict, created_by, created_at, updated_by, updated_at)
SELECT CASE a.id % 4 WHEN 0 THEN 'check' WHEN 1 THEN 'proposed' ELSE 'verified' END,
       CASE a.id % 4 WHEN 0 THEN NULL
            ELSE (SELECT name FROM vd WHERE vd.i = a.id % 5) END,
       'editor1', '2025-01-01T00:00:00.000Z', 'editor1', '2025-01-01T00:00:00.000Z'
FROM article a WHERE a.id % 5 = 0;
INSERT INTO claim (article_id, start, "end", text, key, research_id, author, created_at, updated_by, updated_at)
SELECT a.id, 0, 20, substr(a.body, 1, 20), '', r.id, 'editor' || (a.id % 3),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now', printf('-%d days', a.id % 10)), 'x', 'x'
FROM article a JOIN research r ON r.id = a.id / 5 WHERE a.id % 5 = 0;
COMMIT;
SQL
t1=$(now)
echo "stats_bench: spans and claims added in $(echo "$t1 - $t0" | bc) s" >&2
spans=$(sqlite3 "$db" "SELECT count(*) FROM span")
claims=$(sqlite3 "$db" "SELECT count(*) FROM claim")
mb=$(du -m "$db" | cut -f1)

echo "copydesk statistics benchmark: $articles articles, $spans spans, $claims claims, ${mb} MB"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
"$build/bench/stats_driver" "$db" 20
echo
# Whole commands: copydesk stats --json, and the baseline scanning the tables (page cache warm: run twice).
baseline() {
	sqlite3 "$db" <<'SQL'
SELECT 'a', status, count(*) FROM article GROUP BY status;
SELECT 'l', label, count(*) FROM span WHERE deleted_at IS NULL GROUP BY label;
SELECT 'e', author, sum(sp), sum(cl), sum(sp7), sum(cl7) FROM (
  SELECT author, 1 AS sp, 0 AS cl, substr(created_at, 1, 10) >= date('now', '-6 days') AS sp7, 0 AS cl7
  FROM span WHERE deleted_at IS NULL
  UNION ALL SELECT author, 0, 1, 0, substr(created_at, 1, 10) >= date('now', '-6 days')
  FROM claim WHERE deleted_at IS NULL) GROUP BY author;
SELECT 'c', r.status, coalesce(r.verdict, ''), count(*) FROM claim c JOIN research r ON r.id = c.research_id
  WHERE c.deleted_at IS NULL GROUP BY 2, 3;
SQL
}
for pass in 1 2; do
	t0=$(now)
	"$build/copydesk" --db "$db" stats --json >"$work/stats.json"
	t1=$(now)
	baseline >"$work/baseline.txt"
	t2=$(now)
done
printf '%-40s %9s\n' "command" "ms"
printf '%-40s %9.1f\n' "copydesk stats --json" "$(echo "($t1 - $t0) * 1000" | bc)"
printf '%-40s %9.1f\n' "sqlite3 scanning the same rows" "$(echo "($t2 - $t1) * 1000" | bc)"
# The same figures both ways.
python3 - "$work/stats.json" "$work/baseline.txt" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
ok = True
for line in open(sys.argv[2]):
    f = line.rstrip("\n").split("|")
    if f[0] == "a": ok &= s["articles"]["by_status"].get(f[1]) == int(f[2])
    if f[0] == "l": ok &= s["labels"].get(f[1]) == int(f[2])
    if f[0] == "e": ok &= s["editors"][f[1]] == {"spans": int(f[2]), "claims": int(f[3]), "spans_7d": int(f[4]), "claims_7d": int(f[5])}
    if f[0] == "c" and f[2]: ok &= s["claims"]["by_verdict"].get(f[2], 0) >= int(f[3])
print("\nthe same figures both ways:", "yes" if ok else "NO")
sys.exit(0 if ok else 1)
PY
