#!/bin/sh
# spans_bench.sh - an article with N spans (10,000 by default) in the
# interface: how long it takes to open, and from key to screen and bytes
# per key while moving and paging through it (bench/tui_keys in a pty).
#
#   bench/spans_bench.sh [-n SPANS] [-r REPEAT] [BUILD_DIR]
#
# The article is one sample article (annotations/samples/01-*.txt) repeated
# until it holds N spans: the sample is tagged once with `copydesk tag
# --text ... --all`, the long article is imported as JSON Lines, and the
# sample's spans are copied to every repetition with sqlite3 (the text at
# each copied range is checked to be the span's text).
set -eu

spans=10000
repeat=50
while getopts n:r: opt; do
	case $opt in
	n) spans=$OPTARG ;;
	r) repeat=$OPTARG ;;
	*) echo "usage: $0 [-n SPANS] [-r REPEAT] [BUILD_DIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
copydesk=$build/copydesk
keys=$build/bench/tui_keys
for f in "$copydesk" "$keys"; do
	[ -x "$f" ] || { echo "$0: $f is not built" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "$0: needs the sqlite3 shell" >&2; exit 2; }

work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
db=$work/bench.db
export COPYDESK_EDITOR=bench
cd_() { "$copydesk" --db "$db" "$@"; }

# 1. The sample, tagged.
cd_ import "$src/annotations/samples/01-dien-dan-kinh-te-mien-trung.txt" >/dev/null 2>&1
while IFS='|' read -r text label; do
	cd_ tag 1 --text "$text" "$label" --all >/dev/null 2>&1 || true
done <<'EOF'
Đà Nẵng|LOC
Diễn đàn Kinh tế miền Trung|EVENT
Đoàn Ngọc Lâm|PER
Chủ tịch Hội đồng điều phối vùng|TITLE
Đặng Thị Thu Hiền|PER
Giám đốc Sở Kế hoạch và Đầu tư|TITLE
Quảng Ngãi|LOC
Tiên Sa|LOC
Nha Trang|LOC
Liên Chiểu|LOC
Nhật Bản|LOC
Hàn Quốc|LOC
Quảng Nam|LOC
Tây Nguyên|LOC
năm 2024|DATE
năm 2026|DATE
Sáng 17-9|DATE
7,2%|NUM
15%|NUM
6%|NUM
800|NUM
14|NUM
40|NUM
12|NUM
2,1 tỷ USD|NUM
28 triệu|NUM
vùng|MISC
cả nước|MISC
doanh nghiệp|MISC
EOF
per=$(sqlite3 "$db" "SELECT count(*) FROM span WHERE article_id = 1 AND deleted_at IS NULL")
[ "$per" -gt 0 ] || { echo "$0: tagging the sample failed" >&2; exit 1; }
reps=$(((spans + per - 1) / per))

# 2. The long article: the sample's body reps times, one paragraph break apart.
sqlite3 "$db" "WITH RECURSIVE r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r WHERE k < $reps)
	SELECT json_object('title', 'Bench: $spans spans', 'lang', 'vi', 'text',
	  (SELECT group_concat(body, char(10, 10)) FROM r, article WHERE id = 1))" >"$work/big.jsonl"
cd_ import "$work/big.jsonl" >/dev/null 2>&1

# 3. The sample's spans on every repetition, then the sample goes.
sqlite3 "$db" "WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM r WHERE k < $reps - 1)
	INSERT INTO span (article_id, start, \"end\", label, text, author, created_at,
	                  updated_by, updated_at)
	SELECT 2, s.start + r.k * (a.chars + 2), s.\"end\" + r.k * (a.chars + 2), s.label, s.text,
	       'bench', s.created_at, 'bench', s.created_at
	FROM span s, article a, r
	WHERE s.article_id = 1 AND a.id = 1 AND s.deleted_at IS NULL;
	DELETE FROM article WHERE id = 1;"
bad=$(sqlite3 "$db" "SELECT count(*) FROM span s JOIN article a ON a.id = s.article_id
	WHERE substr(a.body, s.start + 1, s.\"end\" - s.start) <> s.text")
total=$(cd_ spans 2 | wc -l)
[ "$bad" = 0 ] || { echo "$0: $bad copied spans do not match their text" >&2; exit 1; }
chars=$(sqlite3 "$db" "SELECT chars FROM article WHERE id = 2")

echo "article: $chars characters, $total spans ($per spans x $reps repetitions)"
echo "\$ tui_keys -n $repeat -- copydesk --db DB"
"$keys" -n "$repeat" -- "$copydesk" --db "$db"
