#!/bin/sh
# lock_bench.sh - how long each writing command holds the write lock on a
# corpus of ARTICLES articles: the longest BEGIN IMMEDIATE..COMMIT of the
# command, as copydesk reports it with COPYDESK_LOCK_REPORT set.
#
#   bench/lock_bench.sh [-n ARTICLES] [-t MS] [-w WORKDIR] [BUILD_DIR]
#
# Makes ARTICLES articles (default 20000) from the paragraphs of
# annotations/samples (one sentence, a claim, repeated in every tenth), imports
# them as JSON Lines, then runs each writing command once (import, status,
# tag, untag, entity rename, claim with its research, verdict, evidence,
# note, approve, dispute, dismiss, apply, undo, redo) and prints the longest
# hold of each in milliseconds.  With -t, exits 1 when a command other than
# import holds the lock longer than MS milliseconds (tests/e2e/test_lock_hold
# runs it so on a few thousand articles); import holds it for each batch of
# up to 1000 articles, and its bound is 10 MS.  Exit 2: usage or setup error.
set -eu

articles=20000
bound=
work=
while getopts n:t:w:h opt; do
	case $opt in
	n) articles=$OPTARG ;;
	t) bound=$OPTARG ;;
	w) work=$OPTARG ;;
	*) sed -n '6p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
copydesk=${COPYDESK:-$build/copydesk}
[ -x "$copydesk" ] || { echo "lock_bench: $copydesk: not built" >&2; exit 2; }
command -v python3 >/dev/null || { echo "lock_bench: python3 is needed" >&2; exit 2; }
case $articles in '' | *[!0-9]*) echo "lock_bench: -n wants a number" >&2; exit 2 ;; esac
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-lock.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
db=$work/lock.db
rm -f "$db" "$db-wal" "$db-shm"
export COPYDESK_DB="$db" COPYDESK_EDITOR=anna

python3 - "$root/annotations/samples" "$articles" >"$work/corpus.jsonl" <<'PY'
import json, os, random, sys
src, n = sys.argv[1], int(sys.argv[2])
paras = []
for name in sorted(os.listdir(src)):
    if name.endswith(".txt"):
        text = open(os.path.join(src, name), encoding="utf-8").read()
        paras += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
rnd = random.Random(1)
claim = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024."
for i in range(n):
    body = [rnd.choice(paras) for _ in range(8)]
    if i % 10 == 0:
        body.insert(rnd.randrange(len(body) + 1), claim)
    body.append("Bài số %d." % i)
    print(json.dumps({"title": "Bài %d" % i, "lang": "vi", "text": "\n\n".join(body)},
                     ensure_ascii=False))
PY

fails=0
printf '%-40s %12s\n' "command ($articles articles)" "lock ms"
# run NAME CMD...: run the command with the report on, print its longest hold
run() {
	name=$1
	shift
	if ! COPYDESK_LOCK_REPORT=1 "$@" >"$work/out" 2>"$work/err"; then
		echo "lock_bench: $name failed: $(cat "$work/err")" >&2
		fails=$((fails + 1))
		return 0
	fi
	ms=$(sed -n 's/^copydesk: longest write lock \([0-9.]*\) ms$/\1/p' "$work/err" | tail -1)
	printf '%-40s %12s\n' "$name" "${ms:-?}"
	[ -n "$bound" ] || return 0
	limit=$bound
	[ "$name" = import ] && limit=$((bound * 10))
	if [ -z "$ms" ] || python3 -c "import sys; sys.exit(float('$ms') <= $limit)"; then
		echo "lock_bench: $name held the write lock ${ms:-?} ms (bound $limit ms)" >&2
		fails=$((fails + 1))
	fi
}

run import "$copydesk" import "$work/corpus.jsonl"
run "status" "$copydesk" status 2 progress
run "tag" "$copydesk" tag 2 0 3 PER
span=$(cut -f1 "$work/out")
run "untag" "$copydesk" untag 2 "$span"
run "tag --entity" "$copydesk" tag 2 0 3 PER --entity 'Người A'
ent=$(sqlite3 "$db" "SELECT max(id) FROM entity")
run "entity rename" "$copydesk" entity rename "$ent" 'Người B'
run "claim --text (with its research)" "$copydesk" claim 1 --text 'Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024' \
	--verdict true --source 'https://www.gso.gov.vn/' --quote '38,5%' --note 'số liệu'
claim=$(cut -f1 "$work/out")
run "verdict" "$copydesk" verdict "$claim" mostly-true
run "evidence" "$copydesk" evidence "$claim" --source 'Tổng cục Thống kê' --quote 'tỷ lệ 38,5%'
run "note" "$copydesk" note "$claim" 'đã kiểm tra'
run "approve (another editor)" env COPYDESK_EDITOR=bob "$copydesk" approve "$claim"
run "apply ($((articles / 10 - 1)) repeats)" "$copydesk" apply "$claim"
run "claim --sentence" "$copydesk" claim 3 --sentence 0
claim2=$(cut -f1 "$work/out")
run "verdict (second claim)" "$copydesk" verdict "$claim2" false
run "evidence (second claim)" "$copydesk" evidence "$claim2" --source 'Reuters, 2024' --quote 'x y z'
run "dispute (another editor)" env COPYDESK_EDITOR=bob "$copydesk" dispute "$claim2" --reason 'nguồn yếu'
"$copydesk" candidates 4 >"$work/cand" 2>/dev/null || true
if [ -s "$work/cand" ]; then
	run "dismiss" "$copydesk" dismiss 4 "$(head -1 "$work/cand" | cut -f1)" "$(head -1 "$work/cand" | cut -f2)"
fi
run "undo" "$copydesk" undo
run "redo" "$copydesk" redo
[ "$fails" = 0 ] || exit 1
