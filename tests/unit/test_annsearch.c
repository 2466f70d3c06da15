/*
 * test_annsearch.c - search over the annotations (search.h's
 * desk_annsearch): the query in the text of a span of the label
 * (accentless and exact, a deleted span not counted, words of the article
 * outside the span not enough), the label alone paged, the claims of a
 * status or verdict, the articles that mention an entity under any alias
 * (its spans, its name, the name of an entity merged into it), the filters,
 * and the machine-readable reasons for unknown names and bad queries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static const struct {
	const char *title, *body;
} docs[] = {
    {"Tin APEC", "Hội nghị APEC họp tại Hà Nội. GDP tăng 6%."},
    {"Kinh tế", "Diễn đàn APEC và ông Đặng Văn Lâm. GDP giảm."},
    {"", "Ông Đảng Minh đang làm việc ở Hà Nội."},
    {"Economy", "The Asia-Pacific Economic Cooperation meets in Hanoi."},
};

struct fx {
	desk *d;
	int64_t org1, org2, per2, per3; /* spans */
	int64_t c1, c2, c3;             /* claims */
};

/* body[start:end) of the first occurrence of text in article id, in code points. */
static void
range_of(int64_t *start, int64_t *end, size_t id, const char *text)
{
	const char *b = docs[id - 1].body, *p = strstr(b, text);

	assert_non_null(p);
	*start = desk_utf8_count(b, (size_t)(p - b));
	*end = *start + desk_utf8_count(text, strlen(text));
}

static int64_t
tag(desk *d, size_t id, const char *text, const char *label)
{
	int64_t s, e, span = 0;

	range_of(&s, &e, id, text);
	assert_int_equal(desk_span_add(&span, d, (int64_t)id, s, e, label, 0), DESK_OK);
	return span;
}

static int64_t
claim(desk *d, size_t id, const char *text)
{
	int64_t s, e, c = 0;

	range_of(&s, &e, id, text);
	assert_int_equal(desk_claim_add(&c, d, (int64_t)id, s, e), DESK_OK);
	return c;
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	desk_article_in in[4] = {{0}};
	int64_t ev;

	assert_non_null(f);
	assert_int_equal(desk_open(&f->d, ":memory:", "tester"), DESK_OK);
	for (size_t i = 0; i < 4; i++) {
		in[i].title = docs[i].title;
		in[i].body = docs[i].body;
		in[i].body_len = strlen(docs[i].body);
		in[i].lang = i == 3 ? "en" : "vi";
	}
	assert_int_equal(desk_article_add(f->d, in, 4, NULL, NULL), DESK_OK);
	f->org1 = tag(f->d, 1, "APEC", "ORG");
	f->org2 = tag(f->d, 2, "Diễn đàn APEC", "ORG");
	f->per2 = tag(f->d, 2, "Đặng Văn Lâm", "PER");
	f->per3 = tag(f->d, 3, "Đảng Minh", "PER");
	f->c1 = claim(f->d, 1, "GDP tăng 6%");
	f->c2 = claim(f->d, 2, "GDP giảm");
	f->c3 = claim(f->d, 3, "Đảng Minh đang làm việc");
	/* claim 2 proposed: a verdict and a piece of evidence */
	assert_int_equal(desk_claim_set_verdict(f->d, f->c2, "false"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(&ev, f->d, f->c2, "https://example.org/gdp", "GDP grew", NULL),
	    DESK_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	desk_close(f->d);
	free(f);
	return 0;
}

/* The keys found (article ids; claim ids for claims), as "1 2 3"; snippets joined in snip. */
static const char *
found(desk *d, const char *q, const desk_annsearch_opts *o, char *snip, size_t snipsize)
{
	static char out[128];
	desk_annsearch_results *r = NULL;

	out[0] = '\0';
	if (snip)
		snip[0] = '\0';
	assert_int_equal(desk_annsearch(&r, d, q, o), DESK_OK);
	for (size_t i = 0; i < desk_annsearch_count(r); i++) {
		const desk_annsearch_hit *h = desk_annsearch_get(r, i);

		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%lld", i ? " " : "",
		         (long long)(h->claim ? h->claim : h->id));
		if (snip)
			snprintf(snip + strlen(snip), snipsize - strlen(snip), "%s%s",
			         i ? " | " : "", h->snippet);
	}
	desk_annsearch_free(r);
	return out;
}

static void
test_label(void **state)
{
	struct fx *f = *state;
	desk_annsearch_opts o = {.label = "ORG"};
	char snip[512];

	assert_string_equal(found(f->d, "apec", &o, snip, sizeof snip), "1 2");
	assert_string_equal(snip, "[APEC] | Diễn đàn [APEC]");
	assert_string_equal(found(f->d, "\"dien dan\"", &o, snip, sizeof snip), "2");
	assert_string_equal(snip, "[Diễn đàn] APEC");
	assert_string_equal(found(f->d, "di* apec", &o, NULL, 0), "2");
	/* in article 1's text, not in its ORG span */
	assert_string_equal(found(f->d, "ha noi", &o, NULL, 0), "");
	assert_string_equal(found(f->d, "apec hop", &o, NULL, 0), "");
	o.label = "PER";
	/* accentless: Đặng and Đảng are both dang */
	assert_string_equal(found(f->d, "dang", &o, NULL, 0), "2 3");
	o.exact = 1;
	assert_string_equal(found(f->d, "Đặng", &o, snip, sizeof snip), "2");
	assert_string_equal(snip, "[Đặng] Văn Lâm");
	assert_string_equal(found(f->d, "dang", &o, NULL, 0), "");
}

static void
test_label_deleted(void **state)
{
	struct fx *f = *state;
	desk_annsearch_opts o = {.label = "ORG"};

	assert_int_equal(desk_span_delete(f->d, f->org1), DESK_OK);
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "2");
	assert_string_equal(found(f->d, NULL, &o, NULL, 0), "2");
}

static void
test_label_alone(void **state)
{
	struct fx *f = *state;
	desk_annsearch_opts o = {.label = "PER", .limit = 1};
	char snip[256];

	assert_string_equal(found(f->d, NULL, &o, snip, sizeof snip), "2");
	assert_string_equal(snip, "[Đặng Văn Lâm]");
	o.after = 2;
	assert_string_equal(found(f->d, "  ", &o, NULL, 0), "3");
	o.after = 3;
	assert_string_equal(found(f->d, NULL, &o, NULL, 0), "");
}

static void
test_claims(void **state)
{
	struct fx *f = *state;
	desk_filter flt = {.claim_status = "check"};
	desk_annsearch_opts o = {.filter = &flt};
	desk_annsearch_results *r = NULL;
	char snip[256];

	/* claim 2 mentions GDP too, but it is proposed */
	assert_string_equal(found(f->d, "gdp", &o, snip, sizeof snip), "1");
	assert_string_equal(snip, "[GDP] tăng 6%");
	assert_string_equal(found(f->d, "dang", &o, NULL, 0), "3");
	assert_string_equal(found(f->d, NULL, &o, NULL, 0), "1 3");
	flt.claim_status = "proposed";
	assert_string_equal(found(f->d, "gdp", &o, NULL, 0), "2");
	flt.claim_status = NULL;
	flt.verdict = "false";
	assert_string_equal(found(f->d, "gdp", &o, NULL, 0), "2");
	/* the hit names the claim and its article */
	assert_int_equal(desk_annsearch(&r, f->d, "giam", &o), DESK_OK);
	assert_int_equal(desk_annsearch_count(r), 1);
	assert_int_equal(desk_annsearch_get(r, 0)->claim, f->c2);
	assert_int_equal(desk_annsearch_get(r, 0)->id, 2);
	desk_annsearch_free(r);
	assert_int_equal(desk_claim_delete(f->d, f->c2), DESK_OK);
	assert_string_equal(found(f->d, "gdp", &o, NULL, 0), "");
}

static void
test_entity(void **state)
{
	struct fx *f = *state;
	desk_annsearch_opts o = {0};
	int64_t apec = 0, asia = 0;
	char snip[512];

	assert_int_equal(desk_entity_ensure(&apec, f->d, "APEC", ""), DESK_OK);
	assert_int_equal(desk_entity_ensure(&asia, f->d, "Asia-Pacific Economic Cooperation", ""),
	                 DESK_OK);
	assert_int_equal(desk_span_link(f->d, f->org2, apec), DESK_OK);
	o.entity = apec;
	/* 2 by its span, 1 by the name in its text */
	assert_string_equal(found(f->d, NULL, &o, snip, sizeof snip), "1 2");
	assert_non_null(strstr(snip, "[APEC]"));
	/* merged: the other name is an alias too, and its id stands for the survivor */
	assert_int_equal(desk_entity_merge(f->d, apec, asia), DESK_OK);
	assert_string_equal(found(f->d, NULL, &o, snip, sizeof snip), "1 2 4");
	assert_non_null(strstr(snip, "[Asia-Pacific Economic Cooperation]"));
	o.entity = asia;
	assert_string_equal(found(f->d, NULL, &o, NULL, 0), "1 2 4");
	/* with a query: those that also match it */
	assert_string_equal(found(f->d, "ha noi", &o, NULL, 0), "1");
}

static void
test_filters(void **state)
{
	struct fx *f = *state;
	desk_filter flt = {.status = "done"};
	int64_t ids[] = {1};
	desk_annsearch_opts o = {.label = "ORG", .filter = &flt};

	assert_int_equal(desk_article_set_status(f->d, 2, DESK_STATUS_DONE), DESK_OK);
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "2");
	flt.status = NULL;
	flt.user = "someone else";
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "");
	flt.user = "tester";
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "1 2");
	flt.articles = ids;
	flt.narticles = 1;
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "1");
	flt.since = "2999-01-01";
	assert_string_equal(found(f->d, "apec", &o, NULL, 0), "");
}

static void
refused(desk *d, const char *q, const desk_annsearch_opts *o, int rc, const char *field, int rule)
{
	desk_annsearch_results *r = (desk_annsearch_results *)1;

	assert_int_equal(desk_annsearch(&r, d, q, o), rc);
	assert_null(r);
	assert_string_equal(desk_errfield(d), field);
	assert_int_equal(desk_errrule(d), rule);
}

static void
test_refused(void **state)
{
	struct fx *f = *state;
	desk_filter flt = {.claim_status = "pending"};
	desk_annsearch_opts o = {.label = "NOPE"};

	refused(f->d, "apec", &o, DESK_INVALID, "label", DESK_RULE_UNKNOWN);
	assert_string_equal(desk_rule_name(DESK_RULE_UNKNOWN), "unknown");
	o.label = "ORG";
	refused(f->d, "apec OR hop", &o, DESK_INVALID, "query", DESK_RULE_OPERATOR);
	refused(f->d, "(apec)", &o, DESK_INVALID, "query", DESK_RULE_PAREN);
	refused(f->d, "\"apec", &o, DESK_INVALID, "query", DESK_RULE_QUOTE);
	refused(f->d, "-- ...", &o, DESK_INVALID, "query", DESK_RULE_EMPTY);
	refused(f->d, "\xff", &o, DESK_INVALID, "query", DESK_RULE_UTF8);
	o.label = NULL;
	o.filter = &flt;
	refused(f->d, NULL, &o, DESK_INVALID, "claim-status", DESK_RULE_UNKNOWN);
	flt.claim_status = NULL;
	flt.verdict = "maybe";
	refused(f->d, NULL, &o, DESK_INVALID, "verdict", DESK_RULE_UNKNOWN);
	o.filter = NULL;
	o.entity = 99;
	refused(f->d, NULL, &o, DESK_NOTFOUND, "entity", DESK_RULE_UNKNOWN);
	/* nothing to search, or two things at once */
	o.entity = 0;
	assert_int_equal(desk_annsearch(&(desk_annsearch_results *){NULL}, f->d, "x", &o),
	                 DESK_MISUSE);
	o.entity = 1;
	o.label = "ORG";
	assert_int_equal(desk_annsearch(&(desk_annsearch_results *){NULL}, f->d, "x", &o),
	                 DESK_MISUSE);
}

static void
test_json(void **state)
{
	struct fx *f = *state;
	desk_filter flt = {.claim_status = "check"};
	desk_annsearch_opts o = {.filter = &flt, .open = "<", .close = ">"};
	desk_annsearch_results *r = NULL;
	char *json = NULL;

	assert_int_equal(desk_annsearch(&r, f->d, "gdp", &o), DESK_OK);
	assert_int_equal(desk_annsearch_json(&json, r), DESK_OK);
	assert_string_equal(json,
	                    "[{\"id\":1,\"date\":\"\",\"title\":\"Tin APEC\",\"snippet\":\"<GDP> "
	                    "tăng 6%\",\"claim\":1}]");
	free(json);
	desk_annsearch_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_label, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_label_deleted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_label_alone, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_claims, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_entity, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_json, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
