#!/bin/sh
# An editor on a real SSH link that drops: OpenSSH's sshd on 127.0.0.1 (its
# own port, config, host key and a client key made here; nothing of the
# system's ssh set-up is read or changed), copydesk in an `ssh -tt` session
# inside tmux, words tagged with keys, then the connection dropped, once by
# killing the ssh client and once by killing the sshd session process:
# copydesk exits on the SIGHUP (129, its reading position saved as its
# handler does), no process of it is left, the database is not left locked,
# and every tag the interface reported before the drop is stored.
# Skips (77) where sshd cannot run: not installed, or neither root nor able to
# log in as oneself.
. "$SRCDIR/tests/e2e/lib_tmux.sh"
. "$SRCDIR/tests/e2e/lib_load.sh"
set +e
sshd=/usr/sbin/sshd
skip() {
	echo "SKIP: $*"
	exit 77
}
[ -x "$sshd" ] || skip "no $sshd (Debian's openssh-server)"
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || skip "no ssh client"
command -v python3 >/dev/null || skip "no python3"
command -v pgrep >/dev/null && command -v ps >/dev/null || skip "no ps or pgrep (procps)"
user=$(id -un)
# As root, sshd wants its privilege separation directory (made by the
# service's start on Debian; standard, so left in place).
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 755 /run/sshd || skip "cannot make /run/sshd"
fi
db=$tmp/cd.db
load_corpus "$tmp/a.jsonl" 2 200
"$COPYDESK" --db "$db" import "$tmp/a.jsonl" >/dev/null 2>&1 || { echo "FAIL: import"; exit 1; }

s=$tmp/ssh
mkdir -p "$s"
chmod 700 "$s"
ssh-keygen -q -t ed25519 -N '' -C copydesk-test-host -f "$s/host" || skip "ssh-keygen"
ssh-keygen -q -t ed25519 -N '' -C copydesk-test-client -f "$s/id" || skip "ssh-keygen"
cp "$s/id.pub" "$s/authorized_keys"
chmod 600 "$s/authorized_keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$s/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $s/host
PidFile $s/sshd.pid
AuthorizedKeysFile $s/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
AllowUsers $user
StrictModes no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
AcceptEnv none
LogLevel VERBOSE
EOF
"$sshd" -t -f "$s/sshd_config" 2>"$s/test.err" || skip "sshd rejects its config: $(cat "$s/test.err")"
"$sshd" -D -e -f "$s/sshd_config" 2>"$s/sshd.log" &
sshd_pid=$!
trap 'kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; lib_cleanup' EXIT
listening() { python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; }
poll listening || skip "sshd did not listen: $(cat "$s/sshd.log")"

sshc() {
	ssh -F /dev/null -i "$s/id" -o IdentitiesOnly=yes -o BatchMode=yes \
		-o UserKnownHostsFile="$s/known_hosts" -o StrictHostKeyChecking=no \
		-o LogLevel=ERROR -o ServerAliveInterval=0 -p "$port" "$user@127.0.0.1" "$@"
}
sshc true </dev/null || skip "cannot log in to the test sshd: $(tail -5 "$s/sshd.log")"

# On the far side, copydesk as the session's leader (the login shell execs
# the command), its pid recorded:
cat >"$tmp/far.sh" <<EOF
echo \$\$ >"$tmp/pid.tmp" && mv "$tmp/pid.tmp" "$tmp/pid"
TERM=xterm-256color COPYDESK_EDITOR=tester exec "$COPYDESK" --db "$db"
EOF
# or under a leader that ignores SIGHUP (as nohup or a shell's trap would),
# which records its exit status: copydesk sees the hang-up only as a
# terminal gone (it spun on it, at full CPU, for ever).
cat >"$tmp/wrap.py" <<EOF
import os, signal, subprocess, sys
signal.signal(signal.SIGHUP, signal.SIG_IGN)
env = dict(os.environ, TERM="xterm-256color", COPYDESK_EDITOR="tester")
p = subprocess.Popen(["$COPYDESK", "--db", "$db"], env=env,
                     preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
open("$tmp/pid.tmp", "w").write("%d\n" % p.pid)
os.rename("$tmp/pid.tmp", "$tmp/pid")
rc = p.wait()
open("$tmp/exit.tmp", "w").write("EXIT=%d\n" % (128 - rc if rc < 0 else rc))
os.rename("$tmp/exit.tmp", "$tmp/exit")
EOF
: >"$tmp/ui.log"
w=0

# session HOW FAR: an ssh session running FAR (far.sh or wrap.py) tagging
# three words, dropped by HOW (client: kill -9 the ssh client; server: kill
# -9 the sshd process of the session).
session() {
	rm -f "$tmp/pid" "$tmp/exit"
	case $2 in *.py) run=python3 ;; *) run=sh ;; esac
	start "ssh -F /dev/null -tt -i '$s/id' -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile='$s/known_hosts' -o StrictHostKeyChecking=no -o LogLevel=ERROR -p $port $user@127.0.0.1 $run '$tmp/$2'; echo SSH-EXIT=\$? >'$tmp/ssh.exit'; exec sleep 600"
	wait_file "$tmp/pid"
	pid=$(cat "$tmp/pid")
	wait_for "Articles 1/2" 15
	keys G Enter
	wait_line 23 '^ 2/2 ' 10
	keys g
	[ $w -gt 0 ] && keys -N $w w
	for _ in 1 2 3; do
		load_ui_tag "$(printf 'a2w%05d' $w)"
		w=$((w + 1))
	done
	# The ssh client in the pane, and the sshd process holding the session:
	# the first sshd above copydesk.
	client=$(pgrep -f -n "^ssh -F /dev/null -tt .* -p $port ")
	sess=$pid
	n=0
	while [ "$(ps -o comm= -p "$sess")" != sshd ] && [ $n -lt 4 ]; do
		sess=$(ps -o ppid= -p "$sess" | tr -d ' ')
		n=$((n + 1))
	done
	[ "$(ps -o comm= -p "$sess")" = sshd ] || fail "$1: no sshd above copydesk ($(ps -o pid,ppid,comm,args -p "$pid"))"
	case $1 in
	client) kill -9 "$client" ;;
	server) kill -9 "$sess" ;;
	esac
	gone() { ! kill -0 "$1" 2>/dev/null; }
	poll gone "$pid" || poll gone "$pid" || {
		fail "$1 $2: copydesk ($pid) still runs after the drop: $(ps -o stat=,time=,args= -p "$pid")"
		kill -9 "$pid"
	}
	if [ "$2" = wrap.py ]; then
		wait_file "$tmp/exit"
		[ "$(cat "$tmp/exit")" = EXIT=129 ] || fail "$1 $2: copydesk ended $(cat "$tmp/exit"), not as on SIGHUP (129)"
	fi
	left=$(pgrep -f -- "$db")
	[ -z "$left" ] || { sleep 1; left=$(pgrep -f -- "$db"); }
	[ -z "$left" ] || fail "$1 $2: processes left: $(ps -o pid,comm,args -p "$(echo $left | tr ' ' ,)")"
	# Not left locked: a writer gets the lock at once.
	load_q "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK" >/dev/null 2>"$tmp/lockerr" ||
		fail "$1 $2: the database is left locked: $(cat "$tmp/lockerr")"
	[ "$(load_q 'PRAGMA integrity_check')" = ok ] || fail "$1 $2: integrity_check"
	[ "$(load_q "SELECT count(*) FROM position WHERE article_id = 2 AND editor = 'tester'")" = 1 ] ||
		fail "$1 $2: the reading position was not saved (no orderly exit)"
	load_q "DELETE FROM position"
}
session client far.sh
session server far.sh
session client wrap.py

nui=$(wc -l <"$tmp/ui.log")
got=$(load_ui_stored 2)
[ "$got" = "$nui" ] && [ "$nui" = 9 ] || fail "the interface reported $nui tags, $got are stored"
load_consistency
finish
