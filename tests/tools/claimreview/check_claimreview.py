#!/usr/bin/env python3
"""Check ClaimReview JSON-LD as Google's fact-check structured data
documentation (developers.google.com/search/docs/appearance/structured-data/
factcheck, "Structured data type definitions") lists its properties.

Required: ClaimReview claimReviewed (Text), reviewRating (Rating), url
(URL); Rating alternateName (Text); a ratingValue, when given with
bestRating and worstRating, within them, and bestRating above worstRating.
Recommended, checked with --ours (what copydesk always writes): author
(Organization with name and url), datePublished (an ISO 8601 date),
itemReviewed (a Claim; its datePublished an ISO 8601 date and its
appearance, when given, a CreativeWork, or a subtype, with a url or headline), Rating ratingValue,
bestRating, worstRating as numbers, and "@context" https://schema.org on
each review.

The file may be one review, an array of them, or {"@graph": [...]}, as
publishers write them; json.loads must take it whole.

Usage: check_claimreview.py [--ours] FILE
Prints the number of reviews; exit 0 when all pass.
"""
import json
import re
import sys

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")
CREATIVE = ("CreativeWork", "NewsArticle", "Article", "WebPage", "SocialMediaPosting",
            "VideoObject", "Clip", "BlogPosting", "Report")


def types(o):
    t = o.get("@type") if isinstance(o, dict) else None
    return t if isinstance(t, list) else [t]


def reviews(doc):
    if isinstance(doc, list):
        for d in doc:
            yield from reviews(d)
    elif isinstance(doc, dict):
        if "@graph" in doc:
            yield from reviews(doc["@graph"])
        elif "ClaimReview" in types(doc):
            yield doc


def num(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def check(i, r, ours, problems):
    def bad(why):
        problems.append("review %d: %s" % (i, why))

    if not isinstance(r.get("claimReviewed"), str) or not r["claimReviewed"].strip():
        bad("no claimReviewed")
    url = r.get("url")
    if not isinstance(url, str) or not url:
        bad("no url")
    rating = r.get("reviewRating")
    if not isinstance(rating, dict) or "Rating" not in types(rating):
        bad("no reviewRating of @type Rating")
        rating = {}
    if not isinstance(rating.get("alternateName"), str) or not rating.get("alternateName"):
        bad("reviewRating has no alternateName")
    v, best, worst = (num(rating.get(k)) for k in ("ratingValue", "bestRating", "worstRating"))
    # -1 throughout is some publishers' "not rated" (20 Minutes)
    if None not in (v, best, worst) and v != -1 and not (worst < best and worst <= v <= best):
        bad("ratingValue %r is not within worstRating %r and bestRating %r" % (v, worst, best))
    if not ours:
        return
    if r.get("@context") != "https://schema.org":
        bad("@context is not https://schema.org")
    if not re.match(r"^https?://[^\s/]+", url or ""):
        bad("url %r is not a web address" % (url,))
    for k in ("ratingValue", "bestRating", "worstRating"):
        if not isinstance(rating.get(k), int):
            bad("reviewRating.%s is not a number" % k)
    author = r.get("author")
    if not isinstance(author, dict) or "Organization" not in types(author) or \
            not author.get("name") or not author.get("url"):
        bad("author is not an Organization with a name and a url")
    if not DATE.match(str(r.get("datePublished", ""))):
        bad("datePublished %r is not an ISO 8601 date" % (r.get("datePublished"),))
    item = r.get("itemReviewed")
    if not isinstance(item, dict) or "Claim" not in types(item):
        return bad("itemReviewed is not a Claim")
    if "datePublished" in item and not DATE.match(str(item["datePublished"])):
        bad("itemReviewed.datePublished is not an ISO 8601 date")
    app = item.get("appearance")
    if app is None:
        return  # where the claim appeared is not known
    if not isinstance(app, dict) or not set(types(app)) & set(CREATIVE):
        return bad("itemReviewed.appearance is not a CreativeWork")
    if not app.get("url") and not app.get("headline"):
        bad("the appearance has neither url nor headline")


def main(argv):
    ours = "--ours" in argv
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        print("usage: check_claimreview.py [--ours] FILE", file=sys.stderr)
        return 2
    with open(files[0], encoding="utf-8") as f:
        doc = json.load(f)
    problems = []
    found = list(reviews(doc))
    for i, r in enumerate(found):
        check(i, r, ours, problems)
    for p in problems:
        print("%s: %s" % (files[0], p), file=sys.stderr)
    print("%s: %d reviews%s" % (files[0], len(found),
                                 ", %d problems" % len(problems) if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
