#!/bin/sh
# The claims screen of the corpus with more claims than the rows it holds
# (64): it reads pages as the cursor moves.  G, g and NG land on the right
# claim with the right "Claims i/N"; lines up and down across the window's
# edges show the claims in their order (by article); Enter opens the claim's
# article.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
i=1
while [ $i -le 400 ]; do
	n=$(printf '%03d' $i)
	printf '{"title": "Item %s", "text": "Claim of item %s here. Body of item number %s."}\n' "$n" "$n" "$n"
	i=$((i + 1))
done >"$tmp/many.jsonl"
"$COPYDESK" import "$tmp/many.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }
# One claim in each article, written as the export benchmark does (400 claim commands take long).
sqlite3 "$COPYDESK_DB" "BEGIN;
INSERT INTO research (id, status, created_by, created_at, updated_by, updated_at)
    SELECT id, 'check', 'anna', '2026-01-01T00:00:00.000Z', 'anna', '2026-01-01T00:00:00.000Z'
    FROM article;
INSERT INTO claim (article_id, start, \"end\", text, key, research_id, author, created_at,
                   updated_by, updated_at)
    SELECT id, 0, 22, substr(body, 1, 22), 'k' || id, id, 'anna', '2026-01-01T00:00:00.000Z',
           'anna', '2026-01-01T00:00:00.000Z' FROM article;
COMMIT;" || { echo "FAIL: setup claims"; exit 1; }

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/400"
keys C
wait_for "Claims 1/400"
has_text "Claim of item 001 here" || fail "the first claim is not shown"
keys G
wait_for "Claims 400/400"
has_text "Claim of item 400 here" || fail "G: the last claim is not shown"
has_text "Claim of item 380 here" || fail "G: the screen above the last is not shown"
keys g
wait_for "Claims 1/400"
has_text "Claim of item 001 here" || fail "g: the first claim is not shown"
keys 2 5 0 G
wait_for "Claims 250/400"
has_text "Claim of item 250 here" || fail "250G: the claim is not shown"
# Up 200 lines: across the window's first row, read back a page at a time.
keys -N 200 k
wait_for "Claims 50/400"
line_matches 1 "Status +Verdict" || fail "k: line 1 is $(line 1)"
line_matches 2 "Claim of item 050 here" || fail "k: line 2 is $(line 2)"
line_matches 3 "Claim of item 051 here" || fail "k: line 3 is $(line 3)"
# Down 300 lines: across the window's last row.
keys -N 300 j
wait_for "Claims 350/400"
has_text "Claim of item 350 here" || fail "j: the claim is not shown"
at=$(screen | grep -n "Claim of item 350 here" | cut -d: -f1)
line_matches $((at - 1)) "Claim of item 349 here" || fail "j: above 350 is $(line $((at - 1)))"
line_matches 2 "Claim of item $(printf '%03d' $((350 - at + 2))) here" || fail "j: line 2 is $(line 2)"
# Another editor's claim in an early article: the count grows, the cursor stays on its claim.
COPYDESK_EDITOR=binh "$COPYDESK" claim 3 --text "Body of item number 003" >/dev/null 2>&1 ||
	fail "the other editor's claim"
wait_for "Claims 351/401"
has_text "Claim of item 350 here" || fail "the cursor left its claim"
keys Enter
wait_for "item number 350"
keys q
keys q
wait_file "$tmp/exit"
finish
