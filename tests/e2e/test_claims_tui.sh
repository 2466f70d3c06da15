#!/bin/sh
# Fact verification in the interface at 80x24, two editors on one database:
# anna marks the sentence under the cursor as a claim, sets its verdict,
# adds evidence through the form (a source refused and corrected, a
# Vietnamese quote edited with C-w and Backspace, the date), sees it
# proposed, and is refused when she approves it herself; bob finds it in
# the claims screen, Enter takes him to it, and he approves it.  Also: the
# markers without colour, a candidate dismissed, the status filter.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
printf 'Tỷ lệ thất nghiệp năm 2024 là 2,1%%, thấp nhất trong 10 năm. Bộ trưởng phát biểu tại Hà Nội.\nDoanh thu tăng 15%% so với năm trước.\n' >"$tmp/a.txt"
"$COPYDESK" --db "$db" import "$tmp/a.txt" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }

# run.sh EDITOR: the interface as that editor.
cat >"$tmp/run.sh" <<EOF2
export TERM=xterm-256color COPYDESK_EDITOR=\$1
"$COPYDESK" --db "$db"
echo "EXIT=\$?" >"$tmp/exit"
EOF2
# The claims as the command line gives them (sqlite3 when it cannot yet).
claims() {
	"$COPYDESK" --db "$db" claims --json 2>/dev/null ||
		sqlite3 "$db" "SELECT json_group_array(json_object('id', c.id, 'status', r.status, 'verdict', r.verdict, 'proposed_by', r.proposed_by, 'reviewed_by', r.reviewed_by, 'text', c.text)) FROM claim c JOIN research r ON r.id = c.research_id WHERE c.deleted_at IS NULL"
}
has_claim() { claims | tr -d '\n' | grep -q "$1"; }
evidence() { sqlite3 "$db" "SELECT source || '|' || quote || '|' || consulted || '|' || added_by FROM evidence WHERE deleted_at IS NULL"; }

start "sh $tmp/run.sh anna"
wait_for "Articles 1/1"
keys Enter
wait_for "Hà Nội"
# Candidates are in italics (SGR 3); :candidates puts them between dim angle brackets too.
screen -e | grep -qE "$(printf '\033')\\[([0-9;]*;)?3(;[0-9;]*)?m" || fail "no italics on the screen"
has_text "⟨" && fail "candidate brackets before :candidates"
keys : c a n d i d a t e s Enter
wait_for "⟨Tỷ lệ thất nghiệp"
# c on the first sentence (a candidate) makes it a claim.
keys w w
keys c
wait_for "⟦? Tỷ lệ thất nghiệp năm 2024 là 2,1%, thấp nhất trong 10 năm.⟧"
has_text "⟨Tỷ lệ" && fail "the claimed candidate is still marked"
poll has_claim '"status": *"check"' || fail "the claim is not in the database: $(claims)"
has_claim 'thấp nhất trong 10 năm.",' || has_claim 'thấp nhất trong 10 năm."' ||
	fail "the claim's text: $(claims)"
# V then f: the verdict False.
keys V
wait_for "Verdict: t True"
keys f
wait_for "⟦f? Tỷ lệ"
poll has_claim '"verdict": *"false"' || fail "the verdict: $(claims)"
# The evidence form: each field is checked as it is entered; a source the
# core refuses is asked for again at once, kept for correction, with the
# whole reason (longer than the 80 columns) wrapped above the status bar.
keys +
wait_for "Source (URL or citation):"
keys -l "x"
keys Enter
wait_for 'source: "x" is neither a URL'
wait_for '6/11/2025")'
has_text "Source (URL or citation) again: x" || fail "the refused source is not kept for correction"
has_text "Quote:" && fail "the form went on to the quote after a refused source"
[ -z "$(evidence)" ] || fail "refused evidence was stored: $(evidence)"
keys C-u
# One word naming the source is a citation.
keys -l "Reuters"
keys Enter
wait_for "Quote:"
has_text "is neither a URL" && fail "the reason stayed after the source was accepted"
keys Escape
wait_for "Evidence not added"
keys +
wait_for "Source (URL or citation):"
keys -l "https://www.gso.gov.vn/bao-cao-lao-dong-2024"
keys Enter
wait_for "Quote:"
keys Enter
wait_for "quote: empty"
has_text "Quote again:" || fail "an empty quote does not ask for the quote again"
keys -l "Tỷ lệ thất nghiệp quý IV là 2,26% xyz"
keys C-w BSpace
wait_for "again: Tỷ lệ thất nghiệp quý IV là 2,26%"
has_text "2,26% xyz" && fail "C-w left xyz"
keys Enter
wait_for "Consulted (YYYY-MM-DD): 20"
keys C-u
keys -l "2999-01-15"
keys Enter
wait_for "consulted: 2999-01-15 is after today"
keys C-u
keys -l "2025-01-15"
keys Enter
wait_for "Evidence added (1): the claim is proposed"
[ "$(evidence)" = "https://www.gso.gov.vn/bao-cao-lao-dong-2024|Tỷ lệ thất nghiệp quý IV là 2,26%|2025-01-15|anna" ] ||
	fail "the evidence stored: $(evidence)"
wait_for "⟦f~ Tỷ lệ"
poll has_claim '"status": *"proposed"' || fail "not proposed: $(claims)"
# The detail shows it.
keys i
wait_for "Status:   proposed"
has_text "Verdict:  False" || fail "the detail: no verdict"
has_text "1. https://www.gso.gov.vn/bao-cao-lao-dong-2024 (consulted 2025-01-15, added by" ||
	fail "the detail: no evidence"
# x deletes a piece of evidence by its number (back to check); u brings it back.
keys x 1 Enter
wait_for "Evidence deleted"
poll has_claim '"status": *"check"' || fail "evidence deleted, still: $(claims)"
keys q
keys u
wait_for "Undone"
poll has_claim '"status": *"proposed"' || fail "undo of the deletion: $(claims)"
wait_for "⟦f~ Tỷ lệ"
# Nobody approves their own verdict.
keys =
wait_for "approve: "
has_claim '"status": *"proposed"' || fail "anna's own approval went through: $(claims)"
# A candidate dismissed does not come back.
keys ")"
wait_for "Candidate ("
keys d
wait_for "Dismissed"
has_text "⟨Doanh thu" && fail "the dismissed candidate is still marked"
keys q q
wait_file "$tmp/exit"
grep -q "EXIT=0" "$tmp/exit" || fail "exit status: $(cat "$tmp/exit")"

# bob: the claims screen of the corpus, Enter to the claim, approve.
rm -f "$tmp/exit"
start "sh $tmp/run.sh bob"
wait_for "Articles 1/1"
keys C
wait_for "Claims 1/1  all articles"
has_text "proposed  False" || fail "the claims screen: $(line 1)"
# f shows one status at a time: check has none, proposed has it.
keys f
wait_for "status: check"
wait_for "No claims here"
keys f
wait_for "status: proposed"
wait_for "Claims 1/1"
keys Enter
wait_for "Claim: proposed, False, 1 evidence"
# bob disputes it, thinks again (u), and approves: the dispute's reason stays in
# the claim's history, in the order it happened, after the verdict changed.
keys :
keys -l "claim-dispute khảo sát quá nhỏ"
keys Enter
poll has_claim '"status": *"disputed"' || fail "not disputed: $(claims)"
keys u
poll has_claim '"status": *"proposed"' || fail "the dispute not undone: $(claims)"
keys =
wait_for "Approved: verified"
wait_for "⟦f✓ Tỷ lệ"
poll has_claim '"status": *"verified"' || fail "not verified: $(claims)"
has_claim '"reviewed_by": *"bob"' || fail "not reviewed by bob: $(claims)"
keys i
wait_for "History (UTC):"
has_text "Marked:" && fail "the detail still shows the claim's and research's times out of order"
keys G
wait_for "approved the verdict"
screen >"$tmp/history"
grep -q " anna marked it as a claim" "$tmp/history" || fail "history: no marking: $(cat "$tmp/history")"
grep -q " anna added evidence from https://www.gso.gov.vn/" "$tmp/history" &&
	grep -q "^lao-dong-2024; proposed" "$tmp/history" ||
	fail "history: who proposed: $(cat "$tmp/history")"
grep -q ' bob disputed the verdict: “khảo sát quá nhỏ”' "$tmp/history" ||
	fail "history: the dispute's reason: $(cat "$tmp/history")"
grep -q " bob undid the dispute" "$tmp/history" || fail "history: the undo: $(cat "$tmp/history")"
grep -q " bob approved the verdict" "$tmp/history" || fail "history: the approval: $(cat "$tmp/history")"
[ "$(grep -n "disputed the verdict" "$tmp/history" | cut -d: -f1)" -lt \
	"$(grep -n "approved the verdict" "$tmp/history" | cut -d: -f1)" ] ||
	fail "history out of order: $(cat "$tmp/history")"
keys q
keys q q
wait_file "$tmp/exit"

# Without colour the markers are the same characters.
rm -f "$tmp/exit"
start "NO_COLOR=1 sh $tmp/run.sh carol"
wait_for "Articles 1/1"
keys Enter
wait_for "⟦f✓ Tỷ lệ thất nghiệp"
keys q q
wait_file "$tmp/exit"
finish
