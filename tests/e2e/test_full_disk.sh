#!/bin/sh
# Full disk and read-only database: the database lives on a small tmpfs
# mounted for the test (root; skipped with 77 where mount cannot be used).
# When the file system fills up, and when it is remounted read-only, each
# edit from the command line fails with a message naming the cause ("disk
# full", "read-only") and a non-zero status, and is then not in the
# database: never reported done while not stored, never stored while
# reported failed.  Once there is room (or the file system is writable
# again) the same edit is stored and the database passes integrity_check.
set -u
: "${COPYDESK:?}" "${SRCDIR:?}"
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root to mount a tmpfs"; exit 77; }
tmp=$(mktemp -d)
mnt=$tmp/mnt
mkdir "$mnt"
mount -t tmpfs -o size=8m,mode=0700 tmpfs "$mnt" 2>/dev/null ||
	{ rm -rf "$tmp"; echo "SKIP: cannot mount a tmpfs here"; exit 77; }
trap 'umount "$mnt" 2>/dev/null || umount -l "$mnt"; rm -rf "$tmp"' EXIT
export COPYDESK_DB="$mnt/cd.db" COPYDESK_EDITOR=tester
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
spans() { sqlite3 "$COPYDESK_DB" "SELECT count(*) FROM span WHERE deleted_at IS NULL AND start = $1"; }

"$COPYDESK" import "$SRCDIR"/annotations/samples/0[1-3]*.txt >/dev/null 2>&1 || fail "import"
"$COPYDESK" tag 1 0 3 PER >/dev/null 2>&1 || fail "tag with room"
# An edit, its outcome checked once it can be read (its file system has
# room, or is writable, again: sqlite3 cannot read it before either):
# EXPECT in the message with a non-zero status and nothing stored, or
# (status 0) stored.  edit NAME START, then edited NAME START EXPECT
edit() {
	"$COPYDESK" tag 1 "$2" $(($2 + 2)) PER >"$tmp/$1.out" 2>&1
	echo $? >"$tmp/$1.rc"
}
edited() {
	rc=$(cat "$tmp/$1.rc") n=$(spans "$2")
	if [ "$rc" = 0 ]; then
		fail "$1: reported done (status 0): $(cat "$tmp/$1.out")"
		[ "$n" = 1 ] || fail "$1: reported done but not stored"
	else
		[ "$n" = 0 ] || fail "$1: reported failed (status $rc) but stored"
		grep -q "$3" "$tmp/$1.out" || fail "$1: the message does not say $3: $(cat "$tmp/$1.out")"
	fi
}

# The disk fills up.
dd if=/dev/zero of="$mnt/fill" bs=4k >/dev/null 2>&1
edit full 10
"$COPYDESK" status 2 done >"$tmp/status.out" 2>&1 && fail "status on a full disk reported done"
rm -f "$mnt/fill"
edited full 10 "disk full"
grep -q "disk full" "$tmp/status.out" || fail "status: the message does not say disk full: $(cat "$tmp/status.out")"
[ "$(sqlite3 "$COPYDESK_DB" 'SELECT status FROM article WHERE id = 2')" = new ] ||
	fail "status: stored while reported failed"
"$COPYDESK" tag 1 10 12 PER >/dev/null 2>&1 || fail "tag after room was made: $("$COPYDESK" tag 1 10 12 PER 2>&1)"
[ "$(spans 10)" = 1 ] || fail "the edit after room was made is not stored"
# The file system becomes read-only.
mount -o remount,ro "$mnt" || fail "remount read-only"
edit readonly 20
mount -o remount,rw "$mnt" || fail "remount read-write"
edited readonly 20 "read-only"
"$COPYDESK" tag 1 20 22 PER >/dev/null 2>&1 || fail "tag after the remount: $("$COPYDESK" tag 1 20 22 PER 2>&1)"
[ "$(spans 20)" = 1 ] || fail "the edit after the remount is not stored"
[ "$(sqlite3 "$COPYDESK_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"

[ $fails = 0 ] && echo "all full-disk and read-only checks passed"
exit $fails
