#!/usr/bin/env python3
"""
Load brat standoff documents with brat's own parser (annotation.py in this
folder, brat's server/src/annotation.py, unchanged) and fail on anything it
warns about or cannot parse.

    python3 brat_check.py DIR_OR_ANN...

annotation.py is Python 2 code; this harness runs it under Python 3 without
editing the file: two syntax fixes are applied to the source as it is
loaded (`except X, e:` and a generator argument followed by a comma), the
modules it imports from brat's server (common, filelock, message) are
stand-ins, and unicode/xrange are str/range (max() orders
mixed numbers and strings as Python 2 did).  open_textfile() reads as
Python 2's codecs.open(..., 'rU') did: UTF-8, strict, universal newlines,
and lines split by str.splitlines() (at LF, CR, VT, FF, FS, GS, RS, NEL,
LS and PS).

For every document it checks, as brat does when it opens one
(TextAnnotations): every line parses (no failed lines), no message from
brat (Messager.error or warning), every T line's text equals the text at
its offsets; and, independently of brat, that the number of T, N, A and #
lines brat read is the number in the file.  Exit status 0 when all pass.
"""
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
MESSAGES = []


class _Messager:
    @staticmethod
    def error(msg, *a, **k):
        MESSAGES.append(('error', str(msg)))

    @staticmethod
    def warning(msg, *a, **k):
        MESSAGES.append(('warning', str(msg)))

    @staticmethod
    def info(msg, *a, **k):
        MESSAGES.append(('info', str(msg)))


class _Text:
    """Python 2 codecs.open(path, 'rU', encoding='utf8', errors='strict')."""

    def __init__(self, path, mode='rU'):
        if not mode.startswith('r'):
            raise IOError('read-only harness: %s %s' % (path, mode))
        with open(path, encoding='utf-8', errors='strict', newline=None) as f:
            self.s = f.read()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def read(self):
        return self.s

    def __iter__(self):
        return iter(self.s.splitlines(True))


def _max2(*args):
    """Python 2's max(): a number is less than a string (ids mix '5' and 1)."""
    return max(*args, key=lambda x: (0, x) if isinstance(x, (int, float)) else (1, x))


def load_brat():
    for name, attrs in (('common', {'ProtocolError': type('ProtocolError', (Exception,), {})}),
                        ('filelock', {'file_lock': None}),
                        ('message', {'Messager': _Messager})):
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        sys.modules[name] = m
    with open(os.path.join(HERE, 'annotation.py'), encoding='utf-8') as f:
        src = f.read()
    src = re.sub(r'except (\w+), (\w+):', r'except \1 as \2:', src)
    src = src.replace('for e in self.offsets, ))', 'for e in self.offsets))')
    mod = types.ModuleType('annotation')
    mod.__dict__.update({'unicode': str, 'xrange': range, 'max': _max2,
                         '__file__': 'annotation.py'})
    exec(compile(src, 'annotation.py', 'exec'), mod.__dict__)
    mod.open_textfile = _Text
    return mod


def check(brat, ann_path):
    problems = []
    doc = ann_path[:-4]
    del MESSAGES[:]
    anns = brat.TextAnnotations(doc, read_only=True)
    for kind, msg in MESSAGES:
        problems.append('brat %s: %s' % (kind, msg))
    for n in anns.failed_lines:
        problems.append('line %d: brat could not parse it' % (n + 1))
    text = anns.get_document_text()
    counts = {}
    for a in anns:
        k = type(a).__name__
        counts[k] = counts.get(k, 0) + 1
        if isinstance(a, brat.TextBoundAnnotationWithText):
            ref = brat.DISCONT_SEP.join(text[s:e] for s, e in a.spans)
            if a.get_text() != ref:
                problems.append('%s: text %r is not %r' % (a.id, a.get_text(), ref))
    with open(ann_path, encoding='utf-8') as f:
        lines = [l for l in f.read().split('\n') if l]
    want = {'TextBoundAnnotationWithText': 'T', 'NormalizationAnnotation': 'N',
            'AttributeAnnotation': 'A', 'OnelineCommentAnnotation': '#'}
    for k, p in want.items():
        n = sum(1 for l in lines if l.startswith(p))
        if counts.get(k, 0) != n:
            problems.append('%d %s lines in the file, brat read %d' % (n, p, counts.get(k, 0)))
    return problems


def main(args):
    brat = load_brat()
    paths = []
    for a in args:
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith('.ann'))
        else:
            paths.append(a)
    bad = 0
    for p in paths:
        for problem in check(brat, p):
            print('%s: %s' % (p, problem))
            bad += 1
    print('brat_check: %d documents, %d problems' % (len(paths), bad))
    return 1 if bad or not paths else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
