#!/bin/sh
# copydesk search from the command line: accentless and exact matches, the
# title above the body, phrases, prefixes, NOT, --limit, --status, --label,
# --json of the documented shape with hostile text escaped, malformed
# queries as usage errors (64) in copydesk's words, never SQLite's, and the
# search over annotations (--label, --claim-status, --verdict, --entity).
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=tester
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
# The ids of the results, one line.
ids() {
	expect 0 "$COPYDESK" search "$@"
	grep -v '^    ' "$tmp/out" | cut -f1 | tr '\n' ' ' | sed 's/ $//'
}

printf 'Tin trong nước\n\nChủ tịch nước Lương Cường gặp lãnh đạo Đảng ủy tỉnh.\n' >"$tmp/a.txt"
printf 'Đảng bộ họp\n\nCuộc họp diễn ra tại Hà Nội về kinh tế.\n' >"$tmp/b.txt"
printf 'Ông Đặng Văn Lâm đang làm việc. Kinh tế tăng trưởng.\n' >"$tmp/c.txt"
printf 'Evil \033]0;pwned\007 title\n\nThe economy \033[31mgrew\033[0m fast.\n' >"$tmp/d.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt" "$tmp/d.txt"

[ "$(ids 'luong cuong')" = 1 ] || fail "luong cuong: $(cat "$tmp/out")"
grep -q '\[Lương\] \[Cường\]' "$tmp/out" || fail "snippet not marked: $(cat "$tmp/out")"
[ "$(ids dang)" = "2 3 1" ] || fail "dang: $(cat "$tmp/out")"
[ "$(ids --exact 'Đảng')" = "2 1" ] || fail "--exact Đảng: $(cat "$tmp/out")"
[ "$(ids --exact dang)" = "" ] || fail "--exact dang: $(cat "$tmp/out")"
[ "$(ids '"kinh te"')" = "3 2" ] || fail "phrase: $(cat "$tmp/out")"
[ "$(ids 'kinh t*')" = "3 2" ] || fail "prefix: $(cat "$tmp/out")"
[ "$(ids 'kinh NOT noi')" = 3 ] || fail "NOT: $(cat "$tmp/out")"
[ "$(ids dang --limit 1)" = 2 ] || fail "--limit: $(cat "$tmp/out")"
expect 0 "$COPYDESK" status 3 done
[ "$(ids dang --status done)" = 3 ] || fail "--status: $(cat "$tmp/out")"
[ "$(ids cuong --label PER)" = "" ] || fail "--label before tagging: $(cat "$tmp/out")"
expect 0 "$COPYDESK" tag 1 --text 'Lương Cường' PER
[ "$(ids cuong --label PER)" = 1 ] || fail "--label: $(cat "$tmp/out")"
# --label L QUERY: the query in the text of a span of L, not anywhere in the article
[ "$(ids dang --label PER)" = "" ] || fail "--label: the query outside the span: $(cat "$tmp/out")"

# Search over annotations: spans of a label, claims of a status, an entity's mentions.
expect 0 "$COPYDESK" search --label PER luong --json
if command -v python3 >/dev/null; then
	python3 - "$tmp/out" <<'PY' || fail "--label --json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert [h["id"] for h in r] == [1] and r[0]["snippet"] == "[Lương] Cường", r
assert sorted(r[0]) == ["date", "id", "snippet", "title"], r
PY
fi
[ "$(ids --label PER --exact 'Lương')" = 1 ] || fail "--label --exact: $(cat "$tmp/out")"
[ "$(ids --label PER --exact 'Luong')" = "" ] || fail "--label --exact luong: $(cat "$tmp/out")"
[ "$(ids --label PER)" = 1 ] || fail "--label alone: $(cat "$tmp/out")"
expect 0 "$COPYDESK" claim 3 --text 'Kinh tế tăng trưởng'
expect 0 "$COPYDESK" claim 4 --text "$(printf 'economy \033[31mgrew')"
expect 0 "$COPYDESK" search --claim-status check 'kinh te'
[ "$(cut -f1,2 "$tmp/out" | head -1)" = "$(printf '1\t3')" ] || fail "--claim-status: $(cat "$tmp/out")"
grep -q '\[Kinh\] \[tế\] tăng trưởng' "$tmp/out" || fail "claim not marked: $(cat "$tmp/out")"
expect 0 "$COPYDESK" search --claim-status check economy --json
grep -q "$(printf '\033')" "$tmp/out" && fail "raw escape in a claim's JSON"
if command -v python3 >/dev/null; then
	python3 - "$tmp/out" <<'PY' || fail "--claim-status --json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r) == 1 and r[0]["id"] == 4 and r[0]["claim"] == 2, r
assert sorted(r[0]) == ["claim", "date", "id", "snippet", "title"], r
assert "\x1b" in r[0]["snippet"] and "[economy]" in r[0]["snippet"], r
PY
fi
expect 0 "$COPYDESK" search --claim-status check economy
grep -q "$(printf '\033')" "$tmp/out" && fail "raw escape in a claim's line"
[ "$(ids --claim-status proposed)" = "" ] || fail "--claim-status proposed: $(cat "$tmp/out")"
expect 0 "$COPYDESK" span 1 1 --entity 'Lương Cường'
[ "$(ids --entity 1)" = 1 ] || fail "--entity: $(cat "$tmp/out")"
grep -q '\[Lương Cường\]' "$tmp/out" || fail "--entity: alias not marked: $(cat "$tmp/out")"
[ "$(ids --entity 1 kinh)" = "" ] || fail "--entity with a query: $(cat "$tmp/out")"
# Unknown names and bad combinations: the usual codes, with field and rule.
expect 64 "$COPYDESK" search --label NOPE kinh
grep -q 'field: label, rule: unknown' "$tmp/err" || fail "--label NOPE: $(cat "$tmp/err")"
expect 64 "$COPYDESK" search --label PER 'luong OR dang'
grep -q 'rule: operator' "$tmp/err" || fail "--label OR: $(cat "$tmp/err")"
expect 64 "$COPYDESK" search --label PER '"luong'
grep -q 'rule: quote' "$tmp/err" || fail "--label quote: $(cat "$tmp/err")"
expect 64 "$COPYDESK" search --claim-status later gdp
expect 64 "$COPYDESK" search --verdict maybe gdp
grep -q 'field: verdict, rule: unknown' "$tmp/err" || fail "--verdict maybe: $(cat "$tmp/err")"
expect 1 "$COPYDESK" search --entity 99
grep -q 'field: entity, rule: unknown' "$tmp/err" || fail "--entity 99: $(cat "$tmp/err")"
expect 64 "$COPYDESK" search --entity x
expect 64 "$COPYDESK" search --label PER --entity 1
expect 64 "$COPYDESK" search --label PER --claim-status check
expect 64 "$COPYDESK" search kinh --user tester
expect 64 "$COPYDESK" search kinh --with-boilerplate

# Hostile text: escaped in the lines and in the JSON.
expect 0 "$COPYDESK" search economy
grep -q "$(printf '\033')" "$tmp/out" && fail "raw escape in the output"
grep -q '\^\[' "$tmp/out" || fail "escape not shown: $(cat "$tmp/out")"
expect 0 "$COPYDESK" search economy --json
grep -q "$(printf '\033')" "$tmp/out" && fail "raw escape in the JSON"
if command -v python3 >/dev/null; then
	python3 - "$tmp/out" <<'PY' || fail "--json shape: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r) == 1 and sorted(r[0]) == ["date", "id", "snippet", "title"], r
assert r[0]["id"] == 4 and "\x1b" in r[0]["title"] and "[economy]" in r[0]["snippet"], r
PY
fi

# Malformed queries: 64, our message with its rule, nothing of SQLite's.
for q in '"kinh te' 'AND kinh' 'kinh OR' 'NOT kinh' '(kinh' 'kinh)' ''; do
	expect 64 "$COPYDESK" search "$q"
	grep -q 'rule: ' "$tmp/err" || fail "search '$q': no rule: $(cat "$tmp/err")"
	grep -qi 'fts5\|syntax error\|sqlite' "$tmp/err" && fail "search '$q': $(cat "$tmp/err")"
done
expect 64 "$COPYDESK" search
expect 64 "$COPYDESK" search kinh --limit 0
expect 64 "$COPYDESK" search kinh --status nowhere

[ "$fails" = 0 ] || exit 1
echo "ok"
