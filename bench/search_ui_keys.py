#!/usr/bin/env python3
# search_ui_keys.py - the corpus search in the interface, key by key, in an 80x24 pty
# (TERM=xterm-256color): /, each letter of QUERY (the results narrowing), Enter,
# j, k, Enter (the reader at the match), n, q, q; for each, the time from the
# key's write to the last byte of the answer (40 ms quiet after it) and the bytes.
#   search_ui_keys.py COPYDESK DB QUERY [REPEAT]   (a copy of DB: the reader saves positions)
import os, pty, sys, time, select, statistics
QUIET = 0.04
def drain(fd, first=3.0):
    t0 = time.monotonic(); last = t0; n = 0; wait = first
    while True:
        r, _, _ = select.select([fd], [], [], wait)
        if not r: break
        try: b = os.read(fd, 65536)
        except OSError: break
        if not b: break
        n += len(b); last = time.monotonic(); wait = QUIET
    return last, n
def run(db, script, reps):
    res = {}
    for rep in range(reps):
        pid, fd = pty.fork()
        if pid == 0:
            os.environ['TERM'] = 'xterm-256color'
            os.execv(sys.argv[1], [sys.argv[1], '--db', db])
        import fcntl, termios, struct
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
        drain(fd, 10)
        for name, k in script:
            t = time.monotonic(); os.write(fd, k.encode())
            last, n = drain(fd)
            res.setdefault(name, []).append(((last - t) * 1000, n))
        os.write(fd, b'\x1bqqqq'); drain(fd, 1)
        os.close(fd); os.waitpid(pid, 0)
    for name, _ in script:
        v = res[name]
        print('%-28s median %7.1f ms  max %7.1f ms  bytes %d' % (name, statistics.median(x for x, _ in v), max(x for x, _ in v), v[0][1]))
q = sys.argv[3]
script = [('/', '/')] + [('type %r' % q[:i+1], q[i]) for i in range(len(q))] + [('Enter (accept)', '\r'), ('j (results)', 'j'), ('k (results)', 'k'), ('Enter (open reader)', '\r'), ('n (reader)', 'n'), ('q (to results)', 'q'), ('q (to list)', 'q')]
run(sys.argv[2], script, int(sys.argv[4]) if len(sys.argv) > 4 else 3)
