#!/bin/sh
# Hostile text in every field, on every output: a table of fields (what an
# editor types, what a file brings, what another program left in the store)
# each filled with the same payload -- an OSC title change, SGR and clear
# screen CSI, C1 controls (NEL, 8-bit CSI as UTF-8, and a raw 0x9B byte where
# bytes can carry it: file names, the store), bidi overrides and isolates,
# BEL, BS and CR -- then every output: the CLI on a terminal (its raw bytes
# through script(1)) and to a pipe, --json, every format of the export table,
# a release with its dataset card, and the interface's screens (its raw
# bytes through script(1) in tmux).  hostile_check.py reads the bytes: no
# payload ever appears raw (JSON carries them as \u escapes), and each output
# shows the data (escaped), so that none passes by showing nothing.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
command -v script >/dev/null || { echo "FAIL: script(1) is needed"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 is needed"; exit 1; }
export COPYDESK_DB="$tmp/cd.db"
# chk MODE MARKER FILE: a file for hostile_check.py, which reads them all at the end.
chk() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$tmp/checks"; }
q() { sqlite3 "$COPYDESK_DB" "$1"; }
out=$tmp/out
# HOSTILE_KEEP=DIR keeps what was written, to look at.
[ -n "${HOSTILE_KEEP:-}" ] && trap 'cp -r "$tmp" "$HOSTILE_KEEP"; lib_cleanup' EXIT
mkdir -p "$out"

# The payload: TAG, then every kind of control, each followed by a marker.
# P has no CR (one line: a title, a name); PB has it too (a body, a note).
p() { printf '%s\033]0;PWNED\007\033[31mRED\033[2JCLR\302\205NEL\302\233C1\342\200\256RLO\342\200\252LRE\342\201\246LRI\342\201\251PDI\007BEL\010BS' "$1"; }
pb() { printf '%s\rCR' "$(p "$1")"; }
# The same in SQL (for the store) and JSON (for files).
sqlp() { printf "'%s' || char(27) || ']0;PWNED' || char(7) || char(27) || '[31mRED' || char(27) || '[2JCLR' || char(133) || 'NEL' || char(155) || 'C1' || char(8238) || 'RLO' || char(8234) || 'LRE' || char(8294) || 'LRI' || char(8297) || 'PDI' || char(7) || 'BEL' || char(8) || 'BS' || char(13) || 'CR'" "$1"; }
jp() { printf '%s\\u001b]0;PWNED\\u0007\\u001b[31mRED\\u001b[2JCLR\\u0085NEL\\u009bC1\\u202eRLO\\u202aLRE\\u2066LRI\\u2069PDI\\u0007BEL\\u0008BS\\rCR' "$1"; }

# -- Fields ---------------------------------------------------------------
# An article file: its name (raw 0x9B too), title and body.
fname="$tmp/$(p file)$(printf '\233')raw.txt"
{
	p title
	printf '\n\nÔng Nguyễn Văn An nói 38%% dân số hài lòng năm 2024. '
	pb body
	printf ' Trời đẹp.\n'
} >"$fname"
# A label file and a verdict file with hostile descriptions and labels.
cat >"$tmp/labels.json" <<EOF
{"name": "hostile", "description": "$(jp labelset)",
 "labels": [{"name": "PER", "key": "P", "color": "red", "description": "$(jp labeldesc)"},
            {"name": "ORG", "key": "O", "color": "blue", "description": "$(jp orgdesc)"}]}
EOF
cat >"$tmp/verdicts.json" <<EOF
{"name": "hostile", "description": "$(jp scale)",
 "verdicts": [{"name": "true", "label": "$(jp vlabel)", "key": "t", "color": "green",
   "rating": 5, "rating_name": "$(jp vrating)", "fever": "SUPPORTS", "description": "$(jp vdesc)"}]}
EOF
# A JSON Lines article (title, text, url) and a doccano file (span labels).
printf '{"title":"%s","text":"Second %s article: Ông Lương Cường nói 61%% GDP năm 2025.","url":"%s","lang":"vi"}\n' \
	"$(jp jtitle)" "$(jp jbody)" "$(jp jurl)" >"$tmp/hostile.jsonl"
printf '{"text":"Third: %s Hà Nội.","label":[[0,5,"PER"]],"title":"%s"}\n' "$(jp dbody)" "$(jp dtitle)" \
	>"$tmp/doccano.jsonl"

"$COPYDESK" labels import "$tmp/labels.json" >"$out/labels-import.pipe" 2>&1 || fail "labels import: $(cat -v "$out/labels-import.pipe")"
"$COPYDESK" verdicts import "$tmp/verdicts.json" >"$out/verdicts-import.pipe" 2>&1 ||
	fail "verdicts import: $(cat -v "$out/verdicts-import.pipe")"
"$COPYDESK" import "$fname" "$tmp/hostile.jsonl" >"$out/import.pipe" 2>&1 || fail "import: $(cat -v "$out/import.pipe")"
"$COPYDESK" import --format doccano "$tmp/doccano.jsonl" >"$out/import-doccano.pipe" 2>&1 ||
	fail "import doccano: $(cat -v "$out/import-doccano.pipe")"
[ "$(q 'SELECT count(*) FROM article')" = 3 ] || fail "the three articles were not imported"
# What an editor types is refused when it holds a control (the refusal
# names the value escaped: checked below); the fields are filled with good
# values here and made hostile in the store after.
sid=$("$COPYDESK" tag 1 4 19 PER --entity An | cut -f1) || fail "tag"
"$COPYDESK" entity rename 1 An --external Q1 >/dev/null 2>&1 || fail "entity rename"
# A gold layer settled by the chief (who made the database) from that span.
"$COPYDESK" gold 1 --add "$sid" >/dev/null 2>&1 || fail "gold"
"$COPYDESK" claim 1 --sentence 30 --verdict true --source "https://example.org/" \
	--quote quote --note note >/dev/null 2>&1 || fail "claim"
COPYDESK_EDITOR=bob "$COPYDESK" dispute 1 --reason reason >/dev/null 2>&1 || fail "dispute"
"$COPYDESK" claim 2 0 30 --verdict true >/dev/null 2>&1 || fail "claim 2"
"$COPYDESK" tag 2 38 51 PER >/dev/null || fail "tag 2"
for k in org.name dataset.name dataset.description; do
	"$COPYDESK" config $k "$k" >/dev/null 2>&1 || fail "config $k"
done
"$COPYDESK" config org.url https://example.org/ >/dev/null 2>&1 || fail "config org.url"
# What another program (or an older copydesk) left in the store: every
# field an editor fills, and every editor's name.
q "UPDATE entity SET name = $(sqlp entity), external_id = $(sqlp qid), updated_by = $(sqlp entityeditor)"
q "UPDATE research SET note = $(sqlp note), review_reason = $(sqlp reason),
   proposed_by = $(sqlp proposer), reviewed_by = $(sqlp reviewer)"
q "UPDATE evidence SET source = 'https://example.org/' || $(sqlp source), quote = $(sqlp quote),
   added_by = $(sqlp adder)"
q "UPDATE config SET value = value || $(sqlp config), updated_by = $(sqlp configeditor)"
q "UPDATE span SET author = $(sqlp spanauthor), updated_by = $(sqlp spanauthor)"
q "UPDATE article SET imported_by = $(sqlp importer), updated_by = $(sqlp importer)"
q "UPDATE claim SET author = $(sqlp claimauthor)"
# A second editor's layer (agreement, adjudication), the gold layer's names, a user.
q "INSERT INTO span (article_id, start, \"end\", label, text, author, created_at, updated_by,
   updated_at) SELECT 1, 4, 10, 'PER', substr(body, 5, 6), $(sqlp layerb), 'now', 'x', 'now'
   FROM article WHERE id = 1"
q "UPDATE gold_span SET author = $(sqlp goldauthor), settled_by = $(sqlp goldeditor)"
q "UPDATE gold_article SET settled_by = $(sqlp goldeditor)"
q "INSERT INTO users (name, role, how, added_by, added_at) VALUES ($(sqlp userx), 'editor',
   'added', $(sqlp useradder), 'now')"
q "UPDATE edit_log SET editor = $(sqlp logeditor)"

# -- Outputs: the CLI -----------------------------------------------------
# run NAME MARKER CMD...: on a terminal (raw bytes through script(1)), to a
# pipe, and, where the command has it, with --json; all three checked.
tty() {
	name=$1; shift
	: >"$tmp/cmd.sh"
	for a in "$@"; do printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" >>"$tmp/cmd.sh"; done
	script -qec "sh $tmp/cmd.sh" /dev/null >"$out/$name.tty" 2>&1 </dev/null || :
}
run() {
	name=$1 marker=$2; shift 2
	tty "$name" "$@"
	"$@" >"$out/$name.pipe" 2>&1 </dev/null || :
	chk tty "$marker" "$out/$name.tty"
	chk plain "$marker" "$out/$name.pipe"
}
json() {
	name=$1 marker=$2; shift 2
	"$@" --json >"$out/$name.json" 2>&1 </dev/null || :
	chk plain "$marker" "$out/$name.json"
}
for f in import import-doccano; do chk plain PWNED "$out/$f.pipe"; done
for f in labels-import verdicts-import; do chk plain - "$out/$f.pipe"; done
#            name          marker        command
for row in \
	"list         PWNED         list" \
	"show1        PWNED         show 1" \
	"show2        PWNED         show 2" \
	"show3        PWNED         show 3" \
	"spans        spanauthor    spans 1" \
	"entities     qid           entities" \
	"labels       labeldesc     labels" \
	"verdicts     vlabel        verdicts" \
	"config       org           config" \
	"claims       PWNED         claims" \
	"claim-show   reason        claim-show 1" \
	"candidates   CR.article    candidates 2" \
	"stats        spanauthor    stats" \
	"search       PWNED         search PWNED" \
	"help         -             help" \
	"users        userx         users" \
	"agreement    layerb        agreement" \
	"gold-diff    layerb        gold 1 --diff" \
	"gold         goldeditor    gold 1" \
	; do
	# shellcheck disable=SC2086
	set -- $row
	name=$1 marker=$(echo "$2" | tr . ' '); shift 2
	run "$name" "$marker" "$COPYDESK" "$@"
	case $name in
	show*|spans|entities|labels|verdicts|config|claims|claim-show|candidates|stats|search|list|\
	users|agreement|gold*)
		json "$name" "$marker" "$COPYDESK" "$@" ;;
	esac
done
# Messages that name what the store or the command line holds, and the
# refusals of hostile values typed on the command line.
run undo PWNED "$COPYDESK" undo
run bad-entity "control character" "$COPYDESK" tag 1 0 3 PER --entity "$(p entity)"
run bad-note "control character" "$COPYDESK" note 1 "$(pb note)"
run bad-source "control character" "$COPYDESK" evidence 1 --source "$(p source)" --quote q
run bad-reason "control character" "$COPYDESK" dispute 2 --reason "$(pb reason)"
run bad-config "control character" "$COPYDESK" config org.name "$(p org)"
run bad-label PWNED "$COPYDESK" tag 1 0 3 "$(p badlabel)"
run bad-verdict PWNED "$COPYDESK" verdict 1 "$(p badverdict)"
run bad-file PWNED "$COPYDESK" import "$tmp/nope$(p missing)"

# -- Outputs: every export format, a release and its card -----------------
for f in jsonl doccano conll csv claimreview fever; do
	"$COPYDESK" export --format $f --output "$out/export.$f" >"$out/export-$f.pipe" 2>&1 ||
		fail "export $f: $(cat -v "$out/export-$f.pipe")"
done
for f in jsonl doccano fever; do chk plain PWNED "$out/export.$f"; done
"$COPYDESK" export --format jsonl --layer gold --output "$out/export-gold.jsonl" \
	>"$out/export-gold.pipe" 2>&1 || fail "export --layer gold: $(cat -v "$out/export-gold.pipe")"
chk plain PWNED "$out/export-gold.jsonl"
chk plain - "$out/export.claimreview"
chk tty PWNED "$out/export.csv" # CRLF is RFC 4180's
"$COPYDESK" export --format brat --output "$out/brat" >"$out/export-brat.pipe" 2>&1 ||
	fail "export brat: $(cat -v "$out/export-brat.pipe")"
"$COPYDESK" release "$out/release" --formats jsonl,doccano,conll,brat,csv,claimreview,fever \
	--split 100/0/0 >"$out/release.pipe" 2>&1 || fail "release: $(cat -v "$out/release.pipe")"
chk plain PWNED "$out/release/README.md" # the dataset card
find "$out/brat" "$out/release" -type f ! -name '*.csv' ! -name '*.txt' ! -name '*.conll' \
	! -name '*.ann' >"$tmp/files"
[ "$(wc -l <"$tmp/files")" -ge 10 ] || fail "the release has too few files: $(cat "$tmp/files")"
while read -r f; do chk plain - "$f"; done <"$tmp/files"
for f in "$out"/release/*.csv; do chk tty - "$f"; done
# brat's .ann and .txt and CoNLL's tokens: no escapes in these formats, so
# each control is U+FFFD (one for one: offsets hold).
for f in $(find "$out/brat" "$out/release" -name '*.ann' -o -name '*.txt'); do chk plain - "$f"; done
grep -aq 'PWNED' "$out"/brat/*.ann || fail "brat's .ann files do not show the data"
grep -aq 'PWNED' "$out"/brat/*.txt || fail "brat's .txt files do not show the text"
chk plain - "$out/export.conll"
grep -aq 'PWNED' "$out/export.conll" || fail "CoNLL does not show the text"

# -- Outputs: the interface -----------------------------------------------
ts=$tmp/typescript
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
script -qfec '"$COPYDESK" --db "$COPYDESK_DB"' "$ts"
echo "EXIT=\$?" >"$tmp/exit"
EOF
start "sh $tmp/run.sh" 120 30
title0=$(T display -p -t t '#{pane_title}')
wait_for "Articles 1/3"
keys Enter # the reader: title, body, spans, claims
wait_for "CLR"
keys s # the spans screen
wait_for "Spans 1/"
keys q
keys '>' i # the claim's detail
wait_for "History (UTC)"
keys q
keys C # the claims screen
wait_for "Claims 1/"
keys q
keys @ # the entities screen
wait_for "Entities 1/"
keys q q
wait_for "Articles 1/3"
keys : s t a t s Enter # the statistics
wait_for "Spans per label"
keys G
sleep 0.3
keys q
keys / # a search with its snippets
keys -l "PWNED"
keys Enter
sleep 0.5
keys q
keys '?' # help (the labels and verdicts it names)
wait_for "Help"
keys G
sleep 0.3
keys q
keys q
wait_file "$tmp/exit"
[ "$(T display -p -t t '#{pane_title}')" = "$title0" ] ||
	fail "the data set the terminal's title: $(T display -p -t t '#{pane_title}')"
chk tui PWNED "$ts"
python3 "$SRCDIR/tests/e2e/hostile_check.py" "$tmp/checks" || fail "raw controls in the outputs above"

finish
