#!/bin/sh
# Readers never wait for a writer: while another connection holds the write
# lock (an editor's transaction, BEGIN IMMEDIATE), every command that only
# reads answers at once, and so do the interface's article list and reader.
# (Opening a database took the write lock for a migration that had nothing
# to do: each of these waited out the busy timeout and failed, exit 75.)
. "$SRCDIR/tests/e2e/lib_tmux.sh"
db=$tmp/cd.db
q() { sqlite3 "$db" "$1"; }
"$COPYDESK" --db "$db" import "$SRCDIR/annotations/samples" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
n=$(q "SELECT count(*) FROM article")
"$COPYDESK" --db "$db" tag 1 0 4 PER >/dev/null 2>&1 || fail "tag"
claim=$("$COPYDESK" --db "$db" claim 1 --sentence 5 2>&1 | cut -f1) || fail "claim: $claim"

# Another editor's transaction, held open until $tmp/release appears.
python3 - "$db" "$tmp" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE article SET updated_by = 'holder' WHERE id = 1")
open(os.path.join(sys.argv[2], "locked"), "w").close()
while not os.path.exists(os.path.join(sys.argv[2], "release")):
    time.sleep(0.05)
db.execute("ROLLBACK")
PY
holder=$!
trap 'touch "$tmp/release"; wait "$holder" 2>/dev/null || true; lib_cleanup' EXIT
poll test -e "$tmp/locked" || fail "the other transaction never began"
# A writer does wait: the lock is really held.
timeout 2 "$COPYDESK" --db "$db" status 2 done >/dev/null 2>&1 && fail "a writer did not wait"

now() { date +%s%N; }
# Each read command on its own, timed: at once means well under the 10 s busy timeout.
cat >"$tmp/reads" <<EOF
list
list --json
show 1
show 1 --json
spans 1
spans 1 --json
entities
labels
verdicts
claims
claims 1
claims --id $claim
claim-show $claim
candidates 1
repeats $claim
help
EOF
while IFS= read -r args; do
	t0=$(now)
	# shellcheck disable=SC2086
	rc=0
	timeout 8 "$COPYDESK" --db "$db" $args >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
	ms=$((($(now) - t0) / 1000000))
	[ "$rc" = 0 ] || fail "$args exited $rc while another editor writes: $(cat "$tmp/err")"
	[ "$ms" -lt 2000 ] || fail "$args took $ms ms while another editor writes"
done <"$tmp/reads"

# The interface: its list, and the reader on the first article.
start "TERM=xterm-256color '$COPYDESK' --db '$db'"
wait_for "Articles 1/$n" 3
keys Enter
title=$(q "SELECT substr(body, 1, 12) FROM article WHERE id = 1")
wait_for "$title" 3
keys q
sleep 0.3
touch "$tmp/release"
wait "$holder" || fail "the other transaction failed"
finish
