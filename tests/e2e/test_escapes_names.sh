#!/bin/sh
# Names and notes from the store never reach the terminal raw in the
# interface either: a span's author on the spans screen, an entity's name and
# external id on the entities screen, a claim's makers, note, review and
# evidence in its detail, and the editor named in an undo refusal.  The
# interface runs under script(1), so the bytes it writes are kept; the
# payloads (OSC 52 to the clipboard, a title change, CSI, RLO) must not be
# among them.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
command -v script >/dev/null || { echo "FAIL: script(1) is needed"; exit 1; }
db=$tmp/cd.db
ts=$tmp/typescript
q() { sqlite3 "$db" "$1"; }

printf 'Ông Nguyễn Văn An nói\n\nÔng Nguyễn Văn An nói 38%% dân số hài lòng năm 2024. Trời đẹp.\n' >"$tmp/a.txt"
"$COPYDESK" --db "$db" import "$tmp/a.txt" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
"$COPYDESK" --db "$db" tag 1 4 19 PER --entity An >/dev/null || { echo "FAIL: tag"; exit 1; }
"$COPYDESK" --db "$db" claim 1 --sentence 30 --verdict true --source https://example.org \
	--quote quoted --note note >/dev/null 2>&1 || { echo "FAIL: claim"; exit 1; }
COPYDESK_EDITOR=bob "$COPYDESK" --db "$db" dispute 1 --reason why >/dev/null 2>&1 ||
	{ echo "FAIL: dispute"; exit 1; }
"$COPYDESK" --db "$db" entity rename 1 'An B' >/dev/null || { echo "FAIL: rename"; exit 1; }
# What others (another program, an older copydesk) wrote into the store.
q "UPDATE span SET author = 'eve' || char(27) || ']52;c;cHduZWQ=' || char(7), updated_by = 'eve' || char(27) || ']52;c;cHduZWQ=' || char(7)"
q "UPDATE entity SET name = 'Other' || char(155) || '2J', external_id = 'Q1' || char(8238) || 'x',
   updated_by = 'zed' || char(27) || ']52;c;eg==' || char(7)"
q "UPDATE claim SET author = 'mal' || char(27) || ']0;pwned' || char(7)"
# The detail tells the claim's history from the edit log: who marked, proposed, disputed, and why.
q "UPDATE edit_log SET editor = 'mal' || char(27) || ']0;pwned' || char(7) WHERE action = 'claim-add'"
q "UPDATE edit_log SET editor = 'pro' || char(8238) || 'rlo' WHERE action = 'evidence-add'"
q "UPDATE edit_log SET editor = 'rev' || char(27) || ']0;t' || char(7),
   data = json_set(data, '\$.after.review_reason', 'why' || char(8294) || 'x') WHERE action = 'claim-dispute'"
q "UPDATE research SET note = 'note' || char(27) || '[2Jcleared', proposed_by = 'pro' || char(8238) || 'rlo',
   reviewed_by = 'rev' || char(27) || ']0;t' || char(7), reviewed_at = created_at,
   review_reason = 'why' || char(8294) || 'x'"
q "UPDATE evidence SET source = 'src' || char(27) || '[31mred', quote = 'q' || char(155) || 'm',
   added_by = 'add' || char(27) || ']52;c;x' || char(7)"

cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
script -qfec '"$COPYDESK" --db "$db"' "$ts"
echo "EXIT=\$?" >"$tmp/exit"
EOF
start "sh $tmp/run.sh" 160 24 # room for the whole undo refusal
title0=$(T display -p -t t '#{pane_title}')
wait_for "Articles 1/1"
keys Enter
wait_line 23 '^ 1/1 '
# The spans screen: the author.
keys s
wait_for 'eve^[]52;c;cHduZWQ=^G'
keys q
# The claim's detail: its makers, note, review and evidence.
keys '>'
keys i
wait_for 'mal^[]0;pwned^G'
for s in 'note^[[2Jcleared' 'pro<U+202E>rlo' 'rev^[]0;t^G' 'why<U+2066>x' 'src^[[31mred' 'q<U+009B>m'; do
	has_text "$s" || fail "claim detail: $s is not on the screen"
done
keys q
# The entities screen.
keys '@'
wait_for 'Other<U+009B>2J'
keys q
# An undo refused because of another editor's change names them, escaped.
keys u
wait_for 'zed^[]52;c;eg==^G'
[ "$(T display -p -t t '#{pane_title}')" = "$title0" ] ||
	fail "a name set the terminal's title: $(T display -p -t t '#{pane_title}')"
keys q
sleep 0.2
keys q
wait_file "$tmp/exit"

[ -s "$ts" ] || fail "no typescript"
grep -aqF 'cHduZWQ=' "$ts" || fail "the typescript does not hold the names (nothing to check)"
for s in '\033]52;' '\033]0;pwned' '\033]0;t' '\033[2Jcleared' '\033[31mred' '\302\2332J' \
	'\302\233m' '\342\200\256' '\342\201\246'; do
	if grep -aqF "$(printf "$s")" "$ts"; then
		fail "the raw sequence $s from the store reached the terminal"
	fi
done

finish
