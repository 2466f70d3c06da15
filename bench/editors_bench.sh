#!/bin/sh
# editors_bench.sh - how many editors and edits a second one database serves
# (README "Past one host"): K processes (K = 1 2 4 8 16 32) each tagging
# words through the CLI (one copydesk process, one transaction, a span and
# its edit_log and history rows, per edit) for T seconds on one database;
# edits/s, p50/p99 latency of an edit, failed edits (busy).  Baseline in the
# same run: K sqlite3 shells doing the equivalent (one process, one
# BEGIN IMMEDIATE transaction of two INSERTs per edit) on one WAL database
# with synchronous = FULL.
#
#   bench/editors_bench.sh [-t SECONDS] [-k "1 2 4 ..."] [BUILD_DIR]
set -eu
secs=10 ks="1 2 4 8 16 32"
while getopts t:k:h opt; do
	case $opt in
	t) secs=$OPTARG ;;
	k) ks=$OPTARG ;;
	*) sed -n '11p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
copydesk=$build/copydesk
[ -x "$copydesk" ] || { echo "editors_bench: $copydesk: not built" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-editors.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/cd.db base=$work/base.db
# 32 articles of 20,000 words, one per editor.
awk 'BEGIN { for (a = 1; a <= 32; a++) { printf "{\"title\":\"E %d\",\"lang\":\"en\",\"text\":\"", a
	for (i = 0; i < 20000; i++) printf "%sx%02d%06d", (i ? " " : ""), a, i; printf "\"}\n" } }' >"$work/a.jsonl"
"$copydesk" --db "$work/fresh.db" import "$work/a.jsonl" >/dev/null 2>&1
sqlite3 "$work/freshbase.db" "PRAGMA journal_mode = WAL; CREATE TABLE span (id INTEGER PRIMARY KEY, article_id INT,
	start INT, \"end\" INT, label TEXT, author TEXT, created_at TEXT);
	CREATE TABLE edit_log (id INTEGER PRIMARY KEY, at TEXT, editor TEXT, action TEXT, target_id INT);" >/dev/null

# worker KIND K END: edits until the clock passes END (ns); a line per edit:
# "latency_us status".
worker() {
	i=0
	while [ "$(date +%s%N)" -lt "$3" ]; do
		s=$((i * 10))
		t0=$(date +%s%N)
		rc=0
		if [ "$1" = copydesk ]; then
			COPYDESK_EDITOR=ed$2 "$copydesk" --db "$db" tag "$2" $s $((s + 9)) PER \
				>/dev/null 2>>"$work/err.$2" </dev/null || rc=$?
		else
			sqlite3 -cmd '.timeout 10000' "$base" "PRAGMA synchronous = FULL; BEGIN IMMEDIATE;
				INSERT INTO span VALUES (NULL, $2, $s, $((s + 9)), 'PER', 'ed$2', strftime('%Y-%m-%dT%H:%M:%fZ'));
				INSERT INTO edit_log VALUES (NULL, strftime('%Y-%m-%dT%H:%M:%fZ'), 'ed$2', 'span-add', last_insert_rowid());
				COMMIT;" >/dev/null 2>>"$work/err.$2" </dev/null || rc=$?
		fi
		echo "$((($(date +%s%N) - t0) / 1000)) $rc"
		i=$((i + 1))
	done >"$work/lat.$2"
}

printf '%-9s %3s %8s %9s %9s %6s\n' engine K edits/s p50_ms p99_ms failed
for kind in copydesk sqlite3; do
	for k in $ks; do
		rm -f "$work"/lat.* "$work"/err.* "$db"* "$base"*
		# Each round on a fresh copy: the same words, none tagged yet.
		cp "$work/fresh.db" "$db"
		cp "$work/freshbase.db" "$base"
		end=$(($(date +%s%N) + secs * 1000000000))
		j=1
		while [ $j -le "$k" ]; do
			worker $kind $j $end &
			j=$((j + 1))
		done
		wait
		cat "$work"/lat.* | sort -n | awk -v k="$k" -v s="$secs" -v e="$kind" '
			{ v[NR] = $1; if ($2 != 0) f++ }
			END { p = int(NR * 0.99) + 1; if (p > NR) p = NR
				printf "%-9s %3d %8.1f %9.1f %9.1f %6d\n", e, k, NR / s, v[int(NR * 0.5) + 1] / 1000, v[p] / 1000, f }'
		busy=$(cat "$work"/err.* 2>/dev/null | grep -ciE 'locked|busy' || true)
		[ "$busy" = 0 ] || echo "  ($busy busy messages)"
	done
done
