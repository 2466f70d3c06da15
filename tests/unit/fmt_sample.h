/*
 * fmt_sample.h - what the writers' tests share: a verdict scale, hand-built
 * documents with hostile strings (quotes, commas, CR LF, controls, bidi
 * controls, a leading "=", an emoji beyond the BMP, Vietnamese), a writer
 * run into memory, and the python checks under tests/tools/ (skipped when
 * there is no python3).
 */
#ifndef FMT_SAMPLE_H
#define FMT_SAMPLE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "formats/format.h"

#define TOOLS FIXTURES "/../tools"

#define SAMPLE_UNUSED __attribute__((unused))

static const desk_verdict sample_scale[] = {
    {"true", "True", "t", 0, -1, 5, "True", "SUPPORTS", ""},
    {"false", "False", "f", 0, -1, 1, "False", "REFUTES", ""},
    {"unverifiable", "Unverifiable", "u", 0, -1, 3, "Unverifiable", "NOT ENOUGH INFO", ""},
};

static SAMPLE_UNUSED const desk_verdict *
sample_verdict(const desk_verdicts *v, const char *name)
{
	(void)v;
	for (size_t i = 0; i < sizeof sample_scale / sizeof *sample_scale; i++)
		if (strcmp(sample_scale[i].name, name) == 0)
			return &sample_scale[i];
	return NULL;
}

/* The code-point offset of the first sub in body. */
static SAMPLE_UNUSED int64_t
sample_cp(const char *body, const char *sub)
{
	const char *p = strstr(body, sub);

	assert_non_null(p);
	return desk_utf8_count(body, (size_t)(p - body));
}

/* The warnings a writer gave. */
typedef struct sample_warns {
	int n;
	char last[256];
} sample_warns;

static SAMPLE_UNUSED void
sample_warn(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	sample_warns *w = s->warn_ctx;

	(void)a;
	(void)start;
	(void)end;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

static const char sample_body1[] =
    "Hà Nội, ngày 2/11. Ông Nguyễn Văn An nói GDP năm nay tăng 8,2%.\n"
    "Bà \"Bình\", phó giám đốc, cho biết =SUM(A1) 😀 là con số sai. Câu cuối.";
static const char sample_body2[] = "The minister said unemployment fell to 3%. Critics disagree.";

/* A claim at sub of body. */
static SAMPLE_UNUSED void
sample_claim(format_article *a, format_claim *c, const char *sub, int64_t id, const char *status,
             const char *verdict)
{
	const char *body = a->in.body;

	memset(c, 0, sizeof *c);
	c->id = id;
	c->research = 100 + id;
	c->start = sample_cp(body, sub);
	c->end = c->start + desk_utf8_count(sub, strlen(sub));
	c->text = sub;
	c->status = status;
	c->verdict = verdict;
	c->author = "lan";
	c->created_at = "2025-11-02T08:00:00.000Z";
}

/*
 * Article 1 (Vietnamese, with spans of two editors, overlapping ones, and
 * three claims: verified false with evidence, proposed true, unchecked
 * without a verdict); article 2 (English, no spans, one verified claim
 * rated unverifiable).
 */
typedef struct sample_docs {
	format_article a[2];
	format_span spans[4];
	format_claim claims[4];
	format_evidence ev[2];
	format_event hist[3];
} sample_docs;

static SAMPLE_UNUSED void
sample_build(sample_docs *d)
{
	format_article *a = &d->a[0], *b = &d->a[1];

	memset(d, 0, sizeof *d);
	a->id = 7;
	a->in.body = sample_body1;
	a->in.body_len = strlen(sample_body1);
	a->in.title = "Tin \"nóng\", \xE2\x80\xAEđảo ngược\xE2\x80\xAC\ttab";
	a->in.date = "2025-11-02";
	a->in.lang = "vi";
	a->in.source = "https://example.vn/tin?a=1&b=2";
	a->chars = desk_utf8_count(sample_body1, strlen(sample_body1));
	d->spans[0] = (format_span){sample_cp(sample_body1, "Hà Nội"),
	                            sample_cp(sample_body1, "Hà Nội") + 6,
	                            "LOC",
	                            "Hà Nội",
	                            0,
	                            "lan",
	                            "2025-11-02T08:00:00.000Z",
	                            0};
	d->spans[1] = d->spans[0];
	d->spans[1].author = "minh";
	d->spans[2] = (format_span){sample_cp(sample_body1, "Nguyễn Văn An"),
	                            sample_cp(sample_body1, "Nguyễn Văn An") + 13,
	                            "PER",
	                            "Nguyễn Văn An",
	                            0,
	                            "lan",
	                            NULL,
	                            0};
	/* after the emoji: a UTF-16 count would be one more */
	d->spans[3] = (format_span){sample_cp(sample_body1, "con số"),
	                            sample_cp(sample_body1, "con số") + 6,
	                            "MISC",
	                            "con số",
	                            0,
	                            "minh",
	                            NULL,
	                            0};
	a->spans = d->spans;
	a->nspans = 4;
	d->ev[0] = (format_evidence){"https://gso.gov.vn/so-lieu", "GDP tăng 7,1%,\r\n\"quý 3\"",
	                             "2025-11-01", "lan", "2025-11-02T09:00:00.000Z"};
	d->ev[1] = (format_evidence){"=HYPERLINK(\"http://evil\")", "", "", "lan", NULL};
	d->hist[0] = (format_event){"proposed", "lan", "2025-11-02T09:00:00.000Z", "false", NULL};
	d->hist[1] = (format_event){"disputed", "minh", "2025-11-02T10:00:00.000Z", NULL, "nguồn?"};
	d->hist[2] = (format_event){"approved", "minh", "2025-11-03T11:00:00.000Z", NULL, NULL};
	sample_claim(a, &d->claims[0], "GDP năm nay tăng 8,2%", 31, "verified", "false");
	d->claims[0].note = "Ghi chú: \x07"
	                    "chuông, \"trích\"\r\ndòng 2";
	d->claims[0].evidence = d->ev;
	d->claims[0].nevidence = 2;
	d->claims[0].history = d->hist;
	d->claims[0].nhistory = 3;
	d->claims[0].proposed_by = "lan";
	d->claims[0].proposed_at = "2025-11-02T09:00:00.000Z";
	d->claims[0].reviewed_by = "minh";
	d->claims[0].reviewed_at = "2025-11-03T11:00:00.000Z";
	d->claims[0].review_reason = "-đã kiểm tra";
	/* two sentences: its evidence set holds both */
	sample_claim(a, &d->claims[1], "phó giám đốc, cho biết =SUM(A1) 😀 là con số sai. Câu cuối",
	             32, "proposed", "true");
	sample_claim(a, &d->claims[2], "Bà \"Bình\"", 33, "check", NULL);
	a->claims = d->claims;
	a->nclaims = 3;

	b->id = 8;
	b->in.body = sample_body2;
	b->in.body_len = strlen(sample_body2);
	b->in.lang = "en";
	b->in.source = "/srv/scrape/minister.txt";
	b->chars = desk_utf8_count(sample_body2, strlen(sample_body2));
	sample_claim(b, &d->claims[3], "unemployment fell to 3%", 40, "verified", "unverifiable");
	d->claims[3].reviewed_at = NULL; /* the date comes from the history */
	d->claims[3].history = &d->hist[2];
	d->claims[3].nhistory = 1;
	b->claims = &d->claims[3];
	b->nclaims = 1;
}

/* Run writer w over n documents into *out (malloc'ed, NUL-terminated). */
static SAMPLE_UNUSED int
sample_write(char **out, size_t *len, const format_writer *w, const format_info *info,
             const format_article *a, size_t n, sample_warns *warns)
{
	format_sink s;
	FILE *f = open_memstream(out, len);
	int rc = DESK_OK;

	assert_non_null(f);
	memset(&s, 0, sizeof s);
	s.f = f;
	s.info = info;
	s.warn = sample_warn;
	s.warn_ctx = warns;
	if (w->begin)
		rc = w->begin(&s);
	for (size_t i = 0; rc == DESK_OK && i < n; i++)
		rc = w->article(&s, &a[i]);
	if (w->end && (rc == DESK_OK || s.state != NULL)) {
		int r = w->end(&s);

		if (rc == DESK_OK)
			rc = r;
	}
	fclose(f);
	return rc;
}

/* Whether python3 runs here. */
static SAMPLE_UNUSED int
sample_have_python(void)
{
	return system("python3 -c '' >/dev/null 2>&1") == 0;
}

/* Write data to a temporary file; its name into path (at least 64 bytes). */
static SAMPLE_UNUSED void
sample_tmp(char *path, const char *data, size_t len)
{
	int fd;

	snprintf(path, 64, "/tmp/copydesk-fmt-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

/* Run python3 TOOLS/script with args; its exit status. */
static SAMPLE_UNUSED int
sample_python(const char *script, const char *args)
{
	char cmd[2048];
	int st;

	snprintf(cmd, sizeof cmd, "python3 '%s/%s' %s", TOOLS, script, args);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The shared datasets (../shared/datasets, or $COPYDESK_DATASETS); NULL if absent. */
static SAMPLE_UNUSED const char *
sample_datasets(void)
{
	static char path[1024];
	const char *env = getenv("COPYDESK_DATASETS");

	snprintf(path, sizeof path, "%s", env && *env ? env : FIXTURES "/../../../shared/datasets");
	return access(path, R_OK) == 0 ? path : NULL;
}

#endif
