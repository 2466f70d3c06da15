#!/bin/sh
# Roles from the command line: the creator is the first chief; `users`,
# `users add` and `users remove` are a chief's, with the rule named and
# exit status 77 for anyone else (and with --json the rule as JSON); once a
# chief adds someone, a stranger is refused at open naming the chief; an
# editor cannot untag, relabel or undo another's span, nor load labels; the
# last chief stays; names are checked and escaped on output; an editor cannot
# import work (a span, a review) in another's name.  Every refusal
# leaves the database as it was.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=anna
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
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
as() { who=$1; shift; env COPYDESK_EDITOR="$who" "$@"; }

printf 'Ông Nguyễn Văn An đến Hà Nội hôm qua.\n' >"$tmp/a.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt"

# anna made it: the first chief.  No list in force yet: bob edits as an editor.
expect 0 "$COPYDESK" users
[ "$(cat "$tmp/out")" = "$(printf 'anna\tchief\t(creator)\t')$(q "SELECT added_at FROM users")" ] ||
	fail "users: $(cat "$tmp/out")"
expect 0 "$COPYDESK" tag 1 4 17 PER
expect 0 as bob "$COPYDESK" tag 1 21 27 LOC
refused 77 'rule chief-only.*ask a chief: anna' as bob "$COPYDESK" users
refused 77 'rule chief-only' as bob "$COPYDESK" users --json
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["rule"] == "chief-only" and "anna" in o["error"], o' \
	"$tmp/out" || fail "users --json refusal: $(cat "$tmp/out")"
refused 77 'rule chief-only' as bob "$COPYDESK" users add bob --role chief

# An editor and another's span: untag, relabel, refused naming its owner.
s1=$(q "SELECT id FROM span WHERE author = 'anna'")
refused 77 "rule owner.*anna's" as bob "$COPYDESK" untag 1 "$s1"
refused 77 "rule owner" as bob "$COPYDESK" span 1 "$s1" --label ORG
# Chiefs' work: the label set.
printf '[{"name": "PER", "key": "p", "color": "red"}, {"name": "MISC", "key": "m", "color": "blue"}]\n' >"$tmp/l.json"
refused 77 'rule chief-only.*label set' as bob "$COPYDESK" labels import "$tmp/l.json"
expect 0 "$COPYDESK" labels import "$tmp/l.json"

# The list in force: bob an editor, carol a chief; dave refused at open.
refused 64 'usage' "$COPYDESK" users add bob
refused 64 'usage' "$COPYDESK" users add bob --role boss
refused 64 'control character' "$COPYDESK" users add "$(printf 'ev\033[2Jil')" --role editor
expect 0 "$COPYDESK" users add bob --role editor
expect 0 "$COPYDESK" users add carol --role chief
refused 77 'rule not-user.*dave.*anna, carol' as dave "$COPYDESK" list
refused 77 'rule not-user' as dave "$COPYDESK" users --json
expect 0 as bob "$COPYDESK" list
expect 0 as carol "$COPYDESK" users --json
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["in_force"] and [(u["name"], u["role"]) for u in o["users"]] == [("anna","chief"),("carol","chief"),("bob","editor")], o' \
	"$tmp/out" || fail "users --json: $(cat "$tmp/out")"

# carol (a chief) relabels bob's span; made an editor, she cannot undo it.
s2=$(q "SELECT id FROM span WHERE author = 'bob'")
expect 0 as carol "$COPYDESK" span 1 "$s2" --label MISC
expect 0 "$COPYDESK" users add carol --role editor
refused 77 "rule owner.*bob's" as carol "$COPYDESK" undo
[ "$(q "SELECT label FROM span WHERE id = $s2")" = MISC ] || fail "carol's undo went through"

# The last chief stays; a removed user is refused.
refused 77 'rule last-chief' "$COPYDESK" users remove anna
refused 77 'rule last-chief' "$COPYDESK" users add anna --role editor
refused 1 'not on the user list' "$COPYDESK" users remove nobody
expect 0 "$COPYDESK" users remove bob
refused 77 'rule not-user' as bob "$COPYDESK" spans 1
[ "$(q "SELECT group_concat(action) FROM (SELECT action FROM edit_log WHERE action LIKE 'user-%' ORDER BY id)")" = \
	"user-add,user-add,user-add,user-role,user-remove" ] || fail "edit log: $(q "SELECT action FROM edit_log")"

# A name in the store (written behind copydesk's back) is escaped on output.
q "INSERT INTO users (name, role, how, added_by, added_at) VALUES ('x' || char(27) || '[31mred', 'editor', 'added', 'anna', 'now')"
expect 0 "$COPYDESK" users
grep -q "$(printf '\033')" "$tmp/out" && fail "users printed a raw escape: $(od -c "$tmp/out" | head)"
grep -q 'x\\x1b\|x\^\[\|x\\e\|x\\033' "$tmp/out" || fail "users: the name not shown escaped: $(cat "$tmp/out")"

expect 0 "$COPYDESK" users add bob --role editor
# An editor cannot bring in work in another's name: a claim anna "approved",
# or a span of hers, in a file bob imports (a review forged through import).
printf '%s\n' '{"format_version": 1, "id": 1, "title": "T", "text": "GDP tăng 8%% năm 2024.", "lang": "vi", "claims": [{"start": 0, "end": 20, "status": "verified", "verdict": "true", "author": "bob", "proposed_by": "bob", "reviewed_by": "anna"}]}' >"$tmp/forged.jsonl"
refused 77 'in the name of anna.*rule chief-only' as bob "$COPYDESK" import "$tmp/forged.jsonl"
printf '%s\n' '{"format_version": 1, "id": 2, "title": "U", "text": "Ông An ở Huế.", "lang": "vi", "spans": [{"start": 4, "end": 6, "label": "PER", "author": "anna"}]}' >"$tmp/forged2.jsonl"
refused 77 'in the name of anna' as bob "$COPYDESK" import "$tmp/forged2.jsonl"
# The same work in bob's own name is his to import; a chief may import anyone's.
sed 's/"anna"/"bob"/' "$tmp/forged2.jsonl" >"$tmp/own.jsonl"
expect 0 as bob "$COPYDESK" import "$tmp/own.jsonl"

[ $fails = 0 ] && echo "all roles checks passed"
[ $fails = 0 ]
