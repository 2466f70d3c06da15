#!/bin/sh
# brat through the command line: `copydesk import --format brat` pairs each
# .txt with its .ann (a .txt alone imports without spans, an .ann alone is
# refused), reports what it cannot keep as notes with the .ann's line, and
# refuses a bad .ann with its file, line and reason, storing nothing of it;
# `copydesk labels import annotation.conf` loads a brat project's types with
# its kb_shortcuts.conf keys.  With ../shared/datasets, every brat sample
# imports.  (Export goes through `copydesk export --format brat`, the
# driver's; test_brat checks the writer and brat's parser loads its files.)
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=tester
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
q() { sqlite3 "$COPYDESK_DB" "$1"; }

mkdir "$tmp/p"
printf 'Tập Cận Bình đến Hà Nội.\r\nCitibank moved money.\r\n' >"$tmp/p/a.txt"
# Offsets as brat counts them: a CR LF is one character.
printf 'T1\tPER 0 12\tTập Cận Bình\nT2\tLOC 17 23\tHà Nội\nR1\tIn Arg1:T1 Arg2:T2\t\nT3\tORG 25 33\tCitibank\n' >"$tmp/p/a.ann"
printf 'No annotations here.\n' >"$tmp/p/b.txt"
printf 'T1\tPER 0 2\tNo\n' >"$tmp/p/orphan.ann"
printf 'Hello world\n' >"$tmp/p/c.txt"
printf 'T1\tPER 0 5\tHello\nT2\tPER 6 11\tWorld\n' >"$tmp/p/c.ann"
printf '[entities]\nPER\nLOC\nORG\n' >"$tmp/p/annotation.conf"

"$COPYDESK" import --format brat "$tmp/p" >"$tmp/out" 2>"$tmp/err"
[ $? -ne 0 ] || fail "a refused file did not fail the import"
grep -q "added 1	$tmp/p/a.ann	a" "$tmp/out" || fail "a not added: $(cat "$tmp/out")"
grep -q "added 2	$tmp/p/b.txt	b" "$tmp/out" || fail "b.txt (no .ann) not added: $(cat "$tmp/out")"
[ "$(q "SELECT source FROM article WHERE id = 1")" = "$tmp/p/a.txt" ] || fail "the source is not the .txt"
grep -q "note: $tmp/p/a.ann:3: 1 relations (R lines) not kept" "$tmp/err" ||
	fail "no note for R1: $(cat "$tmp/err")"
grep -q "refused $tmp/p/c.ann:2:1: T2: its text does not match" "$tmp/err" ||
	fail "c.ann not refused at line 2: $(cat "$tmp/err")"
grep -q "refused $tmp/p/orphan.ann: no .txt beside it" "$tmp/err" ||
	fail "orphan.ann not refused: $(cat "$tmp/err")"
[ "$(q "SELECT count(*) FROM article")" = 2 ] || fail "not 2 articles"
[ "$(q "SELECT title FROM article WHERE id = 1")" = a ] || fail "the title is not the name"
[ "$(q "SELECT body FROM article WHERE id = 1" | head -1)" = "Tập Cận Bình đến Hà Nội." ] ||
	fail "the body is not the .txt's"
# The spans at the body's offsets.
[ "$(q "SELECT group_concat(label || start || '-' || \"end\", ' ') FROM
        (SELECT * FROM span WHERE article_id = 1 ORDER BY start)")" = "PER0-12 LOC17-23 ORG25-33" ] ||
	fail "spans: $(q "SELECT label, start, \"end\" FROM span")"

# A label the database does not have refuses the document, with its line, as in every format.
mkdir "$tmp/u"
printf 'Hà Nội mưa.\n' >"$tmp/u/u.txt"
printf 'T1\tLOC 0 6\tHà Nội\nT2\tNOPE 7 10\tmưa\n' >"$tmp/u/u.ann"
"$COPYDESK" import --format brat "$tmp/u" >"$tmp/out" 2>"$tmp/err" && fail "u.ann imported"
grep -q "refused $tmp/u/u.ann:2:.*NOPE" "$tmp/err" || fail "unknown label: $(cat "$tmp/err")"
[ "$(q "SELECT count(*) FROM article WHERE body LIKE 'Hà Nội mưa%'")" = 0 ] ||
	fail "the refused document was stored"

# One .ann named on its own: its .txt with it.
"$COPYDESK" import --format brat "$tmp/p/c.ann" >"$tmp/out" 2>"$tmp/err" && fail "c.ann imported"
grep -q "c.ann:2:1" "$tmp/err" || fail "c.ann: $(cat "$tmp/err")"

# Standard input cannot hold a pair.
"$COPYDESK" import --format brat - <"$tmp/p/a.txt" >"$tmp/out" 2>"$tmp/err" && fail "stdin imported"
grep -q "a brat document is a .txt and its .ann" "$tmp/err" || fail "stdin: $(cat "$tmp/err")"

# Labels from annotation.conf, keys from kb_shortcuts.conf beside it, on a
# database whose labels no span uses yet (the imports above tagged with them).
mkdir "$tmp/conf"
export COPYDESK_DB="$tmp/conf.db"
printf 'Một bài.\n' >"$tmp/conf/one.txt"
"$COPYDESK" import "$tmp/conf/one.txt" >/dev/null 2>&1 || fail "import one.txt"
printf '# types\n[entities]\n!Thing\n\tDrug\n\tDisorder\n[relations]\n[events]\nTreat\n[attributes]\n' \
	>"$tmp/conf/annotation.conf"
printf 'Q\tDrug\n' >"$tmp/conf/kb_shortcuts.conf"
"$COPYDESK" labels import --replace "$tmp/conf/annotation.conf" >"$tmp/out" 2>"$tmp/err" ||
	fail "labels import of annotation.conf: $(cat "$tmp/err")"
[ "$(q "SELECT group_concat(name || '=' || key, ' ') FROM (SELECT * FROM label ORDER BY ord)")" = \
	"Drug=Q Disorder=D Treat=T" ] || fail "labels: $(q "SELECT name, key FROM label")"
printf '[entities]\nTyp\xc3\xa9\n' >"$tmp/conf/bad.conf"
"$COPYDESK" labels import "$tmp/conf/bad.conf" >"$tmp/out" 2>"$tmp/err" && fail "bad.conf loaded"
grep -q "bad.conf:2: type" "$tmp/err" || fail "bad.conf: $(cat "$tmp/err")"

# Export through the CLI: a span, an entity link, a claim across a line break with its
# verdict, evidence and note; brat's parser loads it; importing it back gives the text.
export COPYDESK_DB="$tmp/ex.db"
printf 'Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.\nGDP grew\nby 8%% in 2025, he said.\n' >"$tmp/ex.txt"
"$COPYDESK" import "$tmp/ex.txt" >/dev/null 2>&1 || fail "import ex.txt"
"$COPYDESK" tag 1 14 25 PER --entity "Lương Cường" >/dev/null 2>&1 || fail "tag"
"$COPYDESK" tag 1 47 53 LOC >/dev/null 2>&1 || fail "tag LOC"
"$COPYDESK" claim 1 55 77 --verdict mostly-true --source "https://gso.gov.vn/x|y" \
	--quote "GDP	rose" --note "checked
with GSO" >/dev/null 2>&1 || fail "claim"
"$COPYDESK" export --format brat --output "$tmp/exdir" >/dev/null 2>"$tmp/err" ||
	fail "export: $(cat "$tmp/err")"
[ "$(cat "$tmp/exdir/1.txt")" = "$(cat "$tmp/ex.txt")" ] || fail "1.txt is not the text"
printf 'T1\tPER 14 25\tLương Cường\nT2\tLOC 47 53\tHà Nội\nN1\tReference T1 copydesk:1\tLương Cường\nT3\tClaim 55 63;64 77\tGDP grew by 8%% in 2025\nA1\tVerdict T3 mostly-true\nA2\tStatus T3 proposed\n#1\tAnnotatorNotes T3\tchecked\\nwith GSO\n' >"$tmp/want"
head -7 "$tmp/exdir/1.ann" | cmp -s - "$tmp/want" || fail "1.ann: $(cat "$tmp/exdir/1.ann")"
grep -q '^#2	AnnotatorNotes T3	Evidence: https://gso.gov.vn/x\\|y | GDP\\trose | ' "$tmp/exdir/1.ann" ||
	fail "evidence: $(cat "$tmp/exdir/1.ann")"
grep -q '^Verdict	Arg:Claim, Value:true|mostly-true' "$tmp/exdir/annotation.conf" ||
	fail "annotation.conf: $(cat "$tmp/exdir/annotation.conf")"
grep -q '^PER	fgColor:black, bgColor:#ff5f5f' "$tmp/exdir/visual.conf" || fail "visual.conf"
if command -v python3 >/dev/null 2>&1 && [ -f "$SRCDIR/tests/tools/brat/annotation.py" ]; then
	python3 "$SRCDIR/tests/tools/brat/brat_check.py" "$tmp/exdir" >"$tmp/err" 2>&1 ||
		fail "brat's parser: $(cat "$tmp/err")"
fi
export COPYDESK_DB="$tmp/back.db"
"$COPYDESK" import --format brat "$tmp/exdir" >/dev/null 2>"$tmp/err" || fail "import back: $(cat "$tmp/err")"
"$COPYDESK" export --format brat --output "$tmp/again" >/dev/null 2>&1 || fail "export again"
cmp -s "$tmp/exdir/1.txt" "$tmp/again/1.txt" || fail "the text changed on the way back"
if [ "$(q "SELECT count(*) FROM span" 2>/dev/null)" = 2 ]; then
	grep '^T' "$tmp/again/1.ann" >"$tmp/again.T"
	grep '^T' "$tmp/exdir/1.ann" | cmp -s - "$tmp/again.T" || fail "T lines changed on the way back"
fi

# The shared samples, when they are there.
ds=${COPYDESK_DATASETS:-$SRCDIR/../shared/datasets}/brat
if [ -d "$ds" ]; then
	# Each into a database of its own with the project's types as labels
	# (its annotation.conf, else the types its .ann files use): an unknown
	# label refuses a document.
	for d in tutorials_news CoNLL-ST_2002_esp keepha_ja; do
		export COPYDESK_DB="$tmp/ds-$d.db"
		conf=$ds/$d/annotation.conf
		if [ ! -f "$conf" ]; then
			conf=$tmp/$d.conf
			{ echo '[entities]'; cat "$ds/$d"/*.ann | awk -F '\t' '$1 ~ /^T/ { split($2, a, " "); print a[1] }' | sort -u; } >"$conf"
		fi
		printf 'x\n' >"$tmp/one.txt"
		"$COPYDESK" import "$tmp/one.txt" >/dev/null 2>&1 || fail "$d: a database"
		"$COPYDESK" labels import "$conf" >"$tmp/out" 2>"$tmp/err" || fail "$d: labels: $(cat "$tmp/err")"
		"$COPYDESK" import --format brat "$ds/$d" >"$tmp/out" 2>"$tmp/err" ||
			fail "$d: $(cat "$tmp/err")"
	done
	grep -q "JP0217-100.ann:87: T48: a discontinuous span" "$tmp/err" ||
		fail "no note for KEEPHA-Ja's T48: $(cat "$tmp/err")"
fi
[ "$fails" = 0 ] || exit 1
echo "ok"
