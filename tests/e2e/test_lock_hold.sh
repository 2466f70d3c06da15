#!/bin/sh
# No command holds the write lock for long, whatever the corpus: on 3,000
# articles each writing command's longest transaction (COPYDESK_LOCK_REPORT)
# stays under a generous second (apply indexed the whole corpus inside its
# transaction: seconds here, 23.5 s on 20,000 articles), import's batches
# under ten.  The figures at scale are bench/lock_bench.sh's (bench/README.md).
set -eu
: "${COPYDESK:?}" "${SRCDIR:?}"
export TMPDIR="${TMPDIR:-/tmp}"
COPYDESK=$COPYDESK sh "$SRCDIR/bench/lock_bench.sh" -n 3000 -t 1000 || {
	echo "FAIL: a command held the write lock too long (or failed)"
	exit 1
}
echo "all test_lock_hold checks passed"
