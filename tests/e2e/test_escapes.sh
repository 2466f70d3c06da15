#!/bin/sh
# Terminal escape sequences in an article (its body and its title) never
# reach the terminal raw: the interface runs under script(1) in tmux, so the
# bytes it writes are kept in a typescript, and the screen shows the
# sequences escaped (^[, ^G, <U+009B>).  curses sends escapes of its own, so
# the checks look for the article's payloads: ESC ] 0 ; pwned, ESC [ 2 J
# before clearword, ESC [ 31 m before redword, CSI (U+009B) before c1word.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
command -v script >/dev/null || { echo "FAIL: script(1) is needed"; exit 1; }
db=$tmp/cd.db
ts=$tmp/typescript

printf 'Escapes in the body\n\nClear \033[2Jclearword, title \033]0;pwned\007titleword, red \033[31mredword\033[0m, c1 \302\2337mc1word end.\n' >"$tmp/esc.txt"
printf '{"title":"Bad \\u001b]0;titlepwn\\u0007 title","text":"Body of the bad title \\u009b1mone, \\u001b[?1049lscreenword."}\n' >"$tmp/esc.jsonl"
"$COPYDESK" --db "$db" import "$tmp/esc.txt" "$tmp/esc.jsonl" >/dev/null 2>&1 ||
	{ echo "FAIL: import"; exit 1; }
# The stored text keeps them (so this test is about the drawing, not the import).
[ "$(sqlite3 "$db" "SELECT instr(body, char(27) || ']0;pwned' || char(7)) > 0 FROM article WHERE id = 1")" = 1 ] ||
	{ echo "FAIL: the escapes were not stored"; exit 1; }

cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
script -qfec '"$COPYDESK" --db "$db"' "$ts"
echo "EXIT=\$?" >"$tmp/exit"
EOF
start "sh $tmp/run.sh"
title0=$(T display -p -t t '#{pane_title}')

# The list: the title's escapes shown, not sent.
wait_for "Articles 1/2"
line 2 | grep -qF 'Bad ^[]0;titlepwn^G title' || fail "list: the title is not escaped: $(line 2)"

# The reader: every sequence of the body shown as text.
keys Enter
wait_line 23 '^ 1/2 Escapes in the body '
for s in '^[[2Jclearword' '^[]0;pwned^Gtitleword' '^[[31mredword^[[0m' '<U+009B>7mc1word'; do
	has_text "$s" || fail "reader: $s is not on the screen"
done
# Escapes are drawn reversed, so that they never pass for the text.
screen -e | grep -q "$(printf '\033')\\[[0-9;]*7[;m][^^]*^\\[" || fail "reader: the escapes are not reversed"
# The next article: the title's escapes on the status line, the body's shown.
keys ']'
wait_line 23 '^ 2/2 Bad \^\[\]0;titlepwn\^G title '
has_text 'Body of the bad title <U+009B>1mone, ^[[?1049lscreenword.' ||
	fail "reader: the second article's escapes are not on the screen"
[ "$(T display -p -t t '#{alternate_on}')" = 1 ] || fail "the article's ESC [ ? 1049 l left the alternate screen"
[ "$(T display -p -t t '#{pane_title}')" = "$title0" ] ||
	fail "the article set the terminal's title: $(T display -p -t t '#{pane_title}')"
keys q
wait_for "Articles 2/2"
keys q
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "exit: $(cat "$tmp/exit")"

# What the program wrote: the article's text, never its sequences.
[ -s "$ts" ] || fail "no typescript"
grep -aqF ']0;pwned' "$ts" || fail "the typescript does not hold the article (nothing to check)"
grep -aqF 'clearword' "$ts" || fail "the typescript does not hold clearword"
for s in '\033]0;pwned' '\033]0;titlepwn' '\033[2Jclearword' '\033[31mredword' \
	'\302\2337mc1word' '\302\2331mone' '\033[?1049lscreenword' 'pwned\007' 'titlepwn\007'; do
	if grep -aqF "$(printf "$s")" "$ts"; then
		fail "the raw sequence $s from the article reached the terminal"
	fi
done

finish
