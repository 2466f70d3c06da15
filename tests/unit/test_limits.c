/*
 * test_limits.c - what an editor may give the store: editor names checked
 * like label names (printable, one line, bounded), and text fields (entity
 * names and external ids, notes, sources, quotes, reasons, titles) with
 * length limits, refused with a message that says which and why.
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

/* n copies of the UTF-8 character c. */
static char *
repeat(const char *c, size_t n)
{
	size_t k = strlen(c);
	char *s = malloc(n * k + 1);

	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * k, c, k);
	s[n * k] = '\0';
	return s;
}

static void
check_field(const char *s, size_t max, int flags, const char *want)
{
	char why[DESK_FIELD_WHY];
	const char *got = desk_field_check(why, s, strlen(s), max, flags);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

static void
test_field_check(void **state)
{
	char why[DESK_FIELD_WHY];

	(void)state;
	check_field("Nguy\xe1\xbb\x85n V\xc4\x83n An", 13, DESK_FIELD_LINE, NULL);
	check_field("Nguy\xe1\xbb\x85n V\xc4\x83n An", 12, DESK_FIELD_LINE,
	            "is longer than 12 characters (13)");
	check_field("eve\033]52;c;cHduZWQ=\007", 64, DESK_FIELD_LINE,
	            "holds a control character (^[)");
	check_field("a\302\233b", 64, 0, "holds a control character (<U+009B>)");
	check_field("a\342\200\256b", 64, 0, "holds a control character (<U+202E>)");
	check_field("a\177", 64, 0, "holds a control character (^?)");
	check_field("two\nlines\tand tab", 64, 0, NULL);
	check_field("two\nlines", 64, DESK_FIELD_LINE, "holds a control character (^J)");
	check_field("tab\there", 64, DESK_FIELD_LINE, "holds a control character (^I)");
	check_field("   ", 64, DESK_FIELD_NONEMPTY, "is empty");
	check_field("", 64, 0, NULL);
	assert_string_equal(desk_field_check(why, "\377", 1, 64, 0), "is not UTF-8");
}

static void
test_editor_name(void **state)
{
	char *name = repeat("\xe1\xbb\x87", DESK_EDITOR_MAX); /* ệ */
	desk *d = NULL;

	(void)state;
	/* OSC 52: it would write to other editors' clipboards. */
	assert_int_equal(desk_open(&d, ":memory:", "eve\033]52;c;cHduZWQ=\007"), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "the editor's name holds a control character (^[)");
	desk_close(d);
	assert_int_equal(desk_open(&d, ":memory:", "mal\342\200\256"), DESK_INVALID);
	desk_close(d);
	assert_int_equal(desk_open(&d, ":memory:", "new\nline"), DESK_INVALID);
	desk_close(d);
	assert_int_equal(desk_open(&d, ":memory:", "   "), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "the editor's name is empty");
	desk_close(d);
	/* Bounded: DESK_EDITOR_MAX code points (not bytes) pass, one more does not. */
	assert_int_equal(desk_open(&d, ":memory:", name), DESK_OK);
	assert_string_equal(desk_editor(d), name);
	desk_close(d);
	free(name);
	name = repeat("a", DESK_EDITOR_MAX + 1);
	assert_int_equal(desk_open(&d, ":memory:", name), DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "is longer than 64 characters"));
	desk_close(d);
	free(name);
	assert_int_equal(desk_open(&d, ":memory:", "Nguy\xe1\xbb\x85n V\xc4\x83n An"), DESK_OK);
	desk_close(d);
	/* No name: the Unix user. */
	assert_int_equal(desk_open(&d, ":memory:", NULL), DESK_OK);
	assert_true(strlen(desk_editor(d)) > 0);
	desk_close(d);
}

static void
test_entity_fields(void **state)
{
	char *long_name = repeat("x", DESK_NAME_MAX + 1), *long_id = repeat("Q", DESK_ID_MAX + 1);
	int64_t id = 0;
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	assert_int_equal(desk_entity_ensure(&id, d, long_name, NULL), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "entity name is longer than 200 characters (201)");
	assert_int_equal(desk_entity_ensure(&id, d, "An\033[2J", NULL), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "entity name holds a control character (^[)");
	assert_int_equal(desk_entity_ensure(&id, d, "An", long_id), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "external id is longer than 100 characters (101)");
	assert_int_equal(desk_entity_ensure(&id, d, "An", "Q1\342\200\256"), DESK_INVALID);
	assert_int_equal(desk_entity_ensure(&id, d, "An", "Q1"), DESK_OK);
	assert_int_equal(desk_entity_rename(d, id, long_name, NULL), DESK_INVALID);
	assert_int_equal(desk_entity_rename(d, id, "An B", long_id), DESK_INVALID);
	assert_int_equal(desk_entity_rename(d, id, "An B", "Q2"), DESK_OK);
	desk_close(d);
	free(long_name);
	free(long_id);
}

static void
test_research_fields(void **state)
{
	char *long_note = repeat("n", DESK_NOTE_MAX + 1), *long_src = repeat("s", DESK_SOURCE_MAX);
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	/* Checked before the claim is looked for: no claim 99 is needed. */
	assert_int_equal(desk_claim_set_note(d, 99, long_note), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "note: is longer than 10000 characters (10001)");
	assert_int_equal(desk_claim_set_note(d, 99, "ok\033]52;c;x\007"), DESK_INVALID);
	assert_int_equal(desk_claim_dispute(d, 99, long_note), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "reason: is longer than 10000 characters (10001)");
	assert_int_equal(desk_evidence_check(d, "Reuters, 2 May 2025", long_note, NULL),
	                 DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "quote: is longer than 10000 characters (10001)");
	assert_int_equal(
	    desk_evidence_check(d, "Reuters, 2 May 2025", "a quote\nover two lines", NULL),
	    DESK_OK);
	memcpy(long_src, "https://example.org/", 20);
	assert_int_equal(desk_evidence_check(d, long_src, "q", NULL), DESK_OK);
	free(long_src);
	long_src = repeat("s", DESK_SOURCE_MAX + 1);
	memcpy(long_src, "https://example.org/", 20);
	assert_int_equal(desk_evidence_check(d, long_src, "q", NULL), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "source: is longer than 2000 characters (2001)");
	assert_int_equal(desk_evidence_check(d, "Reuters, 2 May\033[2J", "q", NULL), DESK_INVALID);
	assert_string_equal(desk_errmsg(d), "source: holds a control character (^[)");
	desk_close(d);
	free(long_note);
	free(long_src);
}

static void
test_title(void **state)
{
	char *title = repeat("t", DESK_TITLE_MAX + 1), *line;
	size_t n = strlen(title) + 64;
	desk_import_stats st = {0};
	desk *d = NULL;

	(void)state;
	line = malloc(n);
	assert_non_null(line);
	snprintf(line, n, "{\"title\":\"%s\",\"text\":\"Body.\"}\n", title);
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	assert_int_equal(desk_import_buffer(d, "t.jsonl", line, strlen(line), DESK_FORMAT_JSONL,
	                                    NULL, NULL, &st),
	                 DESK_INVALID);
	assert_int_equal(st.refused, 1);
	title[DESK_TITLE_MAX] = '\0';
	snprintf(line, n, "{\"title\":\"%s\",\"text\":\"Body.\"}\n", title);
	assert_int_equal(desk_import_buffer(d, "t.jsonl", line, strlen(line), DESK_FORMAT_JSONL,
	                                    NULL, NULL, &st),
	                 DESK_OK);
	assert_int_equal(st.added, 1);
	desk_close(d);
	free(line);
	free(title);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_field_check),   cmocka_unit_test(test_editor_name),
	    cmocka_unit_test(test_entity_fields), cmocka_unit_test(test_research_fields),
	    cmocka_unit_test(test_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
