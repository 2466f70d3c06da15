#!/bin/sh
# copydesk release from the command line, through the real formats: the
# files of each split, the MANIFEST checked by sha256sum, the card's front
# matter, two releases byte for byte the same, a directory that is not
# empty refused (and replaced with --force), bad options refused, no
# temporary left beside.  Skipped (77) while the jsonl or conll writer is
# missing.
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

i=0
for t in 'Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.' \
	'Exports rose 12% in 2024, the most ever.' 'Thủ tướng đến Đà Nẵng chiều nay.' \
	'Reuters reported that Hanoi had 8 million people.' 'Giá vàng hôm nay tăng mạnh.' \
	'The Mekong delta floods every year.'; do
	i=$((i + 1))
	printf '%s\n' "$t" >"$tmp/a$i.txt"
done
expect 0 "$COPYDESK" import "$tmp"/a1.txt "$tmp"/a2.txt "$tmp"/a3.txt "$tmp"/a4.txt "$tmp"/a5.txt "$tmp"/a6.txt
for f in jsonl conll; do
	if ! "$COPYDESK" export --format $f >/dev/null 2>&1; then
		echo "SKIP: copydesk export --format $f does not work yet"
		exit 77
	fi
done
expect 0 "$COPYDESK" tag 1 --text "Lương Cường" PER
expect 0 "$COPYDESK" tag 1 --text "Hà Nội" LOC
expect 0 "$COPYDESK" claim 2 --sentence 0 --verdict false
expect 0 "$COPYDESK" config license CC-BY-4.0

expect 0 "$COPYDESK" release "$tmp/rel" --split 50/25/25 --seed 7
for f in README.md MANIFEST train.jsonl dev.jsonl test.jsonl train.conll dev.conll test.conll; do
	[ -f "$tmp/rel/$f" ] || fail "no $f in the release"
done
[ "$(ls -A "$tmp" | grep -c release)" = 0 ] || fail "a temporary is left: $(ls -A "$tmp")"
(cd "$tmp/rel" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum -c --quiet) || fail "MANIFEST's sums"
[ "$(grep -cE '^[0-9a-f]{64}  ' "$tmp/rel/MANIFEST")" = 7 ] || fail "MANIFEST lists $(grep -cE '^[0-9a-f]{64}  ' "$tmp/rel/MANIFEST") files, not 7"
n=$(cat "$tmp"/rel/*.jsonl | grep -c .)
[ "$n" = 6 ] || fail "the splits' JSON Lines hold $n articles, not 6"
tok=$(grep -vE '^(-DOCSTART-|$)' "$tmp"/rel/*.conll | wc -l)
python3 - "$tmp/rel" "$tok" <<'PY' || fail "card or MANIFEST: $(cat "$tmp/rel/README.md")"
import re, sys
d, tok = sys.argv[1], int(sys.argv[2])
card = open(d + "/README.md", encoding="utf-8").read()
front = card.split("---\n")[1]
assert "license: cc-by-4.0\n" in front and "- vi\n- en\n" in front, front
assert "- token-classification\n- text-classification\n" in front, front
man = open(d + "/MANIFEST").read()
m = re.search(r"^tokens: train (\d+), dev (\d+), test (\d+)$", man, re.M)
assert m and sum(map(int, m.groups())) == tok, (man, tok)
assert "seed: 7\n" in man and "split: 50/25/25" in man, man
PY
expect 0 "$COPYDESK" release "$tmp/rel2" --split 50/25/25 --seed 7
diff -r "$tmp/rel" "$tmp/rel2" >/dev/null || fail "two releases differ"
expect 1 "$COPYDESK" release "$tmp/rel" --split 50/25/25 --seed 7
grep -q 'not empty' "$tmp/err" || fail "no refusal: $(cat "$tmp/err")"
expect 0 "$COPYDESK" release "$tmp/rel" --force --formats jsonl
[ -f "$tmp/rel/train.conll" ] && fail "--force left the old release's files"
expect 64 "$COPYDESK" release "$tmp/rel3" --split 80/10/20
expect 64 "$COPYDESK" release "$tmp/rel3" --formats jsonl,text
expect 64 "$COPYDESK" release "$tmp/rel3" --format jsonl
[ -e "$tmp/rel3" ] && fail "a refused release made its directory"

[ "$fails" -eq 0 ] || exit 1
echo "all test_release_cli checks passed"
