#!/bin/sh
# The article list's sorts, filters and jump to a date: `o` cycles the order
# (id, date, title) and the title bar names it; :sort title puts "an ninh",
# "Da Nang cũ" and "Đà Nẵng mới" together at the top (accents and case
# ignored); G in date order ends with the undated; :to-date lands on the
# first article of that date (by date and by id); :filter keeps what it says
# and shows it with its count; :filter alone shows every article again.  The
# list holds more articles than the window (256), so each of these reads
# pages by keyset queries.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
i=1
while [ $i -le 600 ]; do
	n=$(printf '%03d' $i)
	if [ $((i % 50)) -eq 0 ]; then
		dt=""
	else
		dt=$(printf ', "date": "2024-%02d-%02d"' $((i % 12 + 1)) $((i % 28 + 1)))
	fi
	l=en
	[ $((i % 2)) -eq 1 ] && l=vi
	printf '{"title": "Item %s here", "lang": "%s"%s, "text": "Body of item number %s."}\n' \
		"$n" "$l" "$dt" "$n"
	i=$((i + 1))
done >"$tmp/many.jsonl"
printf '{"title": "Đà Nẵng mới", "date": "2023-01-01", "text": "Bài một."}\n' >>"$tmp/many.jsonl"
printf '{"title": "Da Nang cũ", "date": "2023-01-02", "text": "Bài hai."}\n' >>"$tmp/many.jsonl"
printf '{"title": "an ninh", "date": "2023-01-03", "text": "Bài ba."}\n' >>"$tmp/many.jsonl"
"$COPYDESK" import "$tmp/many.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }
"$COPYDESK" status 17 done >/dev/null 2>&1 || { echo "FAIL: setup status"; exit 1; }
"$COPYDESK" status 521 done >/dev/null 2>&1 || { echo "FAIL: setup status"; exit 1; }
# What the CLI lists in date order is what the interface must show.
"$COPYDESK" list --sort date >"$tmp/bydate" || fail "list --sort date"
at=$(grep -n '	2024-06-18	' "$tmp/bydate" | head -1 | cut -d: -f1)
[ "$at" = 309 ] || fail "list --sort date: 2024-06-18 first at line $at"
[ "$(tail -1 "$tmp/bydate" | cut -f1)" = 50 ] || fail "list --sort date: the undated are not last"
en_march=$("$COPYDESK" list --lang en --from 2024-03-01 --to 2024-03-31 | wc -l)

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/603"
# The cursor stays on its article (1) in the new order.
one=$(cut -f1 "$tmp/bydate" | grep -nx 1 | cut -d: -f1)
keys o
wait_for "Articles $one/603 by date"
keys g
wait_for "Articles 1/603 by date"
line_matches 1 "2024-12-28.*Item 587 here" || fail "o: line 1 is $(line 1)"
keys G
wait_for "Articles 603/603 by date"
has_text "Item 050 here" || fail "G by date: the undated are not at the end"
keys : "to-date 2024-06-18" Enter
wait_for "Articles 309/603 by date"
has_text "Item 521 here" || fail "to-date: the article is not shown"
keys : "sort title" Enter
wait_for "by title"
keys g
wait_for "Articles 1/603 by title"
line_matches 1 "an ninh" || fail "title: line 1 is $(line 1)"
line_matches 2 "Da Nang cũ" || fail "title: line 2 is $(line 2)"
line_matches 3 "Đà Nẵng mới" || fail "title: line 3 is $(line 3)"
line_matches 4 "Item 001 here" || fail "title: line 4 is $(line 4)"
keys : "sort id" Enter
wait_for "603 articles, by id"
keys : "to-date 2024-06-18" Enter
wait_for "Articles 17/603"
keys : "filter lang=en from=2024-03-01 to=2024-03-31" Enter
wait_for "/$en_march | lang=en from=2024-03-01 to=2024-03-31"
keys : "filter status=done" Enter
wait_for "/2 | status=done"
has_text "Item 017 here" || fail "filter status=done: 17 is not shown"
has_text "Item 521 here" || fail "filter status=done: 521 is not shown"
keys : "filter lang=xx" Enter
wait_for "not a filter: lang=xx"
has_text "status=done" || fail "a bad filter changed the list"
keys : "filter" Enter
wait_for "/603 "
keys q
wait_file "$tmp/exit"
finish
