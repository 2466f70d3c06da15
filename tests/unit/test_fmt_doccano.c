/*
 * test_fmt_doccano.c - doccano's JSON Lines: the writer on hand-built
 * documents (bytes, escapes, code-point offsets, the entities form), the
 * export through doccano's import checks (tests/tools/doccano), and the
 * reader: both forms, doccano 1.x's users and label ids, refusals with the
 * line and reason, offsets kept through normalisation, and doccano's own
 * files in ../shared/datasets/doccano.
 */
#include "fmt_sample.h"

static format_info doccano_info;
static desk_export_opts doccano_opts;

static char *
doccano_write(int entities, const format_article *a, size_t n)
{
	char *out = NULL;
	size_t len = 0;
	sample_warns w = {0};

	memset(&doccano_opts, 0, sizeof doccano_opts);
	doccano_opts.doccano_entities = entities;
	memset(&doccano_info, 0, sizeof doccano_info);
	doccano_info.opts = &doccano_opts;
	doccano_info.verdict = sample_verdict;
	assert_int_equal(sample_write(&out, &len, &fmt_doccano_writer, &doccano_info, a, n, &w),
	                 DESK_OK);
	assert_int_equal(w.n, 0);
	assert_int_equal(strlen(out), len);
	return out;
}

/* What the reader heard as notes. */
typedef struct doccano_heard {
	int n;
	int64_t line;
	char last[384];
} doccano_heard;

static void
doccano_on_note(void *ctx, int64_t line, const char *msg)
{
	doccano_heard *h = ctx;

	h->n++;
	h->line = line;
	snprintf(h->last, sizeof h->last, "%s", msg);
}

/* Read s as doccano; the articles into *out. */
static int
doccano_read(format_article **out, size_t *n, const char *s, doccano_heard *h, format_error *err)
{
	format_notes notes = {doccano_on_note, h};
	char *copy = strdup(s);

	assert_non_null(copy);
	memset(err, 0, sizeof *err);
	return fmt_doccano_read(out, n, copy, strlen(copy), &notes, err);
}

static void
test_write_label_form(void **state)
{
	sample_docs d;
	char *out;

	(void)state;
	sample_build(&d);
	out = doccano_write(0, &d.a[1], 1);
	assert_string_equal(out, "{\"id\":8,\"text\":\"The minister said unemployment fell to 3%. "
	                         "Critics disagree.\",\"title\":\"\",\"date\":\"\",\"url\":\"/srv/"
	                         "scrape/minister.txt\",\"label\":[]}\n");
	free(out);
	out = doccano_write(0, &d.a[0], 1);
	/* offsets in code points: "con số" after the emoji and the Vietnamese letters */
	assert_non_null(strstr(out, ",\"label\":[[0,6,\"LOC\"],[0,6,\"LOC\"],[23,36,\"PER\"],"
	                            "[112,118,\"MISC\"]]}\n"));
	/* escapes: the quote, the bidi controls and the tab; the emoji and letters raw */
	assert_non_null(
	    strstr(out, "\"title\":\"Tin \\\"nóng\\\", \\u202Eđảo ngược\\u202C\\ttab\""));
	assert_non_null(strstr(out, "=SUM(A1) 😀 là"));
	assert_non_null(strstr(out, "8,2%.\\nBà \\\"Bình\\\""));
	assert_int_equal(sample_cp(sample_body1, "con số"), 112); /* as python counts */
	free(out);
}

static void
test_write_entities_form(void **state)
{
	sample_docs d;
	char *out;

	(void)state;
	sample_build(&d);
	out = doccano_write(1, &d.a[0], 1);
	assert_non_null(strstr(out,
	                       ",\"entities\":[{\"id\":0,\"label\":\"LOC\",\"start_offset\":0,"
	                       "\"end_offset\":6},{\"id\":1,\"label\":\"LOC\",\"start_offset\":"
	                       "0,\"end_offset\":6},{\"id\":2,\"label\":\"PER\",\"start_offset\""
	                       ":23,\"end_offset\":36},{\"id\":3,\"label\":\"MISC\","
	                       "\"start_offset\":112,\"end_offset\":118}],\"relations\":[]}\n"));
	assert_null(strstr(out, "\"label\":["));
	free(out);
}

/* A span outside the text is not written, and said. */
static void
test_write_bad_span(void **state)
{
	sample_docs d;
	char *out = NULL;
	size_t len;
	sample_warns w = {0};
	format_info info = {0};

	(void)state;
	sample_build(&d);
	d.spans[3].end = d.a[0].chars + 1;
	assert_int_equal(sample_write(&out, &len, &fmt_doccano_writer, &info, d.a, 1, &w), DESK_OK);
	assert_int_equal(w.n, 1);
	assert_null(strstr(out, "MISC"));
	free(out);
}

/* Every export loads in doccano's import pipeline, no span dropped. */
static void
test_doccano_import_checks(void **state)
{
	sample_docs d;
	char path[64], args[256];

	(void)state;
	if (!sample_have_python())
		skip();
	sample_build(&d);
	for (int entities = 0; entities < 2; entities++) {
		char *out = doccano_write(entities, d.a, 2);

		sample_tmp(path, out, strlen(out));
		/* two editors' identical spans overlap: as doccano, with overlapping allowed */
		snprintf(args, sizeof args, "%s--allow-overlapping '%s' >/dev/null",
		         entities ? "--entities " : "", path);
		assert_int_equal(sample_python("doccano/doccano_import.py", args), 0);
		/* the checker does fail: the same file with its overlap refused */
		snprintf(args, sizeof args, "%s'%s' >/dev/null 2>&1", entities ? "--entities " : "",
		         path);
		assert_int_equal(sample_python("doccano/doccano_import.py", args), 1);
		unlink(path);
		free(out);
	}
}

/* Export, read back: the text, the spans (without their authors), the fields. */
static void
test_round_trip(void **state)
{
	sample_docs d;
	format_article *arts;
	size_t n;
	doccano_heard h = {0};
	format_error err;

	(void)state;
	sample_build(&d);
	for (int entities = 0; entities < 2; entities++) {
		char *out = doccano_write(entities, d.a, 2);

		assert_int_equal(doccano_read(&arts, &n, out, &h, &err), DESK_OK);
		assert_int_equal(n, 2);
		assert_int_equal(h.n, 0);
		assert_string_equal(arts[0].in.body, sample_body1);
		assert_int_equal(arts[0].id, 7);
		/* a title is one line: its tab comes back as a space */
		assert_string_equal(arts[0].in.title,
		                    "Tin \"nóng\", \xE2\x80\xAEđảo ngược\xE2\x80\xAC tab");
		assert_string_equal(arts[0].in.date, "2025-11-02");
		assert_string_equal(arts[0].in.source, d.a[0].in.source);
		assert_int_equal(arts[0].nspans, 4);
		for (size_t i = 0; i < 4; i++) {
			assert_int_equal(arts[0].spans[i].start, d.spans[i].start);
			assert_int_equal(arts[0].spans[i].end, d.spans[i].end);
			assert_string_equal(arts[0].spans[i].label, d.spans[i].label);
			assert_null(arts[0].spans[i].author);
			assert_int_equal(arts[0].spans[i].line, 1);
		}
		assert_null(arts[1].in.title);
		assert_null(arts[1].in.date);
		assert_int_equal(arts[1].nspans, 0);
		format_articles_free(arts, n);
		free(out);
	}
}

/* doccano 1.x: annotations of two users, numeric label ids; the old "labels". */
static void
test_read_1x(void **state)
{
	static const char file[] =
	    "{\"id\": 5, \"text\": \"Nadim Ladki\\nAL-AIN\", \"annotations\": [{\"label\": 13, "
	    "\"start_offset\": 0, \"end_offset\": 11, \"user\": 2}, {\"label\": 13, "
	    "\"start_offset\": "
	    "0, \"end_offset\": 11, \"user\": 1}, {\"label\": \"LOC\", \"start_offset\": 12, "
	    "\"end_offset\": 18, \"user\": \"lan\"}], \"meta\": {\"title\": \"T\"}, "
	    "\"annotation_approver\": null}\n"
	    "\n"
	    "{\"data\": \"Rome\", \"meta\": {}, \"labels\": [[0, 4, \"LOC\"]], \"user\": "
	    "\"minh\"}\n";
	format_article *arts;
	size_t n;
	doccano_heard h = {0};
	format_error err;

	(void)state;
	assert_int_equal(doccano_read(&arts, &n, file, &h, &err), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(h.n, 0);
	assert_int_equal(arts[0].id, 5);
	assert_string_equal(arts[0].in.title, "T");
	assert_int_equal(arts[0].nspans, 3);
	assert_string_equal(arts[0].spans[0].label, "13");
	assert_string_equal(arts[0].spans[0].author, "1");
	assert_string_equal(arts[0].spans[1].author, "2");
	assert_string_equal(arts[0].spans[2].label, "LOC");
	assert_string_equal(arts[0].spans[2].author, "lan");
	assert_int_equal(arts[1].line, 3);
	assert_string_equal(arts[1].in.body, "Rome");
	assert_string_equal(arts[1].spans[0].author, "minh");
	assert_int_equal(arts[1].spans[0].line, 3);
	format_articles_free(arts, n);
}

/* What copydesk does not keep is told, with the line. */
static void
test_read_notes(void **state)
{
	static const char rel[] =
	    "{\"text\": \"Google was founded by Larry Page.\", \"entities\": [{\"id\": 0, "
	    "\"start_offset\": 0, \"end_offset\": 6, \"label\": \"ORG\"}, {\"id\": 1, "
	    "\"start_offset\": 22, \"end_offset\": 32, \"label\": \"PER\"}], \"relations\": "
	    "[{\"from_id\": 0, \"to_id\": 1, \"type\": \"foundedBy\"}]}\n";
	static const char cls[] = "{\"text\": \"ok\", \"label\": []}\n"
	                          "{\"text\": \"Great price.\", \"label\": [\"positive\"]}\n";
	format_article *arts;
	size_t n;
	doccano_heard h = {0};
	format_error err;

	(void)state;
	assert_int_equal(doccano_read(&arts, &n, rel, &h, &err), DESK_OK);
	assert_int_equal(arts[0].nspans, 2);
	assert_int_equal(h.n, 1);
	assert_non_null(strstr(h.last, "1 relations not kept"));
	format_articles_free(arts, n);
	memset(&h, 0, sizeof h);
	assert_int_equal(doccano_read(&arts, &n, cls, &h, &err), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.line, 2);
	assert_non_null(strstr(h.last, "text classification"));
	format_articles_free(arts, n);
}

/* Bad spans and records refuse the file with the line and why. */
static void
test_read_refusals(void **state)
{
	static const struct {
		const char *file, *why;
		int64_t line;
	} bad[] = {
	    {"{\"text\": \"abc\", \"label\": [[0, 1, \"A\"]]}\n{\"text\": \"abc\", \"label\": [[1, "
	     "4, "
	     "\"A\"]]}\n",
	     "outside the text", 2},
	    {"{\"text\": \"abc\", \"label\": [[2, 2, \"A\"]]}\n", "not before end", 1},
	    {"{\"text\": \"abc\", \"label\": [[-1, 2, \"A\"]]}\n", "outside the text", 1},
	    {"{\"text\": \"abc\", \"label\": [[0, 2, \"\"]]}\n", "label must be a name", 1},
	    {"{\"text\": \"abc\", \"label\": [[0, \"2\", \"A\"]]}\n", "must be integers", 1},
	    {"{\"text\": \"abc\", \"label\": [[0, 2]]}\n", "a span is [start, end", 1},
	    {"\n\n{\"text\": \"abc\", \"label\": [[0, 2, \"A\"]\n", "broken JSON", 3},
	    {"[1, 2]\n", "not a JSON object", 1},
	    {"{\"label\": [[0, 1, \"PER\"]]}\n", "no \"text\"", 1},
	    {"{\"column_data\": \"x\", \"column_label\": []}\n", "placeholder", 1},
	    {"{\"text\": \"  \\n \", \"label\": []}\n", "empty \"text\"", 1},
	    {"{\"text\": \"a\\u0000b\", \"label\": []}\n", "NUL", 1},
	    {"{\"text\": \"ab\", \"annotations\": [{\"label\": \"A\", \"start_offset\": 0, "
	     "\"end_offset\": 1, \"user\": \"a\\u0007b\"}]}\n",
	     "the user", 1},
	    /* e + combining acute: an edge between them would not survive NFC */
	    {"{\"text\": \"Cafe\\u0301 noir\", \"label\": [[0, 4, \"A\"]]}\n", "NFC", 1},
	    {"\n \n", "no articles", 1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		format_article *arts = NULL;
		size_t n = 0;
		doccano_heard h = {0};
		format_error err;

		assert_int_equal(doccano_read(&arts, &n, bad[i].file, &h, &err), DESK_INVALID);
		assert_null(arts);
		if (strstr(err.msg, bad[i].why) == NULL)
			fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err.msg, bad[i].why);
		assert_int_equal(err.line, bad[i].line);
	}
}

/* CR LF and decomposed letters in a text: normalised, the spans still on their words. */
static void
test_read_normalised(void **state)
{
	/* "Cafe\u0301\r\nHa\u0300 No\u0323\u0302i  " with spans on "Café" and "Hà Nội" */
	static const char file[] =
	    "{\"text\": \"Cafe\\u0301\\r\\nHa\\u0300 No\\u0323\\u0302i  \\n\", "
	    "\"label\": [[0, 5, \"ORG\"], [7, 16, \"LOC\"]]}\n";
	format_article *arts;
	size_t n;
	doccano_heard h = {0};
	format_error err;

	(void)state;
	assert_int_equal(doccano_read(&arts, &n, file, &h, &err), DESK_OK);
	assert_string_equal(arts[0].in.body, "Café\nHà Nội");
	assert_int_equal(arts[0].spans[0].start, 0);
	assert_int_equal(arts[0].spans[0].end, 4);
	assert_int_equal(arts[0].spans[1].start, 5);
	assert_int_equal(arts[0].spans[1].end, 11);
	format_articles_free(arts, n);
}

/* A file of ../shared/datasets/doccano: read, and how many spans. */
static int
doccano_shared(const char *dir, const char *name, size_t *nspans, size_t *narts, format_error *err,
               int *notes)
{
	char path[1200];
	FILE *f;
	char *buf;
	long len;
	format_article *arts;
	size_t n;
	doccano_heard h = {0};
	format_notes nt = {doccano_on_note, &h};
	int rc;

	snprintf(path, sizeof path, "%s/doccano/%s", dir, name);
	assert_non_null(f = fopen(path, "rb"));
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	assert_non_null(buf = malloc((size_t)len + 1));
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	memset(err, 0, sizeof *err);
	rc = fmt_doccano_read(&arts, &n, buf, (size_t)len, &nt, err);
	*nspans = 0;
	*narts = rc == DESK_OK ? n : 0;
	for (size_t i = 0; rc == DESK_OK && i < n; i++)
		*nspans += arts[i].nspans;
	if (rc == DESK_OK)
		format_articles_free(arts, n);
	*notes = h.n;
	return rc;
}

static void
test_shared_datasets(void **state)
{
	static const struct {
		const char *name;
		int rc;
		size_t arts, spans;
		int notes;
		const char *why;
	} files[] = {
	    {"export_sequence_labeling.jsonl", DESK_OK, 3, 4, 0, NULL},
	    {"test_sequence_labeling_overlapping.jsonl", DESK_OK, 1, 2, 0, NULL},
	    {"test_relation_extraction.jsonl", DESK_OK, 1, 4, 1, NULL},
	    {"import_relation_extraction.jsonl", DESK_OK, 1, 4, 1, NULL},
	    {"export_text_classification.jsonl", DESK_OK, 3, 0, 3, NULL},
	    {"test_text_classification.jsonl", DESK_OK, 3, 0, 2, NULL}, /* "labels": [...] */
	    {"doccano_transformer/labeling.jsonl", DESK_OK, 2, 16, 0, NULL},
	    {"doccano_transformer/labeling_text_label.jsonl", DESK_OK, 2, 11, 0, NULL},
	    {"doccano_transformer/classification.jsonl", DESK_OK, 3, 0, 3, NULL},
	    {"doccano_transformer/seq2seq.jsonl", DESK_OK, 3, 0, 3, NULL},
	    /* doccano skips line 3 with an error; copydesk refuses the whole file */
	    {"test_sequence_labeling.jsonl", DESK_INVALID, 0, 0, 0, "no \"text\""},
	    {"import_sequence_labeling.jsonl", DESK_INVALID, 0, 0, 0, "placeholder"},
	    {"export_relation_extraction.jsonl", DESK_INVALID, 0, 0, 0, "broken JSON"},
	};
	const char *dir = sample_datasets();

	(void)state;
	if (dir == NULL)
		skip();
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		size_t spans, arts;
		int notes;
		format_error err;
		int rc = doccano_shared(dir, files[i].name, &spans, &arts, &err, &notes);

		if (rc != files[i].rc)
			fail_msg("%s: %d (%s)", files[i].name, rc, err.msg);
		if (rc != DESK_OK) {
			assert_non_null(strstr(err.msg, files[i].why));
			continue;
		}
		if (arts != files[i].arts || spans != files[i].spans || notes != files[i].notes)
			fail_msg("%s: %zu articles, %zu spans, %d notes", files[i].name, arts,
			         spans, notes);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_write_label_form), cmocka_unit_test(test_write_entities_form),
	    cmocka_unit_test(test_write_bad_span),   cmocka_unit_test(test_doccano_import_checks),
	    cmocka_unit_test(test_round_trip),       cmocka_unit_test(test_read_1x),
	    cmocka_unit_test(test_read_notes),       cmocka_unit_test(test_read_refusals),
	    cmocka_unit_test(test_read_normalised),  cmocka_unit_test(test_shared_datasets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
