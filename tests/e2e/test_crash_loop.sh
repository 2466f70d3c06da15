#!/bin/sh
# Edits killed with SIGKILL at random moments, from the command line and in
# the interface: every edit reported as done (the command exited 0; the
# interface said "Tagged") is stored as reported, nothing half-done is stored
# (a claim without all of its research, a span or claim without its edit_log
# entry or undo step, counts in stat_* or article_sort that disagree with the
# rows), and the database passes integrity_check after every kill.
#
#   CRASH_N=30 CRASH_UI=4 sh test_crash_loop.sh
#
# CRASH_N commands killed or let run (CI: 30; bench/crash_bench.sh: 200),
# CRASH_UI interface sessions killed mid-tagging (CI: 4; bench: 50).
. "$SRCDIR/tests/e2e/lib_tmux.sh"
. "$SRCDIR/tests/e2e/lib_load.sh"
set +e
N=${CRASH_N:-30}
UI=${CRASH_UI:-4}
db=$tmp/cd.db
load_corpus "$tmp/a.jsonl" 2 $((N * 2 + UI * 8 + 20))
"$COPYDESK" --db "$db" import "$tmp/a.jsonl" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }
: >"$tmp/lat"
: >"$tmp/lock"
: >"$tmp/log"
# A random number below $1, from the kernel's pool (no $RANDOM in sh).
rnd() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); }

# A span and a claim to start with, for the relabels, evidence and untags.
COPYDESK_EDITOR=ed1 "$COPYDESK" --db "$db" tag 1 $((9 * N)) $((9 * N + 8)) PER >"$tmp/out" 2>&1 ||
	fail "tag: $(cat "$tmp/out")"
spans=" $(cut -f1 "$tmp/out")"
echo "span $spans PER" >>"$tmp/log"
COPYDESK_EDITOR=ed1 "$COPYDESK" --db "$db" claim 1 $((9 * N + 9)) $((9 * N + 17)) --verdict true \
	--source https://example.org/c/0 --quote q --note n >"$tmp/out" 2>&1 || fail "claim: $(cat "$tmp/out")"
claims=" $(cut -f1 "$tmp/out")"
echo "claim $claims" >>"$tmp/log"

# Command I of the loop (its kind chosen by I) runs in the background; two
# in three, at random, are killed at a random moment within the time the last
# completed command took, unless it ended first; the log says which.
killed=0 completed=0 last=300
i=0
while [ $i -lt "$N" ]; do
	s=$((9 * i))
	kind=$((i % 6))
	# No span left to relabel or untag: a tag instead.
	case $kind in 3 | 5) [ -n "$(echo "$spans" | tr -d ' ')" ] || kind=0 ;; esac
	case $kind in
	0) set -- tag 1 $s $((s + 8)) PER && what="span PER" ;;
	1) set -- tag 1 $s $((s + 8)) LOC --entity "E$i" && what="span LOC" ;;
	2) set -- claim 1 $s $((s + 8)) --verdict true --source "https://example.org/c/$i" \
		--quote "q$i" --note "n$i" && what="claim" ;;
	3)
		sp=$(echo "$spans" | tr ' ' '\n' | grep . | tail -1)
		set -- span 1 "$sp" --label ORG && what="span $sp ORG relabel"
		;;
	4)
		cl=$(echo "$claims" | tr ' ' '\n' | grep . | tail -1)
		set -- evidence "${cl:-0}" --source "Report $i" --quote "e$i" && what="evidence ${cl:-0}"
		;;
	5)
		sp=$(echo "$spans" | tr ' ' '\n' | grep . | head -1)
		set -- untag 1 "$sp" && what="deleted $sp"
		;;
	esac
	# A moment within the time the last completed command took (timeout's
	# own timer: a sleep process would start too late on a loaded machine).
	d=$(($(rnd "$last") + 1))
	kill=$((d / 1000)).$(printf %03d $((d % 1000)))
	[ "$(rnd 3)" = 0 ] && kill=60
	t0=$(date +%s%N)
	COPYDESK_EDITOR=ed1 timeout -s KILL "$kill" "$COPYDESK" --db "$db" "$@" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 0 ]; then
		completed=$((completed + 1))
		last=$((($(date +%s%N) - t0) / 1000000 + 1))
		id=$(cut -f1 "$tmp/out")
		case $what in
		"span PER" | "span LOC")
			echo "span $id ${what#span }" >>"$tmp/log"
			spans="$spans $id"
			[ "$what" = "span LOC" ] && echo "entity $id E$i" >>"$tmp/log"
			;;
		claim)
			echo "claim $id" >>"$tmp/log"
			claims="$claims $id"
			;;
		"span "*" ORG relabel") echo "span ${what#span } " | sed 's/ relabel//' >>"$tmp/log" ;;
		"evidence "*) echo "$what Report $i" >>"$tmp/log" ;;
		"deleted "*)
			echo "$what" >>"$tmp/log"
			spans=$(echo "$spans" | sed "s/ ${what#deleted }\$//; s/ ${what#deleted } / /")
			;;
		esac
	elif [ $rc = 137 ]; then
		killed=$((killed + 1))
		# Killed: perhaps done, perhaps not; what it touched is unknown.
		case $what in
		"span "*" ORG relabel") echo "unknown $(echo "$what" | cut -d' ' -f2)" >>"$tmp/log" ;;
		"deleted "*)
			echo "unknown ${what#deleted }" >>"$tmp/log"
			spans=$(echo "$spans" | sed "s/ ${what#deleted }\$//; s/ ${what#deleted } / /")
			;;
		esac
	else
		fail "$* exited $rc: $(cat "$tmp/err")"
	fi
	ic=$(load_q 'PRAGMA integrity_check')
	[ "$ic" = ok ] || fail "after kill $i: integrity_check: $ic"
	i=$((i + 1))
done

# What the log reports, checked against the store: a span's state after its
# last reported edit, unless a killed command touched it after that.
awk '$1 == "span" { s[$2] = $3; u[$2] = 0 } $1 == "deleted" { s[$2] = "-"; u[$2] = 0 }
	$1 == "unknown" { u[$2] = 1 }
	END { for (i in s) if (!u[i]) print i, s[i] }' "$tmp/log" | sort >"$tmp/want"
load_q "SELECT id, CASE WHEN deleted_at IS NULL THEN label ELSE '-' END FROM span
	WHERE author = 'ed1'" | tr '|' ' ' | sort >"$tmp/got"
join -a1 -e MISSING -o 0,1.2,2.2 "$tmp/want" "$tmp/got" | awk '$2 != $3' >"$tmp/diff"
[ -s "$tmp/diff" ] && fail "spans not as reported (id want got): $(head -5 "$tmp/diff" | tr '\n' ';')"
for sp in $(awk '$1 == "entity" { print $2 }' "$tmp/log"); do
	[ "$(load_q "SELECT count(*) FROM span s JOIN entity e ON e.id = s.entity_id WHERE s.id = $sp")" = 1 ] ||
		fail "span $sp has lost its entity"
done
for cl in $(awk '$1 == "claim" { print $2 }' "$tmp/log"); do
	[ "$(load_q "SELECT count(*) FROM claim WHERE id = $cl AND deleted_at IS NULL")" = 1 ] ||
		fail "claim $cl reported, not stored"
done
awk '$1 == "evidence" { print $2, $4 }' "$tmp/log" | while read -r cl n; do
	[ "$(load_q "SELECT count(*) FROM evidence v JOIN claim c ON c.research_id = v.research_id
		WHERE c.id = $cl AND v.source = 'Report $n'")" = 1 ] || fail "evidence $n on claim $cl reported, not stored"
done
# Nothing half-done: every claim stored, reported or not, has all the
# research its one command gave it.
half=$(load_q "SELECT c.id FROM claim c JOIN research r ON r.id = c.research_id WHERE
	r.verdict IS NOT 'true' OR r.note NOT LIKE 'n%' OR r.status <> 'proposed' OR NOT EXISTS
	(SELECT 1 FROM evidence v WHERE v.research_id = r.id AND v.source LIKE 'https://example.org/c/%')")
[ -z "$half" ] || fail "claims stored without all their research: $half"
half=$(load_q "SELECT id FROM span WHERE label = 'LOC' AND entity_id IS NULL")
[ -z "$half" ] || fail "spans tagged with an entity stored without it: $half"

# The interface: tag words one by one, then a last key and SIGKILL at once.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
sh -c 'echo \$\$ >"$tmp/pid"; exec "$COPYDESK" --db "$db"'
echo "EXIT=\$?" >"$tmp/exit"
EOF
: >"$tmp/ui.log"
w=0
r=0
while [ $r -lt "$UI" ]; do
	rm -f "$tmp/pid" "$tmp/exit"
	start "sh $tmp/run.sh"
	wait_for "Articles 1/2" 10
	keys G Enter
	wait_line 23 '^ 2/2 ' 10
	# To the first word not yet tagged.
	[ $w -gt 0 ] && keys "$w" w
	wait_file "$tmp/pid"
	t=$(($(rnd 4) + 1))
	while [ $t -gt 0 ]; do
		load_ui_tag "$(printf 'a2w%05d' $w)"
		w=$((w + 1))
		t=$((t - 1))
	done
	# One more key, and the kill a random moment after it.
	keys P
	sleep "0.$(printf %03d "$(rnd 100)")"
	kill -9 "$(cat "$tmp/pid")"
	wait_file "$tmp/exit"
	grep -q 'EXIT=137' "$tmp/exit" || fail "the interface: $(cat "$tmp/exit"), not killed"
	w=$((w + 1))
	ic=$(load_q 'PRAGMA integrity_check')
	[ "$ic" = ok ] || fail "after interface kill $r: integrity_check: $ic"
	r=$((r + 1))
done
nui=$(wc -l <"$tmp/ui.log")
got=$(load_ui_stored 2)
[ "$got" = "$nui" ] || fail "the interface reported $nui tags, $got are stored"

load_consistency
echo "command line: $N commands, $killed killed, $completed completed; interface: $UI sessions killed, $nui tags reported"
[ "$killed" -gt 0 ] || fail "no command was killed"
[ "$completed" -gt 0 ] || fail "no command completed"
finish
