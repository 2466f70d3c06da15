#!/bin/sh
# The article list longer than the rows it holds (256): it reads pages as the
# cursor moves.  G, g and NG land on the right article with the right
# "Articles i/N"; lines up and down across the window's edges show the
# articles in id order; Enter opens the article under the cursor; / (the
# corpus search) finds an article outside the window; an article another editor imports shows up at
# the end without losing the cursor.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
i=1
while [ $i -le 700 ]; do
	n=$(printf '%03d' $i)
	printf '{"title": "Item %s here", "text": "Body of item number %s, a short article."}\n' "$n" "$n"
	i=$((i + 1))
done >"$tmp/many.jsonl"
"$COPYDESK" import "$tmp/many.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/700"
has_text "Item 001 here" || fail "the first article is not shown"
keys G
wait_for "Articles 700/700"
has_text "Item 700 here" || fail "G: the last article is not shown"
has_text "Item 679 here" || fail "G: the screen above the last is not shown"
keys g
wait_for "Articles 1/700"
has_text "Item 001 here" || fail "g: the first article is not shown"
keys 3 5 0 G
wait_for "Articles 350/700"
has_text "Item 350 here" || fail "350G: the article is not shown"
# Up 300 lines: across the window's first row, read back a page at a time.
keys -N 300 k
wait_for "Articles 50/700"
line_matches 1 "Item 050 here" || fail "k: line 1 is $(line 1)"
line_matches 2 "Item 051 here" || fail "k: line 2 is $(line 2)"
# Down 600 lines: across the window's last row.
keys -N 600 j
wait_for "Articles 650/700"
has_text "Item 650 here" || fail "j: the article is not shown"
keys Enter
wait_for "item number 650"
keys q
wait_for "Articles 650/700"
# / searches the corpus: an article outside the window is found, and reading
# it puts the list's cursor on it.
keys / "Item 004" Enter
wait_for "1 result for Item 004"
keys Enter
wait_for "item number 004"
keys q
wait_for "Search 1 of 1 result"
keys q
wait_for "Articles 4/700"
# Another editor imports: the count grows, the cursor stays, G reaches it.
printf '{"title": "Item 701 late", "text": "Imported while the list was open."}\n' >"$tmp/late.jsonl"
COPYDESK_EDITOR=other "$COPYDESK" import "$tmp/late.jsonl" >/dev/null 2>&1 || fail "late import"
wait_for "Articles 4/701"
keys G
wait_for "Articles 701/701"
has_text "Item 701 late" || fail "the imported article is not shown"
keys k
wait_for "Articles 700/701"
keys q
wait_file "$tmp/exit"
finish
