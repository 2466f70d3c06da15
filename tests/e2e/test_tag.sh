#!/bin/sh
# Entity tagging from the command line: labels, tag by offsets and by text
# (NFD input, --all, --fold, --entity), spans, entities, untag, undo and redo;
# refusals with the right exit status and message that leave the database
# exactly as it was.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=tester
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
# at TEXT: the code point offset of TEXT's first occurrence in article 1
at() { q "SELECT instr(body, '$1') - 1 FROM article WHERE id = 1"; }
nspans() { q "SELECT count(*) FROM span WHERE deleted_at IS NULL"; }

body='Chủ tịch nước Lương Cường đã hội đàm với Chủ tịch Trung Quốc Tập Cận Bình tại Hà Nội. Ông Lương Cường cho biết hai nước sẽ hợp tác. Lương Cườngs không phải là tên. Báo chí quốc tế gọi ông Tập Cận Bình là Xi Jinping. LƯƠNG CƯỜNG phát biểu. Ký hiệu x̃ ở cuối.'
printf '{"title":"Hội đàm","lang":"vi","text":"%s"}\n{"title":"Other","lang":"en","text":"Another story about Hanoi."}\n' \
	"$body" >"$tmp/a.jsonl"
expect 0 "$COPYDESK" import "$tmp/a.jsonl"
[ "$(q "SELECT body FROM article WHERE id = 1")" = "$body" ] || fail "fixture body not stored as given"

# The label set: the default news labels.
expect 0 "$COPYDESK" labels
[ "$(wc -l <"$tmp/out")" = 8 ] || fail "labels: $(cat "$tmp/out")"
grep -q '^PER	P	red	a person' "$tmp/out" || fail "labels PER line: $(cat "$tmp/out")"
expect 0 "$COPYDESK" labels --json
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/out'))")" = 8 ] || fail "labels --json"

# By offsets: printed as stored.
s=$(at 'Chủ tịch nước')
[ "$(q "SELECT status FROM article WHERE id = 1")" = new ] || fail "a new article is not new"
expect 0 "$COPYDESK" tag 1 "$s" $((s + 13)) TITLE
# The first edit puts a new article in progress.
[ "$(q "SELECT status FROM article WHERE id = 1")" = progress ] ||
	fail "tagged, the article is $(q "SELECT status FROM article WHERE id = 1")"
[ "$(cat "$tmp/out")" = "1	$s	$((s + 13))	TITLE	Chủ tịch nước" ] || fail "tag by offsets: $(cat "$tmp/out")"
# A combining mark never comes apart from its letter: the end widens.
x=$(at 'x̃')
expect 0 "$COPYDESK" tag 1 "$x" $((x + 1)) MISC
[ "$(cut -f2-5 "$tmp/out")" = "$x	$((x + 2))	MISC	x̃" ] || fail "grapheme widening: $(cat "$tmp/out")"
xspan=$(cut -f1 "$tmp/out")

# Labels are named ignoring case ("loc" was refused): stored as the set spells them.
h=$(at 'Hà Nội')
expect 0 "$COPYDESK" tag 1 --text 'Hà Nội' loc
[ "$(cut -f2-5 "$tmp/out")" = "$h	$((h + 6))	LOC	Hà Nội" ] || fail "tag loc: $(cat "$tmp/out")"
expect 0 "$COPYDESK" untag 1 "$(cut -f1 "$tmp/out")"

# By text: the first whole-word occurrence, linked to an entity.
a1=$(at 'Lương Cường')
expect 0 "$COPYDESK" tag 1 --text 'Lương Cường' PER --entity 'Lương Cường'
[ "$(cut -f2-5 "$tmp/out")" = "$a1	$((a1 + 11))	PER	Lương Cường" ] || fail "tag --text: $(cat "$tmp/out")"
# NFD from a terminal matches the NFC body; --all skips the tagged one and "Cườngs".
nfd=$(printf 'Lu\314\233o\314\233ng Cu\314\233o\314\233\314\200ng')
expect 0 "$COPYDESK" tag 1 --text "$nfd" PER --all --entity "$nfd"
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "--all tagged other than the second: $(cat "$tmp/out")"
a2=$(q "SELECT instr(substr(body, $a1 + 2), 'Lương Cường') + $a1 FROM article WHERE id = 1")
[ "$(cut -f2-5 "$tmp/out")" = "$a2	$((a2 + 11))	PER	Lương Cường" ] || fail "--all: $(cat "$tmp/out")"
[ "$(q "SELECT count(*) FROM span WHERE text LIKE '%Cườngs%'")" = 0 ] || fail "tagged inside a word"
# --fold finds the upper-case one too.
expect 0 "$COPYDESK" tag 1 --text 'luong cuong' PER --all --fold --entity 'Lương Cường'
[ "$(cut -f4,5 "$tmp/out")" = "PER	LƯƠNG CƯỜNG" ] || fail "--fold: $(cat "$tmp/out")"
# Everything already tagged: nothing to do, and so said.
expect 0 "$COPYDESK" tag 1 --text 'Lương Cường' PER --all
[ -s "$tmp/out" ] && fail "--all tagged again: $(cat "$tmp/out")"
grep -q 'already tagged' "$tmp/err" || fail "--all with nothing left: $(cat "$tmp/err")"
# Two names of one entity.
expect 0 "$COPYDESK" tag 1 --text 'Tập Cận Bình' PER --all --entity 'Tập Cận Bình'
[ "$(wc -l <"$tmp/out")" = 2 ] || fail "--all Tập Cận Bình: $(cat "$tmp/out")"
# One --all is one edit: one undo takes all its spans back, one redo brings them.
xis() { q "SELECT count(*) FROM span WHERE text = 'Tập Cận Bình' AND deleted_at IS NULL"; }
expect 0 "$COPYDESK" undo
[ "$(xis)" = 0 ] || fail "one undo left $(xis) spans of the --all"
expect 0 "$COPYDESK" redo
[ "$(xis)" = 2 ] || fail "one redo brought back $(xis) spans of the --all"
expect 0 "$COPYDESK" tag 1 --text 'Xi Jinping' PER --entity 'Tập Cận Bình'

expect 0 "$COPYDESK" entities
grep -q '	Lương Cường	-	3	' "$tmp/out" || fail "entities Lương Cường: $(cat "$tmp/out")"
xi=$(grep '	Tập Cận Bình	' "$tmp/out")
case $xi in *'	3	'*Xi\ Jinping*) ;; *) fail "entities Tập Cận Bình: $(cat "$tmp/out")" ;; esac
case $xi in *Tập\ Cận\ Bình\;*|*\;\ Tập\ Cận\ Bình) ;; *) fail "alias Tập Cận Bình: $xi" ;; esac
expect 0 "$COPYDESK" entities --json
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/out'))")" = 2 ] || fail "entities --json"

# spans --json: text is body[start:end] in code points, for every span.
expect 0 "$COPYDESK" spans 1 --json
cp "$tmp/out" "$tmp/spans.json"
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/spans.json'))")" = 8 ] ||
	fail "spans --json count: $(cat "$tmp/spans.json")"
bad=$(sqlite3 "$COPYDESK_DB" "SELECT count(*) FROM json_each(readfile('$tmp/spans.json')), article
	WHERE article.id = 1 AND json_extract(value, '\$.text') <>
	substr(body, json_extract(value, '\$.start') + 1,
	       json_extract(value, '\$.end') - json_extract(value, '\$.start'))")
[ "$bad" = 0 ] || fail "$bad spans whose text is not body[start:end]"
python3 - "$tmp/spans.json" "$body" <<'EOF' || fail "spans --json offsets (python)"
import json, sys
spans = json.load(open(sys.argv[1]))
body = sys.argv[2]
assert all(s["text"] == body[s["start"]:s["end"]] for s in spans), spans
assert all(s["author"] == "tester" for s in spans), spans
assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
EOF
expect 0 "$COPYDESK" spans 1
[ "$(wc -l <"$tmp/out")" = 8 ] || fail "spans: $(cat "$tmp/out")"
grep -q "^[0-9]*	$a1	$((a1 + 11))	PER	Lương Cường	Lương Cường	tester$" "$tmp/out" ||
	fail "spans line: $(cat "$tmp/out")"
expect 0 "$COPYDESK" spans 2
[ -s "$tmp/out" ] && fail "article 2 has spans: $(cat "$tmp/out")"

# Refusals: exit status, the reason, and not a byte changed.
n=$(q "SELECT length(body) FROM article WHERE id = 1")
refused 65 'not before end' "$COPYDESK" tag 1 5 5 PER
refused 65 'not before end' "$COPYDESK" tag 1 9 4 PER
refused 65 'past the end' "$COPYDESK" tag 1 5 $((n + 1)) PER --entity Nobody
refused 65 'negative' "$COPYDESK" tag 1 -3 4 PER
refused 64 'not an offset' "$COPYDESK" tag 1 five 9 PER
refused 1 'unknown label NOPE' "$COPYDESK" tag 1 0 3 NOPE --entity Nobody
refused 1 'no article 99' "$COPYDESK" tag 99 0 3 PER
refused 1 'no article 99' "$COPYDESK" tag 99 --text 'Hà Nội' LOC
refused 1 'not found' "$COPYDESK" tag 1 --text 'Đà Nẵng' LOC --entity 'Đà Nẵng'
refused 1 'not found' "$COPYDESK" tag 1 --text 'Cườn' PER
refused 1 'already tags' "$COPYDESK" tag 1 "$a1" $((a1 + 11)) PER --entity Nobody
refused 64 'with --text' "$COPYDESK" tag 1 0 3 PER --all
refused 1 'no article 99' "$COPYDESK" spans 99
refused 1 'no span 999' "$COPYDESK" untag 1 999
refused 1 'not in article 2' "$COPYDESK" untag 2 "$xspan"
refused 64 'not a span id' "$COPYDESK" untag 1 x

# untag, then undo and redo it.
expect 0 "$COPYDESK" untag 1 "$xspan"
[ "$(nspans)" = 7 ] || fail "untag: $(nspans) spans"
expect 0 "$COPYDESK" spans 1
grep -q "^$xspan	" "$tmp/out" && fail "untagged span still listed"
expect 0 "$COPYDESK" undo
# In an editor's words: what was undone, and where (not "undone (article 1)").
grep -q '^Undone: the untagging in article 1$' "$tmp/out" || fail "undo says: $(cat "$tmp/out")"
expect 0 "$COPYDESK" spans 1
grep -q "^$xspan	$x	$((x + 2))	MISC	x̃	" "$tmp/out" || fail "undo did not bring the span back"
expect 0 "$COPYDESK" redo
grep -q '^Redone: the untagging in article 1$' "$tmp/out" || fail "redo says: $(cat "$tmp/out")"
[ "$(nspans)" = 7 ] || fail "redo: $(nspans) spans"
refused 1 'nothing to redo' "$COPYDESK" redo
refused 1 "nothing to undo" env COPYDESK_EDITOR=someone "$COPYDESK" undo
# A status set is undone the same way.
expect 0 "$COPYDESK" status 1 done
expect 0 "$COPYDESK" undo
[ "$(q "SELECT status FROM article WHERE id = 1")" = progress ] || fail "undo status (back to in progress, where the tags put it)"

# Entities: rename with an external id, merge.
lc=$(q "SELECT id FROM entity WHERE name = 'Lương Cường'")
expect 0 "$COPYDESK" entity rename "$lc" 'Lương Cường (Chủ tịch nước)' --external Q1234
expect 0 "$COPYDESK" entities
grep -q "^$lc	Lương Cường (Chủ tịch nước)	Q1234	3	" "$tmp/out" || fail "rename: $(cat "$tmp/out")"
expect 0 "$COPYDESK" undo
[ "$(q "SELECT name FROM entity WHERE id = $lc")" = 'Lương Cường' ] || fail "undo rename"
xj=$(q "SELECT id FROM entity WHERE name = 'Tập Cận Bình'")
refused 1 '' "$COPYDESK" entity merge "$lc" 999
refused 64 'entity id' "$COPYDESK" entity merge "$lc" x
expect 0 "$COPYDESK" entity merge "$lc" "$xj"
expect 0 "$COPYDESK" entities
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "merge left: $(cat "$tmp/out")"
grep -q "	6	" "$tmp/out" || fail "merged mentions: $(cat "$tmp/out")"

# Label files: extend, refuse a bad file, refuse dropping a used label.
cat >"$tmp/extra.json" <<'EOF'
{"name": "extra", "labels": [
 {"name": "PRODUCT", "key": "R", "color": "cyan", "description": "a product: iPhone"}]}
EOF
expect 0 "$COPYDESK" labels import "$tmp/extra.json"
expect 0 "$COPYDESK" labels
[ "$(wc -l <"$tmp/out")" = 9 ] || fail "labels after import: $(cat "$tmp/out")"
grep -q '^PRODUCT	R	cyan	a product: iPhone$' "$tmp/out" || fail "imported label: $(cat "$tmp/out")"
printf '{"labels": [{"name": "X", "key": }]}' >"$tmp/broken.json"
refused 65 'broken.json' "$COPYDESK" labels import "$tmp/broken.json"
refused 66 'missing.json' "$COPYDESK" labels import "$tmp/missing.json"
refused 1 'PER' "$COPYDESK" labels import --replace "$tmp/extra.json"
refused 64 'label file' "$COPYDESK" labels import
# --replace with every used label kept: the set becomes the file's.
q "SELECT DISTINCT label FROM span" >"$tmp/used"  # deleted spans keep theirs for undo
{
	printf '{"labels": ['
	k=0
	for l in $(cat "$tmp/used"); do
		[ $k -gt 0 ] && printf ','
		printf '{"name": "%s", "key": "%s", "color": "red"}' "$l" "$k"
		k=$((k + 1))
	done
	printf ']}\n'
} >"$tmp/used.json"
expect 0 "$COPYDESK" labels import --replace "$tmp/used.json"
expect 0 "$COPYDESK" labels
[ "$(wc -l <"$tmp/out")" = "$(wc -l <"$tmp/used")" ] || fail "--replace: $(cat "$tmp/out")"

[ $fails = 0 ] && echo "all tagging checks passed"
exit $fails
