#!/bin/sh
# The start-up probe of how the terminal draws a skin tone (ui_probe.c):
# keys typed before the interface is up are not lost, whatever the probe
# reads with the terminal's answer; the answer is remembered per kind of
# terminal, so the second start asks nothing (no DSR, ESC [ 6 n, on the
# terminal) and waits for nothing; a garbled cache file is passed over.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
cache=$XDG_DATA_HOME/copydesk/terminals

"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 ||
	{ echo "FAIL: import"; exit 1; }

# run.sh LOG SECONDS: the program under script(1), which logs what it writes
# to the terminal, after a sleep; the terminal's line discipline set as the
# program's will be, so that keys sent during the sleep wait in its queue.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
stty -icanon -echo
sleep \$2
sh -c 'echo \$\$ >>"$tmp/pids"; exec script -q -c "\$0" "\$1"' '"$COPYDESK" --db "$db"' "\$1"
echo "EXIT=\$?" >"$tmp/exit"
EOF
# script(1) outlives the tmux server when a check fails: end it and the program.
trap 'for p in $(cat "$tmp/pids" 2>/dev/null); do kill "$p" 2>/dev/null || true; done; lib_cleanup' EXIT
asks() { grep -q "$(printf '\033')\[6n" "$1"; }

# 1. The first start asks, and the keys typed before it are given back:
# Down (sent as ESC [ B before curses turns the keypad on) and j move to the
# third article.
rm -f "$tmp/exit"
start "sh $tmp/run.sh $tmp/log1 1"
keys Down j
wait_for "Articles 3/7"
keys q
wait_file "$tmp/exit"
asks "$tmp/log1" || fail "the first start did not ask the terminal"
[ -s "$cache" ] || fail "no cache file $cache"
ours=$(grep -E '^(joined|apart) TERM=xterm-256color TERM_PROGRAM=tmux' "$cache" | cut -d' ' -f2-)
[ -n "$ours" ] || fail "the cache holds no answer for this terminal: $(cat -v "$cache")"

# 2. The second start asks nothing; the keys typed ahead still count.
rm -f "$tmp/exit"
start "sh $tmp/run.sh $tmp/log2 1"
keys j j j
wait_for "Articles 4/7"
keys q
wait_file "$tmp/exit"
! asks "$tmp/log2" || fail "the second start asked the terminal again"

# 3. Another terminal's line and, for this one, control bytes, an unknown
# answer, a line longer than any key and a cut line: passed over; the file
# is written again with the other terminal's line and this one's answer.
{
	printf 'apart TERM=other\n'
	printf 'joined %s\033[31m\n' "$ours"
	printf 'wide %s\n' "$ours"
	printf 'joined %s' "$ours"
	head -c 3000 /dev/zero | tr '\0' x
	printf '\n\0\0\napart %s' "$ours"
} >"$cache"
rm -f "$tmp/exit"
start "sh $tmp/run.sh $tmp/log3 0"
wait_for "Articles 1/7"
keys q
wait_file "$tmp/exit"
asks "$tmp/log3" || fail "a garbled cache was taken for an answer"
[ "$(wc -l <"$cache")" = 2 ] && [ "$(head -n 1 "$cache")" = 'apart TERM=other' ] &&
	grep -Eqx "(joined|apart) $ours" "$cache" ||
	fail "the cache was not written again as it should be: $(cat -v "$cache")"

# 4. A terminal on a slow link (slowterm) answers 2 s late, after the
# interface is up: the answer is not taken for keys ([ would go to the
# previous article, R apply a claim) but remembered, and the next start
# asks nothing.
cat >"$tmp/slow.sh" <<EOF
export TERM=xterm-256color TERM_PROGRAM=slowterm
unset TERM_PROGRAM_VERSION
"$SLOWTERM" 2000 '12;5' "$tmp/slowlog" -- "$COPYDESK" --db "$db"
echo "EXIT=\$?" >"$tmp/exit"
EOF
rm -f "$tmp/exit" "$tmp/slowlog"
start "sh $tmp/slow.sh"
wait_for "Articles 1/7"
keys j Enter
wait_line 23 '^ 2/7 QUẢNG NGÃI '
grep -qx asked "$tmp/slowlog" 2>/dev/null || fail "the first start under slowterm did not ask"
answered() { grep -qx answered "$tmp/slowlog" 2>/dev/null; }
poll answered || fail "slowterm never answered"
keys j
wait_line 23 '^ 2/7 QUẢNG NGÃI .* 2/[0-9]+ '
grep -qx 'apart TERM=xterm-256color TERM_PROGRAM=slowterm' "$cache" ||
	fail "the late answer was not remembered: $(cat -v "$cache")"
keys q q
wait_file "$tmp/exit"
rm -f "$tmp/exit" "$tmp/slowlog"
start "sh $tmp/slow.sh"
wait_for "Articles 1/7"
keys q
wait_file "$tmp/exit"
! grep -q asked "$tmp/slowlog" 2>/dev/null || fail "the second start under slowterm asked again"

# 5. A late answer from the top line, ESC [ 1 ; 3 R, is a key to curses
# (xterm's M-F3): it is known for the answer all the same.
sed -i 's/TERM_PROGRAM=slowterm/TERM_PROGRAM=slowterm-top/; s/12;5/1;3/' "$tmp/slow.sh"
rm -f "$tmp/exit" "$tmp/slowlog"
start "sh $tmp/slow.sh"
wait_for "Articles 1/7"
poll answered || fail "slowterm never answered"
keys j
wait_for "Articles 2/7"
grep -qx 'joined TERM=xterm-256color TERM_PROGRAM=slowterm-top' "$cache" ||
	fail "the late answer from the top line was not remembered: $(cat -v "$cache")"
keys q
wait_file "$tmp/exit"

finish
