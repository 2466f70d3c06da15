#!/bin/sh
# The list screens at 80x24: column headers on the span, entity and claims
# screens; the span list tells two spans of one name apart by their offsets
# and the words around them; entity ids are shown; the claims screen's number
# column is explained; Enter on an entity goes through its mentions across
# the corpus in turn, opening their articles; d deletes an entity that no
# span mentions (u brings it back) and refuses one that spans mention.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
export COPYDESK_DB=$tmp/cd.db
printf 'Chủ tịch nước Lương Cường đón Tập Cận Bình. Sau đó Lương Cường phát biểu.\n' >"$tmp/a.txt"
printf 'Hôm qua Lương Cường gặp báo chí.\n' >"$tmp/b.txt"
printf 'Tỷ lệ thất nghiệp năm 2024 là 2,1%%.\n' >"$tmp/c.txt"
printf 'Báo cáo: tỷ lệ thất nghiệp năm 2024 là 2,1%%.\n' >"$tmp/d.txt"
{
	"$COPYDESK" import "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt" "$tmp/d.txt" &&
		"$COPYDESK" tag 1 --text 'Lương Cường' PER --all --entity 'Lương Cường' &&
		"$COPYDESK" tag 2 --text 'Lương Cường' PER --entity 'Lương Cường' &&
		"$COPYDESK" tag 1 --text 'Tập Cận Bình' PER --entity 'Tập Cận Bình' &&
		"$COPYDESK" claim 3 --sentence 0
} >/dev/null 2>&1 || { echo "FAIL: setup"; exit 1; }
# An entity no span mentions any more.
s=$("$COPYDESK" spans 1 | awk -F '\t' '$5 == "Tập Cận Bình" { print $1 }')
"$COPYDESK" span 1 "$s" --unlink >/dev/null 2>&1 || { echo "FAIL: unlink"; exit 1; }
lc=$(sqlite3 "$COPYDESK_DB" "SELECT id FROM entity WHERE name = 'Lương Cường'")
tcb=$(sqlite3 "$COPYDESK_DB" "SELECT id FROM entity WHERE name = 'Tập Cận Bình'")

cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color
"$COPYDESK"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
start "sh $tmp/run.sh"
wait_for "Articles 1/4"
keys Enter
wait_for "phát biểu"
# The span list: headers, offsets, what is around each of the two Lương Cường.
keys :
keys -l "spans"
keys Enter
wait_for "Spans 1/3"
line_matches 1 '^ Label +Where +Text +Entity +Around it' || fail "span headers: $(line 1)"
has_text "14-25" || fail "no offsets in the span list"
has_text "51-62" || fail "the second span's offsets"
has_text "nước […] đón" || fail "no words around the first span"
has_text "Sau đó […] phát" || fail "no words around the second span"
keys q
# The entity list: headers and ids.
keys @
wait_for "Entities 1/"
line_matches 1 '^ +Id +Mentions +Name +Names in the text' || fail "entity headers: $(line 1)"
line_matches 2 "^ +$lc +3 Lương Cường " || fail "entity row with its id: $(line 2)"
# Enter goes through the mentions across the corpus, in turn, and round again.
keys Enter
wait_for "Lương Cường: mention 1 of 3, in article 1"
keys @
wait_for "Entities 1/"
keys Enter
wait_for "Lương Cường: mention 2 of 3, in article 1"
keys @
wait_for "Entities 1/"
keys Enter
wait_for "Lương Cường: mention 3 of 3, in article 2"
has_text "Hôm qua Lương Cường" || fail "the other article is not open"
keys @
wait_for "Entities 1/"
keys Enter
wait_for "Lương Cường: mention 1 of 3, in article 1"
# d: refused while spans mention it; an unused one goes, and u brings it back.
keys @
wait_for "Entities 1/"
keys d
wait_for "is mentioned 3 times"
[ -n "$(sqlite3 "$COPYDESK_DB" "SELECT id FROM entity WHERE id = $lc")" ] || fail "a mentioned entity was deleted"
keys j
wait_for "Entities 2/2"
keys d
wait_for "Deleted entity $tcb, Tập Cận Bình (u brings it back)"
has_text "Entities 1/1" || fail "the deleted entity is still listed"
[ -z "$(sqlite3 "$COPYDESK_DB" "SELECT id FROM entity WHERE id = $tcb")" ] || fail "entity $tcb still stored"
keys u
wait_for "Entities 1/2"
[ -n "$(sqlite3 "$COPYDESK_DB" "SELECT id FROM entity WHERE id = $tcb")" ] || fail "undo did not bring the entity back"
keys q
# The claims screen of the corpus: headers that say what the number is.
keys C
wait_for "Claims 0/0  article 1"
line_matches 1 '^ Status +Verdict +Repeats Claim \(Repeats: in other articles\)' ||
	fail "claims headers of an article: $(line 1)"
keys a
wait_for "Claims 1/1  all articles"
line_matches 1 '^ Status +Verdict +Repeats Article Claim \(Repeats: in other articles\)' ||
	fail "claims headers: $(line 1)"
line_matches 2 '^ check +- +[0-9]+ +3 Tỷ lệ' || fail "claims row: $(line 2)"
keys q q q q
wait_file "$tmp/exit"
finish
