# lib_load.sh - sourced by the load and crash tests (test_load_concurrent,
# test_crash_loop) and their long variants in bench/: articles of numbered
# words to edit, one editor's cycle of edits of every kind through the CLI
# with a log of what each command reported as done, and the checks that the
# database holds exactly those edits and nothing half-done.
#
#   load_corpus FILE ARTICLES WORDS   ARTICLES articles of WORDS words each
#                                     (word i of article a: "a<a>w<i>", padded
#                                     to 8 characters: it starts at 9 * i)
#   load_editor K N ARTICLE PARITY LOG   editor edK's N edits (see below)
#   load_check_log K LOG              what LOG says was done is stored
#   load_consistency                  derived tables and links agree with rows
#
# The caller sets $db, $tmp, $COPYDESK and fail().  Each edit is one copydesk
# process; its exit status, stderr (no "locked" or "busy"), wall time (ms,
# in $tmp/lat) and longest write lock (COPYDESK_LOCK_REPORT, in $tmp/lock) are
# kept.

load_q() { sqlite3 -cmd '.timeout 10000' "$db" "$1"; }

load_corpus() {
	awk -v na="$2" -v nw="$3" 'BEGIN {
		for (a = 1; a <= na; a++) {
			printf "{\"title\":\"Load %d\",\"lang\":\"en\",\"text\":\"", a
			for (i = 0; i < nw; i++)
				printf "%sa%dw%05d", (i ? " " : ""), a % 10, i
			printf "\"}\n"
		}
	}' >"$1"
}

# load_run K LOG WHAT CMD...: one edit by editor edK; its first output line
# goes to $tmp/ed$K.out.  Returns the command's status; a failure is logged.
load_run() {
	_k=$1 _log=$2 _what=$3
	shift 3
	_t0=$(date +%s%N)
	COPYDESK_EDITOR=ed$_k COPYDESK_LOCK_REPORT=1 "$COPYDESK" --db "$db" "$@" \
		>"$tmp/ed$_k.out" 2>"$tmp/ed$_k.err" </dev/null
	_rc=$?
	_t1=$(date +%s%N)
	echo "$(((_t1 - _t0) / 1000)) $_what" >>"$tmp/lat"
	sed -n 's/^copydesk: longest write lock \([0-9.]*\) ms$/\1/p' "$tmp/ed$_k.err" >>"$tmp/lock"
	grep -v '^copydesk: longest write lock ' "$tmp/ed$_k.err" >>"$tmp/ed$_k.stderr"
	if [ $_rc != 0 ]; then
		echo "failed $_rc $_what: $*" >>"$_log"
		return $_rc
	fi
	return 0
}

# The word slot S of cycle C of an editor of parity P: 5 slots a cycle, two
# editors (parities 0 and 1) on each article.
load_at() { echo $((9 * ((($2 * 5 + $3) * 2) + $1))); }

# load_editor K N ARTICLE PARITY LOG: N edits by edK on ARTICLE, a cycle of
# eleven: tag, relabel, tag with an entity, rename it, tag and untag, a claim
# with its research (verdict, source, quote, note), evidence, approval of the
# previous editor's (ed<K-1>, ring of $LOAD_EDITORS) claim of the same
# cycle, tag and undo.  LOG gets a line per edit reported as done.
load_editor() {
	k=$1 n=$2 a=$3 p=$4 log=$5
	prev=$((k == 1 ? ${LOAD_EDITORS:-8} : k - 1))
	c=0 done_n=0
	: >"$log"
	while [ $done_n -lt "$n" ]; do
		for step in 1 2 3 4 5 6 7 8 9 10 11; do
			[ $done_n -lt "$n" ] || break
			done_n=$((done_n + 1))
			case $step in
			1)
				s=$(load_at $p $c 0)
				load_run $k "$log" tag tag $a $s $((s + 8)) PER || continue
				echo "span $(cut -f1 "$tmp/ed$k.out") PER" >>"$log"
				span=$(cut -f1 "$tmp/ed$k.out")
				;;
			2)
				load_run $k "$log" relabel span $a "$span" --label ORG || continue
				echo "span $span ORG" >>"$log"
				;;
			3)
				s=$(load_at $p $c 1)
				load_run $k "$log" entity tag $a $s $((s + 8)) LOC --entity "E$k-$c" || continue
				espan=$(cut -f1 "$tmp/ed$k.out")
				echo "span $espan LOC" >>"$log"
				echo "entity $espan E$k-$c" >>"$log"
				;;
			4)
				ent=$(load_q "SELECT entity_id FROM span WHERE id = ${espan:-0}")
				load_run $k "$log" rename entity rename "${ent:-0}" "E$k-$c renamed" || continue
				echo "entity $espan E$k-$c renamed" >>"$log"
				;;
			5)
				s=$(load_at $p $c 2)
				load_run $k "$log" tag tag $a $s $((s + 8)) PER || continue
				dspan=$(cut -f1 "$tmp/ed$k.out")
				echo "span $dspan PER" >>"$log"
				;;
			6)
				load_run $k "$log" untag untag $a "$dspan" || continue
				echo "deleted $dspan" >>"$log"
				;;
			7)
				s=$(load_at $p $c 3)
				load_run $k "$log" claim claim $a $s $((s + 8)) --verdict true \
					--source "https://example.org/ed$k/$c" --quote "q$k-$c" --note "n$k-$c" || continue
				claim=$(cut -f1 "$tmp/ed$k.out")
				echo "claim $claim $k $c" >>"$log"
				;;
			8)
				load_run $k "$log" evidence evidence "$claim" --source "Report $k-$c" --quote "e$k-$c" ||
					continue
				echo "evidence $claim Report $k-$c" >>"$log"
				echo "ready $c $claim" >>"$log"
				;;
			9)
				# The previous editor's claim of this cycle, once ready
				# (its step 8 comes before any waiting: no deadlock).
				other=
				tries=0
				while [ -z "$other" ] && [ $tries -lt 1200 ]; do
					other=$(sed -n "s/^ready $c //p" "$tmp/ed$prev.log" 2>/dev/null)
					[ -n "$other" ] || { sleep 0.05; tries=$((tries + 1)); }
				done
				if [ -z "$other" ]; then
					echo "failed - approve: ed$prev's claim of cycle $c never came" >>"$log"
					continue
				fi
				load_run $k "$log" approve approve "$other" || continue
				echo "approved $other" >>"$log"
				;;
			10)
				s=$(load_at $p $c 4)
				load_run $k "$log" tag tag $a $s $((s + 8)) MISC || continue
				uspan=$(cut -f1 "$tmp/ed$k.out")
				echo "span $uspan MISC" >>"$log"
				;;
			11)
				load_run $k "$log" undo undo || continue
				echo "deleted $uspan" >>"$log"
				;;
			esac
		done
		c=$((c + 1))
	done
}

# load_check_log K LOG: every edit LOG reports as done is in the database,
# as the last report says, by edK, with its edit_log entry.
load_check_log() {
	k=$1 log=$2
	# The expected state of each span: its last line wins.
	awk '$1 == "span" { s[$2] = $3 } $1 == "deleted" { s[$2] = "-" }
		END { for (i in s) print i, s[i] }' "$log" >"$tmp/want.$k"
	load_q "SELECT s.id, CASE WHEN s.deleted_at IS NULL THEN s.label ELSE '-' END FROM span s
		WHERE s.author = 'ed$k' AND EXISTS (SELECT 1 FROM edit_log e WHERE e.action = 'span-add'
		AND e.target_id = s.id AND e.editor = 'ed$k')" | tr '|' ' ' | sort >"$tmp/got.$k"
	sort "$tmp/want.$k" | join -a1 -e MISSING -o 0,1.2,2.2 - "$tmp/got.$k" |
		awk '$2 != $3' >"$tmp/diff.$k"
	[ -s "$tmp/diff.$k" ] && fail "ed$k: spans not as reported (id want got): $(head -5 "$tmp/diff.$k" | tr '\n' ';')"
	# Entities: the name last reported, on the span.
	awk '$1 == "entity" { i = $2; $1 = $2 = ""; sub(/^  /, ""); e[i] = $0 }
		END { for (i in e) print i "|" e[i] }' "$log" | sort >"$tmp/wante.$k"
	load_q "SELECT s.id || '|' || e.name FROM span s JOIN entity e ON e.id = s.entity_id
		WHERE s.author = 'ed$k'" | sort >"$tmp/gote.$k"
	comm -23 "$tmp/wante.$k" "$tmp/gote.$k" >"$tmp/diffe.$k"
	[ -s "$tmp/diffe.$k" ] && fail "ed$k: entities not as reported: $(head -3 "$tmp/diffe.$k" | tr '\n' ';')"
	# Claims with all their research, each evidence reported, approvals.
	for cl in $(awk '$1 == "claim" { print $2 }' "$log"); do
		got=$(load_q "SELECT c.author, r.verdict, r.note, (SELECT count(*) FROM evidence v WHERE
			v.research_id = r.id AND v.source LIKE 'https://example.org/ed$k/%') FROM claim c
			JOIN research r ON r.id = c.research_id WHERE c.id = $cl AND c.deleted_at IS NULL")
		case $got in
		"ed$k|true|n$k-"*"|1") ;;
		*) fail "ed$k: claim $cl stored as '$got'" ;;
		esac
	done
	for cl in $(awk '$1 == "evidence" { print $2 }' "$log"); do
		[ "$(load_q "SELECT count(*) FROM evidence v JOIN claim c ON c.research_id = v.research_id
			WHERE c.id = $cl AND v.source LIKE 'Report $k-%' AND v.added_by = 'ed$k'")" = 1 ] ||
			fail "ed$k: the evidence reported on claim $cl is not stored"
	done
	for cl in $(awk '$1 == "approved" { print $2 }' "$log"); do
		[ "$(load_q "SELECT r.status || ' ' || r.reviewed_by FROM claim c JOIN research r ON
			r.id = c.research_id WHERE c.id = $cl")" = "verified ed$k" ] ||
			fail "ed$k: approved claim $cl is not verified by ed$k"
	done
	grep '^failed' "$log" >"$tmp/failed.$k" && fail "ed$k: $(wc -l <"$tmp/failed.$k") edits failed: $(head -3 "$tmp/failed.$k" | tr '\n' ';')"
	grep -iE 'locked|busy' "$tmp/ed$k.stderr" >/dev/null 2>&1 &&
		fail "ed$k: busy on stderr: $(grep -iE 'locked|busy' "$tmp/ed$k.stderr" | head -2)"
	return 0
}

# load_consistency: integrity_check, foreign keys, and every derived table
# (stat_*, article_sort) equal to what its rows say; every span, claim and
# evidence made by an edit has its edit_log entry, every edit_log entry its
# undo step (history row, its own or its group's; imports and a new entity,
# which undo leaves, have none); no claim without research.
load_consistency() {
	ic=$(load_q 'PRAGMA integrity_check')
	[ "$ic" = ok ] || fail "integrity_check: $ic"
	fk=$(load_q 'PRAGMA foreign_key_check')
	[ -z "$fk" ] || fail "foreign_key_check: $fk"
	load_q "
	SELECT 'stat_article', * FROM (SELECT status, count(*) FROM article GROUP BY status
	  EXCEPT SELECT status, n FROM stat_article WHERE n <> 0) UNION ALL
	SELECT 'stat_article', * FROM (SELECT status, n FROM stat_article WHERE n <> 0
	  EXCEPT SELECT status, count(*) FROM article GROUP BY status) UNION ALL
	SELECT 'stat_label', * FROM (SELECT label, count(*) FROM span WHERE deleted_at IS NULL GROUP BY label
	  EXCEPT SELECT label, n FROM stat_label WHERE n <> 0) UNION ALL
	SELECT 'stat_label', * FROM (SELECT label, n FROM stat_label WHERE n <> 0
	  EXCEPT SELECT label, count(*) FROM span WHERE deleted_at IS NULL GROUP BY label) UNION ALL
	SELECT 'stat_claim', * FROM (SELECT r.status || '/' || coalesce(r.verdict, ''), count(*) FROM claim c
	  JOIN research r ON r.id = c.research_id WHERE c.deleted_at IS NULL GROUP BY r.status, r.verdict
	  EXCEPT SELECT status || '/' || verdict, n FROM stat_claim WHERE n <> 0) UNION ALL
	SELECT 'stat_claim', * FROM (SELECT status || '/' || verdict, n FROM stat_claim WHERE n <> 0
	  EXCEPT SELECT r.status || '/' || coalesce(r.verdict, ''), count(*) FROM claim c
	  JOIN research r ON r.id = c.research_id WHERE c.deleted_at IS NULL GROUP BY r.status, r.verdict) UNION ALL
	SELECT 'stat_editor_day', * FROM (
	  SELECT editor || '/' || day, sum(sp) || '/' || sum(cl) FROM (
	    SELECT author AS editor, substr(created_at, 1, 10) AS day, 1 AS sp, 0 AS cl FROM span
	      WHERE deleted_at IS NULL UNION ALL
	    SELECT author, substr(created_at, 1, 10), 0, 1 FROM claim WHERE deleted_at IS NULL)
	  GROUP BY editor, day
	  EXCEPT SELECT editor || '/' || day, spans || '/' || claims FROM stat_editor_day
	    WHERE spans <> 0 OR claims <> 0) UNION ALL
	SELECT 'stat_editor_day', * FROM (SELECT editor || '/' || day, spans || '/' || claims
	  FROM stat_editor_day WHERE spans <> 0 OR claims <> 0 EXCEPT
	  SELECT editor || '/' || day, sum(sp) || '/' || sum(cl) FROM (
	    SELECT author AS editor, substr(created_at, 1, 10) AS day, 1 AS sp, 0 AS cl FROM span
	      WHERE deleted_at IS NULL UNION ALL
	    SELECT author, substr(created_at, 1, 10), 0, 1 FROM claim WHERE deleted_at IS NULL)
	  GROUP BY editor, day) UNION ALL
	SELECT 'article_sort', a.id, a.status FROM article a LEFT JOIN article_sort s ON s.id = a.id
	  WHERE s.id IS NULL OR s.status <> a.status UNION ALL
	SELECT 'span without span-add', id, author FROM span s WHERE NOT EXISTS (SELECT 1 FROM
	  edit_log e WHERE e.action = 'span-add' AND e.target_id = s.id) UNION ALL
	SELECT 'claim without claim-add', id, author FROM claim c WHERE NOT EXISTS (SELECT 1 FROM
	  edit_log e WHERE e.action IN ('claim-add', 'claim-apply') AND e.target_id = c.id) UNION ALL
	SELECT 'claim without research', id, research_id FROM claim WHERE research_id IS NULL OR
	  research_id NOT IN (SELECT id FROM research) UNION ALL
	SELECT 'research without claim', id, '' FROM research r WHERE NOT EXISTS (SELECT 1 FROM claim c
	  WHERE c.research_id = r.id) UNION ALL
	SELECT 'edit without undo step', id, action FROM edit_log e
	  WHERE action NOT IN ('import', 'labels-import', 'verdicts-import', 'import-annotations',
	    'undo', 'redo', 'group', 'entity-add', 'user-add', 'user-role', 'user-remove')
	  AND NOT EXISTS (SELECT 1 FROM history h WHERE h.log_id = e.id)
	  AND NOT EXISTS (SELECT 1 FROM edit_log g, json_each(g.data, '\$.edits') j
	    WHERE g.action = 'group' AND j.value = e.id AND EXISTS (SELECT 1 FROM history h
	    WHERE h.log_id = g.id)) UNION ALL
	SELECT 'undo step without edit', log_id, editor FROM history h WHERE NOT EXISTS (SELECT 1
	  FROM edit_log e WHERE e.id = h.log_id)" >"$tmp/inconsistent"
	[ -s "$tmp/inconsistent" ] && fail "derived tables or links disagree with the rows: $(head -8 "$tmp/inconsistent" | tr '\n' ';')"
	return 0
}

# load_ui_tag WORD [S]: in the interface's reader, P tags the word under the
# cursor; once the status line says so (within S s, 20) the word is logged in
# $tmp/ui.log as reported done, and w goes to the next word.
load_ui_tag() {
	keys P
	wait_for "Tagged: PER “$1”" "${2:-20}"
	echo "$1" >>"$tmp/ui.log"
	keys w
}

# load_ui_stored ARTICLE: how many of the words in $tmp/ui.log are stored as
# the interface's (tester's) PER spans in ARTICLE.
load_ui_stored() {
	load_q "SELECT count(DISTINCT text) FROM span WHERE article_id = $1 AND author = 'tester'
		AND label = 'PER' AND deleted_at IS NULL AND text IN ($(sed "s/.*/'&'/" "$tmp/ui.log" | paste -sd,))"
}

# load_figures: edits, wall time per edit (p50, p99, max) and the longest
# write lock of any edit, from $tmp/lat and $tmp/lock.
load_figures() {
	sort -n "$tmp/lat" | awk '{ v[NR] = $1 } END { if (NR == 0) exit
		p = int(NR * 0.99) + 1; if (p > NR) p = NR
		printf "edits %d, latency ms p50 %.1f p99 %.1f max %.1f\n", NR, v[int(NR * 0.5) + 1] / 1000, v[p] / 1000, v[NR] / 1000 }'
	sort -n "$tmp/lock" | awk '{ v[NR] = $1 } END { if (NR == 0) exit
		p = int(NR * 0.99) + 1; if (p > NR) p = NR
		printf "write lock ms p50 %.2f p99 %.2f max %.2f (%d commands)\n", v[int(NR * 0.5) + 1], v[p], v[NR], NR }'
}
