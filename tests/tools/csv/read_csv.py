#!/usr/bin/env python3
"""Read a CSV file with python's csv module (the RFC 4180 dialect Excel
writes: commas, double quotes doubled, CRLF rows) and print its rows as
one JSON array of arrays, ASCII only.  Fails (exit 1) when a row has not as
many fields as the header or when a row does not end with CRLF.

Usage: read_csv.py FILE
"""
import csv
import json
import sys


def main(argv):
    if len(argv) != 1:
        print("usage: read_csv.py FILE", file=sys.stderr)
        return 2
    with open(argv[0], "rb") as f:
        raw = f.read()
    raw.decode("utf-8")  # UTF-8, or this raises
    if raw.startswith(b"\xef\xbb\xbf"):
        print("%s: starts with a byte order mark" % argv[0], file=sys.stderr)
        return 1
    if raw and not raw.endswith(b"\r\n"):
        print("%s: the last row does not end with CRLF" % argv[0], file=sys.stderr)
        return 1
    with open(argv[0], encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, dialect="excel", strict=True))
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            print("%s: row %d has %d fields, the header %d"
                  % (argv[0], n, len(row), len(rows[0])), file=sys.stderr)
            return 1
    # a bare LF outside quotes would be a row end to csv but not to RFC 4180
    unquoted_lf = 0
    inq = False
    for i, b in enumerate(raw):
        if b == 0x22:
            inq = not inq
        elif b == 0x0A and not inq and (i == 0 or raw[i - 1] != 0x0D):
            unquoted_lf += 1
    if unquoted_lf:
        print("%s: %d line ends are LF, not CRLF" % (argv[0], unquoted_lf), file=sys.stderr)
        return 1
    json.dump(rows, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
