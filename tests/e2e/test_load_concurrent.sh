#!/bin/sh
# Eight editors at once on one database, each its own copydesk processes, and
# an interface session tagging at the same time: every edit of every kind
# (tag, relabel, entity, rename, untag, claim with its research, evidence,
# approval of another editor's verdict, undo) that a command reported as done
# is stored as reported, no command fails or says "locked"/"busy", the
# database passes integrity_check and its derived tables agree with its rows,
# and no transaction held the write lock longer than LOAD_LOCK_MS.
#
#   LOAD_N=11 LOAD_UI=10 LOAD_LOCK_MS=2000 sh test_load_concurrent.sh
#
# LOAD_N edits per editor (CI: 11, one of each kind; bench/concurrency_bench.sh: 1000), LOAD_UI
# words tagged in the interface.  The figures (latency, write lock) are
# printed; bench/README.md has those of the long run.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
. "$SRCDIR/tests/e2e/lib_load.sh"
set +e
N=${LOAD_N:-11}
UI=${LOAD_UI:-10}
LOCK_MS=${LOAD_LOCK_MS:-2000}
LOAD_EDITORS=8
db=$tmp/cd.db
cycles=$((N / 11 + 2))
# Four articles for the eight editors (two on each), a fifth for the interface.
load_corpus "$tmp/a.jsonl" 5 $((cycles * 10 + 10))
"$COPYDESK" --db "$db" import "$tmp/a.jsonl" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
: >"$tmp/lat"
: >"$tmp/lock"

# The interface, on article 5, its stderr kept for the lock report.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color COPYDESK_LOCK_REPORT=1
"$COPYDESK" --db "$db" 2>"$tmp/ui.err"
echo "EXIT=\$?" >"$tmp/exit"
EOF
start "sh $tmp/run.sh"
wait_for "Articles 1/5" 10
keys G Enter
wait_for "a5w00000" 10

t0=$(date +%s%N)
k=1
while [ $k -le 8 ]; do
	load_editor $k "$N" $(((k + 1) / 2)) $((k % 2)) "$tmp/ed$k.log" &
	eval "pid$k=\$!"
	k=$((k + 1))
done

# The interface tags one word after another while the editors work: each
# one reported on the status line is done.
i=0
: >"$tmp/ui.log"
while [ $i -lt "$UI" ]; do
	load_ui_tag "$(printf 'a5w%05d' $i)" 60
	i=$((i + 1))
done

k=1
while [ $k -le 8 ]; do
	eval "wait \$pid$k" || fail "editor $k's loop failed"
	k=$((k + 1))
done
t1=$(date +%s%N)
keys q q
wait_file "$tmp/exit" 
grep -q 'EXIT=0' "$tmp/exit" || fail "the interface: $(cat "$tmp/exit")"

k=1
while [ $k -le 8 ]; do
	load_check_log $k "$tmp/ed$k.log"
	k=$((k + 1))
done
# The interface's spans: each word reported, once, by tester.
got=$(load_ui_stored 5)
[ "$got" = "$UI" ] || fail "the interface reported $UI tags, $got are stored"
grep -iE 'locked|busy' "$tmp/ui.err" && fail "the interface: $(cat "$tmp/ui.err")"
sed -n 's/^copydesk: longest write lock \([0-9.]*\) ms$/\1/p' "$tmp/ui.err" >"$tmp/ui.lock"
load_consistency

edits=$(wc -l <"$tmp/lat")
[ "$edits" -ge $((8 * N - 8 * (N / 11 + 1))) ] || fail "only $edits edits ran"
echo "8 editors x $N edits + $UI in the interface: $(((t1 - t0) / 1000000)) ms"
load_figures
echo "interface: longest write lock $(cat "$tmp/ui.lock") ms"
longest=$(cat "$tmp/lock" "$tmp/ui.lock" | sort -n | tail -1)
awk -v l="${longest:-0}" -v b="$LOCK_MS" 'BEGIN { exit !(l > b) }' &&
	fail "a transaction held the write lock $longest ms (bound $LOCK_MS ms)"
[ -n "$longest" ] || fail "no write lock figure"
finish
