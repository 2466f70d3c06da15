#!/bin/sh
# The statistics screen (:stats) at 80x24 without colour: the figures with
# bars in proportion, read again when another editor tags meanwhile, laid
# out again at 44x12 (columns that do not fit go, nothing past the edge) and
# at 30x8 (too small, said), q back to the list; it is in the help.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
printf 'Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.\n' >"$tmp/a.txt"
printf 'Ông Trump gặp ông Tập tại Busan, Hàn Quốc.\n' >"$tmp/b.txt"
"$COPYDESK" --db "$db" import "$tmp/a.txt" "$tmp/b.txt" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
for t in "Lương Cường" "Tập Cận Bình"; do
	"$COPYDESK" --db "$db" tag 1 --text "$t" PER >/dev/null 2>&1 || { echo "FAIL: tag"; exit 1; }
done
"$COPYDESK" --db "$db" tag 1 --text "Hà Nội" LOC >/dev/null 2>&1 || { echo "FAIL: tag"; exit 1; }

start "NO_COLOR=1 TERM=xterm-256color '$COPYDESK' --db '$db'"
wait_for "Articles 1/2"
keys : s t a t s Enter
wait_for "Spans per label (3)"
has_text "Statistics" || fail "no status line"
# PER 2 has the section's longest bar; LOC 1 half of it (80 - 2 - 5 - 2 - 1 - 2 = 68 cells).
per=$(screen | grep '^  PER ' | tr -cd '█' | wc -m)
loc=$(screen | grep '^  LOC ' | tr -cd '█' | wc -m)
[ "$per" -eq 68 ] || fail "PER's bar is $per cells, not 68: $(screen | grep '^  PER ')"
[ "$loc" -eq 34 ] || fail "LOC's bar is $loc cells, not 34"
screen | grep '^  ORG ' | grep -q '█' && fail "ORG (0) has a bar"
screen -e | grep -qE "$(printf '\033')\\[([0-9;]*;)?3[0-7](;[0-9;]*)?m" && fail "colour with NO_COLOR"

# Another editor tags: the screen on display is read again.
"$COPYDESK" --db "$db" tag 2 --text "Busan" LOC >/dev/null 2>&1 || fail "tag from outside"
wait_for "Spans per label (4)"
loc=$(screen | grep '^  LOC ' | tr -cd '█' | wc -m)
[ "$loc" -eq 68 ] || fail "LOC's bar after the tag is $loc cells, not 68"

# Narrow: every line within 44 columns (statsview's unit tests drop columns that do not fit).
T resize-window -t t -x 44 -y 12
wait_for "Statistics"
keys G
wait_for "Claims by verdict"
keys : 1 6 Enter
wait_line 1 '^Editors'
screen | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 44 for l in sys.stdin))' ||
	fail "a line over 44 columns"
has_text "claims" || fail "no claims column at 44 columns"
T resize-window -t t -x 30 -y 8
wait_for "too small"
T resize-window -t t -x 80 -y 24
wait_for "Editors (1"
keys g j j
wait_line 1 '^  progress '
keys q
wait_for "Articles 1/2"
keys '?'
wait_for "Help"
keys /
keys -l 'Statistics'
keys Enter
wait_for "read the figures again"
keys q
keys q
finish
