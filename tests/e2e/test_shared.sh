#!/bin/sh
# A shared database on one host, with two real Unix users made for the test
# (and a third, not on the user list; all removed at its end, also on
# failure): root runs `copydesk init-shared DIR --group G --install BIN` and
# makes B a chief and A an editor; C is refused; A cannot make themself chief
# nor change B's span; A proposes a verdict, B approves it; A cannot approve as B whatever the environment says; neither can read or write
# DIR/copydesk.db but through BIN, nor make BIN open a file of theirs with the
# desk's group; the edit log keeps each one's uid.  Then the faults of a
# database shared by a plain group: a reader's -wal/-shm locked the owner
# out (exit 74), and a writer's -shm took the writer's own group.  Root only.
set -u
: "${COPYDESK:?}"
[ "$(id -u)" = 0 ] || { echo "skip: needs root (it makes users and a group)"; exit 77; }
for t in useradd userdel groupadd groupdel setpriv; do
	command -v "$t" >/dev/null 2>&1 || [ -x "/usr/sbin/$t" ] || { echo "skip: no $t"; exit 77; }
done
PATH=$PATH:/usr/sbin
tag=$$
ua=cdsa$tag ub=cdsb$tag uc=cdsc$tag g=cdsg$tag lg=cdsl$tag
tmp=$(mktemp -d /tmp/copydesk-shared.XXXXXX)
cleanup() {
	userdel "$ua" 2>/dev/null
	userdel "$ub" 2>/dev/null
	userdel "$uc" 2>/dev/null
	groupdel "$g" 2>/dev/null
	groupdel "$lg" 2>/dev/null
	groupdel "$ua" 2>/dev/null
	groupdel "$ub" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
unset COPYDESK_DB COPYDESK_EDITOR
chmod 755 "$tmp"
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
said() { grep -qF -- "$1" "$tmp/err" || fail "no '$1' in: $(cat "$tmp/err")"; }

groupadd "$lg" || { echo "groupadd failed"; exit 1; }
useradd -M -N -g "$lg" -s /bin/sh "$ua" && useradd -M -N -g "$lg" -s /bin/sh "$ub" &&
	useradd -M -N -g "$lg" -s /bin/sh "$uc" ||
	{ echo "useradd failed"; exit 1; }
uida=$(id -u "$ua") uidb=$(id -u "$ub")
# as USER CMD...: CMD as that user alone (its primary group, no other), in a clean environment
as() {
	u=$1; shift
	setpriv --reuid="$u" --regid="$lg" --clear-groups env -i PATH=/usr/bin:/bin HOME=/ "$@"
}

# The set-up, as root.
dir=$tmp/desk db=$tmp/desk/copydesk.db bin=$tmp/copydesk
expect 0 "$COPYDESK" init-shared "$dir" --group "$g" --install "$bin"
[ "$(stat -c '%U:%G %a' "$dir")" = "root:$g 2770" ] || fail "DIR: $(stat -c '%U:%G %a' "$dir")"
[ "$(stat -c '%U:%G %a' "$db")" = "root:$g 660" ] || fail "database: $(stat -c '%U:%G %a' "$db")"
[ "$(stat -c '%U:%G %a' "$bin")" = "root:$g 2755" ] || fail "binary: $(stat -c '%U:%G %a' "$bin")"
[ "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal ] || fail "not WAL"
# Again: nothing changes; a DIR with other settings is refused, and left as it was.
expect 0 "$COPYDESK" init-shared "$dir" --group "$g"
grep -qF "install -o root -g '$g' -m 2755 " "$tmp/out" || fail "no install command: $(cat "$tmp/out")"
mkdir "$tmp/other"
expect 1 "$COPYDESK" init-shared "$tmp/other" --group "$g"
said "exists with other settings"
[ "$(stat -c '%a' "$tmp/other")" = 755 ] || fail "other DIR changed"
expect 64 as "$ua" "$COPYDESK" init-shared "$tmp/x" --group "$g"
said "must be run as root"
printf 'Tin ngắn\n\nTỷ lệ hộ nghèo giảm còn 38,5%% trong năm 2024.\n' >"$tmp/a.txt"
chmod 644 "$tmp/a.txt"
expect 0 "$COPYDESK" --db "$db" import "$tmp/a.txt"

# Roles, with the same real users: root made the database, so root is its
# first chief; it makes B a chief and A an editor, which puts the list in force.
expect 0 "$COPYDESK" --db "$db" users add "$ub" --role chief
expect 0 "$COPYDESK" --db "$db" users add "$ua" --role editor
# A third real user, not on the list, is refused and told whom to ask.
expect 77 as "$uc" "$bin" --db "$db" list
said "not-user"
said "$ub"
# A cannot make themself a chief, whatever the environment says.
expect 77 setpriv --reuid="$ua" --regid="$lg" --clear-groups env -i PATH=/usr/bin:/bin \
	USER="$ub" LOGNAME="$ub" HOME=/ "$bin" --db "$db" users add "$ua" --role chief
said "chief-only"
# B tags a span; A can neither change it nor delete it.
expect 0 as "$ub" "$bin" --db "$db" tag 1 --text 'hộ nghèo' ORG
span=$(cut -f1 "$tmp/out")
expect 77 as "$ua" "$bin" --db "$db" untag 1 "$span"
said "owner"
expect 77 as "$ua" "$bin" --db "$db" span 1 "$span" --label LOC
expect 0 as "$ub" "$bin" --db "$db" spans 1
grep -q "ORG" "$tmp/out" || fail "B's span changed: $(cat "$tmp/out")"

# A marks a claim and proposes a verdict; B approves it.
expect 0 as "$ua" "$bin" --db "$db" claim 1 --text '38,5%' --verdict true \
	--source 'https://www.gso.gov.vn/a' --quote '38,5%'
claim=$(cut -f1 "$tmp/out")
[ "$(cut -f5 "$tmp/out")" = proposed ] || fail "not proposed: $(cat "$tmp/out")"
# A cannot approve it, whatever the environment says.
for e in "USER=$ub" "LOGNAME=$ub" "COPYDESK_EDITOR=$ub" "HOME=/nonexistent" "USER=$ub LOGNAME=$ub HOME=/"; do
	# shellcheck disable=SC2086
	expect_not0() { "$@" >"$tmp/out" 2>"$tmp/err" </dev/null && fail "A approved with $e"; }
	# shellcheck disable=SC2086
	expect_not0 setpriv --reuid="$ua" --regid="$lg" --clear-groups env -i PATH=/usr/bin:/bin $e \
		"$bin" --db "$db" approve "$claim"
done
expect 0 as "$ua" "$bin" --db "$db" claims
grep -q proposed "$tmp/out" || fail "A's tries changed the claim: $(cat "$tmp/out")"
expect 0 as "$ub" "$bin" --db "$db" approve "$claim"
expect 0 as "$ub" "$bin" --db "$db" claim-show "$claim"
grep -q "^history .* $ua (uid $uida) added evidence.*; proposed" "$tmp/out" || fail "history of A: $(cat "$tmp/out")"
grep -q "^history .* $ub (uid $uidb) approved" "$tmp/out" || fail "history of B: $(cat "$tmp/out")"
[ "$(sqlite3 "$db" "SELECT uid FROM edit_log WHERE action = 'claim-approve'")" = "$uidb" ] ||
	fail "edit_log uid of the approval"

# Neither can read or write the file but through copydesk.
for u in "$ua" "$ub"; do
	expect 1 as "$u" cat "$db"
	expect 1 as "$u" cp "$tmp/a.txt" "$db"
	expect 2 as "$u" sh -c "echo x >>'$db'"
	as "$u" sqlite3 "$db" "UPDATE edit_log SET editor = 'x'" >/dev/null 2>&1 &&
		fail "$u wrote with sqlite3"
	# Nor make copydesk open a file of the desk's for them with the group.
	expect 74 as "$u" "$bin" --db "$db" import "$db"
	expect 74 as "$u" "$bin" --db "$db" export --format jsonl --output "$dir/x.jsonl"
	[ -e "$dir/x.jsonl" ] && fail "$u exported into DIR"
	expect 66 as "$u" "$bin" --db "$db" labels import "$db"
	as "$u" "$bin" --db "$db" release "$dir/rel" >/dev/null 2>&1 && fail "$u released into DIR"
	[ -e "$dir/rel" ] && fail "$u made a directory in DIR"
	# Nor create a database of their own in DIR.
	as "$u" "$bin" --db "$dir/new.db" import "$tmp/a.txt" >/dev/null 2>&1 &&
		fail "$u made a database in DIR"
	[ -e "$dir/new.db" ] && fail "$u made a file in DIR"
done
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
[ "$(sqlite3 "$db" "SELECT count(*) FROM edit_log WHERE editor = 'x'")" = 0 ] || fail "forged"

# The faults of a plain group database (no setgid): A owns it, B is in the group.
# A reader who may not write made -wal/-shm that locked the owner out (exit 74).
usermod -a -G "$g" "$ua" && usermod -a -G "$g" "$ub"
asg() { u=$1; shift; setpriv --reuid="$u" --regid="$lg" --init-groups env -i PATH=/usr/bin:/bin HOME=/ "$@"; }
mkdir "$tmp/lock" && chown root:"$g" "$tmp/lock" && chmod 2775 "$tmp/lock"
ldb=$tmp/lock/a.db
expect 0 asg "$ua" "$COPYDESK" --db "$ldb" import "$tmp/a.txt"
[ "$(stat -c '%a' "$ldb")" = 660 ] || fail "a new database in a setgid directory: $(stat -c '%a' "$ldb")"
chmod 644 "$ldb"
rm -f "$ldb-wal" "$ldb-shm"
expect 74 asg "$ub" "$COPYDESK" --db "$ldb" list
said "you may read it but not write it"
[ -e "$ldb-shm" ] && fail "the reader made $(ls -l "$ldb-shm")"
expect 0 asg "$ua" "$COPYDESK" --db "$ldb" status 1 done
# A writer's -shm took the writer's own group, and the owner could not write it.
chmod 664 "$ldb"
chmod g-s "$tmp/lock" # no setgid: files take their maker's group
rm -f "$ldb-wal" "$ldb-shm"
chgrp "$g" "$ldb"
gid=$(getent group "$g" | cut -d: -f3)
# B, with a primary group A is not in (nogroup) and the desk's group beside
# it, holds the database open (an import reading its standard input) while
# A writes: B's -shm must be the database's group, not nogroup.
mkfifo "$tmp/fifo"
setpriv --reuid="$ub" --regid=65534 --groups="$gid" env -i PATH=/usr/bin:/bin HOME=/ \
	"$COPYDESK" --db "$ldb" import - <"$tmp/fifo" >"$tmp/bout" 2>&1 &
bpid=$!
exec 3>"$tmp/fifo"
n=0
while [ ! -e "$ldb-shm" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
[ -e "$ldb-shm" ] || fail "B did not open the database: $(cat "$tmp/bout")"
[ "$(stat -c '%G' "$ldb-shm")" = "$g" ] || fail "B's -shm: $(stat -c '%U:%G %a' "$ldb-shm")"
expect 0 asg "$ua" "$COPYDESK" --db "$ldb" status 1 progress
printf 'Tin khác\n\nTrời đẹp.\n' >&3
exec 3>&-
wait "$bpid" || fail "B's import: $(cat "$tmp/bout")"

echo "test_shared: $fails failed"
[ "$fails" = 0 ]
