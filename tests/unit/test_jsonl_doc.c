/*
 * test_jsonl_doc.c - copydesk's own JSON Lines: the writer's lines (fixed key
 * order, escaped strings), read back by the reader into the same document,
 * and the round trip through the store: export_load -> writer -> import
 * into an empty database -> export_load -> writer gives the same bytes.
 * Import of annotations: what is refused (with the line and why, nothing
 * stored), duplicates, authors kept, readers' notes.  On :memory:.
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
#include "formats/format.h"

static const char body[] = "Ông An gặp Bà Bình ở Hà Nội. Tỷ lệ hộ nghèo giảm còn 38,5% năm 2024.";

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

/* The writer's lines for the documents. */
static char *
write_docs(const format_article *a, size_t n)
{
	format_sink s = {0};
	char *buf = NULL;
	size_t len = 0;

	s.f = open_memstream(&buf, &len);
	assert_non_null(s.f);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fmt_jsonl_writer.article(&s, &a[i]), DESK_OK);
	fclose(s.f);
	return buf;
}

/* Every article of d (ids 1..) through export_load and the writer. */
static char *
export_all(desk *d)
{
	format_article a[8];
	int64_t n = 0;
	char *out;

	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_true(n <= 8);
	for (int64_t i = 0; i < n; i++)
		assert_int_equal(load1(d, i + 1, NULL, &a[i]), DESK_OK);
	out = write_docs(a, (size_t)n);
	for (int64_t i = 0; i < n; i++)
		format_article_clear(&a[i]);
	return out;
}

typedef struct seen {
	int added, dup, refused, notes;
	int64_t line, note_line;
	char msg[512];
	char order[16]; /* A added, D duplicate, N note, R refused */
} seen;

static void
on_event(void *ctx, const desk_import_event *ev)
{
	seen *s = ctx;
	size_t n = strlen(s->order);

	if (n + 1 < sizeof s->order)
		s->order[n] = "?ADRN"[ev->what];
	if (ev->what == DESK_IMPORT_NOTE)
		s->note_line = ev->line;
	if (ev->what == DESK_IMPORT_ADDED)
		s->added++;
	else if (ev->what == DESK_IMPORT_DUPLICATE)
		s->dup++;
	else if (ev->what == DESK_IMPORT_NOTE)
		s->notes++;
	else if (ev->what == DESK_IMPORT_REFUSED) {
		s->refused++;
		s->line = ev->line;
		snprintf(s->msg, sizeof s->msg, "%s", ev->message);
	}
}

static int
import_text(desk *d, const char *text, seen *s)
{
	memset(s, 0, sizeof *s);
	return desk_import_buffer(d, "t.jsonl", text, strlen(text), DESK_FORMAT_JSONL, on_event, s,
	                          NULL);
}

/* A database with two annotated articles, two editors, a claim with its history. */
static desk *
fx_source(void)
{
	desk_mark mk = {.start = 0, .end = 3, .kind = DESK_MARK_BYLINE};
	desk_article_in in[2] = {{.body = body,
	                          .body_len = strlen(body),
	                          .lang = "vi",
	                          .title = "Tin \"A\"\x1b",
	                          .date = "2025-11-02",
	                          .source = "https://example.vn/a",
	                          .marks = &mk,
	                          .nmarks = 1},
	                         {.body = "Bob met Alice in Paris.\u202e", .lang = "en"}};
	int64_t ids[2], e1, s, c1;
	desk *d = NULL;

	in[1].body_len = strlen(in[1].body);
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(desk_article_add(d, in, 2, ids, NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&e1, d, "Nguyễn Văn An", "Q42"), DESK_OK);
	assert_int_equal(desk_span_add(&s, d, ids[0], 4, 6, "PER", e1), DESK_OK);
	assert_int_equal(desk_span_add(&s, d, ids[0], 21, 27, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s, d, ids[1], 17, 22, "LOC", 0), DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_span_add(&s, d, ids[0], 0, 6, "PER", e1), DESK_OK);
	assert_int_equal(desk_span_add(&s, d, ids[1], 0, 3, "PER", 0), DESK_OK);
	as(d, "alice");
	assert_int_equal(desk_claim_add(&c1, d, ids[0], 29, 68), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c1, "true"), DESK_OK);
	assert_int_equal(desk_claim_set_note(d, c1, "theo GSO"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(NULL, d, c1, "https://gso.gov.vn/x", "38,5%", "2025-01-02"),
	    DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_claim_dispute(d, c1, "sai năm\n\"2023\""), DESK_OK);
	as(d, "alice");
	assert_int_equal(desk_claim_add(&c1, d, ids[1], 0, 23), DESK_OK);
	assert_int_equal(
	    sqlite3_exec(d->db,
	                 "INSERT INTO article_tokens VALUES (2, "
	                 "'[[0,3],[4,7,0,\"VBD\\tO\"],[8,13],[14,16],[17,22],[22,23,1]]')",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	return d;
}

static void
test_round_trip(void **state)
{
	desk *a = fx_source(), *b = NULL, *c = NULL;
	char *one, *two, *three;
	seen s;

	(void)state;
	one = export_all(a);
	/* Deterministic, escaped, one line a document. */
	assert_non_null(
	    strstr(one, "{\"format_version\":1,\"id\":1,\"title\":\"Tin \\\"A\\\"\\u001B\","));
	assert_non_null(strstr(one, "\\u202E"));
	assert_null(strchr(one, '\x1b'));
	assert_non_null(strstr(one, "\"reason\":\"sai năm\\n\\\"2023\\\"\""));
	assert_non_null(strstr(one, "\"tokens\":[[0,3],[4,7,0,\"VBD\\tO\"]"));

	assert_int_equal(desk_open(&b, ":memory:", "carol"), DESK_OK);
	assert_int_equal(import_text(b, one, &s), DESK_OK);
	assert_int_equal(s.added, 2);
	two = export_all(b);
	assert_string_equal(one, two);

	/* Importing the same file again adds nothing: the duplicates' spans and claims stand. */
	assert_int_equal(import_text(b, one, &s), DESK_OK);
	assert_int_equal(s.dup, 2);
	three = export_all(b);
	assert_string_equal(one, three);

	/* Into a database that has articles already: new ids, the same annotations. */
	assert_int_equal(desk_open(&c, ":memory:", "dan"), DESK_OK);
	{
		desk_article_in x = {.body = "Something else.", .body_len = 15, .lang = "en"};
		format_article d1;

		assert_int_equal(desk_article_add(c, &x, 1, NULL, NULL), DESK_OK);
		assert_int_equal(import_text(c, one, &s), DESK_OK);
		assert_int_equal(load1(c, 2, NULL, &d1), DESK_OK);
		assert_int_equal(d1.nspans, 3);
		assert_string_equal(d1.spans[0].author, "bob");
		assert_int_equal(d1.nclaims, 1);
		assert_string_equal(d1.claims[0].status, "disputed");
		assert_int_equal(d1.claims[0].nhistory, 5);
		format_article_clear(&d1);
	}
	free(one);
	free(two);
	free(three);
	desk_close(a);
	desk_close(b);
	desk_close(c);
}

/* writer -> reader -> writer on a document built by hand. */
static void
test_writer_reader(void **state)
{
	format_article a = {0}, *r = NULL;
	format_span sp[2] = {{.start = 0,
	                      .end = 3,
	                      .label = "PER",
	                      .text = "Bob",
	                      .entity = 7,
	                      .author = "x",
	                      .created_at = "2025-01-01T00:00:00.000Z"},
	                     {.start = 8, .end = 13, .label = "PER", .text = "Alice"}};
	const char *alias = "Bob";
	format_entity en = {
	    .id = 7, .name = "Bob B.", .external_id = "", .aliases = &alias, .naliases = 1};
	format_event ev = {.action = "marked", .editor = "x", .at = "2025-01-01T00:00:00.000Z"};
	format_evidence evd = {.source = "Reuters",
	                       .quote = "q",
	                       .consulted = "2025-01-01",
	                       .added_by = "x",
	                       .added_at = "2025-01-01T00:00:00.000Z"};
	format_claim cl = {.start = 0,
	                   .end = 22,
	                   .text = "Bob met Alice in Paris",
	                   .research = 3,
	                   .status = "check",
	                   .note = "",
	                   .author = "x",
	                   .created_at = "2025-01-01T00:00:00.000Z",
	                   .evidence = &evd,
	                   .nevidence = 1,
	                   .history = &ev,
	                   .nhistory = 1};
	char *one, *two, *copy;
	size_t n = 0;
	format_error err = {0};

	(void)state;
	a.in.body = "Bob met Alice in Paris.";
	a.in.body_len = strlen(a.in.body);
	a.in.lang = "en";
	a.id = 9;
	a.status = "new";
	a.chars = 23;
	a.spans = sp;
	a.nspans = 2;
	a.entities = &en;
	a.nentities = 1;
	a.claims = &cl;
	a.nclaims = 1;
	one = write_docs(&a, 1);
	copy = strdup(one);
	assert_int_equal(fmt_jsonl_read(&r, &n, copy, strlen(copy), NULL, &err), DESK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].id, 9);
	assert_int_equal(r[0].nspans, 2);
	assert_int_equal(r[0].spans[0].entity, 7);
	assert_null(r[0].spans[1].author);
	assert_int_equal(r[0].nclaims, 1);
	assert_int_equal(r[0].claims[0].research, 3);
	assert_string_equal(r[0].claims[0].evidence[0].source, "Reuters");
	assert_string_equal(r[0].claims[0].history[0].action, "marked");
	/* The reader gives no aliases (they are the spans' texts): set them as written. */
	r[0].entities[0].aliases = &alias;
	r[0].entities[0].naliases = 1;
	r[0].chars = 23;
	two = write_docs(r, 1);
	assert_string_equal(one, two);
	format_articles_free(r, n);
	free(one);
	free(two);
}

#define DOC_HEAD "{\"format_version\":1,\"text\":\"Bob met Alice in Paris.\",\"lang\":\"en\","
static const struct {
	const char *line, *why;
} bad_docs[] = {
    {DOC_HEAD "\"spans\":[{\"start\":17,\"end\":40,\"label\":\"LOC\"}]}", "not a range"},
    {DOC_HEAD "\"spans\":[{\"start\":17,\"end\":22,\"label\":\"LOC\",\"text\":\"Pari\"}]}",
     "is not the text"},
    {DOC_HEAD "\"spans\":[{\"start\":0,\"end\":3,\"label\":\"HERO\"}]}", "no label \"HERO\""},
    {DOC_HEAD "\"claims\":[{\"start\":0,\"end\":3,\"verdict\":\"maybe\"}]}",
     "no verdict \"maybe\""},
    {DOC_HEAD "\"claims\":[{\"start\":0,\"end\":3,\"status\":\"done\"}]}", "no status \"done\""},
    {DOC_HEAD "\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PER\",\"entity\":4}]}", "no entity 4"},
    {DOC_HEAD "\"spans\":[{\"start\":0,\"end\":3}]}", "without a \"label\""},
    {DOC_HEAD "\"claims\":[{\"start\":0,\"end\":3,\"history\":[{\"action\":\"ate\","
              "\"editor\":\"x\",\"at\":\"t\"}]}]}",
     "not an event"},
    {DOC_HEAD "\"format_version\":2}", "broken JSON"}, /* a key twice */
    {DOC_HEAD "\"marks\":[{\"kind\":\"byline\",\"start\":5,\"end\":1}]}",
     "not a range of the text"},
    {DOC_HEAD "\"marks\":[{\"kind\":\"byline\",\"start\":0,\"end\":100}]}",
     "not a range of the text"},
    {DOC_HEAD "\"claims\":[{\"start\":0,\"end\":3,\"history\":[{\"action\":\"undone\","
              "\"editor\":\"x\",\"at\":\"t\"}]}]}",
     "with no event before it"},
};

static void
test_refused(void **state)
{
	desk *d = NULL;
	int64_t n;
	seen s;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	for (size_t i = 0; i < sizeof bad_docs / sizeof *bad_docs; i++) {
		char file[1024];

		/* A good line first: the whole file is refused, with the bad line's number. */
		snprintf(file, sizeof file,
		         "{\"text\": \"A good article.\"}\n%s\n{\"text\": \"Another.\"}\n",
		         bad_docs[i].line);
		assert_int_equal(import_text(d, file, &s), DESK_INVALID);
		assert_int_equal(s.refused, 1);
		assert_int_equal(s.added, 0);
		assert_int_equal(s.line, 2);
		if (strstr(s.msg, bad_docs[i].why) == NULL)
			fail_msg("%zu: \"%s\" does not say \"%s\"", i, s.msg, bad_docs[i].why);
	}
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 0);
	desk_close(d);
}

/* Labels by any case; an author kept; the importer's name and now without one. */
static void
test_authors_and_dups(void **state)
{
	desk *d = NULL;
	desk_spans *sp = NULL;
	seen s;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(import_text(d,
	                             DOC_HEAD "\"spans\":[{\"start\":0,\"end\":3,\"label\":\"per\","
	                                      "\"author\":\"bob\"},{\"start\":0,\"end\":3,"
	                                      "\"label\":\"PER\"},{\"start\":0,\"end\":3,"
	                                      "\"label\":\"PER\",\"author\":\"bob\"}]}\n",
	                             &s),
	                 DESK_OK);
	assert_int_equal(desk_spans_get(&sp, d, 1), DESK_OK);
	assert_int_equal(desk_spans_count(sp), 2); /* bob's twice is once */
	assert_string_equal(desk_spans_at(sp, 0)->label, "PER");
	assert_true(strcmp(desk_spans_at(sp, 0)->author, "bob") == 0 ||
	            strcmp(desk_spans_at(sp, 1)->author, "bob") == 0);
	assert_true(strcmp(desk_spans_at(sp, 0)->author, "alice") == 0 ||
	            strcmp(desk_spans_at(sp, 1)->author, "alice") == 0);
	desk_spans_free(sp);
	/* The same text again, with carol's span: onto the stored article. */
	assert_int_equal(import_text(d,
	                             DOC_HEAD "\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PER\","
	                                      "\"author\":\"carol\"},{\"start\":0,\"end\":3,"
	                                      "\"label\":\"PER\",\"author\":\"bob\"}]}\n",
	                             &s),
	                 DESK_OK);
	assert_int_equal(s.dup, 1);
	assert_int_equal(desk_spans_get(&sp, d, 1), DESK_OK);
	assert_int_equal(desk_spans_count(sp), 3);
	desk_spans_free(sp);
	/* Logged once per article, on nobody's undo stack. */
	{
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(d->db,
		                                    "SELECT count(*), sum(json_array_length(data, "
		                                    "'$.spans')) FROM edit_log WHERE action = "
		                                    "'import-annotations'",
		                                    -1, &st, NULL),
		                 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 2);
		assert_int_equal(sqlite3_column_int(st, 1), 3);
		sqlite3_finalize(st);
	}
	assert_int_equal(desk_undo(NULL, d), DESK_NOTFOUND);
	desk_close(d);
}

/* A span edge inside a letter with its mark: widened, and told as a note with its line. */
static void
test_notes(void **state)
{
	desk *d = NULL;
	desk_spans *sp = NULL;
	seen s;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(import_text(d,
	                             "{\"text\": \"Plain.\"}\n{\"format_version\":1,\"text\":"
	                             "\"Ax\u0301 B.\",\"spans\":[{\"start\":0,\"end\":2,"
	                             "\"label\":\"PER\"}]}\n",
	                             &s),
	                 DESK_OK);
	assert_int_equal(s.added, 2);
	assert_int_equal(s.notes, 1);
	assert_int_equal(s.note_line, 2);
	assert_string_equal(s.order, "ANA"); /* in file order */
	assert_int_equal(desk_spans_get(&sp, d, 2), DESK_OK);
	assert_int_equal(desk_spans_count(sp), 1);
	assert_int_equal(desk_spans_at(sp, 0)->end, 3);
	desk_spans_free(sp);
	desk_close(d);
}

/* A file over 4 MB is stored in parts in one transaction: one research for the whole file. */
static void
test_large_file(void **state)
{
	desk *d = NULL;
	size_t cap = (size_t)6 << 20, len = 0;
	char *buf = malloc(cap), pad[2001];
	sqlite3_stmt *st;
	seen s;
	int n = 0;

	(void)state;
	memset(pad, 'x', 2000);
	pad[2000] = '\0';
	assert_non_null(buf);
	while (len < ((size_t)5 << 20)) {
		len += (size_t)snprintf(buf + len, cap - len,
		                        "{\"format_version\":1,\"text\":\"Bob %d met Alice. %s\","
		                        "\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PER\","
		                        "\"author\":\"bob\"}],\"claims\":[{\"start\":0,\"end\":5,"
		                        "\"research\":7,\"verdict\":\"false\"}]}\n",
		                        n, pad);
		n++;
	}
	/* A last line whose span is widened: its note comes at the commit, with its line. */
	len += (size_t)snprintf(buf + len, cap - len,
	                        "{\"format_version\":1,\"text\":\"Ax\u0301 B.\",\"spans\":[{"
	                        "\"start\":0,\"end\":2,\"label\":\"PER\"}]}\n");
	memset(&s, 0, sizeof s);
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(
	    desk_import_buffer(d, "big.jsonl", buf, len, DESK_FORMAT_JSONL, on_event, &s, NULL),
	    DESK_OK);
	assert_int_equal(sqlite3_prepare_v2(d->db,
	                                    "SELECT (SELECT count(*) FROM span WHERE author = "
	                                    "'bob'), (SELECT count(*) FROM claim), (SELECT "
	                                    "count(*) FROM research), (SELECT max(id) FROM "
	                                    "research)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(s.added, n + 1);
	assert_int_equal(s.notes, 1);
	assert_int_equal(s.note_line, n + 1);
	assert_int_equal(sqlite3_column_int(st, 0), n);
	assert_int_equal(sqlite3_column_int(st, 1), n);
	assert_int_equal(sqlite3_column_int(st, 2), 1);
	assert_int_equal(sqlite3_column_int(st, 3), 7); /* the file's id, free here */
	sqlite3_finalize(st);
	free(buf);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip), cmocka_unit_test(test_writer_reader),
	    cmocka_unit_test(test_refused),    cmocka_unit_test(test_authors_and_dups),
	    cmocka_unit_test(test_notes),      cmocka_unit_test(test_large_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
