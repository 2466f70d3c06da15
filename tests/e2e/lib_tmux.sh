# lib_tmux.sh - sourced by the e2e tests that drive the interface in tmux.
#
# Each test gets a temporary directory ($tmp), its own tmux server (a socket
# named after the test and its pid) and a trap that kills the server and
# removes the directory.  The program runs in a detached session; the test
# sends keys and polls capture-pane until what it waits for is on the screen,
# so it needs no terminal and no stdin and never attaches.
#
#   start CMD          a detached 80x24 session "t" running the sh command CMD
#                      (on a new server: the last one is killed)
#   keys KEY...        tmux send-keys (text: keys -l TEXT)
#   screen [-e]        the pane as text (-e: with its attributes as SGR)
#   line N             line N (1-based) of the screen
#   wait_for TEXT [S]  until TEXT is on the screen, else the test ends (S s, 5)
#   wait_line N RE [S] until line N matches the extended regex RE
#   poll CMD...        until CMD succeeds (5 s); returns 1 when it never does
#   fail MESSAGE       count a failure and go on; `finish` exits with the count
set -eu
: "${COPYDESK:?}" "${SRCDIR:?}"
command -v tmux >/dev/null || { echo "FAIL: tmux is needed"; exit 1; }
unset TMUX TMUX_PANE NO_COLOR COPYDESK_DB
tmp=$(mktemp -d)
sock=copydesk-e2e-$(basename "$0" .sh)-$$
fails=0
nsock=0
T() { tmux -L "$sock-$nsock" -f /dev/null "$@"; }
lib_cleanup() {
	while [ "$nsock" -ge 0 ]; do
		T kill-server 2>/dev/null || true
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock-$nsock"
		nsock=$((nsock - 1))
	done
	rm -rf "$tmp"
}
trap lib_cleanup EXIT
trap 'exit 1' HUP INT TERM
# Nothing here reads or writes the user's data, whatever the test does.
export COPYDESK_EDITOR=tester XDG_DATA_HOME="$tmp/xdg" TMPDIR="$tmp"
# With the sanitizers (COPYDESK_SANITIZE), their reports go to files that
# finish() shows: on the pane they would scroll away with the screen.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$tmp/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$tmp/ubsan:print_stacktrace=1"

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# The end: the screen is shown when something failed.
finish() {
	for f in "$tmp"/asan.* "$tmp"/ubsan.*; do
		if [ -f "$f" ]; then
			fail "a sanitizer report:"
			cat "$f"
		fi
	done
	if [ "$fails" -gt 0 ]; then
		echo "$fails failure(s); the screen was:"
		screen 2>/dev/null | sed 's/^/  | /' || true
		exit 1
	fi
	echo "all $(basename "$0" .sh) checks passed"
	exit 0
}

# A new server each time (on a new socket: a server being killed may still
# answer on the old one); the pane stays after its command ends
# (remain-on-exit), for the checks of what it left on the screen.  The
# terminal is 80x24, or COLUMNS LINES when given: a test that needs a wide
# screen starts with it rather than resizing after the program has drawn
# (under load its first screens could still be drawn at 80 columns).
start() {
	T kill-server 2>/dev/null || true
	nsock=$((nsock + 1))
	T new-session -d -s t -x "${2:-80}" -y "${3:-24}" "$1" \; set-option -g remain-on-exit on >/dev/null
}

keys() { T send-keys -t t "$@"; }
screen() { T capture-pane -p -t t "$@"; }
line() { screen | sed -n "$1p"; }
has_text() { screen | grep -qF -- "$1"; }
line_matches() { line "$1" | grep -qE -- "$2"; }

poll() {
	_n=100
	while [ $_n -gt 0 ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		_n=$((_n - 1))
	done
	return 1
}

# A wait that times out ends the test: what follows would only fail with it.
lib_timeout() {
	fail "timed out waiting for $*"
	finish
}

wait_for() {
	_s=${2:-5}
	while [ "$_s" -gt 0 ]; do
		if poll has_text "$1"; then
			return 0
		fi
		_s=$((_s - 5))
	done
	lib_timeout "\"$1\" on the screen"
}

wait_line() {
	_s=${3:-5}
	while [ "$_s" -gt 0 ]; do
		if poll line_matches "$1" "$2"; then
			return 0
		fi
		_s=$((_s - 5))
	done
	lib_timeout "line $1 to match /$2/ (it is: $(line "$1"))"
}

# wait_file FILE: until FILE exists and is not empty (a program's exit status).
file_ready() { [ -s "$1" ]; }
wait_file() { poll file_ready "$1" || lib_timeout "$1 to be written"; }
