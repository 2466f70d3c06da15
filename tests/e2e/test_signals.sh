#!/bin/sh
# SIGHUP, SIGTERM and SIGINT end the interface cleanly wherever it is (the
# reader, the search prompt, the help): the process exits with 128 + the
# signal, the terminal is as it was (stty settings, main screen, cursor shown,
# keypad off), the database is sound and holds the reading position.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db

"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 ||
	{ echo "FAIL: import"; exit 1; }

# run.sh: the terminal's settings before and after; the program's pid, from
# a shell that records its own and then becomes the program.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
stty -g >"$tmp/before"
sh -c 'echo \$\$ >"$tmp/pid"; exec "$COPYDESK" --db "$db"'
echo "EXIT=\$?" >"$tmp/exit"
stty -g >"$tmp/after"
echo "the shell is back"
exec sleep 600
EOF
flag() { T display -p -t t "#{$1}"; }
gone() { ! kill -0 "$1" 2>/dev/null; }

# signal NAME NUMBER STATE: open article 2, go down 3 lines, get into STATE
# (reader, prompt or help), send the signal, and check what is left.
signal() {
	rm -f "$tmp/exit" "$tmp/pid" "$tmp/before" "$tmp/after"
	start "sh $tmp/run.sh"
	wait_for "Articles 1/7"
	keys j Enter
	wait_line 23 '^ 2/7 QUẢNG NGÃI .* 1/[0-9]+ '
	keys j j j
	wait_line 23 '^ 2/7 QUẢNG NGÃI .* 4/[0-9]+ '
	case $3 in
	prompt)
		keys / && keys -l 'half typed'
		wait_line 24 '^/half typed'
		;;
	help)
		keys '?'
		wait_for "Keys (q leaves the help"
		;;
	esac
	wait_file "$tmp/pid"
	pid=$(cat "$tmp/pid")
	[ "$(flag alternate_on)" = 1 ] || fail "$1: the interface is not on the alternate screen"
	kill -s "$1" "$pid"
	wait_file "$tmp/after"
	wait_for "the shell is back"
	poll gone "$pid" || fail "$1: copydesk ($pid) is still running"
	[ "$(cat "$tmp/exit")" = "EXIT=$((128 + $2))" ] || fail "$1: $(cat "$tmp/exit"), not EXIT=$((128 + $2))"
	[ "$(cat "$tmp/before")" = "$(cat "$tmp/after")" ] ||
		fail "$1: the terminal's settings changed: $(cat "$tmp/before") -> $(cat "$tmp/after")"
	[ "$(flag alternate_on)" = 0 ] || fail "$1: the terminal was left on the alternate screen"
	[ "$(flag cursor_flag)" = 1 ] || fail "$1: the cursor was left hidden"
	[ "$(flag keypad_cursor_flag)" = 0 ] || fail "$1: the keypad was left in application mode"
	[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM position WHERE article_id = 2 AND editor = 'tester' AND pos > 0")" = 1 ] ||
		fail "$1: the reading position was not saved"
	# The next run opens the article where the signal left it; then the
	# position goes, so that the next signal's run must save its own.
	rm -f "$tmp/exit"
	start "sh $tmp/run.sh"
	wait_for "Articles 1/7"
	keys j Enter
	wait_line 23 '^ 2/7 QUẢNG NGÃI .* 4/[0-9]+ '
	keys q
	wait_for "Articles 2/7"
	keys q
	wait_file "$tmp/exit"
	sqlite3 "$db" "DELETE FROM position"
}

signal HUP 1 reader
signal TERM 15 prompt
signal INT 2 help

finish
