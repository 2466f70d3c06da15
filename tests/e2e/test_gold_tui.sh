#!/bin/sh
# The adjudication view: two editors' layers (imported from jsonl) side by
# side, J from the article list, the agreed span dimmed and skipped, n/N
# between differences, a digit takes that editor's spans, x takes none, b
# both, e edits through the : prompt, u undoes (the status line says how);
# then the two editors' claims of the second sentence, whose verdicts
# differ, settled from the view (a digit keeps that claim's verdict, e
# another verdict through the : prompt; b and x say why they cannot), and `copydesk export --layer gold` shows what
# was settled, the settled verdict too.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
cat >"$tmp/two.jsonl" <<'JSON'
{"format_version":1,"title":"Tin A","lang":"vi","text":"Ông An gặp Bà Lan ở Hà Nội hôm nay. Giá xăng tăng 5% ở Đà Nẵng.","spans":[{"start":4,"end":6,"label":"PER","text":"An","author":"alice"},{"start":4,"end":6,"label":"PER","text":"An","author":"bob"},{"start":14,"end":17,"label":"PER","text":"Lan","author":"alice"},{"start":11,"end":17,"label":"PER","text":"Bà Lan","author":"bob"},{"start":20,"end":26,"label":"LOC","text":"Hà Nội","author":"alice"},{"start":20,"end":26,"label":"ORG","text":"Hà Nội","author":"bob"},{"start":55,"end":62,"label":"LOC","text":"Đà Nẵng","author":"bob"}],"claims":[{"start":36,"end":63,"text":"Giá xăng tăng 5% ở Đà Nẵng.","verdict":"true","status":"proposed","author":"alice","proposed_by":"alice"},{"start":36,"end":62,"text":"Giá xăng tăng 5% ở Đà Nẵng","verdict":"false","status":"proposed","author":"bob","proposed_by":"bob"}]}
JSON
COPYDESK_EDITOR=chief "$COPYDESK" --db "$db" import "$tmp/two.jsonl" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }

start "NO_COLOR=1 COPYDESK_EDITOR=chief TERM=xterm-256color '$COPYDESK' --db '$db'"
wait_for "Articles 1/1"
keys J
wait_for "Adjudication: article 1"
has_text "3 differences in spans, 1 in verdicts: 1-2 b x e settle, u undoes" || fail "the opening message: $(line 24)"
has_text "4-6 agreed" || fail "the agreed unit is not shown"
has_text "1 alice  PER Lan 14-17" || fail "alice's span"
has_text "2 bob  PER Bà Lan 11-17" || fail "bob's span"
# The cursor starts on the first difference (unit 2 of 4).
has_text "36-63 claims' verdicts differ  not settled" || fail "the claims' difference"
has_text "1 alice  true claim 1 36-63 Giá xăng" || fail "alice's claim"
has_text "2 bob  false claim 2 36-62 Giá xăng" || fail "bob's claim"
has_text "unit 2/5" || fail "the cursor is not on the first difference"
keys 2
wait_for "11-17: took bob's; u undoes"
has_text "unit 3/5" || fail "not moved on to the next difference"
keys 1
wait_for "20-26: took alice's"
keys x
wait_for "55-62: took none"
has_text "unit 5/5" || fail "not moved on to the claims' difference"
# u undoes the last settling; N back to it, b takes both (bob's only span).
keys u
wait_for "Undone: the adjudication"
keys N
wait_for "unit 4/5"
keys b
wait_for "55-62: took both"
# e edits: the : prompt offers the unit's range and label.
keys N N N
wait_for "unit 2/5"
keys e
wait_for "settle-edit"
keys C-u
keys -l '14 17 ORG'
keys Enter
wait_for "gold is 14-17 ORG"
# The claims: a verdict is not taken as none or from both.
keys G
wait_for "unit 5/5"
keys x
wait_for "a verdict cannot be taken as none"
keys b
wait_for "a verdict cannot be taken from both"
has_text "36-63 claims' verdicts differ  not settled" || fail "x or b settled a verdict"
keys 1
wait_for "36-63: verdict true, alice's claim 1; u undoes"
wait_for "claims' verdicts differ  gold: true (claim 1)"
keys u
wait_for "Undone"
wait_for "36-63 claims' verdicts differ  not settled"
# e: the : prompt offers the first claim and its verdict; bob's with another.
keys e
wait_for ":settle-verdict 1 true"
keys C-u
keys -l '2 misleading'
keys Enter
wait_for "36-63: verdict misleading, bob's claim 2; u undoes"
wait_for "claims' verdicts differ  gold: misleading (claim 2)"
keys u
wait_for "36-63 claims' verdicts differ  not settled"
keys 2
wait_for "36-63: verdict false, bob's claim 2; u undoes"
wait_for "claims' verdicts differ  gold: false (claim 2)"
keys q
wait_for "Articles 1/1"
keys q

out=$("$COPYDESK" --db "$db" export --format jsonl --layer gold 2>/dev/null)
spans=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join("%d-%d:%s" % (s["start"], s["end"], s["label"]) for s in json.loads(sys.stdin.readline())["spans"]))')
[ "$spans" = "14-17:ORG 20-26:LOC 55-62:LOC" ] || fail "export --layer gold: $spans"
verdicts=$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join("%d-%d:%s" % (c["start"], c["end"], c["verdict"]) for c in json.loads(sys.stdin.readline())["claims"]))')
[ "$verdicts" = "36-62:false" ] || fail "export --layer gold, the settled verdict: $verdicts"
finish
