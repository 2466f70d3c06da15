/*
 * formats/claimreview.c - schema.org ClaimReview JSON-LD (writer only), as
 * fact-check aggregators (Google Fact Check Tools, Data Commons) ingest it:
 * one JSON array of ClaimReview objects, an object a line, each with its
 * own @context so that any one can be cut out into a page's
 * <script type="application/ld+json">.  Only verified claims are written
 * (an approved verdict is a published review); the others are skipped.
 *
 *   {"@context":"https://schema.org","@type":"ClaimReview",
 *    "url":"ORG_URL#claim-31","claimReviewed":"...","datePublished":"2025-11-03",
 *    "inLanguage":"vi","author":{"@type":"Organization","name":"...","url":"..."},
 *    "reviewRating":{"@type":"Rating","ratingValue":1,"bestRating":5,
 *                    "worstRating":1,"alternateName":"False"},
 *    "itemReviewed":{"@type":"Claim","datePublished":"2025-11-02",
 *                    "appearance":{"@type":"NewsArticle","url":"...",
 *                                  "headline":"...","datePublished":"2025-11-02"}}}
 *
 * The array streams: "[" at the start, "," between, "]" at the end.
 * annotations/FORMATS.md gives each field's source.
 */
#include <stdlib.h>
#include <string.h>

#include "format.h"

typedef struct claimreview_state {
	int64_t written;
} claimreview_state;

static int
claimreview_begin(format_sink *s)
{
	const format_info *in = s->info;

	if (in == NULL || in->org_name == NULL || in->org_name[0] == '\0' || in->org_url == NULL ||
	    in->org_url[0] == '\0')
		return format_fail(
		    &s->err, DESK_INVALID, 0, 0,
		    "claimreview: the reviews' author is the organisation: set it "
		    "first with `copydesk config org.name NAME` and `copydesk config "
		    "org.url URL`");
	if ((s->state = calloc(1, sizeof(claimreview_state))) == NULL)
		return format_fail(&s->err, DESK_NOMEM, 0, 0, "out of memory");
	fputc('[', s->f);
	return ferror(s->f) ? format_fail(&s->err, DESK_IO, 0, 0, "claimreview: write failed")
	                    : DESK_OK;
}

static int
claimreview_end(format_sink *s)
{
	int rc = DESK_OK;

	if (s->state != NULL) {
		fputs("\n]\n", s->f);
		if (ferror(s->f))
			rc = format_fail(&s->err, DESK_IO, 0, 0, "claimreview: write failed");
	}
	free(s->state);
	s->state = NULL;
	return rc;
}

/* A string member, left out when there is no value: ,"key":"value". */
static void
claimreview_member(FILE *f, const char *key, const char *v, size_t max)
{
	if (v == NULL || v[0] == '\0')
		return;
	fprintf(f, ",\"%s\":", key);
	format_json_string(f, v, max ? strnlen(v, max) : strlen(v));
}

/* When the claim was verified: its review, or the last approval in its history. */
static const char *
claimreview_when(const format_claim *c)
{
	if (c->reviewed_at != NULL && c->reviewed_at[0] != '\0')
		return c->reviewed_at;
	for (size_t i = c->nhistory; i-- > 0;)
		if (c->history[i].action && strcmp(c->history[i].action, "approved") == 0)
			return c->history[i].at;
	return NULL;
}

/* The organisation's url without its fragment, then #claim-ID: the review's own url. */
static void
claimreview_url(FILE *f, const char *org, int64_t id)
{
	char tail[40];
	size_t n = strcspn(org, "#");
	char *u = malloc(n + sizeof tail);

	snprintf(tail, sizeof tail, "#claim-%lld", (long long)id);
	fputs(",\"url\":", f);
	if (u == NULL) {
		format_json_string(f, org, n);
		return;
	}
	memcpy(u, org, n);
	strcpy(u + n, tail);
	format_json_str(f, u);
	free(u);
}

static void
claimreview_one(format_sink *s, const format_article *a, const format_claim *c,
                const desk_verdict *v, const char *when)
{
	const format_info *in = s->info;
	const char *title = a->in.title ? a->in.title : a->title;
	const char *date = a->in.date ? a->in.date : a->date;
	const char *url = a->in.source ? a->in.source : a->source;
	claimreview_state *st = s->state;
	FILE *f = s->f;

	/* Only a web address is an appearance's url (a file's source is not). */
	if (url && strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		url = NULL;
	fputs(st->written++ ? ",\n" : "\n", f);
	fputs("{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\"", f);
	claimreview_url(f, in->org_url, c->id);
	fputs(",\"claimReviewed\":", f);
	format_json_str(f, c->text ? c->text : "");
	claimreview_member(f, "datePublished", when, 10);
	claimreview_member(f, "inLanguage", a->in.lang, 0);
	fputs(",\"author\":{\"@type\":\"Organization\",\"name\":", f);
	format_json_str(f, in->org_name);
	fputs(",\"url\":", f);
	format_json_str(f, in->org_url);
	fprintf(f,
	        "},\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":%d,\"bestRating\":5,"
	        "\"worstRating\":1,\"alternateName\":",
	        v->rating);
	format_json_str(f, v->rating_name && v->rating_name[0] ? v->rating_name : v->label);
	fputs("},\"itemReviewed\":{\"@type\":\"Claim\"", f);
	claimreview_member(f, "datePublished", date, 10);
	if ((url && url[0]) || (title && title[0])) { /* else where it appeared is unknown */
		fputs(",\"appearance\":{\"@type\":\"NewsArticle\"", f);
		claimreview_member(f, "url", url, 0);
		claimreview_member(f, "headline", title, 0);
		claimreview_member(f, "datePublished", date, 10);
		putc('}', f);
	}
	fputs("}}", f);
}

static int
claimreview_article(format_sink *s, const format_article *a)
{
	const format_info *in = s->info;

	for (size_t i = 0; i < a->nclaims; i++) {
		const format_claim *c = &a->claims[i];
		const desk_verdict *v;
		const char *when;

		if (c->status == NULL || strcmp(c->status, "verified") != 0)
			continue; /* only published reviews */
		v = c->verdict && c->verdict[0] && in->verdict
		        ? in->verdict(in->verdicts, c->verdict)
		        : NULL;
		if (v == NULL || v->rating < 1 || v->rating > 5) {
			if (s->warn)
				s->warn(
				    s, a, c->start, c->end,
				    "verified claim without a verdict on the scale: not written");
			continue;
		}
		if ((when = claimreview_when(c)) == NULL || strlen(when) < 10) {
			if (s->warn)
				s->warn(s, a, c->start, c->end,
				        "verified claim with no date of approval: written without "
				        "datePublished");
			when = NULL;
		}
		claimreview_one(s, a, c, v, when);
	}
	if (ferror(s->f))
		return format_fail(&s->err, DESK_IO, 0, 0, "claimreview: write failed");
	return DESK_OK;
}

const format_writer fmt_claimreview_writer = {claimreview_begin, claimreview_article,
                                              claimreview_end};
