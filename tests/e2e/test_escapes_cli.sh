#!/bin/sh
# Nothing but escapes of what the store or the command line holds reaches a
# terminal from the command line: editor names (a span's author, a claim's
# makers and reviewers, evidence's adder, an undo refusal), file names in
# import messages, entity names and external ids, notes, sources, quotes and
# reasons are written escaped (ESC as ^[, C1 and bidi controls as <U+XXXX>),
# on a terminal (recorded raw through script(1)) and to a pipe; --json
# writes C1 and bidi controls as \uXXXX.
set -u
: "${COPYDESK:?}"
command -v script >/dev/null || { echo "FAIL: script(1) is needed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=tester
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
q() { sqlite3 "$COPYDESK_DB" "$1"; }
# An editor name that writes "pwned" to the clipboard (OSC 52), and others.
osc=$(printf '\033]52;c;cHduZWQ=\007')
c1=$(printf '\302\2332J')
rlo=$(printf '\342\200\256')
# tty NAME CMD...: run CMD on a terminal, its raw bytes (stdout and stderr) in $tmp/NAME.tty
tty() {
	name=$1; shift
	: >"$tmp/cmd.sh"
	for a in "$@"; do printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" >>"$tmp/cmd.sh"; done
	script -qec "sh $tmp/cmd.sh" /dev/null >"$tmp/$name.tty" 2>&1 </dev/null
}
# pipe NAME CMD...: the same to a pipe, in $tmp/NAME.pipe
pipe() { name=$1; shift; "$@" >"$tmp/$name.pipe" 2>&1 </dev/null; }
# clean FILE: none of the raw sequences in FILE
clean() {
	for s in '\033' '\302\233' '\342\200\256' '\177'; do
		grep -aq "$(printf "$s")" "$1" && fail "$1: the raw $s reached the output: $(cat -v "$1")"
	done
	return 0
}
# both NAME WANT CMD...: on a terminal and to a pipe, clean, and showing WANT
both() {
	name=$1 want=$2; shift 2
	tty "$name" "$@"
	pipe "$name" "$@"
	for f in "$tmp/$name.tty" "$tmp/$name.pipe"; do
		clean "$f"
		grep -aqF -- "$want" "$f" || fail "$f does not show $want: $(cat -v "$f")"
	done
}

# File names: a good file and a bad one, both named with OSC 52.
good="$tmp/good${osc}.txt" bad="$tmp/bad${c1}.txt"
printf 'Ông Nguyễn Văn An nói\n\nÔng Nguyễn Văn An nói 38%% dân số hài lòng năm 2024. Trời đẹp.\n' >"$good"
printf 'Bad\n\n\377\n' >"$bad"
both import 'good^[]52;c;cHduZWQ=^G.txt' "$COPYDESK" import "$good"
both import-bad 'bad<U+009B>2J.txt' "$COPYDESK" import "$bad"
both import-none 'nope^[]52;c;cHduZWQ=^G' "$COPYDESK" import "$tmp/nope$osc"
# An unknown option or command from the command line.
both option '--x^[]52' "$COPYDESK" "--x$osc"
both command 'x^[]52' "$COPYDESK" "x$osc"

# A span with an entity, and a claim with research and evidence.
"$COPYDESK" tag 1 4 19 PER --entity An >/dev/null || fail "tag"
"$COPYDESK" claim 1 --sentence 30 --verdict true --source https://example.org \
	--quote 'quoted' --note 'a note' >/dev/null 2>&1 || fail "claim: $("$COPYDESK" claim 1 --sentence 30 2>&1)"
# The store is written by others (another program, an older copydesk): hostile values.
q "UPDATE span SET author = 'eve' || char(27) || ']52;c;cHduZWQ=' || char(7)"
q "UPDATE entity SET name = 'An' || char(155) || '2J', external_id = 'Q1' || char(8238) || 'x'"
q "UPDATE claim SET author = 'mal' || char(127) || char(155)"
q "UPDATE research SET note = 'note' || char(27) || '[2J', proposed_by = 'pro' || char(8238),
   reviewed_by = 'rev' || char(27) || ']0;t' || char(7), reviewed_at = created_at,
   review_reason = 'why' || char(8294) || 'x'"
q "UPDATE evidence SET source = 'src' || char(27) || '[31m', quote = 'q' || char(155) || 'm',
   added_by = 'add' || char(27) || ']52;c;x' || char(7)"

both spans 'eve^[]52;c;cHduZWQ=^G' "$COPYDESK" spans 1
grep -aqF 'An<U+009B>2J' "$tmp/spans.tty" || fail "spans: the entity name is not escaped"
both entities 'Q1<U+202E>x' "$COPYDESK" entities
grep -aqF 'An<U+009B>2J' "$tmp/entities.tty" || fail "entities: the name is not escaped"
both claim-show 'mal^?<U+009B>' "$COPYDESK" claim-show 1
for s in 'note^[[2J' 'pro<U+202E>' 'rev^[]0;t^G' 'why<U+2066>x' 'src^[[31m' 'q<U+009B>m' 'add^[]52;c;x^G'; do
	grep -aqF -- "$s" "$tmp/claim-show.tty" || fail "claim-show does not show $s: $(cat -v "$tmp/claim-show.tty")"
done
both claims '2024.' "$COPYDESK" claims

# An undo refused because another editor changed the thing: the refusal names them escaped.
"$COPYDESK" entity rename 1 'An B' >/dev/null || fail "rename"
q "UPDATE entity SET name = 'Other', updated_by = 'zed' || char(27) || ']52;c;eg==' || char(7)"
both undo 'zed^[]52;c;eg==^G' "$COPYDESK" undo

# JSON: C1 and bidi controls as \uXXXX, ESC as \u001b; it parses to the stored strings.
for cmd in "spans 1" "entities" "claims" "claim-show 1" "list" "show 1"; do
	# shellcheck disable=SC2086
	pipe json "$COPYDESK" $cmd --json
	clean "$tmp/json.pipe"
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/json.pipe" ||
		fail "$cmd --json is not JSON: $(cat -v "$tmp/json.pipe")"
done
"$COPYDESK" entities --json | grep -qF 'Q1\u202ex' || fail "entities --json: RLO not as \\u202e"
"$COPYDESK" claim-show 1 --json | grep -qF 'mal\u007f\u009b' || fail "claim-show --json: DEL and CSI not as \\u007f\\u009b"
"$COPYDESK" claims --json | grep -qiF 'why\u2066x' || fail "claims --json: LRI not as \\u2066"
"$COPYDESK" spans 1 --json | grep -qF 'eve\u001b]52;c;cHduZWQ=\u0007' || fail "spans --json: ESC"
[ "$("$COPYDESK" entities --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["external_id"] == "Q1\u202ex")')" = True ] ||
	fail "entities --json does not parse to the stored external id"

[ $fails = 0 ] && echo "all escape checks passed"
exit $fails
