#!/bin/sh
# Opening the database: each failure says what is wrong in words (no such
# directory, no such database and how to make one, not a database, an empty
# file, permission denied, a newer schema) and a command that only reads
# creates nothing; COPYDESK_EDITOR names someone else only on a database no
# one else can write; --db needs a value; a missing import file is said once.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset COPYDESK_DB COPYDESK_EDITOR
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
# expect STATUS CMD...: run CMD, keep its output in $tmp/out and $tmp/err
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
# said TEXT: stderr is exactly one line holding TEXT
said() {
	grep -qF -- "$1" "$tmp/err" || fail "no '$1' in: $(cat "$tmp/err")"
	[ "$(wc -l <"$tmp/err")" = 1 ] || fail "more than one line: $(cat "$tmp/err")"
}
cd_() { "$COPYDESK" "$@"; }
printf 'Tin ngắn\n\nHà Nội hôm nay có mưa.\n' >"$tmp/a.txt"
printf 'Tin khác\n\nTrời đẹp.\n' >"$tmp/b.txt"

# --db without a value: said so, without all the help.
expect 64 cd_ --db
said '--db needs a value'
expect 64 cd_ list --db
expect 64 cd_ --db= list
said '--db needs a value'
expect 64 cd_ --db "" list
said '--db needs a value'

# A command that only reads, on a mistyped path: nothing created, and how to make one.
for cmd in list labels verdicts entities claims "show 1" "spans 1"; do
	# shellcheck disable=SC2086
	expect 66 cd_ --db "$tmp/typo.db" $cmd
	said "$tmp/typo.db: no such database; make one with: copydesk --db $tmp/typo.db import FILE..."
done
ls "$tmp" | grep -q typo && fail "a read created $(ls "$tmp")"
expect 66 cd_ --db "$tmp/no/such/dir/x.db" list
said "$tmp/no/such/dir/x.db: no such directory: $tmp/no/such/dir"
[ -e "$tmp/no" ] && fail "a read created the directories"
# A write that is not an import creates nothing either.
expect 66 cd_ --db "$tmp/typo.db" status 1 done
[ -e "$tmp/typo.db" ] && fail "status created the database"

# An empty file is not a database; a text file is not one (said whole, not garbled).
: >"$tmp/empty.db"
expect 66 cd_ --db "$tmp/empty.db" list
said "$tmp/empty.db: not a copydesk database (an empty file); make one with"
[ -s "$tmp/empty.db" ] && fail "a read wrote into the empty file"
printf 'this is not a database, just some text that is long enough to be read\n' >"$tmp/text.db"
cp "$tmp/text.db" "$tmp/text.orig"
for cmd in list "import $tmp/a.txt"; do
	# shellcheck disable=SC2086
	expect 74 cd_ --db "$tmp/text.db" $cmd
	[ "$(cat "$tmp/err")" = "copydesk: $tmp/text.db: not a copydesk database" ] ||
		fail "$cmd on a text file: $(cat -v "$tmp/err")"
done
cmp -s "$tmp/text.db" "$tmp/text.orig" || fail "the text file was changed"
# A SQLite database of something else is not ours to migrate.
sqlite3 "$tmp/other.db" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')"
expect 74 cd_ --db "$tmp/other.db" import "$tmp/a.txt"
said "not a copydesk database (a SQLite database of something else)"
[ "$(sqlite3 "$tmp/other.db" "SELECT count(*) FROM sqlite_master")" = 1 ] ||
	fail "the other database was changed"
# A directory.
expect 74 cd_ --db "$tmp" list
said "$tmp: a directory, not a database"

# import makes the database and its directories; then reads work.
expect 0 cd_ --db "$tmp/new/sub/cd.db" import "$tmp/a.txt"
expect 0 cd_ --db "$tmp/new/sub/cd.db" list
grep -q 'Tin ngắn' "$tmp/out" || fail "list after import: $(cat "$tmp/out")"
db="$tmp/new/sub/cd.db"

# A newer schema.
cp "$db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 999"
expect 65 cd_ --db "$tmp/newer.db" list
said "$tmp/newer.db: made by a newer copydesk"

# Identity.  The database in a directory only its owner can write: COPYDESK_EDITOR is used.
me=$(id -un)
COPYDESK_EDITOR=anna cd_ --db "$db" status 1 progress || fail "status as anna"
[ "$(sqlite3 "$db" "SELECT editor FROM edit_log ORDER BY id DESC LIMIT 1")" = anna ] ||
	fail "COPYDESK_EDITOR not used on a private database"
# Shared (group-writable file, -wal, or directory): refused with a message saying so.
for what in file wal dir; do
	before=$(sqlite3 "$db" "SELECT count(*) FROM edit_log") # (sqlite3 removes the -wal when done)
	case $what in
	file) target=$db ;;
	wal) target=$db-wal; [ -e "$target" ] || : >"$target" ;;
	dir) target=$(dirname "$db") ;;
	esac
	chmod g+w "$target"
	expect 64 env COPYDESK_EDITOR=anna "$COPYDESK" --db "$db" status 1 done
	said "COPYDESK_EDITOR=anna is refused: $db is shared"
	grep -qF "recorded as the Unix user running copydesk ($me)" "$tmp/err" || fail "$what: $(cat "$tmp/err")"
	expect 64 env COPYDESK_EDITOR=anna "$COPYDESK" --db "$db" list
	[ "$(sqlite3 "$db" "SELECT count(*) FROM edit_log")" = "$before" ] || fail "$what: refused but written"
	# Without it, or naming oneself, the Unix user (not $USER or $LOGNAME) is recorded.
	expect 0 env USER=mallory LOGNAME=mallory "$COPYDESK" --db "$db" status 1 done
	[ "$(sqlite3 "$db" "SELECT editor FROM edit_log ORDER BY id DESC LIMIT 1")" = "$me" ] ||
		fail "$what: the editor is not the Unix user $me"
	expect 0 env COPYDESK_EDITOR="$me" "$COPYDESK" --db "$db" status 1 progress
	chmod g-w "$target"
done
# A hostile editor name is refused where it is allowed at all.
expect 64 env COPYDESK_EDITOR="$(printf 'eve\033]52;c;cHduZWQ=\007')" "$COPYDESK" --db "$db" list
said "the editor's name holds a control character (^[)"

# Permission denied, as a user who is not root (root may write anything).
if [ "$(id -u)" = 0 ]; then
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$tmp"
else
	as() { "$@"; }
fi
perm=$tmp/perm
mkdir "$perm"
cp "$db" "$perm/cd.db"
rm -f "$perm/cd.db-wal" "$perm/cd.db-shm"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$perm"
chmod 555 "$perm"
expect 74 as "$COPYDESK" --db "$perm/cd.db" list
said "$perm/cd.db: permission denied: copydesk writes its -wal and -shm files beside the database, and you may not write in $perm"
expect 74 as "$COPYDESK" --db "$perm/new.db" import "$tmp/a.txt"
said "$perm/new.db: permission denied: you may not create a file in $perm"
chmod 755 "$perm"
chmod 444 "$perm/cd.db"
expect 0 as "$COPYDESK" --db "$perm/cd.db" list # reading needs no more
expect 74 as "$COPYDESK" --db "$perm/cd.db" import "$tmp/b.txt"
said "$perm/cd.db: permission denied: you may not write it"
chmod 000 "$perm/cd.db"
expect 74 as "$COPYDESK" --db "$perm/cd.db" list
said "$perm/cd.db: permission denied: you may not read it"
chmod 700 "$perm"
[ "$(id -u)" = 0 ] && chown 0:0 "$perm"
chmod 644 "$perm/cd.db"

# A missing import file: said once, and no "from 0 files".
expect 66 cd_ --db "$db" import "$tmp/nope.txt"
[ "$(cat "$tmp/err")" = "copydesk import: $tmp/nope.txt: no such file or directory" ] ||
	fail "import of a missing file: $(cat "$tmp/err")"
expect 66 cd_ --db "$db" import "$tmp/nope.txt" "$tmp/b.txt"
grep -c 'nope.txt' "$tmp/err" | grep -qx 1 || fail "the missing file said twice: $(cat "$tmp/err")"
grep -qx '1 added, 0 skipped as duplicates, 0 refused, from 1 file; 1 not found' "$tmp/err" ||
	fail "import summary: $(cat "$tmp/err")"

[ $fails = 0 ] && echo "all open checks passed"
exit $fails
