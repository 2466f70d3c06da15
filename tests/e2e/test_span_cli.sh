#!/bin/sh
# Span and entity edits from the command line, as the interface makes them:
# relabel a span, link it to an entity and unlink it (copydesk span), delete
# an entity no span mentions (copydesk entity delete), each one undo step;
# refusals with the right exit status and message that change nothing.
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
q() { sqlite3 "$COPYDESK_DB" "$1"; }
refused() {
	want=$1 pat=$2; shift 2
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/before"
	expect "$want" "$@"
	grep -q -- "$pat" "$tmp/err" || fail "$*: no '$pat' in: $(cat "$tmp/err")"
	sqlite3 "$COPYDESK_DB" .dump >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" || fail "$* changed the database"
}
span() { q "SELECT label || '|' || coalesce((SELECT name FROM entity WHERE id = entity_id), '-') FROM span WHERE id = $1"; }

printf 'Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.\nOther.\n' >"$tmp/a.txt"
printf 'Another.\n' >"$tmp/b.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt" "$tmp/b.txt"
expect 0 "$COPYDESK" tag 1 --text 'Lương Cường' ORG
s=$(cut -f1 "$tmp/out")
[ "$(span "$s")" = "ORG|-" ] || fail "the span made: $(span "$s")"

# Relabel, link (the entity made), unlink: each printed and one undo step.
expect 0 "$COPYDESK" span 1 "$s" --label PER
[ "$(span "$s")" = "PER|-" ] || fail "relabel: $(span "$s")"
grep -q "^$s	.*	PER	Lương Cường	-	tester$" "$tmp/out" || fail "span printed: $(cat "$tmp/out")"
expect 0 "$COPYDESK" span 1 "$s" --entity 'Lương Cường'
[ "$(span "$s")" = "PER|Lương Cường" ] || fail "link: $(span "$s")"
e=$(q "SELECT id FROM entity WHERE name = 'Lương Cường'")
expect 0 "$COPYDESK" span 1 "$s" --unlink
[ "$(span "$s")" = "PER|-" ] || fail "unlink: $(span "$s")"
expect 0 "$COPYDESK" undo
[ "$(span "$s")" = "PER|Lương Cường" ] || fail "undo of the unlink: $(span "$s")"
expect 0 "$COPYDESK" undo
[ "$(span "$s")" = "PER|-" ] || fail "undo of the link: $(span "$s")"
expect 0 "$COPYDESK" undo
[ "$(span "$s")" = "ORG|-" ] || fail "undo of the relabel: $(span "$s")"
expect 0 "$COPYDESK" redo
expect 0 "$COPYDESK" redo
[ "$(span "$s")" = "PER|Lương Cường" ] || fail "redo: $(span "$s")"

refused 64 'one of --label, --entity and --unlink' "$COPYDESK" span 1 "$s" --label PER --unlink
refused 64 'one of --label, --entity and --unlink' "$COPYDESK" span 1 "$s"
refused 1 'span .* is in article 1, not in article 2' "$COPYDESK" span 2 "$s" --label LOC
refused 1 'NOPE' "$COPYDESK" span 1 "$s" --label NOPE
refused 1 'no span 999' "$COPYDESK" span 1 999 --label LOC
# Linking to a new entity is one transaction: when the link fails, the entity made for it goes too.
q "CREATE TRIGGER no_link BEFORE UPDATE OF entity_id ON span BEGIN SELECT RAISE(ABORT, 'link refused'); END"
refused 70 'link refused' "$COPYDESK" span 1 "$s" --entity 'Tên Mới'
[ -z "$(q "SELECT id FROM entity WHERE name = 'Tên Mới'")" ] || fail "a failed link left its entity"
q "DROP TRIGGER no_link"

# An entity mentioned is not deleted; once nothing mentions it, it is, and undo brings it back.
refused 1 'mentioned 1 time' "$COPYDESK" entity delete "$e"
expect 0 "$COPYDESK" untag 1 "$s"
expect 0 "$COPYDESK" entity delete "$e"
grep -q "entity $e deleted" "$tmp/err" || fail "entity delete says: $(cat "$tmp/err")"
[ -z "$(q "SELECT id FROM entity WHERE id = $e")" ] || fail "entity $e not deleted"
expect 0 "$COPYDESK" entities
grep -q 'Lương Cường' "$tmp/out" && fail "deleted entity listed: $(cat "$tmp/out")"
expect 0 "$COPYDESK" undo
[ "$(q "SELECT name FROM entity WHERE id = $e")" = "Lương Cường" ] || fail "undo of entity delete"
refused 1 'no entity 999' "$COPYDESK" entity delete 999
refused 64 'delete needs one entity id' "$COPYDESK" entity delete

[ "$fails" -eq 0 ] || exit 1
