/* test_suggest.c - the same text elsewhere, the gazetteer, accepting and rejecting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static const char sug_a1[] = "Việt Nam và APEC. Đại diện Việt Nam gặp Apec ở Đà Nẵng. "
                             "Namibia không.";
static const char sug_a2[] = "Viet Nam hosts APEC in Da Nang. Việt Nam again, viet nam.";
/* "Việt Nam" in NFD: e, combining dot below, combining circumflex. */
static const char sug_a3_nfd[] = "Tin: Vie\xcc\xa3\xcc\x82t Nam.";
static const char sug_a4[] = "APEC họp tại Việt Nam hôm nay.";

static void
sug_event(void *ctx, const desk_import_event *ev)
{
	if (ev->what == DESK_IMPORT_ADDED)
		*(int64_t *)ctx = ev->article_id;
}

/* Import body as one JSON Lines record (the importer makes it NFC). */
static int64_t
sug_import(desk *d, const char *body)
{
	char line[512];
	int64_t id = 0;
	int n = snprintf(line, sizeof line, "{\"text\": \"%s\", \"lang\": \"vi\"}\n", body);

	assert_int_equal(desk_import_buffer(d, "t.jsonl", line, (size_t)n, DESK_FORMAT_JSONL,
	                                    sug_event, &id, NULL),
	                 DESK_OK);
	assert_true(id > 0);
	return id;
}

/* Code point offset of the nth (0-based) occurrence of needle in s. */
static int64_t
sug_cp(const char *s, const char *needle, int nth)
{
	const char *p = s;

	for (;; p++) {
		p = strstr(p, needle);
		assert_non_null(p);
		if (nth-- == 0)
			break;
	}
	return desk_utf8_count(s, (size_t)(p - s));
}

static int64_t
sug_len(const char *s)
{
	return desk_utf8_count(s, strlen(s));
}

typedef struct sug {
	desk *d;
	int64_t a1, a2, a3;
} sug;

static void
sug_open(sug *s)
{
	assert_int_equal(desk_open(&s->d, ":memory:", "anna"), DESK_OK);
	s->a1 = sug_import(s->d, sug_a1);
	s->a2 = sug_import(s->d, sug_a2);
	s->a3 = sug_import(s->d, sug_a3_nfd);
}

/* Tag the nth occurrence of text in body. */
static int64_t
sug_tag(desk *d, int64_t article, const char *body, const char *text, int nth, const char *label,
        int64_t entity)
{
	int64_t id, at = sug_cp(body, text, nth);

	assert_int_equal(desk_span_add(&id, d, article, at, at + sug_len(text), label, entity),
	                 DESK_OK);
	return id;
}

/* Whether the list holds a suggestion at (article, start) with this text and label. */
static int
sug_has(const desk_suggestions *l, int64_t article, int64_t start, const char *text,
        const char *label)
{
	for (size_t i = 0; i < desk_suggestions_count(l); i++) {
		const desk_suggestion *s = desk_suggestions_at(l, i);

		if (s->article_id == article && s->start == start &&
		    s->end == start + sug_len(text) && strcmp(s->text, text) == 0 &&
		    strcmp(s->label, label) == 0)
			return 1;
	}
	return 0;
}

static void
test_same_in_article(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span;

	(void)state;
	sug_open(&s);
	span = sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 0, "LOC", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 1);
	assert_true(sug_has(l, s.a1, sug_cp(sug_a1, "Việt Nam", 1), "Việt Nam", "LOC"));
	assert_int_equal(desk_suggestions_at(l, 0)->from_span, span);
	assert_int_equal(desk_suggestions_at(l, 0)->entity_id, 0);
	assert_null(desk_suggestions_at(l, 1));
	desk_suggestions_free(l);
	/* Suggestions are not spans. */
	{
		desk_spans *sp = NULL;

		assert_int_equal(desk_spans_get(&sp, s.d, s.a1), DESK_OK);
		assert_int_equal(desk_spans_count(sp), 1);
		desk_spans_free(sp);
	}
	assert_int_equal(desk_suggest_same(&l, s.d, span + 99, 1, 0), DESK_NOTFOUND);
	assert_null(l);
	desk_close(s.d);
}

static void
test_same_in_corpus(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span;

	(void)state;
	sug_open(&s);
	span = sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 0, "LOC", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_EXACT), DESK_OK);
	/* The second in a1, the one in a2, and the NFD import, now NFC. */
	assert_int_equal(desk_suggestions_count(l), 3);
	assert_true(sug_has(l, s.a1, sug_cp(sug_a1, "Việt Nam", 1), "Việt Nam", "LOC"));
	assert_true(sug_has(l, s.a2, sug_cp(sug_a2, "Việt Nam", 0), "Việt Nam", "LOC"));
	assert_true(sug_has(l, s.a3, 5, "Việt Nam", "LOC"));
	desk_suggestions_free(l);
	/* Without accents, "Viet Nam" too; its case is kept, so not "viet nam". */
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_FOLD_ACCENT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 4);
	assert_true(sug_has(l, s.a2, 0, "Viet Nam", "LOC"));
	desk_suggestions_free(l);
	assert_int_equal(
	    desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_FOLD_ACCENT | DESK_MATCH_FOLD_CASE),
	    DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 5);
	assert_true(sug_has(l, s.a2, sug_cp(sug_a2, "viet nam", 0), "viet nam", "LOC"));
	desk_suggestions_free(l);
	desk_close(s.d);
}

static void
test_whole_words(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span, namibia;

	(void)state;
	sug_open(&s);
	/* "Nam" of the first "Việt Nam", as a name of its own. */
	span = sug_tag(s.d, s.a1, sug_a1, "Nam", 0, "MISC", 0);
	namibia = sug_cp(sug_a1, "Namibia", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 1);
	assert_true(sug_has(l, s.a1, sug_cp(sug_a1, "Nam", 1), "Nam", "MISC"));
	for (size_t i = 0; i < desk_suggestions_count(l); i++)
		assert_int_not_equal(desk_suggestions_at(l, i)->start, namibia);
	desk_suggestions_free(l);
	/* Nor inside a word when folded: "nam" is not in "Namibia". */
	assert_int_equal(
	    desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_FOLD_CASE | DESK_MATCH_FOLD_ACCENT),
	    DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 1);
	desk_suggestions_free(l);
	desk_close(s.d);
}

static void
test_fold_case(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span, apec;

	(void)state;
	sug_open(&s);
	span = sug_tag(s.d, s.a1, sug_a1, "APEC", 0, "ORG", 0);
	apec = sug_cp(sug_a1, "Apec", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 0);
	desk_suggestions_free(l);
	/* Folding accents keeps case. */
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_FOLD_ACCENT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 0);
	desk_suggestions_free(l);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, DESK_MATCH_FOLD_CASE), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 1);
	assert_true(sug_has(l, s.a1, apec, "Apec", "ORG"));
	desk_suggestions_free(l);
	desk_close(s.d);
}

static void
test_fold_accent(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span;

	(void)state;
	sug_open(&s);
	span = sug_tag(s.d, s.a2, sug_a2, "Da Nang", 0, "LOC", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 0);
	desk_suggestions_free(l);
	/* Case folding alone leaves the accents and đ. */
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_FOLD_CASE), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 0);
	desk_suggestions_free(l);
	/* Đ is D: "Da Nang" finds "Đà Nẵng". */
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, DESK_MATCH_FOLD_ACCENT), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 1);
	assert_true(sug_has(l, s.a1, sug_cp(sug_a1, "Đà Nẵng", 0), "Đà Nẵng", "LOC"));
	desk_suggestions_free(l);
	desk_close(s.d);
}

static void
test_tagged_and_rejected_left_out(void **state)
{
	desk_suggestions *l = NULL, *g = NULL;
	desk_suggestion r;
	sug s;
	int64_t span;

	(void)state;
	sug_open(&s);
	span = sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 0, "LOC", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 3);
	desk_suggestions_free(l);
	/* Tagged with another label: still suggested; with the same one: not. */
	sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 1, "ORG", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 3);
	desk_suggestions_free(l);
	sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 1, "LOC", 0);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 0, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(l), 2);
	assert_false(sug_has(l, s.a1, sug_cp(sug_a1, "Việt Nam", 1), "Việt Nam", "LOC"));
	/* Rejected: gone from both kinds of suggestion, for good. */
	r = *desk_suggestions_at(l, 0);
	assert_int_equal(r.article_id, s.a2);
	assert_int_equal(desk_suggestion_reject(s.d, &r), DESK_OK);
	assert_int_equal(desk_suggestion_reject(s.d, &r), DESK_OK);
	assert_int_equal(desk_suggest_same(&g, s.d, span, 0, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(g), 1);
	assert_int_equal(desk_suggestions_at(g, 0)->article_id, s.a3);
	desk_suggestions_free(g);
	assert_int_equal(desk_suggest_article(&g, s.d, s.a2, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(g), 1);
	assert_true(sug_has(g, s.a2, r.start, "Việt Nam", "ORG"));
	desk_suggestions_free(g);
	/* A rejection is for its label: ORG there is still suggested. */
	assert_int_equal(desk_suggest_article(&g, s.d, s.a3, 0), DESK_OK);
	assert_int_equal(desk_suggestions_count(g), 2);
	assert_true(sug_has(g, s.a3, 5, "Việt Nam", "LOC"));
	assert_true(sug_has(g, s.a3, 5, "Việt Nam", "ORG"));
	desk_suggestions_free(g);
	/* Refusals. */
	r.end = 9999;
	assert_int_equal(desk_suggestion_reject(s.d, &r), DESK_RANGE);
	r.end = r.start + 3;
	r.label = "NOPE";
	assert_int_equal(desk_suggestion_reject(s.d, &r), DESK_NOTFOUND);
	r.article_id = 999;
	assert_int_equal(desk_suggestion_reject(s.d, &r), DESK_NOTFOUND);
	desk_suggestions_free(l);
	desk_close(s.d);
}

/*
 * A span of the same label that holds the match covers it ("Việt Nam" in
 * LOC "Đại diện Việt Nam"); one of another label, or a shorter one, does
 * not; and among many spans of several labels the lookup still finds it.
 */
static void
test_covered_by_longer(void **state)
{
	desk_suggestions *l = NULL;
	sug s;
	int64_t span, at = sug_cp(sug_a1, "Đại diện Việt Nam", 0), second;

	(void)state;
	sug_open(&s);
	second = sug_cp(sug_a1, "Việt Nam", 1);
	span = sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 0, "LOC", 0);
	/* Short spans of other labels all around, before and after it. */
	for (int64_t i = 0; i + 1 < sug_len(sug_a1); i += 2)
		if (i + 1 <= second || i >= second + 8)
			assert_int_equal(desk_span_add(NULL, s.d, s.a1, i, i + 1, "MISC", 0),
			                 DESK_OK);
	assert_int_equal(desk_span_add(NULL, s.d, s.a1, second, second + 3, "LOC", 0), DESK_OK);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, 0), DESK_OK);
	assert_true(sug_has(l, s.a1, second, "Việt Nam", "LOC")); /* "Việ" holds less */
	desk_suggestions_free(l);
	assert_int_equal(
	    desk_span_add(NULL, s.d, s.a1, at, at + sug_len("Đại diện Việt Nam"), "ORG", 0),
	    DESK_OK);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, 0), DESK_OK);
	assert_true(sug_has(l, s.a1, second, "Việt Nam", "LOC")); /* ORG holds it, not LOC */
	desk_suggestions_free(l);
	assert_int_equal(
	    desk_span_add(NULL, s.d, s.a1, at, at + sug_len("Đại diện Việt Nam"), "LOC", 0),
	    DESK_OK);
	assert_int_equal(desk_suggest_same(&l, s.d, span, 1, 0), DESK_OK);
	assert_false(sug_has(l, s.a1, second, "Việt Nam", "LOC"));
	assert_int_equal(desk_suggestions_count(l), 0);
	desk_suggestions_free(l);
	desk_close(s.d);
}

static void
test_gazetteer_and_accept(void **state)
{
	desk_suggestions *g = NULL;
	desk_spans *sp = NULL;
	desk_span *got = NULL;
	sug s;
	int64_t a4, vn, span, accepted;

	(void)state;
	sug_open(&s);
	assert_int_equal(desk_entity_ensure(&vn, s.d, "Việt Nam", "Q881"), DESK_OK);
	span = sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 0, "LOC", vn);
	sug_tag(s.d, s.a1, sug_a1, "APEC", 0, "ORG", 0);
	/* Tagged twice: still one suggestion per range and label. */
	sug_tag(s.d, s.a1, sug_a1, "Việt Nam", 1, "LOC", vn);
	a4 = sug_import(s.d, sug_a4);
	assert_int_equal(desk_suggest_article(&g, s.d, a4, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(g), 2);
	/* By start. */
	assert_int_equal(desk_suggestions_at(g, 0)->start, 0);
	assert_string_equal(desk_suggestions_at(g, 0)->label, "ORG");
	assert_int_equal(desk_suggestions_at(g, 0)->entity_id, 0);
	assert_true(sug_has(g, a4, sug_cp(sug_a4, "Việt Nam", 0), "Việt Nam", "LOC"));
	/* The reader's way, with the body it holds: the same suggestions. */
	{
		desk_suggestions *h = NULL;
		desk_text *t = NULL;

		assert_int_equal(desk_text_new(&t, sug_a4, strlen(sug_a4)), DESK_OK);
		assert_int_equal(desk_suggest_text(&h, s.d, a4, t, DESK_MATCH_EXACT), DESK_OK);
		assert_int_equal(desk_suggestions_count(h), desk_suggestions_count(g));
		for (size_t i = 0; i < desk_suggestions_count(h); i++) {
			assert_int_equal(desk_suggestions_at(h, i)->start,
			                 desk_suggestions_at(g, i)->start);
			assert_string_equal(desk_suggestions_at(h, i)->label,
			                    desk_suggestions_at(g, i)->label);
		}
		desk_suggestions_free(h);
		desk_text_free(t);
	}
	assert_int_equal(desk_suggestions_at(g, 1)->entity_id, vn);
	assert_int_equal(desk_suggestions_at(g, 1)->from_span, span);
	/* Suggestions are not spans until accepted. */
	assert_int_equal(desk_spans_get(&sp, s.d, a4), DESK_OK);
	assert_int_equal(desk_spans_count(sp), 0);
	desk_spans_free(sp);
	assert_int_equal(desk_suggestion_accept(&accepted, s.d, desk_suggestions_at(g, 1)),
	                 DESK_OK);
	assert_int_equal(desk_span_get(&got, s.d, accepted), DESK_OK);
	assert_int_equal(got->article_id, a4);
	assert_string_equal(got->text, "Việt Nam");
	assert_string_equal(got->label, "LOC");
	assert_int_equal(got->entity_id, vn);
	assert_string_equal(got->entity, "Việt Nam");
	desk_span_free(got);
	desk_suggestions_free(g);
	/* Accepted: no longer a suggestion. */
	assert_int_equal(desk_suggest_article(&g, s.d, a4, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(g), 1);
	assert_string_equal(desk_suggestions_at(g, 0)->text, "APEC");
	desk_suggestions_free(g);
	/* Folded, the gazetteer finds "Viet Nam", "Da Nang" does not come from anywhere. */
	assert_int_equal(desk_suggest_article(&g, s.d, s.a2, DESK_MATCH_FOLD_ACCENT), DESK_OK);
	assert_true(sug_has(g, s.a2, 0, "Viet Nam", "LOC"));
	assert_true(sug_has(g, s.a2, sug_cp(sug_a2, "Việt Nam", 0), "Việt Nam", "LOC"));
	assert_true(sug_has(g, s.a2, sug_cp(sug_a2, "APEC", 0), "APEC", "ORG"));
	assert_int_equal(desk_suggestions_count(g), 3);
	desk_suggestions_free(g);
	assert_int_equal(desk_suggest_article(&g, s.d, 999, 0), DESK_NOTFOUND);
	assert_int_equal(desk_suggest_article(&g, s.d, a4, 8), DESK_MISUSE);
	desk_close(s.d);
}

/*
 * The gazetteer by probes at the body's word starts: names that share a first
 * word, that end or begin with punctuation, that hold several separators,
 * CJK, and a name inside a longer word (not suggested).
 */
static const char sug_g1[] = "Hà Nội, Hà Giang và U.S. (AP) họp; Hà-Nội. 東京都 nói.";
static const char sug_g2[] = "Tin Hà Nội và Hà Giang; U.S. (AP) nói Hà-Nội. 東京都, Hàng Đẫy.";

static void
test_gazetteer_probes(void **state)
{
	desk_suggestions *g = NULL;
	const char *names[][2] = {{"Hà Nội", "LOC"}, {"Hà Giang", "LOC"}, {"U.S.", "LOC"},
	                          {"(AP)", "ORG"},   {"Hà-Nội", "LOC"},   {"東京都", "LOC"},
	                          {"Hà", "PER"}};
	desk *d = NULL;
	int64_t a, b;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	a = sug_import(d, sug_g1);
	b = sug_import(d, sug_g2);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		sug_tag(d, a, sug_g1, names[i][0], 0, names[i][1], 0);
	assert_int_equal(desk_suggest_article(&g, d, b, DESK_MATCH_EXACT), DESK_OK);
	for (size_t i = 0; i < 6; i++)
		assert_true(
		    sug_has(g, b, sug_cp(sug_g2, names[i][0], 0), names[i][0], names[i][1]));
	/* "Hà" as a word of its own: in "Hà Nội", "Hà Giang" and "Hà-Nội", never in "Hàng". */
	assert_true(sug_has(g, b, sug_cp(sug_g2, "Hà", 0), "Hà", "PER"));
	assert_true(sug_has(g, b, sug_cp(sug_g2, "Hà", 1), "Hà", "PER"));
	assert_true(sug_has(g, b, sug_cp(sug_g2, "Hà", 2), "Hà", "PER"));
	assert_false(sug_has(g, b, sug_cp(sug_g2, "Hàng", 0), "Hà", "PER"));
	assert_int_equal(desk_suggestions_count(g), 9);
	desk_suggestions_free(g);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_in_article),
	    cmocka_unit_test(test_same_in_corpus),
	    cmocka_unit_test(test_whole_words),
	    cmocka_unit_test(test_fold_case),
	    cmocka_unit_test(test_fold_accent),
	    cmocka_unit_test(test_tagged_and_rejected_left_out),
	    cmocka_unit_test(test_covered_by_longer),
	    cmocka_unit_test(test_gazetteer_and_accept),
	    cmocka_unit_test(test_gazetteer_probes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
