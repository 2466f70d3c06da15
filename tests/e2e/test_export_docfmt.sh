#!/bin/sh
# copydesk export --format doccano|fever|csv|claimreview end to end: a corpus
# tagged by two editors, with claims proposed, approved and left open, written
# in each format and read back by the tools' own checks (tests/tools/):
# doccano's import pipeline (both forms), FEVER's scorer, python's csv
# module, Google's ClaimReview properties; the doccano export read back by
# `copydesk import --format doccano`.  Skipped (77) without python3.
set -u
: "${COPYDESK:?}" "${SRCDIR:?}"
command -v python3 >/dev/null 2>&1 || exit 77
tools="$SRCDIR/tests/tools"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=anna
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || fail "$*: $(cat "$tmp/err")"; }
bob() { env COPYDESK_EDITOR=bob "$@"; }
# claim ARGS...: make a claim, print its id
claim() { "$COPYDESK" claim "$@" </dev/null | cut -f1; }

body1='Hà Nội, ngày 2/11. Ông Nguyễn Văn An nói GDP năm nay tăng 8,2%. Bà Bình 😀 cho biết con số đó sai. Câu cuối.'
body2='The minister said unemployment fell to 3% in 2025. Critics disagree.'
{
	printf '{"title":"Tin \\"nóng\\", =SUM(1)","date":"2025-11-02","url":"https://example.vn/a?b=1","lang":"vi","text":"%s"}\n' "$body1"
	printf '{"title":"Jobs","lang":"en","text":"%s"}\n' "$body2"
} >"$tmp/in.jsonl"
ok "$COPYDESK" import "$tmp/in.jsonl"
ok "$COPYDESK" tag 1 --text 'Hà Nội' LOC
ok bob "$COPYDESK" tag 1 --text 'Ông Nguyễn Văn An' PER
ok "$COPYDESK" tag 1 --text 'Nguyễn Văn An' PER
ok bob "$COPYDESK" tag 1 --text 'Bình' PER
c1=$(claim 1 --text 'GDP năm nay tăng 8,2%' --verdict false --source https://gso.gov.vn --quote 'GDP tăng 7,1%')
c2=$(claim 1 --text 'con số đó sai' --verdict true --source 'Báo cáo, "quý 3"' --quote x)
c3=$(claim 1 --text 'Câu cuối')
c4=$(claim 2 --text 'unemployment fell to 3%' --verdict unverifiable --source https://stats.example --quote y)
ok bob "$COPYDESK" approve "$c1"
ok bob "$COPYDESK" approve "$c4"
[ -n "$c1" ] && [ -n "$c3" ] || fail "claims not made"

# doccano: both forms load in doccano's pipeline; each span's text at its offsets
ok "$COPYDESK" export --format doccano --output "$tmp/d.jsonl"
python3 "$tools/doccano/doccano_import.py" --allow-overlapping "$tmp/d.jsonl" >/dev/null ||
	fail "doccano's import checks refuse the export"
python3 - "$tmp/d.jsonl" <<'EOF' || fail "doccano spans not on their text"
import json, sys
want = {"LOC": {"Hà Nội"}, "PER": {"Nguyễn Văn An", "Ông Nguyễn Văn An", "Bình"}}
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 2 and rows[0]["id"] == 1, rows
spans = rows[0]["label"]
assert len(spans) == 4, spans
for s, e, label in spans:
    assert rows[0]["text"][s:e] in want[label], (s, e, label, rows[0]["text"][s:e])
assert rows[1]["label"] == []
EOF
ok "$COPYDESK" export --format doccano --doccano-entities --output "$tmp/e.jsonl"
python3 "$tools/doccano/doccano_import.py" --entities --allow-overlapping "$tmp/e.jsonl" \
	>/dev/null || fail "doccano's import checks refuse the entities form"
grep -q '"entities":\[{"id":0,"label":"LOC","start_offset":0,"end_offset":6}' "$tmp/e.jsonl" ||
	fail "entities form: $(head -c 300 "$tmp/e.jsonl")"
# and back into copydesk: the same texts
COPYDESK_DB="$tmp/back.db" "$COPYDESK" import --format doccano "$tmp/d.jsonl" \
	>"$tmp/out" 2>"$tmp/err" || fail "import --format doccano: $(cat "$tmp/err")"
[ "$(COPYDESK_DB="$tmp/back.db" "$COPYDESK" list | wc -l)" = 2 ] || fail "doccano round trip"
# a bad offset refuses the file with its line
printf '{"text":"abc","label":[[0,1,"LOC"]]}\n{"text":"abc","label":[[1,9,"LOC"]]}\n' >"$tmp/bad.jsonl"
if COPYDESK_DB="$tmp/bad.db" "$COPYDESK" import --format doccano "$tmp/bad.jsonl" \
	>"$tmp/out" 2>"$tmp/err"; then
	fail "a span outside the text was taken"
fi
grep -q "2.*outside the text" "$tmp/err" || fail "no line and reason: $(cat "$tmp/err")"

# fever: the claims with a verdict (c3 has none: said on stderr), read by the scorer
ok "$COPYDESK" export --format fever --output "$tmp/f.jsonl"
[ "$(wc -l <"$tmp/f.jsonl")" = 3 ] || fail "fever: $(cat "$tmp/f.jsonl")"
grep -q "without a verdict" "$tmp/err" || fail "fever: the claim left out is not told"
python3 "$tools/fever/check_fever.py" --unique "$tmp/f.jsonl" >/dev/null ||
	fail "FEVER's scorer refuses the export"
grep -q "^{\"id\":$c1,\"verifiable\":\"VERIFIABLE\",\"label\":\"REFUTES\"," "$tmp/f.jsonl" ||
	fail "fever: claim $c1: $(head -1 "$tmp/f.jsonl")"

# csv: every claim a row, read back by python's csv module
ok "$COPYDESK" export --format csv --output "$tmp/c.csv"
python3 "$tools/csv/read_csv.py" "$tmp/c.csv" >"$tmp/rows.json" || fail "csv unreadable"
python3 - "$tmp/rows.json" "$c1" <<'EOF' || fail "csv rows"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 5, len(rows)
h = rows[0]
r = dict(zip(h, rows[1]))
assert r["claim_id"] == sys.argv[2] and r["status"] == "verified", r
assert r["verdict"] == "false" and r["verdict_label"] == "False", r
assert r["title"] == 'Tin "nóng", =SUM(1)', r
assert r["reviewed_by"] == "bob" and r["proposed_by"] == "anna", r
assert r["evidence"].startswith("https://gso.gov.vn \u2014 GDP tăng 7,1%"), r
EOF

# claimreview: the organisation first, then the verified claims only
if "$COPYDESK" export --format claimreview --output "$tmp/r.json" >"$tmp/out" 2>"$tmp/err"; then
	fail "claimreview without an organisation"
fi
grep -q "org.name" "$tmp/err" || fail "claimreview: $(cat "$tmp/err")"
if ! "$COPYDESK" config org.name 'Báo Sự thật' >/dev/null 2>&1; then
	sqlite3 "$COPYDESK_DB" "CREATE TABLE IF NOT EXISTS config(key TEXT PRIMARY KEY, value TEXT);
	    INSERT OR REPLACE INTO config VALUES('org.name', 'Báo Sự thật')"
fi
"$COPYDESK" config org.url https://suthat.example.vn/ >/dev/null 2>&1 ||
	sqlite3 "$COPYDESK_DB" "INSERT OR REPLACE INTO config VALUES('org.url', 'https://suthat.example.vn/')"
ok "$COPYDESK" export --format claimreview --output "$tmp/r.json"
python3 "$tools/claimreview/check_claimreview.py" --ours "$tmp/r.json" >"$tmp/out" ||
	fail "ClaimReview checks refuse the export"
grep -q ": 2 reviews$" "$tmp/out" || fail "claimreview: $(cat "$tmp/out")"
grep -q "\"url\":\"https://suthat.example.vn/#claim-$c1\"" "$tmp/r.json" || fail "review url"

[ "$fails" = 0 ] || exit 1
echo "ok"
