#!/bin/sh
# The reader's keys and prompts as an editor hit them (issue 8): nothing acts
# blind behind "window too small"; C-c cancels a prompt; e offers the
# entity's name without making the command part of the line; counts move N;
# the : and / prompts have a history (kept between runs) and Tab completion;
# a search highlight keeps a span's colour and goes with :noh and Esc; Y
# asks; a tag says how to undo it; a jump into hidden boilerplate shows it;
# the reading width is capped and centred on request; emoji are drawn whole;
# a monochrome terminal gets markers for boilerplate and candidates.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
printf 'Chủ tịch nước Lương Cường dự Hội nghị APEC tại Gyeongju.\nÔng Lương Cường phát biểu.\n' >"$tmp/a.txt"
"$COPYDESK" --db "$db" import "$tmp/a.txt" "$SRCDIR/annotations/samples/03-hue-cuu-tro-sau-lu.txt" \
	>/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }

# (The shell outlives a C-c that the program takes: it only notes it.)
cat >"$tmp/run.sh" <<EOF
trap : INT
export TERM=xterm-256color
"$COPYDESK" --db "$db"
echo "EXIT=\$?" >"$tmp/exit"
EOF
q() { sqlite3 "$db" "$1"; }
nspans() { q "SELECT count(*) FROM span WHERE article_id = 1 AND deleted_at IS NULL"; }
pos() { line 23 | sed -n 's/.* \([0-9][0-9]*\)\/[0-9][0-9]* *[0-9][0-9]*%  tester *$/\1/p'; }
pos_is() { [ "$(pos)" = "$1" ]; }
line_is() { [ "$(line "$1")" = "$2" ]; }

# A span in article 2's boilerplate ("Theo dõi Baothuathienhue.vn trên"), for the jump into it.
bp=$(q "SELECT start FROM mark WHERE article_id = 2 AND kind = 'boilerplate' ORDER BY start LIMIT 1")
"$COPYDESK" --db "$db" tag 2 "$((bp + 9))" "$((bp + 27))" ORG >/dev/null 2>&1 || fail "tag in boilerplate"

start "sh $tmp/run.sh"
wait_for "Articles 1/2"
keys Enter
wait_for "Gyeongju"

# --- Behind "window too small" no key acts: a label's key does not tag.
T resize-window -t t -x 30 -y 8
wait_line 1 '^window too small'
keys P O x y Y a
keys : && keys -l 'tag PER' && keys Enter
sleep 0.3
[ "$(nspans)" = 0 ] || fail "keys tagged behind 'window too small': $(nspans) spans"
T resize-window -t t -x 80 -y 24
wait_line 23 '^ 1/2 '
line 24 | grep -q '[^ ]' && fail "a key acted behind 'window too small': $(line 24)"
has_text 'Gyeongju' || fail "the reader is gone after 'window too small'"

# --- A label's key tags at once, and says how to undo it.
keys w w w v w P
wait_for "Tagged: PER “Lương Cường” (u undoes)"

# --- e offers the entity's name: typing replaces it (not ":link Lương CườngX").
keys e
wait_line 24 '^:link Lương Cường *$'
keys -l 'Chủ tịch Lương Cường'
wait_line 24 '^:link Chủ tịch Lương Cường *$'
keys Enter
wait_for "Linked: PER “Lương Cường” → Chủ tịch Lương Cường"
[ "$(q "SELECT name FROM entity")" = "Chủ tịch Lương Cường" ] ||
	fail "link made the entity $(q "SELECT name FROM entity")"
# C-u clears the name, not the command.
keys e
wait_line 24 '^:link Chủ tịch Lương Cường *$'
keys C-u
wait_line 24 '^:link *$'
# C-c cancels the prompt; the program goes on.
keys C-c
poll line_is 24 "" || fail "C-c did not cancel the prompt: $(line 24)"
sleep 0.3
[ -f "$tmp/exit" ] && fail "C-c at a prompt ended the program: $(cat "$tmp/exit")"
has_text 'Gyeongju' || fail "C-c at a prompt: the reader is gone"

# --- Y asks first (as A does); another key answers no.
keys j 0
keys Y
wait_line 24 'Accept 1 suggestion in this article\? \(y: yes'
keys n
wait_line 24 '^Cancelled'
[ "$(nspans)" = 1 ] || fail "Y accepted unasked: $(nspans) spans"
keys Y
wait_line 24 'Accept 1 suggestion'
keys y
poll sh -c "[ \"\$(sqlite3 '$db' 'SELECT count(*) FROM span WHERE article_id = 1 AND deleted_at IS NULL')\" = 2 ]" ||
	fail "Y then y: $(nspans) spans"

# --- A search match on a span keeps its colour (reversed); :noh and Esc take it away.
esc=$(printf '\033')
# The attributes set right before TEXT on screen line N (as SGR parameters, ";"-joined).
sgr_before() { screen -e | sed -n "$1p" | grep -o "\($esc\[[0-9;]*m\)*$2" | head -1 | grep -o '\[[0-9;]*m' | tr -d '[m' | tr '\n' ';'; }
has_attr() { echo ";$1" | grep -qE ";$2;"; }
keys g
keys / && keys -l 'luong cuong' && keys Enter
keys j # the cursor leaves the match; its highlight stays
# Reversed in the span's colour on line 3 (L, under the cursor before, now not).
lit() { a=$(sgr_before 3 'Lương'); has_attr "$a" 7 && has_attr "$a" '38;5;[0-9]+'; }
unlit() { a=$(sgr_before 3 'Lương'); ! has_attr "$a" 7 && has_attr "$a" '38;5;[0-9]+'; }
poll lit || fail "the match hides the span's colour or is not reversed: $(sgr_before 3 'Lương')"
keys : && keys -l 'noh' && keys Enter
poll unlit || fail ":noh left the highlight or took the colour: $(sgr_before 3 'Lương')"
keys g / Enter # an empty search: the last one again (the cursor on its L, the rest underlined)
lit2() { has_attr "$(sgr_before 3 'ương')" 4; }
poll lit2 || fail "the search again did not highlight: $(sgr_before 3 'ương')"
keys Escape
poll eval '! lit2' || fail "Esc left the highlight: $(sgr_before 3 'ương')"

# --- Tab completes a command and lists several on the status line.
keys : && keys -l 'nohl' && keys Tab
wait_line 24 '^:nohlsearch *$'
keys C-u && keys -l 'se' && keys Tab
wait_line 23 'search +search-next +search-prev +select +set'
keys -l 't a' && keys Tab
wait_line 24 '^:set align= *$'
keys Escape
# An ambiguous command names its matches.
keys : && keys -l 'claims-' && keys Enter
wait_line 24 'claims-status, claims-verdict, claims-scope'

# --- History: Up brings the last : line back (the : and / prompts apart).
keys : Up
wait_line 24 '^:claims- *$'
keys Up
wait_line 24 '^:noh *$'
keys Down
wait_line 24 '^:claims- *$'
keys Escape
keys / Up
wait_line 24 '^/luong cuong *$'
keys Escape

# --- Counts: 3j is three lines down (the other article, 20-odd lines long).
keys q
wait_for "Articles 1/2"
keys j Enter
wait_line 23 '^ 2/2 Huế'
keys g
poll pos_is 1 || fail "g: at line $(pos)"
keys 5 j
poll pos_is 6 || fail "5j went to line $(pos), not 6"
keys 2 k
poll pos_is 4 || fail "2k went to line $(pos), not 4"
keys 1 2 G
poll pos_is 12 || fail "12G went to line $(pos), not 12"

# A terminal with colours and dim: boilerplate is dimmed, without markers.
has_text '[~' && fail "xterm-256color: boilerplate markers: $(screen | grep -F '[~')"
# --- A jump to a span in hidden boilerplate shows the boilerplate.
keys g z
wait_line 24 'Boilerplate hidden'
has_text 'Baothuathienhue' && fail "z did not hide the boilerplate"
keys '}'
wait_line 24 'in the boilerplate, shown now'
has_text 'Baothuathienhue' || fail "the span in the boilerplate is not on the screen"

# --- The reading width: 100 columns at 200, centred on request, kept between runs.
T resize-window -t t -x 200 -y 30
wait_line 29 '^ 2/2 Huế'
w=$(screen | sed -n '1,28p' | while IFS= read -r l; do printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m; done | sort -n | tail -1)
[ "$w" -le 100 ] && [ "$w" -gt 80 ] || fail "200 columns: lines up to $w columns, not 100"
keys : && keys -l 'set align=centre' && keys Enter
wait_line 30 'at most 100 columns wide, centred'
screen | sed -n '1,28p' | grep -qE '^ {50}[^ ]' || fail "centred: no line starts at column 51"
keys q q
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "q: $(cat "$tmp/exit")"

# A second run: the setting and the history are back.
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/2"
T resize-window -t t -x 200 -y 30
keys j Enter
wait_line 29 '^ 2/2 Huế'
screen | sed -n '1,28p' | grep -qE '^ {50}[^ ]' || fail "second run: the text is not centred"
keys : Up
wait_line 30 '^:set align=centre *$'
keys Escape
keys : && keys -l 'set align=left' && keys Enter
wait_line 30 'at the left'
keys q q
wait_file "$tmp/exit"

# --- Emoji drawn whole: a skin tone, a flag, a ZWJ family, on the screen as stored.
emoji='A 👍🏽 B 🇻🇳 C 👨‍👩‍👧 D 👩🏽‍💻 E ❤️ F x'
printf 'Emoji\n\n%s\n' "$emoji" >"$tmp/emoji.txt"
"$COPYDESK" --db "$db" import "$tmp/emoji.txt" >/dev/null 2>&1 || fail "import emoji"
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/3"
keys G Enter
wait_line 23 '^ 3/3 Emoji'
poll line_is 4 "$emoji" || fail "emoji lost code points: $(line 4 | od -An -c | head -3)"
# The cursor steps over each whole, and the line's end is where the screen has it.
cx() { T display -p -t t '#{cursor_x}'; }
cx_not() { [ "$(cx)" != "$1" ]; }
cx_is() { [ "$(cx)" = "$1" ]; }
keys '$'
poll cx_not 0 || fail "emoji: \$ did not move the cursor"
c1=$(cx)
keys 0
poll cx_is 0 || fail "emoji: 0 did not go back to the start: $(cx)"
keys w w w w w w w w w w w w
poll cx_is "$c1" || fail "emoji: \$ puts the cursor at $c1, w at the end at $(cx)"
poll line_is 4 "$emoji" || fail "emoji after moving over them: $(line 4)"
keys q q
wait_file "$tmp/exit"

# --- A monochrome terminal (vt100: no colour, no dim, no italics): the
# markers NO_COLOR uses for spans, and for boilerplate and candidates too.
rm -f "$tmp/exit"
start "env TERM=vt100 sh -c '\"$COPYDESK\" --db \"$db\"; echo EXIT=\$? >\"$tmp/exit\"'"
wait_for "Articles 1/3"
keys j Enter
wait_for 'Theo dõi'
has_text '[~Theo dõi [O Baothuathienhue.vn] trên~]' ||
	fail "vt100: the boilerplate looks like body text: $(screen | grep 'Theo dõi')"
has_text '⟨Theo Ban Chỉ huy' || fail "vt100: the candidates look like body text"
keys z
wait_line 24 'Boilerplate hidden'
has_text '~]' && fail "vt100: a marker of hidden boilerplate is left: $(screen | grep -F '~]')"
keys q q
wait_file "$tmp/exit"

finish
