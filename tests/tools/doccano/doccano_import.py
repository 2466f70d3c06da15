#!/usr/bin/env python3
"""Load a doccano JSONL file as doccano's import pipeline does, and fail on
anything it would refuse, drop or clean away.

doccano's own code (backend/data_import/, MIT, Copyright (c) 2018 Hiroki
Nakayama; LICENSE beside this file) needs Django, pandas, chardet and
pydantic 1, so its checks are reproduced here, each citing the code it
follows (doccano/doccano, paths under backend/data_import/, at the commits
named):

  pipeline/parsers.py (0465c4f9)   LineReader.__iter__: the file read line by
      line in text mode, each line rstrip()ed; JSONLParser.parse: json.loads
      of every line, a JSONDecodeError is a FileParseException (an error the
      upload reports, the line not imported; a blank line is one too).
  pipeline/readers.py (73b3be3d)   Reader.__iter__: each row a dict.
  datasets.py (2f575bdb)           SequenceLabelingDataset: the data column
      "text", the label column "label", SpanLabel; RelationExtractionDataset:
      "text", LabelMaker(column="entities", SpanLabel) and
      LabelMaker(column="relations", RelationLabel).
  pipeline/makers.py (e9d79908)    ExampleMaker.check_column_existence and
      check_value_existence: the data column in the file and in every record;
      TextData.parse must not raise ("Invalid data in line N");
      LabelMaker.check_column_existence: the label column must exist;
      LabelMaker.make: df.explode(column), dropna, then label_class.parse of
      each item, and an item that raises ValueError is silently DROPPED.
  pipeline/data.py (2f575bdb)      TextData.text_is_not_empty: "" refused.
  pipeline/label.py (903eaa84)     SpanLabel: label constr(min_length=1),
      start_offset and end_offset NonNegativeInt, root validator
      start_offset < end_offset; parse: a list/tuple is zipped with
      ["start_offset", "end_offset", "label"], a dict taken as keywords.
      RelationLabel: from_id, to_id int, type constr(min_length=1).
  pipeline/labels.py (ecd3ad65)    Spans.clean: unless the project allows
      overlapping, spans sorted by start and each one starting before the
      previous kept one's end is DROPPED.

doccano itself does not check offsets against the text; this script also
does (each span inside the text, counted in code points as Python counts
a str), since a span outside it is wrong wherever it loads.

Usage: doccano_import.py [--entities] [--allow-overlapping] FILE
Exit 0 when every record and every span would be imported as written.
"""
import json
import sys


def nonneg_int(v):
    # pydantic 1 NonNegativeInt: an int (bool is refused by ConstrainedInt's
    # strict check in recent 1.x; floats with a fraction are refused), >= 0
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def nonempty_str(v):
    # constr(min_length=1); pydantic 1 would also coerce numbers to str
    return (isinstance(v, str) and len(v) >= 1) or (
        isinstance(v, (int, float)) and not isinstance(v, bool))


def span_label(obj):
    """pipeline/label.py SpanLabel.parse and its validators; None if refused."""
    if isinstance(obj, (list, tuple)):
        d = dict(zip(["start_offset", "end_offset", "label"], obj))
    elif isinstance(obj, dict):
        d = obj
    else:
        return None
    if not all(k in d for k in ("start_offset", "end_offset", "label")):
        return None
    if not nonneg_int(d["start_offset"]) or not nonneg_int(d["end_offset"]):
        return None
    if not nonempty_str(d["label"]):
        return None
    if d["start_offset"] >= d["end_offset"]:
        return None
    return (d["start_offset"], d["end_offset"], str(d["label"]))


def relation_label(obj):
    if not isinstance(obj, dict):
        return None
    if not all(isinstance(obj.get(k), int) for k in ("from_id", "to_id")):
        return None
    if not nonempty_str(obj.get("type")):
        return None
    return obj


def clean_spans(spans):
    """pipeline/labels.py Spans.clean without allow_overlapping."""
    kept, last = [], -1
    for s in sorted(spans, key=lambda s: s[0]):
        if s[0] >= last:
            last = s[1]
            kept.append(s)
    return kept


def main(argv):
    entities = "--entities" in argv
    overlap = "--allow-overlapping" in argv
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        print(__doc__.split("\n\n")[-2], file=sys.stderr)
        return 2
    path = files[0]
    column = "entities" if entities else "label"
    problems = []
    rows = []
    with open(path, encoding="utf-8") as f:  # parsers.py LineReader
        for n, line in enumerate(f, start=1):
            line = line.rstrip()
            try:
                rows.append((n, json.loads(line)))  # parsers.py JSONLParser
            except json.decoder.JSONDecodeError as e:
                problems.append("line %d: not JSON: %s" % (n, e))
    nspans = 0
    for n, row in rows:
        if not isinstance(row, dict):
            problems.append("line %d: not an object" % n)
            continue
        text = row.get("text")  # makers.py ExampleMaker
        if text is None:
            problems.append("line %d: Column text not found in record" % n)
            continue
        if not isinstance(text, str) or text == "":  # data.py TextData
            problems.append("line %d: Invalid data (the empty text)" % n)
            continue
        if column not in row:  # makers.py LabelMaker.check_column_existence
            problems.append("line %d: Column %s not found" % (n, column))
            continue
        if entities and "relations" not in row:
            problems.append("line %d: Column relations not found" % n)
        items = row[column]
        if not isinstance(items, list):
            items = [items]  # df.explode leaves a scalar as it is
        spans = []
        for i, item in enumerate(items):
            s = span_label(item)
            if s is None:
                problems.append("line %d: %s[%d] %r would be dropped" % (n, column, i, item))
                continue
            if s[1] > len(text):
                problems.append("line %d: %s[%d] %r ends after the text (%d)"
                                % (n, column, i, item, len(text)))
            spans.append(s)
        for i, item in enumerate((row.get("relations") or []) if entities else []):
            if relation_label(item) is None:
                problems.append("line %d: relations[%d] would be dropped" % (n, i))
        if not overlap:
            kept = clean_spans(spans)
            if len(kept) != len(spans):
                problems.append("line %d: %d overlapping spans would be cleaned away"
                                % (n, len(spans) - len(kept)))
        nspans += len(spans)
    for p in problems:
        print("%s: %s" % (path, p), file=sys.stderr)
    print("%s: %d examples, %d spans%s" % (path, len(rows), nspans,
                                           ", %d problems" % len(problems) if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
