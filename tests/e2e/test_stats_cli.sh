#!/bin/sh
# copydesk config and copydesk stats from the command line: settings set,
# refused (unknown key, bad URL, not an SPDX id) without a change, undone;
# stats as aligned columns and as JSON of the documented shape, kept right
# through a tag, an untag and an undo; hostile names escaped.
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
refused() {
	want=$1 pat=$2; shift 2
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/before"
	expect "$want" "$@"
	grep -q -- "$pat" "$tmp/err" || fail "$*: no '$pat' in: $(cat "$tmp/err")"
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || fail "$* changed the database"
}

printf 'Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.\n' >"$tmp/a.txt"
printf 'Exports rose 12%% in 2024, the most ever.\n' >"$tmp/b.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt" "$tmp/b.txt"

# --- config
expect 0 "$COPYDESK" config
grep -q '^org.name  *-  (unset: ' "$tmp/out" || fail "config list: $(cat "$tmp/out")"
expect 0 "$COPYDESK" config org.name "Báo Tuổi Trẻ"
grep -q 'undo' "$tmp/err" || fail "config set says nothing of undo: $(cat "$tmp/err")"
expect 0 "$COPYDESK" config org.name
[ "$(cat "$tmp/out")" = "Báo Tuổi Trẻ" ] || fail "config get: $(cat "$tmp/out")"
refused 64 'the settings are org.name, org.url, license' "$COPYDESK" config orgname X
refused 65 'not a URL' "$COPYDESK" config org.url tuoitre.vn
refused 65 'not an SPDX' "$COPYDESK" config license "CC BY 4.0"
expect 0 "$COPYDESK" config license CC-BY-4.0
expect 0 "$COPYDESK" config org.url https://tuoitre.vn/
expect 0 "$COPYDESK" undo
grep -q 'Undone: the setting' "$tmp/out" || fail "undo: $(cat "$tmp/out")"
expect 1 "$COPYDESK" config org.url
grep -q 'not set' "$tmp/err" || fail "unset key: $(cat "$tmp/err")"
expect 0 "$COPYDESK" config --unset license
expect 0 "$COPYDESK" config --json
python3 - "$tmp/out" <<'PY' || fail "config --json: $(cat "$tmp/out")"
import json, sys
o = json.load(open(sys.argv[1]))
assert list(o) == ["org.name", "org.url", "license", "dataset.name", "dataset.description"], o
assert o["org.name"]["value"] == "Báo Tuổi Trẻ" and o["org.name"]["updated_by"] == "tester"
assert o["license"]["value"] is None and o["org.url"]["value"] is None
PY
refused 64 'unexpected argument' "$COPYDESK" config org.name a b

# --- stats
expect 0 "$COPYDESK" tag 1 --text "Lương Cường" PER
expect 0 "$COPYDESK" tag 1 --text "Hà Nội" LOC
expect 0 "$COPYDESK" tag 2 --text "2024" DATE
expect 0 "$COPYDESK" untag 2 3
expect 0 "$COPYDESK" undo
expect 0 "$COPYDESK" claim 2 --sentence 0 --verdict false
expect 0 "$COPYDESK" stats
grep -q '^  progress  2$' "$tmp/out" || fail "stats articles: $(cat "$tmp/out")"
grep -q '^  PER    1$' "$tmp/out" || fail "stats labels: $(cat "$tmp/out")"
grep -q '^  tester      3       1         3          1$' "$tmp/out" || fail "stats editors: $(cat "$tmp/out")"
expect 0 "$COPYDESK" stats --json
python3 - "$tmp/out" <<'PY' || fail "stats --json: $(cat "$tmp/out")"
import json, sys
o = json.load(open(sys.argv[1]))
assert list(o) == ["articles", "labels", "editors", "claims"], o
assert o["articles"]["by_status"] == {"new": 0, "progress": 2, "done": 0}, o
assert o["labels"]["PER"] == 1 and o["labels"]["LOC"] == 1 and o["labels"]["DATE"] == 1, o
assert o["editors"] == {"tester": {"spans": 3, "claims": 1, "spans_7d": 3, "claims_7d": 1}}, o
assert o["claims"]["by_status"]["check"] == 1, o
assert o["claims"]["by_verdict"]["false"] == 1, o
PY
refused 64 'unexpected argument' "$COPYDESK" stats --bogus

# A hostile author's name, as an import from another tool may bring (the
# editor's own name is refused): the counts follow the row, the name is escaped.
sqlite3 "$COPYDESK_DB" "UPDATE span SET author = 'evil' || char(27) || '[2J' || char(8238) WHERE id = 3"
expect 0 "$COPYDESK" stats
grep -q 'evil\^\[\[2J<U+202E>' "$tmp/out" || fail "name not escaped: $(cat -v "$tmp/out")"
grep -q "$(printf '\033')" "$tmp/out" && fail "a raw ESC in stats"
expect 0 "$COPYDESK" stats --json
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["editors"]["evil\x1b[2J\u202e"]["spans"] == 1 and o["editors"]["tester"]["spans"] == 2, o' "$tmp/out" ||
	fail "stats --json: name not kept: $(cat "$tmp/out")"
grep -q "$(printf '\342\200\256')" "$tmp/out" && fail "a raw bidi control in the JSON"

[ "$fails" -eq 0 ] || exit 1
echo "all test_stats_cli checks passed"
