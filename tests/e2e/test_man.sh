#!/bin/sh
# The manual: lints clean, lists every key of the keymap (generated from the
# same table as the help screen) and every subcommand of the command table.
set -eu
: "${COPYDESK:?}" "${SRCDIR:?}"
page=$SRCDIR/man/copydesk.1
fail=0

out=$(mandoc -T lint -W warning "$page" 2>&1) || true
if [ -n "$out" ]; then
	echo "mandoc -T lint:"; echo "$out"; fail=1
fi
out=$(groff -ww -z -man -k -Tutf8 "$page" 2>&1) || true
if [ -n "$out" ]; then
	echo "groff -ww:"; echo "$out"; fail=1
fi

want=$(mktemp)
trap 'rm -f "$want" "$want.page"' EXIT
"$COPYDESK" help --keys=man >"$want"
[ -s "$want" ] || { echo "copydesk help --keys=man printed nothing"; exit 1; }
awk '/^\.\\" BEGIN KEYS/ {on = 1; next} /^\.\\" END KEYS/ {on = 0} on' "$page" >"$want.page"
if ! cmp -s "$want" "$want.page"; then
	echo "the KEYS section of man/copydesk.1 differs from the keymap; run man/update-keys.sh:"
	diff "$want.page" "$want" || true
	fail=1
fi

for cmd in $("$COPYDESK" help --commands | awk -F '\t' '$2 == "cli" {print $1}'); do
	grep -q "^\.B $cmd\\b" "$page" || { echo "subcommand $cmd is not in the manual"; fail=1; }
done
"$COPYDESK" help --commands | grep -q '^import' || { echo "no commands listed"; fail=1; }
exit $fail
