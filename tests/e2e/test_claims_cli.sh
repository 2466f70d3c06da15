#!/bin/sh
# Fact verification from the command line: the verdict scale, candidates,
# claims by offsets, by sentence and by text, research (verdict, evidence,
# note), the review by another editor, the same claim in another article in
# another number format, and refusals with the right exit status and message
# that leave the database exactly as it was.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=anna
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect STATUS CMD...: run CMD, keep its output in $tmp/out and $tmp/err
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
q() { sqlite3 "$COPYDESK_DB" "$1"; }
# refused STATUS PATTERN CMD...: exits STATUS, says PATTERN on stderr, changes nothing
refused() {
	want=$1 pat=$2; shift 2
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/before"
	expect "$want" "$@"
	grep -q -- "$pat" "$tmp/err" || fail "$*: no '$pat' in: $(cat "$tmp/err")"
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || fail "$* changed the database"
}
# at ID TEXT: the code point offset of TEXT's first occurrence in article ID
at() { q "SELECT instr(body, '$2') - 1 FROM article WHERE id = $1"; }
bob() { env COPYDESK_EDITOR=bob "$@"; }

body1='Tỷ lệ thất nghiệp của thanh niên là 38,5% trong năm 2024, theo Tổng cục Thống kê.Chủ tịch nước Lương Cường phát biểu tại hội nghị ở TP. Hồ Chí Minh. Khảo sát cho thấy 38% người dân hài lòng, 61% muốn cải cách và 47% chưa có ý kiến. Trời hôm nay đẹp.'
body2='Theo báo cáo mới. THẤT NGHIỆP của thanh niên là 38.5 %. Các chuyên gia lo ngại, tỷ lệ thất nghiệp của thanh niên là 38,5% trong năm 2024.'
body3='The company said revenue rose 15% to $5 million in November 2025, the largest increase ever. Nobody was surprised.'
{
	printf '{"title":"Thất nghiệp","lang":"vi","text":"%s"}\n' "$body1"
	printf '{"title":"Báo cáo","lang":"vi","text":"%s"}\n' "$body2"
	printf '{"title":"Revenue","lang":"en","text":"%s"}\n' "$body3"
} >"$tmp/a.jsonl"
expect 0 "$COPYDESK" import "$tmp/a.jsonl"
[ "$(q "SELECT body FROM article WHERE id = 1")" = "$body1" ] || fail "fixture body not stored"

# The verdict scale.
expect 0 "$COPYDESK" verdicts
[ "$(wc -l <"$tmp/out")" = 5 ] || fail "verdicts: $(cat "$tmp/out")"
grep -q '^mostly-true	m	Mostly true	4	Mostly true	SUPPORTS$' "$tmp/out" ||
	fail "verdicts line: $(cat "$tmp/out")"
expect 0 "$COPYDESK" verdicts --json
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/out'))")" = 5 ] ||
	fail "verdicts --json: $(cat "$tmp/out")"

# A verdict file adds to the scale, as a label file does; a bad one changes nothing.
cat >"$tmp/v.json" <<'EOF'
{"verdicts": [{"name": "half-true", "label": "Half true", "key": "h", "color": "yellow",
  "rating": 3, "rating_name": "Half True", "fever": "NOT ENOUGH INFO"}]}
EOF
expect 0 "$COPYDESK" verdicts import "$tmp/v.json"
grep -q '6 verdicts now' "$tmp/err" || fail "verdicts import: $(cat "$tmp/err")"
expect 0 "$COPYDESK" verdicts
grep -q '^half-true	h	Half true	3	Half True	NOT ENOUGH INFO$' "$tmp/out" ||
	fail "imported verdict: $(cat "$tmp/out")"
sed 's/"h"/"f"/' "$tmp/v.json" >"$tmp/w.json"
refused 65 'key "f" is already verdict false' "$COPYDESK" verdicts import "$tmp/w.json"
refused 66 'No such file' "$COPYDESK" verdicts import "$tmp/nope.json"
refused 64 'needs a verdict file' "$COPYDESK" verdicts import
# Candidates: the sentence with three percentages is one, for its figures.
expect 0 "$COPYDESK" candidates 1
grep -q '	[^	]*percent[^	]*	Khảo sát cho thấy 38% người dân hài lòng, 61% muốn cải cách và 47% chưa có ý kiến\.$' \
	"$tmp/out" || fail "candidates: $(cat "$tmp/out")"
grep -q 'Trời hôm nay' "$tmp/out" && fail "candidates has the weather: $(cat "$tmp/out")"
expect 0 "$COPYDESK" candidates 1 --json
python3 - "$tmp/out" "$body1" <<'EOF' || fail "candidates --json"
import json, sys
ks = json.load(open(sys.argv[1]))
body = sys.argv[2]
assert ks, ks
assert all(k["text"] == body[k["start"]:k["end"]] for k in ks), ks
assert any("percent" in k["why"] and "47%" in k["text"] for k in ks), ks
EOF

# By offsets.
s=$(at 1 'thất nghiệp của thanh niên là 38,5%')
e=$((s + 35))
expect 0 "$COPYDESK" claim 1 "$s" "$e"
c1=$(cut -f1 "$tmp/out")
[ "$(cut -f2- "$tmp/out")" = "1	$s	$e	check	-	thất nghiệp của thanh niên là 38,5%" ] ||
	fail "claim by offsets: $(cat "$tmp/out")"
# By sentence: the run-together one starts after "Thống kê.", and "TP." ends nothing.
cp=$(($(at 1 'Lương Cường') + 2))
expect 0 "$COPYDESK" claim 1 --sentence "$cp"
c2=$(cut -f1 "$tmp/out")
st=$(at 1 'Chủ tịch nước')
[ "$(cut -f3-7 "$tmp/out")" = "$st	$((st + 67))	check	-	Chủ tịch nước Lương Cường phát biểu tại hội nghị ở TP. Hồ Chí Minh." ] ||
	fail "claim --sentence: $(cat "$tmp/out")"
# By text, with the whole research at once: a verdict by key, evidence, a note.
expect 0 "$COPYDESK" claim 1 --text '61% muốn cải cách' --verdict t \
	--source 'https://www.gso.gov.vn/khao-sat' --quote '61% ủng hộ cải cách' \
	--consulted 2025-01-02 --note 'khảo sát của Tổng cục Thống kê'
c3=$(cut -f1 "$tmp/out")
t3=$(at 1 '61% muốn')
[ "$(cut -f3-7 "$tmp/out")" = "$t3	$((t3 + 17))	proposed	true	61% muốn cải cách" ] ||
	fail "claim --text with research: $(cat "$tmp/out")"
[ "$(q "SELECT count(*) FROM evidence")" = 1 ] || fail "evidence rows"
expect 0 "$COPYDESK" claim-show "$c3"
grep -q '^note *khảo sát của Tổng cục Thống kê$' "$tmp/out" || fail "claim-show note: $(cat "$tmp/out")"
grep -q '^evidence.*https://www.gso.gov.vn/khao-sat	2025-01-02	anna$' "$tmp/out" ||
	fail "claim-show evidence: $(cat "$tmp/out")"
grep -q '61% ủng hộ cải cách' "$tmp/out" || fail "claim-show quote: $(cat "$tmp/out")"
# A claimed sentence is no candidate any more.
expect 0 "$COPYDESK" candidates 1
grep -q 'Khảo sát cho thấy' "$tmp/out" && fail "claimed candidate still listed: $(cat "$tmp/out")"

expect 0 "$COPYDESK" claims 1
[ "$(wc -l <"$tmp/out")" = 3 ] || fail "claims 1: $(cat "$tmp/out")"
grep -q "^$c1	1	check	-	also in 1	thất nghiệp của thanh niên là 38,5%$" "$tmp/out" ||
	fail "claims line with its repeat: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claims --status proposed
[ "$(cut -f1 "$tmp/out")" = "$c3" ] || fail "claims --status proposed: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claims --verdict True
[ "$(cut -f1 "$tmp/out")" = "$c3" ] || fail "claims --verdict by label: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claims 2
[ -s "$tmp/out" ] && fail "article 2 has claims: $(cat "$tmp/out")"

# Research: a verdict alone is not proposed; with evidence it is.
expect 0 "$COPYDESK" verdict "$c1" 'Mostly true'
[ "$(cut -f5,6 "$tmp/out")" = "check	mostly-true" ] || fail "verdict by label: $(cat "$tmp/out")"
expect 0 "$COPYDESK" evidence "$c1" --source 'Tổng cục Thống kê, báo cáo quý IV 2024' \
	--quote 'tỷ lệ thất nghiệp thanh niên 38,5%'
[ "$(cut -f5,6 "$tmp/out")" = "proposed	mostly-true" ] || fail "evidence: $(cat "$tmp/out")"
[ "$(q "SELECT consulted FROM evidence ORDER BY id DESC LIMIT 1")" = "$(date +%Y-%m-%d)" ] ||
	[ "$(q "SELECT consulted FROM evidence ORDER BY id DESC LIMIT 1")" = "$(date -u +%Y-%m-%d)" ] ||
	fail "consulted is not today"
expect 0 "$COPYDESK" note "$c1" 'số liệu chính thức'
[ "$(q "SELECT note FROM research r JOIN claim c ON c.research_id = r.id WHERE c.id = $c1")" = \
	'số liệu chính thức' ] || fail "note not stored"

# Evidence deleted and brought back: only the claim's own, and undo restores it.
ev=$(q "SELECT e.id FROM evidence e JOIN claim c ON c.research_id = e.research_id WHERE c.id = $c1 AND e.deleted_at IS NULL ORDER BY e.id DESC LIMIT 1")
nev() { q "SELECT count(*) FROM evidence e JOIN claim c ON c.research_id = e.research_id WHERE c.id = $c1 AND e.deleted_at IS NULL"; }
before_ev=$(nev)
refused 1 'has no evidence 9999' "$COPYDESK" evidence "$c1" --delete 9999
refused 64 'alone' "$COPYDESK" evidence "$c1" --delete "$ev" --quote x
expect 0 "$COPYDESK" evidence "$c1" --delete "$ev"
[ "$(nev)" = $((before_ev - 1)) ] || fail "evidence --delete: $(nev) left of $before_ev"
expect 0 "$COPYDESK" undo
[ "$(nev)" = "$before_ev" ] || fail "undo of evidence --delete: $(nev) of $before_ev"

# The review: nobody approves their own verdict.
refused 77 'rule own-verdict.*another editor must' "$COPYDESK" approve "$c1"
refused 77 'rule own-verdict.*another editor must' "$COPYDESK" dispute "$c1" --reason 'tự xem lại'
refused 64 'reason' bob "$COPYDESK" dispute "$c1"
refused 65 'reason' bob "$COPYDESK" dispute "$c1" --reason ''
refused 1 '' bob "$COPYDESK" approve "$c2"  # not proposed
expect 0 bob "$COPYDESK" approve "$c1"
[ "$(cut -f5 "$tmp/out")" = verified ] || fail "approve: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claim-show "$c1"
grep -q '^status *verified$' "$tmp/out" || fail "claim-show status: $(cat "$tmp/out")"
grep -q '^reviewed *bob ' "$tmp/out" || fail "claim-show review: $(cat "$tmp/out")"
grep -q '^proposed *anna ' "$tmp/out" || fail "claim-show proposer: $(cat "$tmp/out")"
grep -q '^repeats *also in 1 other article$' "$tmp/out" || fail "claim-show repeats: $(cat "$tmp/out")"
expect 0 bob "$COPYDESK" dispute "$c3" --reason 'khảo sát nhỏ, không đại diện'
[ "$(cut -f5 "$tmp/out")" = disputed ] || fail "dispute: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claims --id "$c3"
grep -q '^reviewed *bob .*: khảo sát nhỏ, không đại diện$' "$tmp/out" ||
	fail "claims --id: $(cat "$tmp/out")"

# The same claim in article 2, written 38.5 % as a sentence of its own: found (not the longer
# sentence that holds it: a repeat has the claim's key), then given the same research.
expect 0 "$COPYDESK" repeats "$c1"
s2=$(at 2 'THẤT')
case $(cat "$tmp/out") in
"2	$s2	"*"	THẤT NGHIỆP của thanh niên là 38.5 %.") ;;
*) fail "repeats: $(cat "$tmp/out")" ;;
esac
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "repeats lines: $(cat "$tmp/out")"
start2=$(cut -f2 "$tmp/out")
[ "$start2" = "$s2" ] || fail "repeat starts at $start2, not $s2"
expect 0 "$COPYDESK" apply "$c1"
grep -q "^[0-9]*	2	$start2	[0-9]*	verified	mostly-true	" "$tmp/out" || fail "apply: $(cat "$tmp/out")"
[ "$(wc -l <"$tmp/out")" = 2 ] || fail "apply lists: $(cat "$tmp/out")"
[ "$(q "SELECT count(DISTINCT research_id) FROM claim WHERE article_id IN (1, 2) AND
	research_id = (SELECT research_id FROM claim WHERE id = $c1)")" = 1 ] || fail "not one research"
expect 0 "$COPYDESK" claims 2
grep -q "	2	verified	mostly-true	" "$tmp/out" || fail "claims 2 after apply: $(cat "$tmp/out")"
# The applied claim's status follows the research: a new verdict makes both proposed.
c4=$(q "SELECT id FROM claim WHERE article_id = 2 AND deleted_at IS NULL")
# Bob, an editor, does not change anna's research; made a chief (by anna, the creator), he does.
refused 77 "rule owner.*anna's" bob "$COPYDESK" verdict "$c1" misleading
expect 0 "$COPYDESK" users add bob --role chief
expect 0 bob "$COPYDESK" verdict "$c1" misleading
expect 0 "$COPYDESK" claim-show "$c4"
grep -q '^status *proposed$' "$tmp/out" || fail "applied claim's status: $(cat "$tmp/out")"
grep -q '^verdict *misleading$' "$tmp/out" || fail "applied claim's verdict: $(cat "$tmp/out")"

# Dismissing a candidate keeps it away.
expect 0 "$COPYDESK" candidates 3
[ -s "$tmp/out" ] || fail "no candidates in article 3"
k=$(head -n 1 "$tmp/out" | cut -f1,2)
expect 0 "$COPYDESK" dismiss 3 $(echo "$k" | cut -f1) $(echo "$k" | cut -f2)
expect 0 "$COPYDESK" candidates 3
cut -f1,2 "$tmp/out" | grep -qx "$k" && fail "dismissed candidate listed: $(cat "$tmp/out")"
# Not twice, and nothing that is not a candidate.
refused 1 'dismissed already (by anna' "$COPYDESK" dismiss 3 $(echo "$k" | cut -f1) $(echo "$k" | cut -f2)
refused 1 'not a check-worthy candidate' "$COPYDESK" dismiss 3 0 3

# Refusals: exit status, the reason, and not a byte changed.
n=$(q "SELECT length(body) FROM article WHERE id = 1")
o=$(at 1 'Trời')
refused 65 'not before end' "$COPYDESK" claim 1 5 5
refused 65 'not before end' "$COPYDESK" claim 1 9 4 --verdict true
refused 65 'past the end' "$COPYDESK" claim 1 "$o" $((n + 1))
refused 65 'negative' "$COPYDESK" claim 1 -3 4
refused 65 'outside article' "$COPYDESK" claim 1 --sentence "$n"
refused 64 'not an offset' "$COPYDESK" claim 1 five 9
refused 64 'one of them' "$COPYDESK" claim 1 0 4 --text 'Trời'
refused 64 'go together' "$COPYDESK" claim 1 --text 'Trời' --source https://example.com/
refused 1 'unknown verdict nope' "$COPYDESK" claim 1 --text 'Trời' --verdict nope
refused 65 'quote: empty' "$COPYDESK" claim 1 --text 'Trời' --verdict true \
	--source https://example.com/ --quote ''
refused 65 'not a URL' "$COPYDESK" claim 1 --text 'Trời' --verdict true \
	--source 'https://' --quote 'trời đẹp'
refused 65 'neither a URL' "$COPYDESK" evidence "$c2" --source 'example.com' --quote 'x'
# The option to correct is named from the field the core refused (data, not its words).
refused 65 'correct --source' "$COPYDESK" evidence "$c2" --source 'see above' --quote 'x'
refused 65 'correct --quote' "$COPYDESK" claim 1 --text 'Trời' --source Reuters --quote ' '
refused 65 'correct --consulted' "$COPYDESK" evidence "$c2" --source GSO --quote 'x' \
	--consulted 2999-01-01
refused 65 'after today' "$COPYDESK" claim 1 --text 'Trời' --source https://example.com/ \
	--quote 'trời đẹp' --consulted 2999-01-01
refused 65 'not a date' "$COPYDESK" evidence "$c2" --source https://example.com/ \
	--quote 'x' --consulted 2025-02-30
refused 65 'quote: empty' "$COPYDESK" evidence "$c2" --source https://example.com/ --quote ' '
refused 1 'unknown verdict nope' "$COPYDESK" verdict "$c2" nope
refused 1 'no claim 999' "$COPYDESK" verdict 999 true
refused 1 'no claim 999' "$COPYDESK" evidence 999 --source https://example.com/ --quote 'x'
refused 1 'no claim 999' "$COPYDESK" claim-show 999
refused 1 'no claim 999' bob "$COPYDESK" approve 999
refused 1 'no claim 999' "$COPYDESK" repeats 999
refused 1 'no claim 999' "$COPYDESK" apply 999
refused 64 'not a claim id' "$COPYDESK" note x 'y'
refused 1 'no article 99' "$COPYDESK" claim 99 0 3
refused 1 'no article 99' "$COPYDESK" candidates 99
refused 1 'not found' "$COPYDESK" claim 1 --text 'Đà Nẵng'
refused 1 'already' "$COPYDESK" claim 1 "$s" "$e" --verdict true
refused 64 'not a status' "$COPYDESK" claims --status done
refused 65 'not a range' "$COPYDESK" dismiss 1 4 2

# claims --json: text is body[start:end] in code points, evidence included.
expect 0 "$COPYDESK" claims --json
cp "$tmp/out" "$tmp/claims.json"
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/claims.json'))")" = 4 ] ||
	fail "claims --json count: $(cat "$tmp/claims.json")"
bad=$(sqlite3 "$COPYDESK_DB" "SELECT count(*) FROM json_each(readfile('$tmp/claims.json')) j
	JOIN article a ON a.id = json_extract(j.value, '\$.article_id')
	WHERE json_extract(j.value, '\$.text') <> substr(a.body, json_extract(j.value, '\$.start') + 1,
	      json_extract(j.value, '\$.end') - json_extract(j.value, '\$.start'))")
[ "$bad" = 0 ] || fail "$bad claims whose text is not body[start:end]"
python3 - "$tmp/claims.json" "$COPYDESK_DB" "$c1" <<'EOF' || fail "claims --json (python)"
import json, sqlite3, sys
claims = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
body = dict(db.execute("SELECT id, body FROM article"))
for c in claims:
    assert c["text"] == body[c["article_id"]][c["start"]:c["end"]], c
c1 = next(c for c in claims if c["id"] == int(sys.argv[3]))
assert c1["verdict"] == "misleading" and c1["status"] == "proposed", c1
assert len(c1["evidence"]) == 1, c1
EOF
expect 0 "$COPYDESK" claim-show "$c3" --json
python3 - "$tmp/out" "$c3" <<'EOF' || fail "claim-show --json: $(cat "$tmp/out")"
import json, sys
c = json.load(open(sys.argv[1]))
assert c["id"] == int(sys.argv[2]) and c["status"] == "disputed", c
assert c["evidence"][0]["consulted"] == "2025-01-02", c
EOF

# A claim with its research is one transaction and one undo step: made whole or
# not at all.  A trigger makes the evidence (a later part) fail: nothing is left.
q "CREATE TRIGGER no_evidence BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
logs=$(q "SELECT count(*) FROM edit_log")
refused 70 'disk on fire' "$COPYDESK" claim 3 --text 'Nobody was surprised.' --verdict false \
	--source 'https://example.com/a' --quote 'all surprised'
[ "$(q "SELECT count(*) FROM claim WHERE article_id = 3")" = 0 ] || fail "a half claim was left"
[ "$(q "SELECT count(*) FROM edit_log")" = "$logs" ] || fail "a half claim was logged"
q "DROP TRIGGER no_evidence"
expect 0 "$COPYDESK" claim 3 --text 'Nobody was surprised.' --verdict false \
	--source 'https://example.com/a' --quote 'all surprised' --note 'hỏi lại'
[ "$(cut -f5,6 "$tmp/out")" = "proposed	false" ] || fail "claim with research: $(cat "$tmp/out")"
expect 0 "$COPYDESK" undo
[ "$(q "SELECT count(*) FROM claim WHERE article_id = 3 AND deleted_at IS NULL")" = 0 ] ||
	fail "one undo did not take the claim back"
[ "$(q "SELECT count(*) FROM research r JOIN claim c ON c.research_id = r.id WHERE c.article_id = 3 AND (r.verdict IS NOT NULL OR r.note <> '')")" = 0 ] ||
	fail "one undo did not take the research back"
expect 0 "$COPYDESK" redo
[ "$(q "SELECT r.status || r.verdict || r.note FROM research r JOIN claim c ON c.research_id = r.id WHERE c.article_id = 3 AND c.deleted_at IS NULL")" = "proposedfalsehỏi lại" ] ||
	fail "one redo did not bring the claim and its research back"

[ $fails = 0 ] && echo "all claim checks passed"
exit $fails
