#!/bin/sh
# concurrency_bench.sh - the long run of tests/e2e/test_load_concurrent.sh:
# eight editors each making N edits of every kind through the CLI on one
# database, an interface session tagging UI words meanwhile; everything
# reported done must be stored, nothing busy, integrity_check ok, derived
# tables consistent.  Prints the wall time, each edit's latency (p50, p99,
# max) and the longest write lock of any transaction.
#
#   bench/concurrency_bench.sh [-n N] [-u UI] [-l LOCK_MS] [BUILD_DIR]
#
# Defaults: N 1000, UI 200, LOCK_MS 2000 (the bound the run fails above).
# Exit 1: a check failed; 2: usage; 77: no tmux.
set -eu
n=1000 ui=200 lock=2000
while getopts n:u:l:h opt; do
	case $opt in
	n) n=$OPTARG ;;
	u) ui=$OPTARG ;;
	l) lock=$OPTARG ;;
	*) sed -n '9p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
[ -x "$build/copydesk" ] || { echo "concurrency_bench: $build/copydesk: not built" >&2; exit 2; }
command -v tmux >/dev/null || exit 77
COPYDESK=$build/copydesk SRCDIR=$root LOAD_N=$n LOAD_UI=$ui LOAD_LOCK_MS=$lock \
	exec sh "$root/tests/e2e/test_load_concurrent.sh"
