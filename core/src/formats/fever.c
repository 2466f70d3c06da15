/*
 * formats/fever.c - FEVER-style JSON Lines (writer only): a claim a line,
 * with the keys in the order of FEVER's own files:
 *
 *   {"id":31,"verifiable":"VERIFIABLE","label":"REFUTES","claim":"...",
 *    "evidence":[[[4,31,"12",2]]]}
 *
 * id: the claim's id.  label: the verdict through the scale's "fever"
 * mapping.  evidence: one evidence set, the sentences of the article that
 * hold the claim, each [annotation id, evidence id, page, sentence index]:
 * the claim's research id, the claim's id, the article's id as the page
 * (a string, as FEVER's page titles are), and the index of the sentence in
 * the article as desk_sentences() splits it (0 first).  NOT ENOUGH INFO
 * claims have FEVER's [[[annotation id, null, null, null]]] and are "NOT
 * VERIFIABLE".  A claim without a verdict has no label: it is not written,
 * and told through sink->warn.  annotations/FORMATS.md has the details.
 */
#include <stdlib.h>
#include <string.h>

#include "format.h"

typedef struct fever_state {
	int64_t lines; /* written; numbers a claim whose id the exporter did not give */
} fever_state;

static int
fever_begin(format_sink *s)
{
	if ((s->state = calloc(1, sizeof(fever_state))) == NULL)
		return format_fail(&s->err, DESK_NOMEM, 0, 0, "out of memory");
	return DESK_OK;
}

static int
fever_end(format_sink *s)
{
	free(s->state);
	s->state = NULL;
	return DESK_OK;
}

/* The FEVER label of a claim's verdict, or NULL (told through warn). */
static const char *
fever_label(format_sink *s, const format_article *a, const format_claim *c)
{
	const format_info *in = s->info;
	const desk_verdict *v;

	if (c->verdict == NULL || c->verdict[0] == '\0') {
		if (s->warn)
			s->warn(s, a, c->start, c->end,
			        "claim without a verdict: not written (FEVER)");
		return NULL;
	}
	v = in && in->verdict ? in->verdict(in->verdicts, c->verdict) : NULL;
	if (v == NULL || v->fever == NULL ||
	    (strcmp(v->fever, "SUPPORTS") != 0 && strcmp(v->fever, "REFUTES") != 0 &&
	     strcmp(v->fever, "NOT ENOUGH INFO") != 0)) {
		if (s->warn)
			s->warn(s, a, c->start, c->end,
			        "the claim's verdict has no FEVER label on the scale: not written");
		return NULL;
	}
	return v->fever;
}

/* The evidence set: each sentence of the article that the claim overlaps. */
static void
fever_evidence(FILE *f, const format_article *a, const format_claim *c, int64_t ann, int64_t evid,
               const desk_range *sent, size_t nsent)
{
	size_t k = 0;

	fputs("[[", f);
	for (size_t i = 0; i < nsent; i++) {
		if (sent[i].end <= c->start || sent[i].start >= c->end)
			continue;
		fprintf(f, "%s[%lld,%lld,\"%lld\",%zu]", k++ ? "," : "", (long long)ann,
		        (long long)evid, (long long)a->id, i);
	}
	if (k == 0) { /* in white space between sentences: the next one, or the last */
		size_t i = 0;

		while (i + 1 < nsent && sent[i].end <= c->start)
			i++;
		fprintf(f, "[%lld,%lld,\"%lld\",%zu]", (long long)ann, (long long)evid,
		        (long long)a->id, i);
	}
	fputs("]]", f);
}

static int
fever_article(format_sink *s, const format_article *a)
{
	fever_state *st = s->state;
	desk_text *t = NULL;
	desk_range *sent = NULL;
	size_t nsent = 0;
	FILE *f = s->f;
	int rc = DESK_OK;

	for (size_t i = 0; i < a->nclaims && rc == DESK_OK; i++) {
		const format_claim *c = &a->claims[i];
		const char *label = fever_label(s, a, c);
		int64_t id, ann;

		if (label == NULL)
			continue;
		if (t == NULL && (desk_text_new(&t, a->in.body, a->in.body_len) != DESK_OK ||
		                  desk_sentences(&sent, &nsent, t) != DESK_OK)) {
			rc = format_fail(&s->err, DESK_NOMEM, 0, 0, "out of memory");
			break;
		}
		id = c->id > 0 ? c->id : (st ? st->lines + 1 : 1);
		ann = c->research > 0 ? c->research : id;
		fprintf(
		    f,
		    "{\"id\":%lld,\"verifiable\":\"%s\",\"label\":\"%s\",\"claim\":", (long long)id,
		    strcmp(label, "NOT ENOUGH INFO") == 0 ? "NOT VERIFIABLE" : "VERIFIABLE", label);
		format_json_str(f, c->text ? c->text : "");
		fputs(",\"evidence\":", f);
		if (strcmp(label, "NOT ENOUGH INFO") == 0 || nsent == 0)
			fprintf(f, "[[[%lld,null,null,null]]]", (long long)ann);
		else
			fever_evidence(f, a, c, ann, id, sent, nsent);
		fputs("}\n", f);
		if (st)
			st->lines++;
		if (ferror(f))
			rc = format_fail(&s->err, DESK_IO, 0, 0, "fever: write failed");
	}
	free(sent);
	desk_text_free(t);
	return rc;
}

const format_writer fmt_fever_writer = {fever_begin, fever_article, fever_end};
