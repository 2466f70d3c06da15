#!/bin/sh
# A database left by an older copydesk (here: from before the search index,
# migration 8) opens in the interface at once: the list is drawn before its
# articles are indexed, the indexing goes on a step at a time while the
# editor does nothing, with its progress on the message line, and afterwards
# the corpus search finds them.  (The CLI still does it all at open.)
. "$SRCDIR/tests/e2e/lib_tmux.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: no sqlite3"; exit 77; }
export COPYDESK_DB=$tmp/cd.db
i=1
while [ $i -le 2000 ]; do
	printf '{"title": "Bài %d", "text": "Ông Lương Cường nói về kinh tế, bài số %d của năm."}\n' "$i" "$i"
	i=$((i + 1))
done >"$tmp/many.jsonl"
"$COPYDESK" import "$tmp/many.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }
# Back to version 7: no search index (the sqlite3 shell has no tokenizer, so
# the index's tables go by the schema).
sqlite3 "$COPYDESK_DB" "DROP TABLE search_upgrade; DROP VIEW article_search_src;
	PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name LIKE 'article_fts%';
	PRAGMA writable_schema = OFF; ALTER TABLE edit_log DROP COLUMN uid; PRAGMA user_version = 7" || { echo "FAIL: downgrade"; exit 1; }

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/2000"
pending=$(sqlite3 "$COPYDESK_DB" "SELECT count(*) FROM search_upgrade")
[ "$pending" -gt 0 ] || fail "the list was drawn only after every article was indexed"
wait_for "indexing articles for search"
wait_for "The indexes are up to date" 60
[ "$(sqlite3 "$COPYDESK_DB" "SELECT count(*) FROM search_upgrade")" = 0 ] ||
	fail "articles left unindexed"
keys / 'luong cuong' Enter
wait_for "results for luong cuong"
has_text "Lương Cường" || fail "the results show no match"
keys q
wait_for "Articles 1/2000"
keys q
wait_file "$tmp/exit"
grep -q 'EXIT=0' "$tmp/exit" || fail "exit status: $(cat "$tmp/exit")"
finish
