#!/bin/sh
# Adjudication from the command line (copydesk gold): two editors' layers
# imported from jsonl, their differences, the gold layer settled (--from,
# --add, --remove, --none, --verdict), each change one undo step, refusals
# with their rule that change nothing, and the adjudicated gold layer
# exported in jsonl, conll and brat (export --layer gold, and by default).
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=chief
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
q() { sqlite3 "$COPYDESK_DB" "$1"; }
refused() {
	want=$1 pat=$2; shift 2
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/before"
	expect "$want" "$@"
	grep -q -- "$pat" "$tmp/err" || fail "$*: no '$pat' in: $(cat "$tmp/err")"
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || fail "$* changed the database"
}
gold() { q "SELECT group_concat(start || '-' || \"end\" || ':' || label, ' ') FROM (SELECT * FROM gold_span WHERE deleted_at IS NULL ORDER BY start, \"end\")"; }

# alice and bob agree on An; Lan / Bà Lan overlap; Hà Nội LOC / ORG; their
# claims of the second sentence have different verdicts.
cat >"$tmp/two.jsonl" <<'JSON'
{"format_version":1,"title":"Tin A","lang":"vi","text":"Ông An gặp Bà Lan ở Hà Nội hôm nay. Giá xăng tăng 5% trong tháng.","spans":[{"start":4,"end":6,"label":"PER","text":"An","author":"alice"},{"start":4,"end":6,"label":"PER","text":"An","author":"bob"},{"start":14,"end":17,"label":"PER","text":"Lan","author":"alice"},{"start":11,"end":17,"label":"PER","text":"Bà Lan","author":"bob"},{"start":20,"end":26,"label":"LOC","text":"Hà Nội","author":"alice"},{"start":20,"end":26,"label":"ORG","text":"Hà Nội","author":"bob"}],"claims":[{"start":36,"end":65,"text":"Giá xăng tăng 5% trong tháng.","verdict":"true","status":"proposed","author":"alice","proposed_by":"alice"},{"start":36,"end":64,"text":"Giá xăng tăng 5% trong tháng","verdict":"false","status":"proposed","author":"bob","proposed_by":"bob"}]}
JSON
printf 'Another article, never adjudicated.\n' >"$tmp/b.txt"
expect 0 "$COPYDESK" import "$tmp/two.jsonl" "$tmp/b.txt"

expect 0 "$COPYDESK" gold 1
grep -q "has no gold layer" "$tmp/out" || fail "gold before: $(cat "$tmp/out")"
expect 0 "$COPYDESK" gold 1 --diff
grep -q "^editors: 1 alice 2 bob$" "$tmp/out" || fail "diff editors: $(cat "$tmp/out")"
[ "$(grep -c '^unit' "$tmp/out")" = 3 ] || fail "diff units: $(cat "$tmp/out")"
grep -q "^unit 1	agreed	4-6$" "$tmp/out" || fail "agreed unit: $(cat "$tmp/out")"
grep -q "^unit 2	differs	11-17$" "$tmp/out" || fail "differing unit: $(cat "$tmp/out")"
grep -q "^claims	36-65$" "$tmp/out" || fail "claims' difference: $(cat "$tmp/out")"
expect 0 "$COPYDESK" gold 1 --diff --json
grep -q '"editors":\["alice","bob"\]' "$tmp/out" || fail "diff json: $(cat "$tmp/out")"

# Settle: bob's layer, then alice's LOC for Hà Nội in place of bob's ORG.
expect 0 "$COPYDESK" gold 1 --from bob
[ "$(gold)" = "4-6:PER 11-17:PER 20-26:ORG" ] || fail "from bob: $(gold)"
g=$(q "SELECT id FROM gold_span WHERE label = 'ORG' AND deleted_at IS NULL")
expect 0 "$COPYDESK" gold 1 --remove "$g"
expect 0 "$COPYDESK" gold 1 --add 5
grep -q "^gold span [0-9]* from span 5$" "$tmp/out" || fail "add printed: $(cat "$tmp/out")"
[ "$(gold)" = "4-6:PER 11-17:PER 20-26:LOC" ] || fail "settled: $(gold)"
expect 0 "$COPYDESK" gold 1 --verdict 2=misleading
expect 0 "$COPYDESK" gold 1 --json
grep -q '"gold":true' "$tmp/out" || fail "gold json: $(cat "$tmp/out")"

# Refusals: the rule named, nothing changed.
refused 1 "rule: gold-same" "$COPYDESK" gold 1 --add 5
refused 1 "rule: no-layer" "$COPYDESK" gold 1 --from carol
refused 1 "rule: unknown" "$COPYDESK" gold 1 --remove 999
refused 1 "rule: unknown" "$COPYDESK" gold 2 --add 5
refused 1 "rule: unknown" "$COPYDESK" gold 1 --verdict 2=nope
refused 64 "CLAIM_ID=VERDICT" "$COPYDESK" gold 1 --verdict 2
refused 64 "one change at a time" "$COPYDESK" gold 1 --from bob --none
refused 1 "no article" "$COPYDESK" gold 9 --from bob

# The adjudicated layer exported: jsonl, conll, brat; the default takes it too.
expect 0 "$COPYDESK" export --format jsonl --layer gold
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "--layer gold took articles without a gold layer"
grep -q '"label":"LOC"' "$tmp/out" || fail "jsonl gold: no LOC"
grep -q '"label":"ORG"' "$tmp/out" && fail "jsonl gold: bob's ORG is not gold"
grep -q '"text":"Lan"' "$tmp/out" && fail "jsonl gold: alice's Lan is not gold"
grep -q '"verdict":"misleading"' "$tmp/out" || fail "jsonl gold: the settled verdict"
grep -q '"verdict":"true"' "$tmp/out" && fail "jsonl gold: the unsettled claim is left out"
cp "$tmp/out" "$tmp/gold.jsonl"
expect 0 "$COPYDESK" export --format jsonl
head -1 "$tmp/out" | cmp -s - "$tmp/gold.jsonl" || fail "the default is not the gold layer"
expect 0 "$COPYDESK" export --format jsonl --layer editors
grep -q '"label":"ORG"' "$tmp/out" || fail "--layer editors: no ORG"
grep -q '"verdict":"true"' "$tmp/out" || fail "--layer editors: alice's verdict"
expect 0 "$COPYDESK" export --format conll --layer gold
grep -q "^Bà B-PER$" "$tmp/out" && grep -q "^Lan I-PER$" "$tmp/out" || fail "conll: $(cat "$tmp/out")"
grep -q "^Hà B-LOC$" "$tmp/out" || fail "conll LOC: $(cat "$tmp/out")"
grep -q "ORG" "$tmp/out" && fail "conll: ORG is not gold"
expect 0 "$COPYDESK" export --format brat --layer gold --output "$tmp/brat"
[ "$(ls "$tmp/brat" | grep -c '\.ann$')" = 1 ] || fail "brat: $(ls "$tmp/brat")"
ann=$(ls "$tmp/brat"/*.ann)
grep -q "LOC 20 26	Hà Nội" "$ann" || fail "brat: $(cat "$ann")"
grep -q "PER 11 17	Bà Lan" "$ann" || fail "brat Bà Lan: $(cat "$ann")"
grep -q "ORG" "$ann" && fail "brat: ORG is not gold"
refused 64 "not gold or editors" "$COPYDESK" export --format jsonl --layer alice

# Undo, one step each: the verdict, the add, the remove, the from.
for i in 1 2 3; do expect 0 "$COPYDESK" undo; done
[ "$(gold)" = "4-6:PER 11-17:PER 20-26:ORG" ] || fail "three undos: $(gold)"
expect 0 "$COPYDESK" undo
expect 0 "$COPYDESK" gold 1
grep -q "has no gold layer" "$tmp/out" || fail "undone whole: $(cat "$tmp/out")"
expect 0 "$COPYDESK" export --format jsonl --layer gold
[ -s "$tmp/out" ] && fail "no gold layer left, yet exported: $(cat "$tmp/out")"
expect 0 "$COPYDESK" redo
[ "$(gold)" = "4-6:PER 11-17:PER 20-26:ORG" ] || fail "redo: $(gold)"
# Take none everywhere: a gold layer with no spans.
expect 0 "$COPYDESK" gold 1 --none
[ "$(gold)" = "" ] || fail "none: $(gold)"
expect 0 "$COPYDESK" export --format jsonl --layer gold
grep -q '"spans":\[\]' "$tmp/out" || fail "none exported: $(cat "$tmp/out")"
[ "$(q "SELECT count(*) FROM edit_log WHERE action = 'gold'")" = 5 ] || fail "edit log"

[ "$fails" = 0 ] && echo "ok" || exit 1
