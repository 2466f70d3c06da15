#!/bin/sh
# copydesk export from the command line: every format through the real
# program, the file written whole or not at all, the directory format, the
# filters, boilerplate and refusals with their exit status; and `:export` in
# the interface, with the same options, writing the same bytes.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
set +e
export COPYDESK_DB="$tmp/cd.db"
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}

# Two articles: one with a photo caption (boilerplate), spans and a claim.
printf 'Đà Nẵng mưa lớn.\n\nMưa kéo dài. (Ảnh: TTXVN)\n\nHuế nắng, 38,5%% dân số.\n' >"$tmp/a.txt"
printf 'Floods hit Quang Ngai on Monday.\n' >"$tmp/b.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt" "$tmp/b.txt"
expect 0 "$COPYDESK" tag 1 --text 'Đà Nẵng' LOC
expect 0 "$COPYDESK" tag 1 --text 'Huế' LOC
expect 0 "$COPYDESK" tag 2 --text 'Quang Ngai' LOC
expect 0 "$COPYDESK" claim 1 --text 'Huế nắng, 38,5% dân số.'
expect 0 "$COPYDESK" config org.name 'Tòa soạn <Thử>'
expect 0 "$COPYDESK" config org.url https://example.org/

# Every stream format to standard output and to a file: the same bytes.
for f in jsonl doccano conll claimreview fever csv; do
	expect 0 "$COPYDESK" export --format "$f"
	cp "$tmp/out" "$tmp/stdout.$f"
	grep -q "^exported 2 articles, 3 spans, 1 claim to standard output" "$tmp/err" ||
		fail "$f: summary: $(cat "$tmp/err")"
	expect 0 "$COPYDESK" export --format "$f" --output "$tmp/file.$f"
	cmp -s "$tmp/stdout.$f" "$tmp/file.$f" || fail "$f: the file differs from standard output"
done
ls "$tmp" | grep -q '\.tmp\.' && fail "a temporary file was left: $(ls "$tmp")"

# The caption is not in the text written, and offsets are of that text.
grep -q 'Ảnh: TTXVN' "$tmp/file.doccano" && fail "doccano: the caption is in the text"
if command -v python3 >/dev/null; then
	python3 - "$tmp/file.doccano" <<'EOF' || fail "doccano: a span's offsets do not give its text"
import json, sys
want = {"Đà Nẵng", "Huế", "Quang Ngai"}
got = set()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    for s, e, l in r["label"]:
        got.add(r["text"][s:e])
sys.exit(0 if got == want else 1)
EOF
fi
expect 0 "$COPYDESK" export --format doccano --with-boilerplate
grep -q 'Ảnh: TTXVN' "$tmp/out" || fail "--with-boilerplate: no caption"

# brat is a directory: --output is needed, and it is made.
expect 64 "$COPYDESK" export --format brat
grep -q 'directory' "$tmp/err" || fail "brat without --output: $(cat "$tmp/err")"
expect 0 "$COPYDESK" export --format brat --output "$tmp/brat"
[ -f "$tmp/brat/1.txt" ] && [ -f "$tmp/brat/1.ann" ] && [ -f "$tmp/brat/annotation.conf" ] ||
	fail "brat: $(ls "$tmp/brat")"

# Filters.
expect 0 "$COPYDESK" export --format jsonl --articles 2
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "--articles 2: $(wc -l <"$tmp/out") lines"
expect 0 "$COPYDESK" export --format csv --claim-status verified
grep -q '^exported 0 articles' "$tmp/err" || fail "--claim-status verified: $(cat "$tmp/err")"

# Refusals: a usage error for bad options; nothing written, nothing made.
expect 64 "$COPYDESK" export
expect 64 "$COPYDESK" export --format text
expect 64 "$COPYDESK" export --format conll --scheme iob3
expect 64 "$COPYDESK" export --format jsonl --since 2025-02-30
expect 64 "$COPYDESK" export --format jsonl --frobnicate
expect 64 "$COPYDESK" import --format csv "$tmp/a.txt"
grep -q 'csv is not a format copydesk imports' "$tmp/err" || fail "import --format csv: $(cat "$tmp/err")"
expect 74 "$COPYDESK" export --format jsonl --output "$tmp/no/such/dir/x.jsonl"
[ -e "$tmp/no" ] && fail "a failed export made a directory"
expect 66 "$COPYDESK" --db "$tmp/none.db" export --format jsonl
[ -e "$tmp/none.db" ] && fail "export made a database"

# :export in the interface: the same options, the message says what was written.
cat >"$tmp/run.sh" <<EOF
export TERM=xterm-256color
"$COPYDESK" --db "$COPYDESK_DB"
EOF
start "sh $tmp/run.sh"
wait_for "Articles 1/2"
keys -l ":export --format conll --output $tmp/ui.conll"
keys Enter
wait_for "Exported 2 articles"
cmp -s "$tmp/ui.conll" "$tmp/file.conll" || fail ":export wrote other bytes than export"
keys -l ":export --format conll --scheme iob3 --output x"
keys Enter
wait_for "iob3"
finish
