#!/bin/sh
# The corpus search in the interface: / on the list narrows the results as
# the query is typed without accents (a snippet with the match marked, also
# without colour), Enter takes them, Enter opens the article at its first
# match with the title's and the body's matches highlighted, n and N go
# through them and wrap, q goes back to the results and to the list; the
# exact mode (=); Esc while typing goes back to the list; a malformed query
# shows the core's message (never SQLite's) on the status line and after
# Enter.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
cat >"$tmp/a.jsonl" <<'EOF2'
{"title": "Ông Lương Cường thăm Hà Nội", "text": "Mở đầu bài viết.\n\nChủ tịch nước Lương Cường đã gặp đại biểu.\n\nSau đó, ông Lương Cường phát biểu."}
{"title": "Báo cáo của Đảng", "text": "Đảng và Nhà nước quan tâm đến kinh tế."}
{"title": "Economy report", "text": "Mr Dang said the economy grew."}
EOF2
"$COPYDESK" import "$tmp/a.jsonl" >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color NO_COLOR=1
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/3"

# Narrowed as typed, before Enter: the last word a prefix.
keys /
keys -l "luong cuo"
wait_for "Search 1 of 1 result  /luong cuo*"
line_matches 24 "^/luong cuo" || fail "the prompt is not open: $(line 24)"
line_matches 1 "1 .*Ông Lương Cường thăm Hà Nội" || fail "result line: $(line 1)"
line_matches 2 "Lương Cường đã gặp" || fail "snippet line: $(line 2)"
# The match is marked without colour (NO_COLOR): bold and underlined.
screen -e | sed -n 2p | grep -qE "4m[^ ]*Lương" || fail "the snippet's match is not marked: $(screen -e | sed -n 2p)"
has_text "Báo cáo" && fail "an article without the words is listed"
keys Enter
wait_for "1 result for luong cuo* in"

# Enter: the reader at the first match of the body, the title's highlighted too.
keys Enter
wait_for "Match 3 of 6 of luong cuo*"
screen -e | sed -n 1p | grep -qE "4m[^ ]*Lương" || fail "the title's match is not highlighted: $(screen -e | sed -n 1p)"
# (the cursor is on the first match's first letter)
screen -e | grep "Chủ tịch" | grep -qE "4m[^ ]*Cường" || fail "the body's match is not highlighted"
keys n
wait_for "Match 4 of 6"
keys n n
wait_for "Match 6 of 6"
keys n
wait_for "Match 1 of 6 (went on from the top)"
keys N
wait_for "Match 6 of 6 (went on from the bottom)"
# q: back to the results, then to the list.
keys q
wait_for "Search 1 of 1 result"
keys q
wait_for "Articles 1/3"

# Accentless: dang finds Đảng and Dang; the exact mode only Đảng.
keys / 
keys -l "dang"
keys Enter
wait_for "2 results for dang"
has_text "Báo cáo của Đảng" || fail "dang does not find Đảng"
has_text "Economy report" || fail "dang does not find Dang"
keys n
wait_for "Search 2 of 2 results"
keys N
wait_for "Search 1 of 2 results"
keys q
wait_for "Articles"
keys /
keys -l "=Đảng"
keys Enter
wait_for "1 result for =Đảng"
has_text "Economy report" && fail "the exact mode finds Dang"
keys Enter
wait_for "Match 2 of 2 of =Đảng*"
keys q q
wait_for "Articles"

# Esc while typing: back to the list.
keys /
keys -l "luong"
wait_for "Search 1 of 1 result"
keys Escape
wait_for "Articles"

# A malformed query: the core's message, on the status line while typing, then after Enter.
keys /
keys -l '"kinh'
wait_for "the quote at character 1 is not closed"
keys Enter
wait_for "search: the quote at character 1 is not closed"
keys /
keys -l "OR"
keys Enter
wait_for "search: the operator at character 1 has no term before it"
screen | grep -qiE "fts5|sqlite|syntax error" && fail "SQLite's text on the screen"

keys q
wait_file "$tmp/exit"
grep -q "EXIT=0" "$tmp/exit" || fail "exit status: $(cat "$tmp/exit")"
finish
