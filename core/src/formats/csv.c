/*
 * formats/csv.c - the claims table for spreadsheets (writer only): RFC 4180
 * (CRLF line ends; a field holding a comma, a quote, CR or LF quoted, its
 * quotes doubled), UTF-8 without a byte order mark, a header row, then one
 * row per claim, articles in export order and claims by position.
 *
 * A field that a spreadsheet would take for a formula (one starting with
 * = + - @, TAB or CR) gets a leading apostrophe, as OWASP advises against
 * CSV injection; so does one that starts with an apostrophe already, so
 * that the rule can be undone: a reader drops one leading apostrophe of any
 * field that has one.  annotations/FORMATS.md lists the columns.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

static const char *const csv_columns[] = {
    "article_id",  "title",         "date",        "url",          "claim_id",
    "research_id", "start",         "end",         "text",         "status",
    "verdict",     "verdict_label", "note",        "evidence",     "proposed_by",
    "proposed_at", "reviewed_by",   "reviewed_at", "review_reason"};
#define CSV_NCOLUMNS (sizeof csv_columns / sizeof *csv_columns)

/*
 * One field: a separator before it unless first; quoted when it must be.
 * A spreadsheet is read on screens too: what desk_escape() escapes for the
 * terminal (ESC, C1 and bidi controls, ...) is written as its escape.
 */
static void
csv_field(FILE *f, const char *raw, size_t rawlen, int first)
{
	char *s = NULL;
	size_t len = 0;
	int quote = 0, guard;

	if (!first)
		putc(',', f);
	if (raw == NULL)
		return;
	if (desk_escape(&s, &len, raw, rawlen, 0) != DESK_OK) {
		fputs("\xEF\xBF\xBD", f); /* out of memory: U+FFFD, never the raw field */
		return;
	}
	guard = len > 0 && s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		putc('"', f);
	if (guard)
		putc('\'', f);
	if (!quote) {
		fwrite(s, 1, len, f);
		free(s);
		return;
	}
	for (const char *p = s, *end = s + len; p < end;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		size_t n = q ? (size_t)(q - p) + 1 : (size_t)(end - p);

		fwrite(p, 1, n, f);
		if (q)
			putc('"', f);
		p += n;
	}
	putc('"', f);
	free(s);
}

static void
csv_str(FILE *f, const char *s)
{
	csv_field(f, s, s ? strlen(s) : 0, 0);
}

static void
csv_int(FILE *f, int64_t v, int first)
{
	char num[24];

	if (v <= 0) { /* not given (ids start at 1; offsets write 0 themselves) */
		csv_field(f, "", 0, first);
		return;
	}
	snprintf(num, sizeof num, "%lld", (long long)v);
	csv_field(f, num, strlen(num), first);
}

static void
csv_offset(FILE *f, int64_t v)
{
	char num[24];

	snprintf(num, sizeof num, "%lld", (long long)v);
	csv_field(f, num, strlen(num), 0);
}

/* s with its line breaks as spaces: one piece of evidence stays on its line. */
static void
csv_line(FILE *m, const char *s)
{
	for (; s && *s; s++)
		putc(*s == '\n' || *s == '\r' ? ' ' : *s, m);
}

/*
 * The evidence, a piece a line: SOURCE, then " \u2014 QUOTE" and
 * " (consulted DATE)" when given.
 */
static void
csv_evidence(FILE *f, const format_claim *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL) {
		csv_field(f, "", 0, 0);
		return;
	}
	for (size_t i = 0; i < c->nevidence; i++) {
		const format_evidence *e = &c->evidence[i];

		if (i > 0)
			putc('\n', m);
		csv_line(m, e->source);
		if (e->quote && e->quote[0]) {
			fputs(" \xE2\x80\x94 ", m); /* an em dash */
			csv_line(m, e->quote);
		}
		if (e->consulted && e->consulted[0]) {
			fputs(" (consulted ", m);
			csv_line(m, e->consulted);
			putc(')', m);
		}
	}
	fclose(m);
	csv_field(f, buf, len, 0);
	free(buf);
}

static int
csv_begin(format_sink *s)
{
	for (size_t i = 0; i < CSV_NCOLUMNS; i++)
		csv_field(s->f, csv_columns[i], strlen(csv_columns[i]), i == 0);
	fputs("\r\n", s->f);
	if (ferror(s->f))
		return format_fail(&s->err, DESK_IO, 0, 0, "csv: write failed");
	return DESK_OK;
}

static int
csv_article(format_sink *s, const format_article *a)
{
	const format_info *in = s->info;
	const char *title = a->in.title ? a->in.title : a->title;
	const char *date = a->in.date ? a->in.date : a->date;
	const char *url = a->in.source ? a->in.source : a->source;
	FILE *f = s->f;

	for (size_t i = 0; i < a->nclaims; i++) {
		const format_claim *c = &a->claims[i];
		const desk_verdict *v = c->verdict && c->verdict[0] && in && in->verdict
		                            ? in->verdict(in->verdicts, c->verdict)
		                            : NULL;

		csv_int(f, a->id, 1);
		csv_str(f, title);
		csv_str(f, date);
		csv_str(f, url);
		csv_int(f, c->id, 0);
		csv_int(f, c->research, 0);
		csv_offset(f, c->start);
		csv_offset(f, c->end);
		csv_str(f, c->text);
		csv_str(f, c->status);
		csv_str(f, c->verdict);
		csv_str(f, v ? v->label : NULL);
		csv_str(f, c->note);
		csv_evidence(f, c);
		csv_str(f, c->proposed_by);
		csv_str(f, c->proposed_at);
		csv_str(f, c->reviewed_by);
		csv_str(f, c->reviewed_at);
		csv_str(f, c->review_reason);
		fputs("\r\n", f);
	}
	if (ferror(f))
		return format_fail(&s->err, DESK_IO, 0, 0, "csv: write failed");
	return DESK_OK;
}

const format_writer fmt_csv_writer = {csv_begin, csv_article, NULL};
