#!/bin/sh
# Regenerate the KEYS section of man/copydesk.1 from the keymap:
#   man/update-keys.sh build/copydesk
# tests/e2e/test_man.sh fails when the page and the keymap disagree.
set -eu
bin=${1:?usage: man/update-keys.sh path/to/copydesk}
page=$(dirname "$0")/copydesk.1
keys=$(mktemp)
trap 'rm -f "$keys" "$keys.new"' EXIT
"$bin" help --keys=man >"$keys"
awk -v keys="$keys" '
	/^\.\\" BEGIN KEYS/ { print; while ((getline l < keys) > 0) print l; skip = 1; next }
	/^\.\\" END KEYS/ { skip = 0 }
	!skip { print }
' "$page" >"$keys.new"
cat "$keys.new" >"$page"
