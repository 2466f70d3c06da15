#!/bin/sh
# Tagging in the interface at 80x24: a name tagged with v and w and a label's
# key, a suggestion accepted, a word tagged with one key, undo and redo, the
# span list, the brackets shown without colour, another editor's span
# appearing without a restart, tagging all occurrences with and without
# folding, and picking the outer of nested spans.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
printf 'Chủ tịch nước Lương Cường dự Hội nghị APEC tại Gyeongju.\nÔng Lương Cường phát biểu.\n' >"$tmp/a.txt"
"$COPYDESK" --db "$db" import "$tmp/a.txt" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }

cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
"$COPYDESK" --db "$db"
echo "EXIT=\$?" >"$tmp/exit"
EOF
# The article's spans as the command line gives them (sqlite3 when it cannot).
spans() {
	"$COPYDESK" --db "$db" spans 1 --json 2>/dev/null ||
		sqlite3 "$db" "SELECT json_group_array(json_object('start', start, 'end', \"end\", 'label', label, 'text', text)) FROM span WHERE article_id = 1 AND deleted_at IS NULL"
}
has_span() { spans | grep -q "\"start\": *$1, *\"end\": *$2, *\"label\": *\"$3\", *\"text\": *\"$4\""; }
no_span() { ! spans | grep -q "\"text\": *\"$1\""; }

start "sh $tmp/run.sh"
wait_for "Articles 1/1"
keys Enter
wait_for "Gyeongju"
# To "Lương" (the fourth word), select it and the next word, tag it PER.
keys w w w v w
keys P
wait_for "Tagged: PER “Lương Cường”"
has_span 14 25 PER "Lương Cường" || fail "the PER span: $(spans)"
[ "$(spans | grep -o '"label"' | wc -l)" -eq 1 ] || fail "one span only: $(spans)"
# The other "Lương Cường" is a suggestion: y accepts it.
keys j 0 w
keys y
wait_for "Accepted"
has_span 61 72 PER "Lương Cường" || fail "the accepted suggestion: $(spans)"
# One key tags the word under the cursor.
keys / A P E C Enter
keys O
wait_for "Tagged: ORG “APEC”"
has_span 38 42 ORG "APEC" || fail "the ORG span: $(spans)"
# Undo takes it away, redo brings it back, each in the database at once.
keys u
wait_for "Undone"
poll no_span APEC || fail "undo left APEC: $(spans)"
keys C-r
wait_for "Redone"
poll has_span 38 42 ORG "APEC" || fail "redo did not bring APEC back: $(spans)"
# The : prompt names labels ignoring case, as the command line does.
keys : 'relabel misc' Enter
poll has_span 38 42 MISC "APEC" || fail ":relabel misc: $(screen | tail -1) $(spans)"
keys : 'relabel oRg' Enter
poll has_span 38 42 ORG "APEC" || fail ":relabel oRg: $(screen | tail -1) $(spans)"
# The span list.
keys s
wait_for "Spans 2/3"
has_text "ORG     38-42     APEC" || fail "the span list: no APEC at 38-42"
keys q q q
wait_file "$tmp/exit"
grep -q "EXIT=0" "$tmp/exit" || fail "exit status: $(cat "$tmp/exit")"

# Without colour the spans are in brackets with their label's key.
rm -f "$tmp/exit"
start "NO_COLOR=1 sh $tmp/run.sh"
wait_for "Articles 1/1"
keys Enter
wait_for "[P Lương Cường]"
has_text "[O APEC]" || fail "no brackets around APEC"
has_text "Ông [P Lương Cường] phát" || fail "no brackets on the second line"
# Another editor tags while the interface is open: it shows without a restart.
COPYDESK_EDITOR=other "$COPYDESK" --db "$db" tag 1 --text Gyeongju LOC >/dev/null 2>&1 ||
	fail "copydesk tag: $("$COPYDESK" --db "$db" tag 1 --text Gyeongju LOC 2>&1)"
wait_for "[L Gyeongju]" 10
keys q q
wait_file "$tmp/exit"

# Tag all occurrences: a finds the same text only; after F, also in other
# case and without accents.
printf 'Việt Nam và APEC. Đoàn Việt Nam, VIỆT NAM, Viet Nam.\n' >"$tmp/b.txt"
"$COPYDESK" --db "$db" import "$tmp/b.txt" >/dev/null 2>&1 || fail "import b"
count2() { "$COPYDESK" --db "$db" spans 2 | grep -c LOC; }
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/2"
keys j Enter
wait_for "Việt Nam và APEC"
keys v w L
wait_for "Tagged: LOC “Việt Nam”"
keys a
wait_for "Tagged 1 more in this article"
[ "$(count2)" = 2 ] || fail "a tagged other than the same text: $("$COPYDESK" --db "$db" spans 2)"
keys F
wait_for "also find other case"
keys a
wait_for "Tagged 2 more in this article"
[ "$(count2)" = 4 ] || fail "a with F: $("$COPYDESK" --db "$db" spans 2)"
"$COPYDESK" --db "$db" spans 2 | grep -q "VIỆT NAM" || fail "VIỆT NAM not tagged"
"$COPYDESK" --db "$db" spans 2 | grep -q "Viet Nam" || fail "Viet Nam not tagged"
# One u takes back the whole tag-all.
keys u
wait_for "Undone"
[ "$(count2)" = 2 ] || fail "one u after a: $("$COPYDESK" --db "$db" spans 2)"
keys q q
wait_file "$tmp/exit"

# Nested spans: x acts on the innermost; o picks the outer one instead.
printf 'Chủ tịch nước Lương Cường phát biểu.\n' >"$tmp/c.txt"
"$COPYDESK" --db "$db" import "$tmp/c.txt" >/dev/null 2>&1 || fail "import c"
"$COPYDESK" --db "$db" tag 3 0 25 PER >/dev/null 2>&1 || fail "tag PER"
"$COPYDESK" --db "$db" tag 3 0 13 TITLE >/dev/null 2>&1 || fail "tag TITLE"
rm -f "$tmp/exit"
start "sh $tmp/run.sh"
wait_for "Articles 1/3"
keys j j Enter
wait_for "phát biểu"
keys o
wait_for "PER “Chủ tịch nước Lương Cường”, 2 of 2 here"
keys x
wait_for "Untagged PER"
"$COPYDESK" --db "$db" spans 3 | grep -q TITLE || fail "o then x took the TITLE"
"$COPYDESK" --db "$db" spans 3 | grep -q PER && fail "o then x left the PER"
keys x
wait_for "Untagged TITLE"
keys q q
wait_file "$tmp/exit"
finish
