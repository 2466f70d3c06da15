/*
 * test_fmt_claimreview.c - ClaimReview JSON-LD: the array written for
 * hand-built documents (verified claims only, the rating from the scale,
 * the organisation as author, the review's date and url, the appearance),
 * refused without an organisation, streamed as one array, and checked by
 * python against Google's required and recommended properties
 * (tests/tools/claimreview), which also takes real fact-checkers' files in
 * ../shared/datasets/claimreview.
 */
#include "fmt_sample.h"

static format_info cr_info;

static int
cr_write(char **out, const format_article *a, size_t n, sample_warns *w)
{
	size_t len;

	memset(&cr_info, 0, sizeof cr_info);
	cr_info.verdict = sample_verdict;
	cr_info.org_name = "Báo \"Sự thật\"";
	cr_info.org_url = "https://suthat.example.vn/kiem-chung#top";
	return sample_write(out, &len, &fmt_claimreview_writer, &cr_info, a, n, w);
}

static void
test_array(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char *out;

	(void)state;
	sample_build(&d);
	assert_int_equal(cr_write(&out, d.a, 2, &w), DESK_OK);
	assert_int_equal(w.n, 0);
	assert_string_equal(
	    out,
	    "[\n"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\",\"url\":\"https://"
	    "suthat.example.vn/kiem-chung#claim-31\",\"claimReviewed\":\"GDP năm nay tăng 8,2%\","
	    "\"datePublished\":\"2025-11-03\",\"inLanguage\":\"vi\",\"author\":{\"@type\":"
	    "\"Organization\",\"name\":\"Báo \\\"Sự thật\\\"\",\"url\":\"https://suthat.example.vn/"
	    "kiem-chung#top\"},\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":1,"
	    "\"bestRating\":5,\"worstRating\":1,\"alternateName\":\"False\"},\"itemReviewed\":{"
	    "\"@type\":\"Claim\",\"datePublished\":\"2025-11-02\",\"appearance\":{\"@type\":"
	    "\"NewsArticle\",\"url\":\"https://example.vn/tin?a=1&b=2\",\"headline\":\"Tin "
	    "\\\"nóng\\\", \\u202Eđảo ngược\\u202C\\ttab\",\"datePublished\":\"2025-11-02\"}}},\n"
	    /* no web address, title or date: no appearance; the date from the history */
	    "{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\",\"url\":\"https://"
	    "suthat.example.vn/kiem-chung#claim-40\",\"claimReviewed\":\"unemployment fell to 3%\","
	    "\"datePublished\":\"2025-11-03\",\"inLanguage\":\"en\",\"author\":{\"@type\":"
	    "\"Organization\",\"name\":\"Báo \\\"Sự thật\\\"\",\"url\":\"https://suthat.example.vn/"
	    "kiem-chung#top\"},\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":3,"
	    "\"bestRating\":5,\"worstRating\":1,\"alternateName\":\"Unverifiable\"},"
	    "\"itemReviewed\":{\"@type\":\"Claim\"}}\n"
	    "]\n");
	free(out);
	/* nothing verified: an empty array */
	assert_int_equal(cr_write(&out, d.a, 0, &w), DESK_OK);
	assert_string_equal(out, "[\n]\n");
	free(out);
}

/* No organisation: refused before a byte is written, saying how to set it. */
static void
test_needs_org(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	format_info info = {0};
	format_sink s;
	char *out = NULL;
	size_t len = 0;

	(void)state;
	sample_build(&d);
	memset(&s, 0, sizeof s);
	assert_non_null(s.f = open_memstream(&out, &len));
	info.org_name = "X";
	info.org_url = "";
	s.info = &info;
	s.warn = sample_warn;
	s.warn_ctx = &w;
	assert_int_equal(fmt_claimreview_writer.begin(&s), DESK_INVALID);
	assert_non_null(strstr(s.err.msg, "copydesk config org.url"));
	assert_null(s.state);
	fclose(s.f);
	assert_int_equal(len, 0);
	free(out);
}

/* A verified claim whose verdict the scale lacks is left out, and said. */
static void
test_unrated(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char *out;

	(void)state;
	sample_build(&d);
	d.claims[0].verdict = "pants-on-fire";
	assert_int_equal(cr_write(&out, d.a, 2, &w), DESK_OK);
	assert_int_equal(w.n, 1);
	assert_null(strstr(out, "#claim-31"));
	assert_non_null(strstr(out, "#claim-40"));
	free(out);
}

static void
test_python_checks(void **state)
{
	sample_docs d;
	sample_warns w = {0};
	char path[64], args[256], *out;

	(void)state;
	if (!sample_have_python())
		skip();
	sample_build(&d);
	d.claims[1].status = "verified"; /* three reviews */
	assert_int_equal(cr_write(&out, d.a, 2, &w), DESK_OK);
	/* verified, but no date of approval: written without datePublished, and said */
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "no date of approval"));
	sample_tmp(path, out, strlen(out));
	snprintf(args, sizeof args, "--ours '%s' >/dev/null 2>&1", path);
	assert_int_equal(sample_python("claimreview/check_claimreview.py", args), 1);
	unlink(path);
	free(out);
	d.claims[1].reviewed_at = "2025-11-04T07:00:00.000Z";
	assert_int_equal(cr_write(&out, d.a, 2, &w), DESK_OK);
	sample_tmp(path, out, strlen(out));
	snprintf(args, sizeof args, "--ours '%s' >/dev/null", path);
	assert_int_equal(sample_python("claimreview/check_claimreview.py", args), 0);
	unlink(path);
	/* and the check fails: a review without its rating's name */
	{
		char *alt = strstr(out, "\"alternateName\"");

		assert_non_null(alt);
		memcpy(alt, "\"alternateNamX\"", 15);
		sample_tmp(path, out, strlen(out));
		snprintf(args, sizeof args, "'%s' >/dev/null 2>&1", path);
		assert_int_equal(sample_python("claimreview/check_claimreview.py", args), 1);
		unlink(path);
	}
	free(out);
}

/* The checker takes real fact-checkers' ClaimReview, and refuses one without a rating. */
static void
test_shared_datasets(void **state)
{
	static const char *const good[] = {"eg-0324-ClaimReview.jsonld",
	                                   "meedan_fetch/afp_factcheck_en.ld.json",
	                                   "meedan_fetch/tfc_taiwan_zh-hant.ld.json",
	                                   "meedan_fetch/fatabyyano_ar.ld.json",
	                                   "meedan_fetch/20minutes_fr.ld.json",
	                                   "meedan_fetch/lupa_pt-br.ld.json",
	                                   "meedan_fetch/aos_fatos_pt-br.ld.json",
	                                   "meedan_fetch/comprova_pt-br.ld.json",
	                                   "meedan_fetch/newschecker_en-in.ld.json"};
	const char *dir = sample_datasets();
	char args[1400];

	(void)state;
	if (dir == NULL || !sample_have_python())
		skip();
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		snprintf(args, sizeof args, "'%s/claimreview/%s' >/dev/null", dir, good[i]);
		assert_int_equal(sample_python("claimreview/check_claimreview.py", args), 0);
	}
	snprintf(args, sizeof args, "'%s/claimreview/eg-0325-ClaimReview.jsonld' >/dev/null 2>&1",
	         dir);
	assert_int_equal(sample_python("claimreview/check_claimreview.py", args), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_array),           cmocka_unit_test(test_needs_org),
	    cmocka_unit_test(test_unrated),         cmocka_unit_test(test_python_checks),
	    cmocka_unit_test(test_shared_datasets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
