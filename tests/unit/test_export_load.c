/*
 * test_export_load.c - one stored article with everything on it as a
 * document of the formats' model (export/export_load.c): metadata, marks,
 * spans with their entities and aliases, claims with research, evidence and
 * history, kept tokens, and the filter's span and claim parts; on :memory:.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/export_load.h"

static const char body[] = "Ông An gặp Bà Bình ở Hà Nội. Tỷ lệ hộ nghèo giảm còn 38,5% năm 2024.";

/* Be another editor on the same handle (approvals need a second one). */
/* One article through a loader of its own. */
static int
load1(desk *d, int64_t id, const desk_filter *f, format_article *out)
{
	export_loader *l = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = export_loader_new(&l, d, f)) != DESK_OK)
		return rc;
	rc = export_load(l, id, out);
	export_loader_free(l);
	return rc;
}

static void
as(desk *d, const char *editor)
{
	free(d->editor);
	d->editor = strdup(editor);
}

static desk *
fx_open(int64_t *art)
{
	desk *d = NULL;
	desk_mark mk = {.start = 0, .end = 3, .kind = DESK_MARK_BYLINE};
	desk_article_in in = {.body = body,
	                      .body_len = strlen(body),
	                      .lang = "vi",
	                      .title = "Tin \"A\"",
	                      .date = "2025-11-02",
	                      .source = "https://example.vn/a",
	                      .marks = &mk,
	                      .nmarks = 1};

	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(desk_article_add(d, &in, 1, art, NULL), DESK_OK);
	return d;
}

static void
test_load_all(void **state)
{
	int64_t art, s1, s2, s3, e1, c1;
	format_article a;
	desk *d = fx_open(&art);

	(void)state;
	assert_int_equal(desk_entity_ensure(&e1, d, "Nguyễn Văn An", "Q42"), DESK_OK);
	assert_int_equal(desk_span_add(&s1, d, art, 4, 6, "PER", e1), DESK_OK);
	assert_int_equal(desk_span_add(&s2, d, art, 21, 27, "LOC", 0), DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_span_add(&s3, d, art, 0, 6, "PER", e1), DESK_OK);
	as(d, "alice");
	assert_int_equal(desk_claim_add(&c1, d, art, 29, 68), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c1, "true"), DESK_OK);
	assert_int_equal(desk_claim_set_note(d, c1, "theo GSO"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(NULL, d, c1, "https://gso.gov.vn/x", "38,5%", "2025-01-02"),
	    DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_claim_dispute(d, c1, "sai năm"), DESK_OK);
	as(d, "alice");
	assert_int_equal(sqlite3_exec(d->db,
	                              "INSERT INTO article_tokens VALUES (1, "
	                              "'[[0,3],[4,6,0,\"NNP\\tB-NP\"],[6,28,1]]')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);

	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.id, art);
	assert_string_equal(a.in.title, "Tin \"A\"");
	assert_string_equal(a.in.date, "2025-11-02");
	assert_string_equal(a.in.lang, "vi");
	assert_string_equal(a.in.source, "https://example.vn/a");
	assert_string_equal(a.status, "progress"); /* the first edit put it in progress */
	assert_string_equal(a.imported_by, "alice");
	assert_non_null(a.imported_at);
	assert_non_null(a.updated_at);
	assert_int_equal(a.chars, 68);
	assert_int_equal(a.in.body_len, strlen(body));
	assert_memory_equal(a.in.body, body, strlen(body));
	assert_int_equal(a.nmarks, 1);
	assert_int_equal(a.marks[0].kind, DESK_MARK_BYLINE);

	/* Spans by start, end, label. */
	assert_int_equal(a.nspans, 3);
	assert_int_equal(a.spans[0].start, 0);
	assert_string_equal(a.spans[0].author, "bob");
	assert_string_equal(a.spans[0].text, "Ông An");
	assert_int_equal(a.spans[1].start, 4);
	assert_string_equal(a.spans[1].text, "An");
	assert_string_equal(a.spans[1].label, "PER");
	assert_int_equal(a.spans[1].entity, e1);
	assert_string_equal(a.spans[2].label, "LOC");
	assert_int_equal(a.spans[2].entity, 0);
	assert_non_null(a.spans[2].created_at);
	/* The entity once, with its aliases: the distinct texts of its spans. */
	assert_int_equal(a.nentities, 1);
	assert_int_equal(a.entities[0].id, e1);
	assert_string_equal(a.entities[0].name, "Nguyễn Văn An");
	assert_string_equal(a.entities[0].external_id, "Q42");
	assert_int_equal(a.entities[0].naliases, 2);
	assert_string_equal(a.entities[0].aliases[0], "An");
	assert_string_equal(a.entities[0].aliases[1], "Ông An");

	/* The claim with its research, evidence and history. */
	assert_int_equal(a.nclaims, 1);
	assert_int_equal(a.claims[0].start, 29);
	assert_string_equal(a.claims[0].status, "disputed");
	assert_string_equal(a.claims[0].verdict, "true");
	assert_string_equal(a.claims[0].note, "theo GSO");
	assert_string_equal(a.claims[0].proposed_by, "alice");
	assert_string_equal(a.claims[0].reviewed_by, "bob");
	assert_string_equal(a.claims[0].review_reason, "sai năm");
	assert_int_equal(a.claims[0].nevidence, 1);
	assert_string_equal(a.claims[0].evidence[0].quote, "38,5%");
	assert_string_equal(a.claims[0].evidence[0].consulted, "2025-01-02");
	assert_int_equal(a.claims[0].nhistory, 5);
	assert_string_equal(a.claims[0].history[0].action, "marked");
	assert_string_equal(a.claims[0].history[1].action, "verdict");
	assert_string_equal(a.claims[0].history[1].verdict, "true");
	assert_string_equal(a.claims[0].history[2].action, "note");
	assert_string_equal(a.claims[0].history[2].reason, "theo GSO");
	assert_string_equal(a.claims[0].history[3].action, "proposed");
	assert_string_equal(a.claims[0].history[3].editor, "alice");
	assert_string_equal(a.claims[0].history[3].verdict, "true");
	assert_string_equal(a.claims[0].history[4].action, "disputed");
	assert_string_equal(a.claims[0].history[4].editor, "bob");
	assert_string_equal(a.claims[0].history[4].reason, "sai năm");

	/* The kept tokens. */
	assert_int_equal(a.ntokens, 3);
	assert_int_equal(a.tokens[1].start, 4);
	assert_string_equal(a.tokens[1].extra, "NNP\tB-NP");
	assert_int_equal(a.tokens[2].sentence_end, 1);
	assert_null(a.tokens[0].extra);
	format_article_clear(&a);
	desk_close(d);
}

static void
test_load_filter(void **state)
{
	int64_t art, s1, c1, c2;
	desk_filter f = {0};
	format_article a;
	desk *d = fx_open(&art);

	(void)state;
	assert_int_equal(desk_span_add(&s1, d, art, 4, 6, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s1, d, art, 21, 27, "LOC", 0), DESK_OK);
	assert_int_equal(desk_claim_add(&c1, d, art, 29, 68), DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_span_add(&s1, d, art, 11, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_claim_add(&c2, d, art, 0, 28), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c2, "false"), DESK_OK);
	/* A deleted span is not exported. */
	assert_int_equal(desk_span_add(&s1, d, art, 7, 10, "ORG", 0), DESK_OK);
	assert_int_equal(desk_span_delete(d, s1), DESK_OK);

	f.user = "bob";
	assert_int_equal(load1(d, art, &f, &a), DESK_OK);
	assert_int_equal(a.nspans, 1);
	assert_int_equal(a.spans[0].start, 11);
	assert_int_equal(a.nclaims, 1);
	assert_int_equal(a.claims[0].start, 0);
	format_article_clear(&a);

	memset(&f, 0, sizeof f);
	f.label = "PER";
	assert_int_equal(load1(d, art, &f, &a), DESK_OK);
	assert_int_equal(a.nspans, 2);
	assert_int_equal(a.nclaims, 2); /* the label filter leaves claims */
	format_article_clear(&a);

	memset(&f, 0, sizeof f);
	f.verdict = "false";
	assert_int_equal(load1(d, art, &f, &a), DESK_OK);
	assert_int_equal(a.nspans, 3);
	assert_int_equal(a.nclaims, 1);
	assert_string_equal(a.claims[0].verdict, "false");
	assert_null(a.claims[0].proposed_by); /* no evidence: not proposed */
	format_article_clear(&a);

	memset(&f, 0, sizeof f);
	f.claim_status = "check";
	assert_int_equal(load1(d, art, &f, &a), DESK_OK);
	assert_int_equal(a.nclaims, 2);
	format_article_clear(&a);

	assert_int_equal(load1(d, art + 1, NULL, &a), DESK_NOTFOUND);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_load_all),
	    cmocka_unit_test(test_load_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
