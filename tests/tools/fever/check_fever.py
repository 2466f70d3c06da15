#!/usr/bin/env python3
"""Read a FEVER JSONL file as FEVER's tools do, and fail on what they would
not take.

Each line must be a JSON object with FEVER's fields and types (the FEVER
1.0 files: "id" an int, "verifiable" VERIFIABLE or NOT VERIFIABLE, "label"
SUPPORTS, REFUTES or NOT ENOUGH INFO, "claim" a string, "evidence" a list
of evidence sets, each a list of [annotation_id, evidence_id, page,
sentence_index]: ints and a page string, or [annotation_id, None, None,
None] for NOT ENOUGH INFO).  Then the official scorer (scorer.py, from
sheffieldnlp/fever-scorer src/fever/scorer.py at 3992ab80, Apache-2.0,
LICENSE beside it) scores the file against itself, as a system whose
predictions are the gold labels and every gold evidence sentence: FEVER
score and accuracy must be 1.0, and its format check of the predicted
evidence must pass.

Usage: check_fever.py [--unique] [--no-verifiable] FILE
--unique: ids must differ (copydesk's do; the scorer's redacted test file
has id 0 on every line).  --no-verifiable: FEVER 2.0 files have no
"verifiable".  Exit 0 when the file passes.
"""
import json
import os
import sys
import types

try:
    import six  # noqa: F401  (scorer.py's only import)
except ImportError:
    sys.modules["six"] = types.SimpleNamespace(string_types=(str,))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scorer  # noqa: E402

LABELS = ("SUPPORTS", "REFUTES", "NOT ENOUGH INFO")


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check(n, o, verifiable, problems):
    def bad(why):
        problems.append("line %d: %s" % (n, why))

    if not isinstance(o, dict):
        return bad("not an object")
    if not is_int(o.get("id")):
        bad("\"id\" is not an int")
    if not isinstance(o.get("claim"), str) or not o.get("claim"):
        bad("\"claim\" is not a non-empty string")
    label = o.get("label")
    if label not in LABELS:
        return bad("\"label\" %r is not a FEVER label" % (label,))
    if verifiable:
        want = "NOT VERIFIABLE" if label == "NOT ENOUGH INFO" else "VERIFIABLE"
        if o.get("verifiable") != want:
            bad("\"verifiable\" %r with %s" % (o.get("verifiable"), label))
    ev = o.get("evidence")
    if not isinstance(ev, list) or not ev:
        return bad("\"evidence\" is not a list of evidence sets")
    for eg in ev:
        if not isinstance(eg, list) or not eg:
            return bad("an evidence set is not a non-empty list")
        for e in eg:
            if not isinstance(e, list) or len(e) != 4:
                return bad("evidence %r is not [annotation, evidence, page, sentence]" % (e,))
            if label == "NOT ENOUGH INFO":
                if e[1:] != [None, None, None] or not (e[0] is None or is_int(e[0])):
                    bad("NOT ENOUGH INFO evidence %r is not [id, null, null, null]" % (e,))
            elif not (isinstance(e[2], str) and e[2] and is_int(e[3]) and e[3] >= 0
                      and (e[0] is None or is_int(e[0])) and (e[1] is None or is_int(e[1]))):
                bad("evidence %r is not [int, int, page, sentence index]" % (e,))


def main(argv):
    unique = "--unique" in argv
    verifiable = "--no-verifiable" not in argv
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        print("usage: check_fever.py [--unique] [--no-verifiable] FILE", file=sys.stderr)
        return 2
    problems, gold, ids = [], [], set()
    with open(files[0], encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            try:
                o = json.loads(line)
            except ValueError as e:
                problems.append("line %d: not JSON: %s" % (n, e))
                continue
            check(n, o, verifiable, problems)
            if unique and isinstance(o, dict):
                if o.get("id") in ids:
                    problems.append("line %d: id %r again" % (n, o.get("id")))
                ids.add(o.get("id"))
            gold.append(o)
    if not problems and gold:
        predictions = []
        for o in gold:
            sentences = [[e[2], e[3]] for eg in o["evidence"] for e in eg if e[3] is not None]
            predictions.append({"id": o["id"], "predicted_label": o["label"],
                                "predicted_evidence": sentences})
        try:
            for p in predictions:
                scorer.check_predicted_evidence_format(p)
            strict, acc, pr, rec, f1 = scorer.fever_score(predictions, gold)
        except AssertionError as e:
            problems.append("the scorer refuses it: %s" % e)
        else:
            if strict != 1.0 or acc != 1.0:
                problems.append("the scorer gives FEVER score %s, accuracy %s" % (strict, acc))
    for p in problems:
        print("%s: %s" % (files[0], p), file=sys.stderr)
    print("%s: %d claims%s" % (files[0], len(gold),
                                ", %d problems" % len(problems) if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
