#!/bin/sh
# The entities screen with more entities than the rows it holds (64): it
# reads pages by name as the cursor moves.  G, g and NG land on the right
# entity with the right "Entities i/N"; lines across the window's edges
# show the entities in name order.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
printf '{"title": "One", "text": "An article."}\n' >"$tmp/one.jsonl"
"$COPYDESK" import "$tmp/one.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }
# 300 entities whose ids are not in name order.
sqlite3 "$COPYDESK_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO entity (id, name, created_by, created_at, updated_by, updated_at)
    SELECT i, 'Person ' || printf('%03d', 301 - i), 'anna', '2026-01-01T00:00:00.000Z', 'anna',
           '2026-01-01T00:00:00.000Z' FROM n;" || { echo "FAIL: setup entities"; exit 1; }

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/1"
keys E
wait_for "Entities 1/300"
line_matches 2 "Person 001" || fail "the first entity by name is $(line 2)"
keys G
wait_for "Entities 300/300"
has_text "Person 300" || fail "G: the last entity is not shown"
keys g
wait_for "Entities 1/300"
keys 2 0 0 G
wait_for "Entities 200/300"
has_text "Person 200" || fail "200G: the entity is not shown"
# Up 150 lines: across the window's first row.
keys -N 150 k
wait_for "Entities 50/300"
line_matches 2 "Person 050" || fail "k: line 2 is $(line 2)"
line_matches 3 "Person 051" || fail "k: line 3 is $(line 3)"
# Down 200 lines: across the window's last row.
keys -N 200 j
wait_for "Entities 250/300"
at=$(screen | grep -n "Person 250" | cut -d: -f1)
line_matches $((at - 1)) "Person 249" || fail "j: above 250 is $(line $((at - 1)))"
keys q
keys q
wait_file "$tmp/exit"
finish
