#!/bin/sh
# The interface at 80x24 in tmux, as an editor uses it: the list, the reader
# and its motions, search with folding, next and previous article, the help,
# resizing (rewrap, too small, back), the exit status, and the reading
# position remembered per editor across runs.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db

# The samples, and a long article of our own to page through (40 paragraphs
# of plain ASCII, two of them naming Phạm Bình).
i=1
{
	printf 'Long test article\n\n'
	while [ $i -le 40 ]; do
		n=$(printf %02d $i)
		case $i in
		25) x=' Ông Phạm Bình Minh nói vậy.' ;;
		35) x=' Phạm Bình đồng ý.' ;;
		*) x= ;;
		esac
		printf 'Paragraph %s. The quick brown fox jumps over the lazy dog while the editor reads on, line after line, to the end of paragraph %s.%s\n\n' "$n" "$n" "$x"
		i=$((i + 1))
	done
} >"$tmp/long.txt"
"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" "$tmp/long.txt" >/dev/null 2>&1 ||
	{ echo "FAIL: import"; exit 1; }

# run.sh: the program on the test's database, its exit status written after it.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
"$COPYDESK" --db "$db" "\$@"
echo "EXIT=\$?" >"$tmp/exit"
EOF
barline=23
bar() { line $barline; }
# The reader's line position (the "12" of "12/120  10%  tester").
pos() { bar | sed -n 's/.* \([0-9][0-9]*\)\/[0-9][0-9]* *[0-9][0-9]*%  tester *$/\1/p'; }
lines() { bar | sed -n 's/.* [0-9][0-9]*\/\([0-9][0-9]*\) *[0-9][0-9]*%  tester *$/\1/p'; }
pos_is() { [ "$(pos)" = "$1" ]; }
pos_not() { [ -n "$(pos)" ] && [ "$(pos)" != "$1" ]; }
wait_pos() { poll pos_is "$1" || lib_timeout "position $1 (the status line: $(bar))"; }
wait_pos_not() { poll pos_not "$1" || lib_timeout "a position other than $1 (the status line: $(bar))"; }
longest() { screen | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }'; }
line_is() { [ "$(line "$1")" = "$2" ]; }
longest_over() { [ "$(longest)" -gt "$1" ]; }

# --- The list ---
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/8"
line 1 | grep -qE '^ new +2025-09-18 vi +Sáng 17-9, tại TP Đà Nẵng' || fail "list line 1: $(line 1)"
line 3 | grep -qE '^ new +- +vi +Huế huy động hơn 2\.000 tình nguyện viên dọn dẹp sau lũ *$' ||
	fail "list line 3: $(line 3)"
line 6 | grep -qE '^ new +2025-10-24 en +Mekong Cloud posts record third-quarter revenue *$' ||
	fail "list line 6: $(line 6)"
line 8 | grep -qE '^ new +- +en +Long test article *$' || fail "list line 8: $(line 8)"
line 9 | grep -q '[^ ]' && fail "list: something below the last article: $(line 9)"
bar | grep -qE '^ Articles 1/8 +tester *$' || fail "list status line: $(bar)"
[ "$(line 1 | cut -c1-9)" = " new     " ] || fail "list: status column: $(line 1)"
# The list's own keys: j, k, G, g.
keys j j
wait_for "Articles 3/8"
keys k
wait_for "Articles 2/8"
keys G
wait_for "Articles 8/8"
keys g
wait_for "Articles 1/8"
keys G
wait_for "Articles 8/8"

# --- The reader: "i/N title position name" ---
keys Enter
wait_line 23 '^ 8/8 Long test article +1/[0-9]+ +[0-9]+%  tester *$'
n=$(lines)
[ "$n" -gt 60 ] || fail "the long article has only $n lines at 80 columns"
# The header: the title in bold, language and source dimmed, a blank line; then the body.
line 1 | grep -qE '^Long test article *$' || fail "reader line 1 (the title): $(line 1)"
screen -e | sed -n 1p | grep -q "$(printf '\033')\\[[0-9;]*1[;m]Long test article" ||
	fail "the title is not bold: $(screen -e | sed -n 1p)"
line 2 | grep -qE "^en · $tmp/long\.txt *\$" || fail "reader line 2 (date, language, source): $(line 2)"
line 3 | grep -q '[^ ]' && fail "reader line 3 is not blank: $(line 3)"
line 4 | grep -q '^Paragraph 01\. The quick brown fox' || fail "reader line 4: $(line 4)"
line 5 | grep -q 'paragraph 01\.$' || fail "reader line 5 (the wrap): $(line 5)"
[ "$(longest)" -le 80 ] || fail "a line wider than the window"
line 24 | grep -q '[^ ]' && fail "a message on opening: $(line 24)"

# Space pages down; -, PgUp and C-b page back (b is a word back here); g and G go to the ends.
keys Space
wait_pos_not 1
p1=$(pos)
[ "$p1" -gt 10 ] || fail "Space moved to line $p1 only"
line 1 | grep -q '^Paragraph 01\.' && fail "Space: the first line did not change: $(line 1)"
top1=$(line 1)
keys Space
wait_pos_not "$p1"
[ "$(pos)" -gt "$p1" ] || fail "the second Space went back: $(pos) after $p1"
[ "$(line 1)" != "$top1" ] || fail "the second Space: the first line did not change"
keys -
poll line_is 1 "$top1" || fail "-: the first line is $(line 1), not $top1"
keys PPage
wait_line 1 '^Long test article'
keys Space
wait_pos_not 1
keys C-b
wait_line 1 '^Long test article'
line 4 | grep -q '^Paragraph 01\.' || fail "C-b: line 4 is $(line 4)"
# k up to the first line brings the header back into view.
keys Space
wait_pos_not 1
# shellcheck disable=SC2046 # one k per line up
keys $(yes k | head -n $(($(pos) - 1)))
wait_pos 1
line 1 | grep -q '^Long test article' || fail "k to the top: line 1 is $(line 1)"
keys G
wait_pos "$n"
bar | grep -qE " $n/$n 100%  tester *\$" || fail "G: status line $(bar)"
line 1 | grep -q '^Paragraph 01\.' && fail "G did not scroll"
keys g
wait_pos 1
line 1 | grep -q '^Long test article' || fail "g: line 1 is $(line 1)"
line 4 | grep -q '^Paragraph 01\.' || fail "g: line 4 is $(line 4)"

# / search: "pham binh" finds "Phạm Bình"; n and N go on and back.
keys /
wait_line 24 '^/ *$'
keys -l 'pham binh'
wait_line 24 '^/pham binh *$'
keys Enter
wait_pos_not 1
ps=$(pos)
has_text "Phạm Bình Minh" || fail "search: the match is not on the screen"
line 24 | grep -q '[^ ]' && fail "search: a message: $(line 24)"
[ "$ps" -gt 60 ] && [ "$ps" -lt 80 ] || fail "search went to line $ps, not paragraph 25's"
keys n
wait_pos_not "$ps"
pn=$(pos)
[ "$pn" -gt "$ps" ] || fail "n went back: $pn after $ps"
has_text "Phạm Bình đồng ý" || fail "n: the second match is not on the screen"
keys N
wait_pos "$ps"
keys n n
wait_line 24 'Search hit the bottom'
wait_pos "$ps"
# A search that finds nothing says so with the pattern as typed, and stays.
keys / && keys -l 'zzq nowhere' && keys Enter
wait_line 24 '^Not found: zzq nowhere *$'
pos_is "$ps" || fail "a failed search moved the cursor to $(pos)"
# Accents typed as such find the same text.
keys g
wait_pos 1
keys / && keys -l 'PHẠM BÌNH' && keys Enter
wait_pos "$ps"

# ? shows the keys; q goes back to the reader.
keys '?'
wait_for "Keys (q leaves the help"
for k in page-down page-up search-next search-prev "top " "bottom "; do
	has_text "$k" || fail "the help does not list $k"
done
bar | grep -q 'Help' || fail "help status line: $(bar)"
# A long description's continuation hangs under the description column.
screen | grep -qE '^ {39}article\) *$' || fail "help: no continuation line under column 39"
screen | grep -qE '^article\)' && fail "help: a description wrapped to column 0"
keys q
wait_line 23 '^ 8/8 Long test article '
pos_is "$ps" || fail "the help lost the reader's place: $(pos), not $ps"

# ] and [: the next and previous article, also in the list.
keys ']'
wait_line 24 'This is the last article'
keys '['
wait_line 23 '^ 7/8 Sân bay Phú Bài tạm dừng khai thác'
has_text 'Long test article' && fail "[: the old article is still on the screen"
keys ']'
wait_line 23 '^ 8/8 Long test article '

# Resizing: rewrap at 200 columns (the reading width, 100 by default, then
# the window's with :set width=0), a plain message at 30x8, and back.
keys g
wait_pos 1
T resize-window -t t -x 200 -y 50
poll longest_over 80 || fail "no line wider than 80 columns at 200x50"
wait_line 49 '^ 8/8 Long test article +1/[0-9]+ '
barline=49
[ "$(screen | sed -n '1,48p' | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')" -le 100 ] ||
	fail "200 columns: a line of the text wider than the reading width of 100"
keys : && keys -l 'set width=0' && keys Enter
wait_line 50 'as wide as the window'
line 4 | grep -q 'to the end of paragraph 01\.$' || fail "200 columns: line 4 is $(line 4)"
[ "$(lines)" -lt "$n" ] || fail "200 columns: still $(lines) lines"
keys : && keys -l 'set width=100' && keys Enter
wait_line 50 'at most 100 columns'
barline=23
T resize-window -t t -x 30 -y 8
wait_line 1 '^window too small \(30x8, need *$'
line 2 | grep -qE '^40x10\) *$' || fail "too small, line 2: $(line 2)"
[ "$(longest)" -le 30 ] || fail "the too-small message is wider than 30 columns"
screen | sed -n '3,$p' | grep -q '[^ ]' && fail "too small: more than the message: $(screen)"
T resize-window -t t -x 80 -y 24
wait_line 23 '^ 8/8 Long test article +1/[0-9]+ +[0-9]+%  tester *$'
line 4 | grep -q '^Paragraph 01\. The quick brown fox' || fail "back at 80x24, line 4: $(line 4)"
has_text 'window too small' && fail "back at 80x24 the message stayed"
[ "$(lines)" = "$n" ] || fail "back at 80x24: $(lines) lines, not $n"
# A resize with the search prompt open keeps it and what was typed; Esc closes it.
keys / && keys -l 'ph'
wait_line 24 '^/ph *$'
T resize-window -t t -x 50 -y 12
wait_line 12 '^/ph *$'
line 11 | grep -q '^ 8/8 Long test' || fail "50x12 with the prompt: status line $(line 11)"
keys Escape
poll line_is 12 "" || fail "Esc did not close the prompt: $(line 12)"
T resize-window -t t -x 80 -y 24
wait_line 23 '^ 8/8 Long test article +1/[0-9]+ +[0-9]+%  tester *$'

# q back to the list: the cursor on the article read; q quits with status 0.
keys j j j j j
wait_pos 6
keys q
wait_for "Articles 8/8"
line 8 | grep -q 'Long test article' || fail "back in the list, line 8: $(line 8)"
screen -e | sed -n 8p | grep -q "$(printf '\033')\\[" || fail "the list's cursor line is not highlighted"
screen -e | sed -n 1p | grep -q "$(printf '\033')\\[[0-9;]*7" && fail "line 1 still highlighted"
keys q
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "q: $(cat "$tmp/exit")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM position WHERE article_id = 8 AND editor = 'tester' AND pos > 0")" = 1 ] ||
	fail "no reading position stored"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"

# The position is the editor's: the same article opens where tester left it,
# and at the top for another editor.
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/8"
keys G Enter
wait_line 23 '^ 8/8 Long test article +6/'
keys q
wait_for "Articles 8/8"
keys q
wait_file "$tmp/exit"
rm -f "$tmp/exit"
start "COPYDESK_EDITOR=other sh $tmp/run.sh"
wait_for "Articles 1/8"
keys G Enter
wait_line 23 '^ 8/8 Long test article +1/[0-9]+ +[0-9]+%  other *$'
keys q
wait_for "Articles 8/8"
keys q
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "second run: $(cat "$tmp/exit")"

# copydesk demo: the samples in a throwaway database, gone afterwards.
rm -f "$tmp/exit"
start "sh $tmp/run.sh demo"
wait_for "Articles 1/7"
line 7 | grep -q 'Sân bay Phú Bài' || fail "demo, line 7: $(line 7)"
keys Enter
wait_line 23 '^ 1/7 Sáng 17-9'
# No title: the header is the date, language and source line alone.
line 1 | grep -qE '^2025-09-18 · vi · .*01-dien-dan-kinh-te-mien-trung\.txt *$' ||
	fail "demo reader, line 1: $(line 1)"
line 2 | grep -q '[^ ]' && fail "demo reader, line 2 is not blank: $(line 2)"
line 3 | grep -q '^Sáng 17-9' || fail "demo reader, line 3: $(line 3)"
keys q q
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "demo: $(cat "$tmp/exit")"
ls -d "$tmp"/copydesk-demo-* >/dev/null 2>&1 && fail "demo left its database in TMPDIR"

finish
