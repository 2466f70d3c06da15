/* test_claimview.c - tui/model/claimview.c: claim and candidate markers as the reader draws them,
 * at 80 and 20 columns, with and without colour, and the evidence form's fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "claimview.h"
#include "keymap.h"
#include "lineedit.h"
#include "layout.h"
#include "tagging.h"

static const char *const keys[] = {"P", "O", "L"};

static const char body[] = "Ông Lương Cường nói GDP tăng 8%. Trời đẹp. Xuất khẩu đạt 2,1 tỷ USD.";

/* The code point offset of the first occurrence of needle in s. */
static int64_t
at(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	assert_non_null(p);
	return desk_utf8_count(s, (size_t)(p - s));
}

struct drawn {
	desk_text *t;
	struct layout *l;
	struct layout_insert *ins;
	struct claimview_looks *looks;
	size_t n;
};

/*
 * body laid out at width with a claim on its first sentence (verdict f,
 * proposed), a span PER on "Lương Cường" (bracketed only without colour)
 * and a candidate on the last sentence.
 */
static void
draw(struct drawn *d, int width, int color)
{
	struct tagging_span sp[] = {{1, at(body, "Lương"), at(body, " nói"), 0, 0}};
	struct layout_insert *spi = NULL;
	size_t nspi = 0;
	struct claimview_mark cl[1] = {{0, at(body, " Trời"), 3, ""}};
	struct claimview_mark ca[1] = {
	    {at(body, "Xuất"), (int64_t)desk_utf8_count(body, strlen(body)), 0, ""}};

	claimview_tag(cl[0].tag, sizeof cl[0].tag, "f", DESK_CLAIM_PROPOSED);
	tagging_prepare(sp, 1);
	if (!color)
		assert_int_equal(tagging_inserts(&spi, &nspi, sp, 1, keys, 3), DESK_OK);
	assert_int_equal(desk_text_new(&d->t, body, strlen(body)), DESK_OK);
	assert_int_equal(claimview_inserts(&d->ins, &d->looks, &d->n, spi, nspi, cl, 1, ca, 1),
	                 DESK_OK);
	assert_int_equal(layout_new_insert(&d->l, d->t, width, NULL, 0, LAYOUT_WORDS, d->ins, d->n),
	                 DESK_OK);
	free(spi);
}

static void
undraw(struct drawn *d)
{
	layout_free(d->l);
	desk_text_free(d->t);
	free(d->ins);
	free(d->looks);
}

static void
expect_row(const struct drawn *d, size_t row, const char *want)
{
	char *got = claimview_render(d->l, row, d->ins, d->looks, d->n);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "row %zu:\n%s\nwant:\n%s\n", row, got, want);
	assert_string_equal(got, want);
	free(got);
}

static void
test_signs(void **state)
{
	char tag[16];

	(void)state;
	claimview_tag(tag, sizeof tag, "", DESK_CLAIM_CHECK);
	assert_string_equal(tag, "?");
	claimview_tag(tag, sizeof tag, NULL, DESK_CLAIM_CHECK);
	assert_string_equal(tag, "?");
	claimview_tag(tag, sizeof tag, "f", DESK_CLAIM_PROPOSED);
	assert_string_equal(tag, "f~");
	claimview_tag(tag, sizeof tag, "t", DESK_CLAIM_VERIFIED);
	assert_string_equal(tag, "t\u2713");
	claimview_tag(tag, sizeof tag, "l", DESK_CLAIM_DISPUTED);
	assert_string_equal(tag, "l\u2717");
}

/* Without colour: the claim's brackets hold the span's, the candidate's are dim. */
static void
test_mono_80(void **state)
{
	struct drawn d = {0};

	(void)state;
	draw(&d, 80, 0);
	assert_int_equal(d.l->nlines, 1);
	expect_row(
	    &d, 0,
	    "⟦f~ Ông [P Lương Cường] nói GDP tăng 8%.⟧ Trời đẹp. ⟨Xuất khẩu đạt 2,1 tỷ USD.⟩\n"
	    "DDDD    bbb           b                 D           c                         c");
	undraw(&d);
}

/* With colour: no span brackets (the span has its colour), the claim's markers stay. */
static void
test_color_80(void **state)
{
	struct drawn d = {0};

	(void)state;
	draw(&d, 80, 1);
	expect_row(&d, 0,
	           "⟦f~ Ông Lương Cường nói GDP tăng 8%.⟧ Trời đẹp. ⟨Xuất khẩu đạt 2,1 tỷ USD.⟩\n"
	           "DDDD                                D           c                         c");
	undraw(&d);
}

/* At 20 columns the markers wrap with the words, never split. */
static void
test_mono_20(void **state)
{
	struct drawn d = {0};

	(void)state;
	draw(&d, 20, 0);
	expect_row(&d, 0, "⟦f~ Ông [P Lương \nDDDD    bbb      ");
	expect_row(&d, 1, "Cường] nói GDP tăng \n     b              ");
	expect_row(&d, 2, "8%.⟧ Trời đẹp. ⟨Xuất\n   D           c    ");
	expect_row(&d, 3, "khẩu đạt 2,1 tỷ USD.\n                    ");
	assert_int_equal(d.l->nlines,
	                 4); /* (a marker past a full line's edge hangs, as spaces do) */
	undraw(&d);
}

static void
test_color_20(void **state)
{
	struct drawn d = {0};

	(void)state;
	draw(&d, 20, 1);
	expect_row(&d, 0, "⟦f~ Ông Lương Cường \nDDDD                ");
	expect_row(&d, 1, "nói GDP tăng 8%.⟧ \n                D ");
	undraw(&d);
}

/* Nested and touching claims: the outer opens first and closes last. */
static void
test_nested(void **state)
{
	const char *s = "GDP tăng 8% so với 2024.";
	int64_t len = desk_utf8_count(s, strlen(s));
	struct claimview_mark cl[2] = {{at(s, "8%"), at(s, " so"), 1, "?"}, {0, len, 0, "t\u2713"}};
	struct layout_insert *ins = NULL;
	struct claimview_looks *looks = NULL;
	struct layout *l = NULL;
	desk_text *t = NULL;
	size_t n = 0;
	char *got;

	(void)state;
	assert_int_equal(claimview_inserts(&ins, &looks, &n, NULL, 0, cl, 2, NULL, 0), DESK_OK);
	assert_int_equal(n, 4);
	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_int_equal(layout_new_insert(&l, t, 80, NULL, 0, LAYOUT_WORDS, ins, n), DESK_OK);
	got = claimview_render(l, 0, ins, looks, n);
	assert_string_equal(got, "⟦t✓ GDP tăng ⟦? 8%⟧ so với 2024.⟧\n"
	                         "AAAA         BBB  B             A");
	free(got);
	layout_free(l);
	desk_text_free(t);
	free(ins);
	free(looks);
	/* Nothing to mark: no inserts. */
	assert_int_equal(claimview_inserts(&ins, &looks, &n, NULL, 0, NULL, 0, NULL, 0), DESK_OK);
	assert_int_equal(n, 0);
	assert_null(ins);
}

/* A claim's history in an editor's words: the dispute's reason, who proposed, undo. */
static void
test_event(void **state)
{
	desk_claim_event e = {.at = "2026-12-05T08:17:01.669Z",
	                      .editor = "bob",
	                      .action = "claim-dispute",
	                      .claim_id = 4,
	                      .this_claim = 1,
	                      .status = "disputed",
	                      .verdict = "false",
	                      .text = "the report says 3,85%",
	                      .undid = ""};
	char buf[256], when[20];

	(void)state;
	claimview_event(buf, sizeof buf, &e, 4, "False", "proposed");
	assert_string_equal(buf, "disputed the verdict: \u201cthe report says 3,85%\u201d");
	claimview_event_time(when, e.at);
	assert_string_equal(when, "2026-12-05 08:17:01");
	/* Evidence that makes it proposed says so; the first status (check) is not news. */
	e = (desk_claim_event){.action = "evidence-add",
	                       .status = "proposed",
	                       .verdict = "false",
	                       .text = "Reuters",
	                       .undid = ""};
	claimview_event(buf, sizeof buf, &e, 4, "False", "check");
	assert_string_equal(buf, "added evidence from Reuters; proposed");
	e = (desk_claim_event){.action = "research-verdict",
	                       .status = "check",
	                       .verdict = "true",
	                       .text = "",
	                       .undid = ""};
	claimview_event(buf, sizeof buf, &e, 4, "True", "");
	assert_string_equal(buf, "set the verdict to True");
	/* An apply: on this claim, or the one that made this claim a repeat. */
	e = (desk_claim_event){.action = "claim-apply",
	                       .claim_id = 4,
	                       .this_claim = 1,
	                       .status = "",
	                       .verdict = "",
	                       .text = "",
	                       .undid = ""};
	claimview_event(buf, sizeof buf, &e, 4, NULL, "proposed");
	assert_string_equal(buf, "gave the research to its repeats in other articles");
	claimview_event(buf, sizeof buf, &e, 9, NULL, "proposed");
	assert_string_equal(buf, "marked it as a repeat of claim 4, with that claim's research");
	/* Undo names what it took back, and the verdict it left when that was the verdict. */
	e = (desk_claim_event){.action = "undo",
	                       .status = "proposed",
	                       .verdict = "false",
	                       .text = "",
	                       .undid = "claim-dispute"};
	claimview_event(buf, sizeof buf, &e, 4, "False", "disputed");
	assert_string_equal(buf, "undid the dispute; proposed");
	e.undid = "research-verdict";
	claimview_event(buf, sizeof buf, &e, 4, "False", "proposed");
	assert_string_equal(buf, "undid a change of verdict (the verdict: False)");
	/* Cut to the buffer, never past it. */
	e = (desk_claim_event){.action = "claim-dispute",
	                       .status = "disputed",
	                       .verdict = "",
	                       .text = "a long reason",
	                       .undid = ""};
	claimview_event(buf, 10, &e, 4, NULL, "proposed");
	assert_string_equal(buf, "disputed ");
}

/* The form asks for source, quote and date in turn; a refusal goes back to the field named. */
static void
test_evform(void **state)
{
	struct evform f;

	(void)state;
	assert_int_equal(evform_init(&f, "2026-11-23"), DESK_OK);
	assert_int_equal(f.field, EVFORM_SOURCE);
	assert_string_equal(evform_label(&f), "Source (URL or citation)");
	assert_string_equal(evform_value(&f), "");
	assert_int_equal(evform_accept(&f, "https://gso.gov.vn/bao-cao"), EVFORM_QUOTE);
	assert_string_equal(evform_label(&f), "Quote");
	assert_int_equal(evform_accept(&f, ""), EVFORM_CONSULTED);
	assert_string_equal(evform_label(&f), "Consulted (YYYY-MM-DD)");
	assert_string_equal(evform_value(&f), "2026-11-23"); /* today, to accept with Enter */
	assert_int_equal(evform_accept(&f, "2026-11-20"), EVFORM_DONE);
	assert_int_equal(evform_accept(&f, "more"), EVFORM_DONE);
	/* The core says the quote is empty (desk_errfield "quote"): back to it, the others kept. */
	assert_int_equal(evform_refused(&f, "quote"), EVFORM_QUOTE);
	assert_string_equal(evform_value(&f), "");
	assert_int_equal(evform_accept(&f, "Tăng trưởng GDP đạt 8,02%"), EVFORM_CONSULTED);
	assert_string_equal(evform_value(&f), "2026-11-20");
	assert_int_equal(evform_accept(&f, "2099-01-01"), EVFORM_DONE);
	assert_int_equal(evform_refused(&f, "consulted"), EVFORM_CONSULTED);
	assert_string_equal(evform_value(&f), "2099-01-01");
	assert_int_equal(evform_refused(&f, "source"), EVFORM_SOURCE);
	assert_string_equal(evform_value(&f), "https://gso.gov.vn/bao-cao");
	assert_string_equal(f.value[EVFORM_QUOTE], "Tăng trưởng GDP đạt 8,02%");
	/* The field is data, never read out of a message's words. */
	assert_int_equal(evform_refused(&f, "quote: empty: the consulted date"), EVFORM_SOURCE);
	assert_int_equal(evform_refused(&f, NULL), EVFORM_SOURCE);
	evform_free(&f);
	/* No date given: the field starts empty. */
	assert_int_equal(evform_init(&f, NULL), DESK_OK);
	f.field = EVFORM_CONSULTED;
	assert_string_equal(evform_value(&f), "");
	evform_free(&f);
}

/* The form's fields take a pasted passage of a few KB, key by key as a terminal sends it. */
static void
test_paste(void **state)
{
	const char *unit = "Tỷ lệ thất nghiệp quý IV là 2,26%. ";
	struct lineedit le;
	char *want;
	size_t n = strlen(unit), times = 4096 / n + 1;

	(void)state;
	want = malloc(n * times + 1);
	assert_non_null(want);
	want[0] = '\0';
	lineedit_init(&le);
	for (size_t i = 0; i < times; i++) {
		strcat(want, unit);
		for (const char *p = unit; *p;) {
			unsigned char b = (unsigned char)*p;
			int k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
			int c = k == 1 ? b : b & (0x7F >> k);

			for (int j = 1; j < k; j++)
				c = c << 6 | (p[j] & 0x3F);
			assert_int_equal(lineedit_key(&le, c), LINEEDIT_CONTINUE);
			p += k;
		}
	}
	assert_true(le.len > 4096);
	assert_string_equal(le.buf, want);
	/* C-w and Backspace at the end still cut by word and grapheme. */
	lineedit_key(&le, KEYMAP_BACKSPACE);
	lineedit_key(&le, KEYMAP_CTRL('w'));
	want[strlen(want) - strlen("2,26%. ")] = '\0';
	assert_string_equal(le.buf, want);
	lineedit_free(&le);
	free(want);
}

/* A wide label key's marker: two columns, each with the span's look. */
static void
test_wide_key(void **state)
{
	static const char *const wide[] = {"\xe4\xba\xba"}; /* 人 */
	struct tagging_span sp[] = {{1, at(body, "Lương"), at(body, " nói"), 0, 0}};
	struct layout_insert *spi = NULL, *ins = NULL;
	struct claimview_looks *looks = NULL;
	size_t nspi = 0, n = 0;

	(void)state;
	tagging_prepare(sp, 1);
	assert_int_equal(tagging_inserts(&spi, &nspi, sp, 1, wide, 1), DESK_OK);
	assert_int_equal(claimview_inserts(&ins, &looks, &n, spi, nspi, NULL, 0, NULL, 0), DESK_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ins[0].text, "[\xe4\xba\xba ");
	assert_int_equal(ins[0].width, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(looks[0].look[i], CLAIMVIEW_SPAN);
	free(spi);
	free(ins);
	free(looks);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_signs),    cmocka_unit_test(test_mono_80),
	    cmocka_unit_test(test_color_80), cmocka_unit_test(test_mono_20),
	    cmocka_unit_test(test_color_20), cmocka_unit_test(test_nested),
	    cmocka_unit_test(test_evform),   cmocka_unit_test(test_event),
	    cmocka_unit_test(test_wide_key), cmocka_unit_test(test_paste),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
