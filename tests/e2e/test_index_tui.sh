#!/bin/sh
# The sentence index for the repeats of claims is made when articles are
# imported; a database made before it is indexed once on upgrade, in steps
# that say how far they are; and an idle interface does nothing (no
# indexing, no CPU, no writes) while other editors keep writing.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
q() { sqlite3 "$db" "$1"; }
"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
n=$(q "SELECT count(*) FROM article")
indexed() { [ "$(q "SELECT count(DISTINCT article_id) FROM sentence")" = "$n" ]; }
indexed || fail "import did not index every article: $(q "SELECT count(DISTINCT article_id) FROM sentence") of $n"

# An older database: its articles are indexed on the first open, with progress, once.
q "DELETE FROM sentence; INSERT INTO sentence_upgrade (id, next, last) SELECT 1, min(id), max(id) FROM article"
"$COPYDESK" --db "$db" list >"$tmp/out" 2>"$tmp/err" || fail "list on upgrade: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/out")" = "$n" ] || fail "list on upgrade: $(cat "$tmp/out")"
grep -q "indexing sentences for repeats: $n of $n" "$tmp/err" || fail "no progress: $(cat "$tmp/err")"
indexed || fail "the upgrade did not index every article"
[ "$(q "SELECT count(*) FROM sentence_upgrade")" = 0 ] || fail "upgrade left pending"
"$COPYDESK" --db "$db" list >/dev/null 2>"$tmp/err"
[ -s "$tmp/err" ] && fail "indexed again: $(cat "$tmp/err")"

start "TERM=xterm-256color '$COPYDESK' --db '$db'"
wait_for "Articles 1/$n"
pid=$(T list-panes -t t -F '#{pane_pid}')
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
sum=$(sha1sum "$db" | cut -d' ' -f1)
c0=$(cpu "$pid")
sleep 3
c1=$(cpu "$pid")
# Clock ticks (1/100 s): waking four times a second to look at the database is all it does.
[ $((c1 - c0)) -le 5 ] || fail "idle interface used $((c1 - c0)) ticks of CPU in 3 s"
[ "$(sha1sum "$db" | cut -d' ' -f1)" = "$sum" ] || fail "idle interface wrote to the database"
# Another editor writes meanwhile without waiting on a lock.
out=$(COPYDESK_EDITOR=other "$COPYDESK" --db "$db" claim 1 0 10 2>&1) || fail "claim while the interface runs: $out"
# A newly imported article is indexed by its import.
printf 'Một bài mới. Có 12 người dự.\n' >"$tmp/new.txt"
"$COPYDESK" --db "$db" import "$tmp/new.txt" >/dev/null 2>&1 || fail "import new"
n=$((n + 1))
indexed || fail "the new article was not indexed"
keys q
finish
