#!/bin/sh
# copydesk's own JSON Lines end to end: an annotated database exported with
# `copydesk export --format jsonl`, imported into an empty database and
# exported again gives the same bytes (boilerplate left out, ids, authors,
# times, claims with their research, evidence, history and a shared research);
# importing it once more changes nothing; a bad annotation refuses the file.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/a.db" COPYDESK_EDITOR=anna
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || fail "$*: $(cat "$tmp/err")"; }
bob() { env COPYDESK_EDITOR=bob "$@"; }

body1='Ông An gặp Bà Bình ở Hà Nội. Tỷ lệ hộ nghèo giảm còn 38,5% năm 2024.'
body2='Báo cáo mới: tỷ lệ hộ nghèo giảm còn 38,5% năm 2024. Hết.'
{
	printf '{"title":"Tin một","lang":"vi","text":"%s"}\n' "$body1"
	printf '{"title":"Tin hai","lang":"vi","text":"%s"}\n' "$body2"
} >"$tmp/in.jsonl"
printf 'Ông Ba đến Đà Nẵng hôm qua.\n\nTheo dõi chúng tôi trên Facebook.\n' >"$tmp/three.txt"
run "$COPYDESK" import "$tmp/in.jsonl" "$tmp/three.txt"
run "$COPYDESK" tag 1 4 6 PER --entity "Nguyễn Văn An"
run "$COPYDESK" tag 1 21 27 LOC
run bob "$COPYDESK" tag 1 0 6 PER --entity "Nguyễn Văn An"
run "$COPYDESK" tag 3 4 6 PER
run "$COPYDESK" claim 1 29 68 --verdict false --source https://gso.gov.vn/x --quote '38,5%' --consulted 2025-01-02 --note 'theo GSO'
run "$COPYDESK" apply 1
run bob "$COPYDESK" dispute 1 --reason 'sai "năm"'

run "$COPYDESK" export --format jsonl --output "$tmp/one.jsonl"
[ "$(wc -l <"$tmp/one.jsonl")" = 3 ] || fail "3 lines: $(cat "$tmp/one.jsonl")"
grep -q 'Theo dõi' "$tmp/one.jsonl" && fail "boilerplate written"
grep -q '"action":"disputed","editor":"bob"' "$tmp/one.jsonl" || fail "no dispute in the history"

COPYDESK_DB="$tmp/b.db" COPYDESK_EDITOR=carol "$COPYDESK" import "$tmp/one.jsonl" >"$tmp/out" 2>"$tmp/err" ||
	fail "import: $(cat "$tmp/err")"
COPYDESK_DB="$tmp/b.db" "$COPYDESK" export --format jsonl --output "$tmp/two.jsonl" 2>"$tmp/err" ||
	fail "export b: $(cat "$tmp/err")"
cmp -s "$tmp/one.jsonl" "$tmp/two.jsonl" || fail "round trip differs: $(diff "$tmp/one.jsonl" "$tmp/two.jsonl" | head -5)"
[ "$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM research")" = 1 ] || fail "the shared research is not one row"

# Again: duplicates, nothing added.
COPYDESK_DB="$tmp/b.db" COPYDESK_EDITOR=carol "$COPYDESK" import "$tmp/one.jsonl" >"$tmp/out" 2>"$tmp/err" ||
	fail "import again: $(cat "$tmp/err")"
[ "$(grep -c '^skipped' "$tmp/out")" = 3 ] || fail "not 3 duplicates: $(cat "$tmp/out")"
COPYDESK_DB="$tmp/b.db" "$COPYDESK" export --format jsonl --output "$tmp/three.jsonl" 2>/dev/null
cmp -s "$tmp/one.jsonl" "$tmp/three.jsonl" || fail "a second import changed the export"

# A bad label refuses the whole file, with its line.
sed '3s/"label":"PER"/"label":"HERO"/' "$tmp/one.jsonl" >"$tmp/bad.jsonl"
COPYDESK_DB="$tmp/c.db" "$COPYDESK" import "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err" && fail "bad label accepted"
grep -q 'bad.jsonl:3:1: span 1: no label "HERO"' "$tmp/err" || fail "refusal: $(cat "$tmp/err")"
[ "$(sqlite3 "$tmp/c.db" "SELECT count(*) FROM article")" = 0 ] || fail "a refused file stored articles"

[ "$fails" = 0 ] || exit 1
echo ok
