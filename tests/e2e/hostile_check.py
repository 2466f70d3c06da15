#!/usr/bin/env python3
"""hostile_check.py LIST - the bytes of what copydesk wrote
(test_hostile.sh) never carry a payload of the data raw.

MODE plain (the CLI to a pipe, JSON, exports, release files): no ESC, BEL,
BS or CR from anywhere, no C1 control (U+0080..U+009F as UTF-8, or a lone
0x80..0x9F byte such as 8-bit CSI 0x9B), no bidi override or isolate
(U+202A..U+202E, U+2066..U+2069).  MODE tty (the CLI through a pty: the
terminal's own CR before LF is allowed) the same.  MODE tui (the
interface): the terminal's own sequences are allowed, so the payloads are
looked for by their markers: ESC ] 0 ; PWNED, ESC [ 31 m RED, ESC [ 2 J CLR,
PWNED BEL, BS BS, CR CR; C1 and bidi controls never.

Usage: hostile_check.py LIST, where each line of LIST is MODE TAB MARKER TAB FILE.
MARKER: a string the file must hold (escaped), so that a file that does not
show the data at all does not pass; "-" for none.  A file named *.json must
parse.  MODE known-M: a leak known and not yet fixed: the file must still
fail M (so that the list is updated when it is fixed).  Prints one line per
failure and exits 1 if there was any.
"""
import json
import re
import sys

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
TUI_PAYLOADS = [b"\x1b]0;PWNED", b"\x1b[31mRED", b"\x1b[2JCLR", b"PWNED\x07", b"\x08BS",
                b"\rCR"]


def problems(mode, data):
    text = data.decode("utf-8", "surrogateescape")
    for i, ch in enumerate(text):
        c = ord(ch)
        if 0x80 <= c <= 0x9F:
            yield "C1 control U+%04X" % c, i
        elif 0xDC80 <= c <= 0xDC9F:
            yield "raw byte 0x%02X (8-bit C1)" % (c - 0xDC00), i
        elif c in BIDI:
            yield "bidi control U+%04X" % c, i
        elif mode != "tui" and ch in "\x1b\x07\x08":
            yield "control 0x%02X" % c, i
        elif mode == "plain" and ch == "\r":
            yield "CR", i
        elif mode == "tty" and ch == "\r" and text[i + 1:i + 2] != "\n":
            yield "CR not before LF", i
    if mode == "tui":
        for p in TUI_PAYLOADS:
            at = data.find(p)
            if at >= 0:
                yield "the payload %r" % p, len(data[:at].decode("utf-8", "replace"))


def check(mode, marker, name):
    """The failures of one file, as lines."""
    known = mode.startswith("known-")
    mode = mode[6:] if known else mode
    with open(name, "rb") as f:
        data = f.read()
    text = data.decode("utf-8", "surrogateescape")
    out = []
    for what, at in problems(mode, data):
        ctx = text[max(0, at - 30):at + 30].encode("unicode_escape").decode()
        out.append("%s: %s at %d: ...%s..." % (name, what, at, ctx))
        break  # one a file is enough to see the cause
    if known:
        if not out:
            return ["%s no longer leaks: check it with the others" % name]
        print("KNOWN: " + out[0])
        out = []
    if marker != "-" and not re.search(re.escape(marker), text):
        out.append("%s does not show %s (nothing was checked)" % (name, marker))
    if name.endswith(".json"):
        try:
            json.loads(text)
        except ValueError as e:
            out.append("%s is not JSON: %s" % (name, e))
    return out


def main():
    """Each line of the list: MODE, MARKER and FILE, TAB-separated."""
    bad = 0
    with open(sys.argv[1], encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            mode, marker, name = line.rstrip("\n").split("\t", 2)
            for m in check(mode, marker, name):
                bad += 1
                print("FAIL: " + m)
    print("%d outputs checked, %d failures" % (sum(1 for _ in open(sys.argv[1], "rb")), bad))
    sys.exit(1 if bad else 0)


main()
