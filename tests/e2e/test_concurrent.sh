#!/bin/sh
# Two editors tagging the same article at the same time, each in its own
# copydesk processes: every call succeeds (no "database is locked"), and all
# the spans are stored, each with its author.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db"
N=100
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
q() { sqlite3 "$COPYDESK_DB" "$1"; }

# One article of plain ASCII (every code point a grapheme), longer than N.
text=$(awk -v n=$N 'BEGIN { for (i = 0; i < n; i++) printf "word%03d ", i }')
printf '{"title":"Shared","lang":"en","text":"%s"}\n' "$text" >"$tmp/a.jsonl"
COPYDESK_EDITOR=setup "$COPYDESK" import "$tmp/a.jsonl" >/dev/null 2>&1 || fail "import"

# editor LABEL: N tag calls, one process each; failures counted in $tmp/LABEL.fail
editor() {
	i=0
	: >"$tmp/$1.fail"
	while [ $i -lt $N ]; do
		if ! COPYDESK_EDITOR="ed-$1" "$COPYDESK" tag 1 $((i * 8)) $((i * 8 + 7)) "$1" \
			>>"$tmp/$1.out" 2>>"$tmp/$1.err"; then
			echo "tag 1 $((i * 8)) $((i * 8 + 7)) $1 failed" >>"$tmp/$1.fail"
		fi
		i=$((i + 1))
	done
}
editor PER &
p1=$!
editor ORG &
p2=$!
wait $p1
wait $p2

for l in PER ORG; do
	[ -s "$tmp/$l.fail" ] && fail "$l: $(wc -l <"$tmp/$l.fail") calls failed: $(head -3 "$tmp/$l.fail")"
	[ -s "$tmp/$l.err" ] && fail "$l: stderr: $(head -3 "$tmp/$l.err")"
	[ "$(wc -l <"$tmp/$l.out")" = $N ] || fail "$l: $(wc -l <"$tmp/$l.out") spans printed"
	[ "$(q "SELECT count(*) FROM span WHERE label = '$l' AND author = 'ed-$l' AND deleted_at IS NULL")" = $N ] ||
		fail "$l: $(q "SELECT count(*) FROM span WHERE label = '$l'") spans stored"
	[ "$(q "SELECT count(DISTINCT start) FROM span WHERE label = '$l' AND text LIKE 'word%'")" = $N ] ||
		fail "$l: spans not at their words"
done
grep -l 'locked' "$tmp"/*.err >/dev/null 2>&1 && fail "database is locked"
[ "$(q "SELECT count(*) FROM span")" = $((2 * N)) ] || fail "$(q "SELECT count(*) FROM span") spans in all"
[ "$(q "SELECT count(*) FROM edit_log WHERE action = 'span-add'")" = $((2 * N)) ] ||
	fail "edit log: $(q "SELECT count(*) FROM edit_log WHERE action = 'span-add'") span-add entries"

[ $fails = 0 ] && echo "all concurrency checks passed"
exit $fails
