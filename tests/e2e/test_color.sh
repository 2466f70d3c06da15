#!/bin/sh
# Colours follow the terminal and NO_COLOR: with NO_COLOR set and not empty
# the list, the reader (with a search match) and the help use no colour at
# all, only attributes (reverse, bold, underline); with 8 colours (TERM=xterm)
# only the 8 colours; with 256 the 256.  A terminal that cannot move the
# cursor (TERM=dumb) is refused with a message rather than drawn on.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db

"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 ||
	{ echo "FAIL: import"; exit 1; }
esc=$(printf '\033')

# The parameters of every SGR sequence in a capture, one a line.
sgr() { grep -o "$esc\\[[0-9;]*m" "$1" | sed 's/^.\[//; s/m$//' | tr ';' '\n' | grep -v '^$' || true; }
# Colour parameters: foreground and background, 8, bright, 256 or direct
# (39 and 49, the default colours, are tmux's own resets).
colours() { sgr "$1" | grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' || true; }
has_param() { sgr "$1" | grep -qx "$2"; }

# run NAME ENV...: list, reader with a match, help; a capture (-e) of each
# in $tmp/NAME.list, .reader and .help.
run() {
	name=$1
	shift
	rm -f "$tmp/exit"
	start "env $* COPYDESK_EDITOR=tester sh -c '\"$COPYDESK\" --db \"$db\"; echo EXIT=\$? >\"$tmp/exit\"'"
	wait_for "Articles 1/7"
	screen -e >"$tmp/$name.list"
	keys Enter
	wait_line 23 '^ 1/7 Sáng 17-9'
	keys / && keys -l 'da nang' && keys Enter
	keys n
	wait_line 23 ' 16/24 '
	screen -e >"$tmp/$name.reader"
	keys '?'
	wait_for 'Keys (q leaves the help'
	screen -e >"$tmp/$name.help"
	keys q
	wait_line 23 '^ 1/7 Sáng 17-9'
	keys q
	wait_for "Articles 1/7"
	keys q
	wait_file "$tmp/exit"
	[ "$(cat "$tmp/exit")" = EXIT=0 ] || fail "$name: $(cat "$tmp/exit")"
}

# NO_COLOR=1, on terminals with 256 and with 8 colours: attributes only.
for t in xterm-256color xterm; do
	run "mono-$t" TERM=$t NO_COLOR=1
	for v in list reader help; do
		f=$tmp/mono-$t.$v
		[ -z "$(colours "$f")" ] || fail "NO_COLOR=1 TERM=$t, $v: colours $(colours "$f" | sort -u | tr '\n' ' ')"
	done
	has_param "$tmp/mono-$t.list" 7 || fail "NO_COLOR=1 TERM=$t: the list's cursor line is not reversed"
	has_param "$tmp/mono-$t.list" 1 || fail "NO_COLOR=1 TERM=$t: the new status is not bold"
	has_param "$tmp/mono-$t.reader" 4 || fail "NO_COLOR=1 TERM=$t: the match is not underlined"
	has_param "$tmp/mono-$t.help" 1 || fail "NO_COLOR=1 TERM=$t: the help's headings are not bold"
done

# 256 colours; NO_COLOR empty counts as unset (no-color.org).
run c256 TERM=xterm-256color
run c256empty TERM=xterm-256color NO_COLOR=
for n in c256 c256empty; do
	for v in list reader; do
		has_param "$tmp/$n.$v" 38 || fail "$n, $v: no 256-colour foreground"
	done
done

# 8 colours: it runs, in the 8 colours only.
run c8 TERM=xterm
for v in list reader help; do
	[ -n "$(colours "$tmp/c8.$v")" ] || fail "TERM=xterm, $v: no colours"
	if sgr "$tmp/c8.$v" | grep -qxE '38|48'; then
		fail "TERM=xterm, $v: a 256-colour sequence"
	fi
done

# A terminal without cursor addressing: refused, nothing drawn.
rm -f "$tmp/exit"
start "env TERM=dumb sh -c '\"$COPYDESK\" --db \"$db\"; echo EXIT=\$? >\"$tmp/exit\"'"
wait_file "$tmp/exit"
[ "$(cat "$tmp/exit")" = EXIT=1 ] || fail "TERM=dumb: $(cat "$tmp/exit"), not EXIT=1"
# (The message may have scrolled into the pane's history.)
all() { T capture-pane -p -t t -S -100; }
dumb_said() { all | grep -qF "cannot use the terminal (TERM=dumb)"; }
poll dumb_said || fail "TERM=dumb: no message: $(all)"
all | grep -qF "Articles" && fail "TERM=dumb: the list was drawn: $(all)"

finish
