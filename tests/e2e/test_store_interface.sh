#!/bin/sh
# The core's store behind one interface (README "Past one host"): only
# core/src/store opens SQLite connections and begins, commits or rolls back
# transactions; every other file of the library and the program goes through
# desk_begin/desk_commit/desk_rollback, desk_read_begin/desk_read_end and
# desk_scratch_open (core/src/store/README.md).  A replicated store (rqlite,
# dqlite) or a changeset recorder then replaces one folder.  (The statistics
# began and committed their own snapshot, the JSON Lines reader opened its
# own connection: both failed this.)
set -u
: "${SRCDIR:?}"
cd "$SRCDIR" || exit 1
bad=$(grep -rnE 'sqlite3_open|sqlite3_close\(|"[[:space:]]*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)([[:space:];"]|$)' \
	core/src tui --include='*.c' --include='*.h' | grep -v '^core/src/store/')
if [ -n "$bad" ]; then
	echo "FAIL: outside core/src/store:"
	echo "$bad"
	exit 1
fi
echo "all test_store_interface checks passed"
