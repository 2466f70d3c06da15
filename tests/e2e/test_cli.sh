#!/bin/sh
# The command line as a script uses it: import, list, show, status, help,
# exit statuses, refusals that leave the database unchanged, and no raw
# control characters on a terminal.
set -u
: "${COPYDESK:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export COPYDESK_DB="$tmp/cd.db" COPYDESK_EDITOR=tester
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect STATUS CMD...: run CMD, keep its output in $tmp/out and $tmp/err
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
q() { sqlite3 "$COPYDESK_DB" "$1"; }
counts() { q "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM mark), (SELECT count(*) FROM edit_log)"; }

expect 0 "$COPYDESK" --version
grep -q '^copydesk [0-9]' "$tmp/out" || fail "--version: $(cat "$tmp/out")"
expect 0 "$COPYDESK" --help
for c in import list show status demo help; do
	grep -q "^  $c " "$tmp/out" || fail "--help does not list $c"
done
expect 64 "$COPYDESK" frobnicate
expect 64 "$COPYDESK" --bogus
expect 64 "$COPYDESK" import
expect 64 "$COPYDESK" import --format xml x
expect 64 "$COPYDESK" show notanumber
expect 1 "$COPYDESK"
grep -q 'not a terminal' "$tmp/err" || fail "no-terminal message: $(cat "$tmp/err")"
expect 1 "$COPYDESK" demo
grep -q 'not a terminal' "$tmp/err" || fail "demo no-terminal message"

# Good input: a text file with a date prefix and a title, NFD text, and stdin.
printf ' date 2025-11-02 Hà Nội hôm nay có mưa.\n\nĐoạn hai.\n' >"$tmp/a.txt"
printf 'Tie\314\202u \304\221e\314\202\314\200 hai\n\nVie\314\202\314\243t Nam.\n' >"$tmp/nfd.txt"
expect 0 "$COPYDESK" import "$tmp/a.txt" "$tmp/nfd.txt"
[ "$(grep -c '^added ' "$tmp/out")" = 2 ] || fail "import: $(cat "$tmp/out")"
[ "$(q "SELECT date FROM article WHERE id = 1")" = 2025-11-02 ] || fail "date prefix"
[ "$(q "SELECT title FROM article WHERE id = 2")" = "Tiêu đề hai" ] || fail "NFC title: $(q "SELECT title FROM article WHERE id = 2")"
[ "$(q "SELECT body FROM article WHERE id = 2")" = "Việt Nam." ] || fail "NFC body"
[ "$(q "SELECT lang FROM article WHERE id = 1")" = vi ] || fail "lang"
expect 0 "$COPYDESK" import "$tmp/a.txt"
grep -q '^skipped 1' "$tmp/out" || fail "duplicate not reported: $(cat "$tmp/out")"
[ "$(q "SELECT count(*) FROM article")" = 2 ] || fail "duplicate stored twice"
printf '{"text":"The minister said 38%% of firms grew.","title":"Growth","date":"2025-11-03","url":"https://example.org/a"}\n' |
	"$COPYDESK" import --format jsonl - >"$tmp/out" 2>"$tmp/err" || fail "stdin import: $(cat "$tmp/err")"
grep -q '<stdin>' "$tmp/out" || fail "stdin not named: $(cat "$tmp/out")"
[ "$(q "SELECT lang || ' ' || source FROM article WHERE id = 3")" = "en https://example.org/a" ] || fail "jsonl fields"

# list and show.
expect 0 "$COPYDESK" list
[ "$(wc -l <"$tmp/out")" = 3 ] || fail "list: $(cat "$tmp/out")"
grep -q "^3	new	2025-11-03	en	Growth$" "$tmp/out" || fail "list line: $(cat "$tmp/out")"
expect 0 "$COPYDESK" list --json
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$tmp/out'))")" = 3 ] || fail "list --json"
expect 0 "$COPYDESK" show 3 --json
[ "$(sqlite3 :memory: "SELECT substr(json_extract(readfile('$tmp/out'), '\$.body'), 19, 3)")" = "38%" ] ||
	fail "show --json body offsets"
expect 0 "$COPYDESK" show 2
grep -q '^Title: Tiêu đề hai$' "$tmp/out" || fail "show: $(cat "$tmp/out")"
expect 1 "$COPYDESK" show 99
grep -q 'no article 99' "$tmp/err" || fail "show 99: $(cat "$tmp/err")"
expect 0 "$COPYDESK" status 1 done
expect 0 "$COPYDESK" list --status done
[ "$(cut -f1,2 "$tmp/out")" = "1	done" ] || fail "status: $(cat "$tmp/out")"
[ "$(q "SELECT editor || ' ' || action FROM edit_log ORDER BY id DESC LIMIT 1")" = "tester status" ] ||
	fail "status not logged with the editor"
expect 64 "$COPYDESK" status 1 finished
expect 1 "$COPYDESK" status 42 done

# Bad input is refused with file, line and column, and changes nothing.
before=$(counts)
printf 'Good first line\nsecond line with a bad byte: \377 here\n' >"$tmp/bad.txt"
expect 65 "$COPYDESK" import "$tmp/bad.txt"
grep -q "bad.txt:2:30" "$tmp/err" || fail "invalid UTF-8 position: $(cat "$tmp/err")"
printf 'a NUL \000 byte\n' >"$tmp/nul.txt"
expect 65 "$COPYDESK" import "$tmp/nul.txt"
grep -q "nul.txt:1:7" "$tmp/err" || fail "NUL position: $(cat "$tmp/err")"
printf '{"text":"fine"}\n{"text": "broken\n' >"$tmp/broken.jsonl"
expect 65 "$COPYDESK" import "$tmp/broken.jsonl"
grep -q "broken.jsonl:2:" "$tmp/err" || fail "broken JSON position: $(cat "$tmp/err")"
: >"$tmp/empty.txt"
expect 65 "$COPYDESK" import "$tmp/empty.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$tmp/image.txt"
expect 65 "$COPYDESK" import "$tmp/image.txt"
[ "$(counts)" = "$before" ] || fail "a refused file changed the database: $before -> $(counts)"
expect 66 "$COPYDESK" import "$tmp/missing.txt"
grep -q "missing.txt" "$tmp/err" || fail "missing file not named"
# A directory with one good and one bad file: the good one goes in, status says failure.
mkdir -p "$tmp/dir/sub"
cp "$tmp/bad.txt" "$tmp/dir/"
printf 'Another story\n\nBody of another story.\n' >"$tmp/dir/sub/good.txt"
printf 'not an article' >"$tmp/dir/notes.md"
expect 65 "$COPYDESK" import "$tmp/dir"
grep -q 'good.txt' "$tmp/out" || fail "directory: good file not imported: $(cat "$tmp/out")"
grep -q 'notes.md' "$tmp/out" "$tmp/err" && fail "directory: non-article file read"

# Control characters: stored as they are, shown escaped on a terminal and to a
# pipe (which often ends at one); --json keeps them, as JSON escapes.
printf 'Escapes\n\nBefore \033]0;pwned\007 and \033[2J after.\n' >"$tmp/esc.txt"
expect 0 "$COPYDESK" import "$tmp/esc.txt"
id=$(q "SELECT id FROM article WHERE title = 'Escapes'")
"$COPYDESK" show "$id" | grep -q "$(printf '\033')" && fail "show sent a raw ESC to a pipe"
"$COPYDESK" show "$id" | grep -qF '^[]0;pwned^G' || fail "pipe: escapes not shown"
"$COPYDESK" show --json "$id" | grep -qF '\u001b]0;pwned\u0007' || fail "json: the stored text is not kept"
[ "$(q "SELECT instr(body, char(27) || ']0;pwned' || char(7)) > 0 FROM article WHERE id = $id")" = 1 ] ||
	fail "the escapes were not stored"
script -qec "$COPYDESK show $id" /dev/null >"$tmp/tty" 2>&1 </dev/null
grep -q 'pwned' "$tmp/tty" || fail "show on a terminal printed nothing: $(cat "$tmp/tty")"
grep -q "$(printf '\033')" "$tmp/tty" && fail "show sent a raw ESC to the terminal"
grep -q '\^\[\]0;pwned^G' "$tmp/tty" || fail "escapes not shown: $(cat -v "$tmp/tty")"

# The default database: $XDG_DATA_HOME/copydesk/copydesk.db, created with its directory.
env -u COPYDESK_DB XDG_DATA_HOME="$tmp/xdg" "$COPYDESK" import "$tmp/a.txt" >/dev/null 2>&1 ||
	fail "import into the default database"
[ -f "$tmp/xdg/copydesk/copydesk.db" ] || fail "default database not at XDG_DATA_HOME"

[ $fails = 0 ] && echo "all CLI checks passed"
exit $fails
