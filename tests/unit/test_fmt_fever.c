/*
 * test_fmt_fever.c - FEVER JSON Lines: the lines written for hand-built
 * documents (labels through the scale, the evidence sentences, NOT ENOUGH
 * INFO's null evidence, claims without a verdict left out and told), and
 * the file read back by FEVER's scorer (tests/tools/fever), which also
 * takes FEVER's own files in ../shared/datasets/fever.
 */
#include "fmt_sample.h"

static char *
fever_write(const format_article *a, size_t n, sample_warns *w)
{
	format_info info = {0};
	char *out = NULL;
	size_t len = 0;

	info.verdict = sample_verdict;
	assert_int_equal(sample_write(&out, &len, &fmt_fever_writer, &info, a, n, w), DESK_OK);
	return out;
}

static void
test_lines(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char *out;

	(void)state;
	sample_build(&d);
	out = fever_write(d.a, 2, &w);
	/*
	 * Sentences of article 7: 0 "Hà Nội, ngày 2/11.", 1 "Ông ... 8,2%.",
	 * 2 "Bà ... sai.", 3 "Câu cuối."; claim 32 runs over 2 and 3.
	 */
	assert_string_equal(
	    out,
	    "{\"id\":31,\"verifiable\":\"VERIFIABLE\",\"label\":\"REFUTES\",\"claim\":\"GDP năm "
	    "nay tăng 8,2%\",\"evidence\":[[[131,31,\"7\",1]]]}\n"
	    "{\"id\":32,\"verifiable\":\"VERIFIABLE\",\"label\":\"SUPPORTS\",\"claim\":\"phó "
	    "giám đốc, cho biết =SUM(A1) 😀 là con số sai. Câu cuối\",\"evidence\":[[[132,32,"
	    "\"7\",2],[132,32,\"7\",3]]]}\n"
	    "{\"id\":40,\"verifiable\":\"NOT VERIFIABLE\",\"label\":\"NOT ENOUGH INFO\","
	    "\"claim\":\"unemployment fell to 3%\",\"evidence\":[[[140,null,null,null]]]}\n");
	/* claim 33 has no verdict: not written, and said */
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "without a verdict"));
	free(out);
}

/* A verdict the scale does not have (or no scale): left out, and said. */
static void
test_unknown_verdict(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	format_info info = {0};
	char *out = NULL;
	size_t len;

	(void)state;
	sample_build(&d);
	d.claims[0].verdict = "half-true";
	out = fever_write(d.a, 1, &w);
	assert_null(strstr(out, "\"id\":31"));
	assert_non_null(strstr(out, "\"id\":32"));
	assert_int_equal(w.n, 2);
	free(out);
	memset(&w, 0, sizeof w);
	assert_int_equal(sample_write(&out, &len, &fmt_fever_writer, &info, d.a, 2, &w), DESK_OK);
	assert_string_equal(out, "");
	assert_int_equal(w.n, 4);
	free(out);
}

/* Hostile text: escaped, one claim a line. */
static void
test_escapes(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char *out;
	static const char body[] = "Ông \"A\"\tnói\x1b[31m: \xE2\x80\xA8sai\xC2\x85.";

	(void)state;
	sample_build(&d);
	d.a[1].in.body = body;
	d.a[1].in.body_len = strlen(body);
	d.claims[3].text = body;
	d.claims[3].start = 0;
	d.claims[3].end = desk_utf8_count(body, strlen(body));
	out = fever_write(&d.a[1], 1, &w);
	assert_non_null(strstr(out, "\"claim\":\"Ông \\\"A\\\"\\tnói\\u001B[31m: \\u2028sai\\u0085."
	                            "\""));
	assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out));
	free(out);
}

/* FEVER's scorer takes the export: every field of its type, scored 1.0 against itself. */
static void
test_scorer(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char path[64], args[256];
	char *out;

	(void)state;
	if (!sample_have_python())
		skip();
	sample_build(&d);
	out = fever_write(d.a, 2, &w);
	sample_tmp(path, out, strlen(out));
	snprintf(args, sizeof args, "--unique '%s' >/dev/null", path);
	assert_int_equal(sample_python("fever/check_fever.py", args), 0);
	unlink(path);
	/* and the check fails: a sentence index that is not a number */
	{
		char *bad = strstr(out, "\"7\",1]");

		assert_non_null(bad);
		memcpy(bad, "\"7\",\"", 5);
		sample_tmp(path, out, strlen(out));
		snprintf(args, sizeof args, "'%s' >/dev/null 2>&1", path);
		assert_int_equal(sample_python("fever/check_fever.py", args), 1);
		unlink(path);
	}
	free(out);
}

/* The checker takes FEVER's own files (so that it checks FEVER, not copydesk). */
static void
test_shared_datasets(void **state)
{
	static const char *const files[] = {
	    "hf_datasets/train.jsonl", "hf_datasets/paper_dev.jsonl",
	    "hf_datasets/paper_test.jsonl", "fever-scorer/actual.first5.jsonl"};
	const char *dir = sample_datasets();
	char args[1400];

	(void)state;
	if (dir == NULL || !sample_have_python())
		skip();
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(args, sizeof args, "'%s/fever/%s' >/dev/null", dir, files[i]);
		assert_int_equal(sample_python("fever/check_fever.py", args), 0);
	}
	snprintf(args, sizeof args,
	         "--no-verifiable '%s/fever/hf_datasets/fever2-fixers-dev.jsonl' "
	         ">/dev/null",
	         dir);
	assert_int_equal(sample_python("fever/check_fever.py", args), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),           cmocka_unit_test(test_unknown_verdict),
	    cmocka_unit_test(test_escapes),         cmocka_unit_test(test_scorer),
	    cmocka_unit_test(test_shared_datasets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
