#!/bin/sh
# crash_bench.sh - the long run of tests/e2e/test_crash_loop.sh: N edits
# through the CLI, two in three killed with SIGKILL at a random moment, and
# UI interface sessions killed mid-tagging; after every kill integrity_check,
# at the end every reported edit stored and nothing half-done.
#
#   bench/crash_bench.sh [-n N] [-u UI] [BUILD_DIR]     (defaults 200, 50)
set -eu
n=200 ui=50
while getopts n:u:h opt; do
	case $opt in
	n) n=$OPTARG ;;
	u) ui=$OPTARG ;;
	*) sed -n '7p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
[ -x "$build/copydesk" ] || { echo "crash_bench: $build/copydesk: not built" >&2; exit 2; }
command -v tmux >/dev/null || exit 77
COPYDESK=$build/copydesk SRCDIR=$root CRASH_N=$n CRASH_UI=$ui exec sh "$root/tests/e2e/test_crash_loop.sh"
