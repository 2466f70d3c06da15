#!/bin/sh
# While the editor only reads, the interface indexes the articles' sentences
# for the repeats of claims, a few at a time, and other editors keep writing.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
n=$(sqlite3 "$db" "SELECT count(*) FROM article")
[ "$(sqlite3 "$db" "SELECT count(DISTINCT article_id) FROM sentence")" = 0 ] || fail "indexed before the interface ran"

start "TERM=xterm-256color '$COPYDESK' --db '$db'"
wait_for "Articles 1/$n"
indexed() { [ "$(sqlite3 "$db" "SELECT count(DISTINCT article_id) FROM sentence")" = "$n" ]; }
poll indexed || fail "not all $n articles indexed while idle: $(sqlite3 "$db" "SELECT count(DISTINCT article_id) FROM sentence")"
# Another editor writes meanwhile without waiting on a lock.
out=$(COPYDESK_EDITOR=other "$COPYDESK" --db "$db" claim 1 0 10 2>&1) || fail "claim while the interface runs: $out"
# A newly imported article is indexed too, once the interface notices it.
printf 'Một bài mới. Có 12 người dự.\n' >"$tmp/new.txt"
"$COPYDESK" --db "$db" import "$tmp/new.txt" >/dev/null 2>&1 || fail "import new"
n=$((n + 1))
poll indexed || fail "the new article was not indexed"
keys q
finish
