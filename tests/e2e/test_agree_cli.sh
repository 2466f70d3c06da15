#!/bin/sh
# copydesk agreement from the command line, on the project of
# tests/fixtures/agree with a third document whose name (its title) holds an
# escape sequence: the tables (the title escaped, never raw), the JSON in the
# issue's shape, --users and --label, the refusals with their rule and exit
# status, and a project whose texts differ leaving nothing imported.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
set +e
export COPYDESK_DB="$tmp/cd.db"
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "$* exited $got, not $want: $(cat "$tmp/err")"
}
has() { grep -qF -- "$1" "$tmp/out" || fail "no '$1' in: $(cat "$tmp/out")"; }

cp -r "$FIXTURES/agree/project" "$tmp/p"
# A title (the document's name) with an escape sequence, the same in each folder.
esc=$(printf 'd3\033[31m')
for a in anna ben chi; do
	printf 'Hanoi' >"$tmp/p/$a/$esc.txt"
	printf 'T1\tLOC 0 5\tHanoi\n' >"$tmp/p/$a/$esc.ann"
done
expect 0 "$COPYDESK" import --format brat "$tmp/p"
has "skipped 1"
expect 0 "$COPYDESK" agreement
has "3 editors: anna, ben, chi"
grep -q "$(printf '\033')" "$tmp/out" && fail "an escape reached the output raw"
has 'd3^[[31m'
expect 0 "$COPYDESK" agreement --json
has '{"editors": ["anna", "ben", "chi"], "articles_compared": 3, "instance": {"overall": {"mean_f1": '
has '"MISC": {"mean_f1": null, "sd_f1": null}'
has '"alpha": 0.'
expect 0 "$COPYDESK" agreement --users anna,ben --label LOC --json
has '"editors": ["anna", "ben"]'
has '"alpha": null'
expect 1 "$COPYDESK" agreement --users anna,dora
grep -q "dora has no layer" "$tmp/err" || fail "no reason: $(cat "$tmp/err")"
grep -q "(unknown)" "$tmp/err" || fail "no rule: $(cat "$tmp/err")"
expect 64 "$COPYDESK" agreement --users anna
# Texts that differ between folders: nothing of the project imported.
export COPYDESK_DB="$tmp/cd2.db"
printf 'Hanoi!' >"$tmp/p/chi/$esc.txt"
expect 65 "$COPYDESK" import --format brat "$tmp/p"
grep -q "its text differs from" "$tmp/err" || fail "no reason: $(cat "$tmp/err")"
grep -q "$(printf '\033')" "$tmp/err" && fail "an escape reached stderr raw"
expect 1 "$COPYDESK" agreement
finish
