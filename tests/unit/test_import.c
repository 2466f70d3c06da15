/*
 * test_import.c - the importer: normalisation, the text and JSONL formats,
 * their marks, refusals with line and column, directories and duplicates.
 * Core against ":memory:"; the files are in tests/fixtures (see its README).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <unistr.h>

#include "import/import.h"
#include "internal.h"

#define FX(name) FIXTURES "/" name

/* What the callback heard. */
typedef struct events {
	int n, added, dup, refused, notes;
	desk_import_event last; /* of any kind */
	desk_import_event refusal;
	char path[512], message[512], title[512], refused_path[512];
	int64_t ids[16];
} events;

static void
on_event(void *ctx, const desk_import_event *ev)
{
	events *e = ctx;

	e->last = *ev;
	if (e->n < 16)
		e->ids[e->n] = ev->article_id;
	e->n++;
	snprintf(e->path, sizeof e->path, "%s", ev->path);
	snprintf(e->title, sizeof e->title, "%s", ev->title ? ev->title : "");
	switch (ev->what) {
	case DESK_IMPORT_ADDED:
		e->added++;
		break;
	case DESK_IMPORT_DUPLICATE:
		e->dup++;
		break;
	case DESK_IMPORT_REFUSED:
		e->refused++;
		e->refusal = *ev;
		snprintf(e->message, sizeof e->message, "%s", ev->message ? ev->message : "");
		snprintf(e->refused_path, sizeof e->refused_path, "%s", ev->path);
		break;
	case DESK_IMPORT_NOTE:
		e->notes++;
		break;
	}
}

static desk *
open_db(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static int64_t
count_rows(desk *d, const char *table)
{
	char sql[128];
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(d->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Import one path that must give exactly one new article; returns it. */
static desk_article *
import_one(desk *d, const char *path)
{
	events e = {0};
	desk_article *a = NULL;

	assert_int_equal(desk_import_path(d, path, DESK_FORMAT_AUTO, on_event, &e, NULL), DESK_OK);
	assert_int_equal(e.added, 1);
	assert_int_equal(e.refused, 0);
	assert_int_equal(desk_article_get(&a, d, e.last.article_id), DESK_OK);
	return a;
}

/* The text of code points [start, end) of a's body, in a static buffer. */
static const char *
cp_slice(const desk_article *a, int64_t start, int64_t end)
{
	static char buf[8192];
	const uint8_t *b = (const uint8_t *)desk_article_body(a);
	size_t len = desk_article_body_len(a), i = 0, from = len, to = len;
	int64_t cp = 0;

	while (i <= len) {
		if (cp == start)
			from = i;
		if (cp == end) {
			to = i;
			break;
		}
		if (i == len)
			break;
		i += (size_t)u8_mblen(b + i, len - i);
		cp++;
	}
	assert_true(from <= to && to - from < sizeof buf);
	memcpy(buf, b + from, to - from);
	buf[to - from] = '\0';
	return buf;
}

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* --- Traits of the scrapers' text --------------------------------------- */

static void
test_date_prefix(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_date_prefix.txt"));

	(void)state;
	assert_string_equal(desk_article_date(a), "2025-03-14");
	assert_string_equal(desk_article_title(a), "");
	/* The prefix is gone; the body starts at the first real word. */
	assert_true(starts_with(desk_article_body(a), "Sáng 13-3, tại TP Cần Thơ"));
	/* Trailing blank lines and spaces are dropped. */
	assert_string_equal(desk_article_body(a) + desk_article_body_len(a) - strlen("ngại lớn."),
	                    "ngại lớn.");
	assert_string_equal(desk_article_source(a), FX("vi_date_prefix.txt"));
	desk_article_free(a);
	desk_close(d);
}

static void
test_no_title(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_no_meta.txt"));
	size_t n;

	(void)state;
	assert_string_equal(desk_article_title(a), "");
	assert_string_equal(desk_article_date(a), "");
	assert_true(starts_with(desk_article_body(a), "Chiều 20/5, Bộ Y tế"));
	desk_article_marks(a, &n);
	assert_int_equal(n, 0);
	desk_article_free(a);
	desk_close(d);
}

static void
test_title(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_title_runtogether.txt"));
	size_t n;

	(void)state;
	assert_string_equal(desk_article_title(a),
	                    "Phó Thủ tướng tiếp đoàn doanh nghiệp Hàn Quốc tại Hà Nội");
	/* The title line is not in the body, which starts with the paragraph. */
	assert_true(starts_with(desk_article_body(a), "Chiều 22/9, tại trụ sở Chính phủ"));
	desk_article_marks(a, &n);
	assert_int_equal(n, 0);
	desk_article_free(a);
	desk_close(d);
}

static void
test_run_together_untouched(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_title_runtogether.txt"));
	const char *b = desk_article_body(a);

	(void)state;
	assert_non_null(strstr(b, "tại Việt Nam.Chủ tịch hiệp hội"));
	assert_non_null(strstr(b, "Thái Nguyên.Hai bên"));
	assert_non_null(strstr(b, "khoảng 18% tổng vốn"));
	assert_non_null(strstr(b, "đóng góp 25% kim ngạch"));
	assert_non_null(strstr(b, "lao động.Đoàn cũng"));
	desk_article_free(a);
	desk_close(d);
}

/* The byline, then one boilerplate mark per furniture line, then the tail. */
static void
test_marks(void **state)
{
	static const struct {
		desk_mark_kind kind;
		const char *text;
	} want[] = {
	    {DESK_MARK_BYLINE, "Trần Minh Đức"},
	    {DESK_MARK_BOILERPLATE, "Theo dõi Kinhtedothi.vn trên"},
	    {DESK_MARK_BOILERPLATE,
	     "Diễn đàn kinh tế Mê Kông kêu gọi đầu tư vào năng lượng tái tạo"},
	    {DESK_MARK_BOILERPLATE,
	     "Thứ trưởng Công Thương Lâm Quốc Bảo phát biểu khai mạc diễn đàn. (Ảnh: Thu Hà)"},
	    {DESK_MARK_BOILERPLATE, "Toàn cảnh phiên thảo luận chiều 8/4. Ảnh: TTXVN"},
	    {DESK_MARK_BOILERPLATE, "Hợp tác nguồn nước Mê Kông bước sang giai đoạn mới"},
	    {DESK_MARK_BOILERPLATE, "Hợp tác nguồn nước Mê Kông bước sang giai đoạn mới"},
	    {DESK_MARK_BOILERPLATE, "KTĐT. Các nước trong lưu vực vừa thống nhất chiến lược sử "
	                            "dụng nguồn nước cho giai đoạn 2026-2030."},
	};
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_title_byline_boilerplate.txt"));
	size_t n, nw = sizeof want / sizeof *want;
	const desk_mark *m = desk_article_marks(a, &n);
	const char *tail;

	(void)state;
	assert_string_equal(desk_article_title(a),
	                    "Diễn đàn kinh tế Mê Kông kêu gọi đầu tư vào năng lượng tái tạo");
	assert_true(starts_with(desk_article_body(a), "Trần Minh Đức\nKTĐT. Các đại biểu"));
	assert_int_equal(n, nw + 1);
	for (size_t i = 0; i < nw; i++) {
		assert_int_equal(m[i].kind, want[i].kind);
		assert_string_equal(cp_slice(a, m[i].start, m[i].end), want[i].text);
	}
	/* The dateline paragraph after the byline is text, not furniture. */
	assert_true(m[1].start > m[0].end + 100);
	/* The related-links tail: from "Xem nhiều" to the very end. */
	assert_int_equal(m[nw].kind, DESK_MARK_BOILERPLATE);
	assert_int_equal(m[nw].end, desk_article_body_chars(a));
	tail = cp_slice(a, m[nw].start, m[nw].end);
	assert_true(starts_with(tail, "Xem nhiều\n\nĐọc thêm\n"));
	assert_non_null(strstr(tail, "Giá vàng hôm nay tăng nhẹ"));
	assert_int_equal(tail[strlen(tail) - 1], 'g'); /* "... di động" */
	desk_article_free(a);
	desk_close(d);
}

/* A byline only counts right after a title. */
static void
test_no_byline_without_title(void **state)
{
	format_error err = {0};
	format_article *arts = NULL;
	size_t n = 0;
	const char *s = "Ngày 5/2, hội nghị tổng kết ngành được tổ chức tại Huế với sự tham "
	                "dự của nhiều đại biểu đến từ các tỉnh miền Trung và Tây Nguyên.\n"
	                "Lê Thu Trang\nMột đoạn văn khác.\n";

	(void)state;
	assert_int_equal(
	    import_parse(&arts, &n, "x.txt", "x.txt", s, strlen(s), DESK_FORMAT_TEXT, NULL, &err),
	    DESK_OK);
	assert_int_equal(n, 1);
	assert_null(arts[0].in.title);
	assert_int_equal(arts[0].in.nmarks, 0);
	format_articles_free(arts, n);
}

static void
test_nfd_equals_nfc(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("vi_no_meta.txt"));
	events e = {0};

	(void)state;
	assert_int_equal(
	    desk_import_path(d, FX("vi_no_meta_nfd.txt"), DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	/* Byte-identical after NFC: the same article. */
	assert_int_equal(e.dup, 1);
	assert_int_equal(e.last.article_id, desk_article_id(a));
	desk_article_free(a);
	desk_close(d);
}

/* CRLF and lone CR give the LF text, with the same marks. */
static void
test_crlf_and_cr(void **state)
{
	desk *d = open_db();
	desk_article *lf = import_one(d, FX("vi_title_byline_boilerplate.txt"));
	desk_article *crlf = NULL;
	format_error err = {0};
	format_article *arts = NULL;
	size_t n = 0, nlf, ncr;
	const desk_mark *mlf, *mcr;
	FILE *f = fopen(FX("crlf.txt"), "rb");
	char buf[4096];
	size_t len;
	events e = {0};

	(void)state;
	assert_non_null(f);
	len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_non_null(memchr(buf, '\r', len));
	assert_int_equal(
	    import_parse(&arts, &n, "crlf.txt", "crlf.txt", buf, len, DESK_FORMAT_TEXT, NULL, &err),
	    DESK_OK);
	assert_int_equal(arts[0].in.body_len, desk_article_body_len(lf));
	assert_memory_equal(arts[0].in.body, desk_article_body(lf), desk_article_body_len(lf));
	mlf = desk_article_marks(lf, &nlf);
	assert_int_equal(arts[0].in.nmarks, nlf);
	for (size_t i = 0; i < nlf; i++) {
		assert_int_equal(arts[0].in.marks[i].start, mlf[i].start);
		assert_int_equal(arts[0].in.marks[i].end, mlf[i].end);
		assert_int_equal(arts[0].in.marks[i].kind, mlf[i].kind);
	}
	format_articles_free(arts, n);
	/* Through the store: a duplicate of the LF article. */
	assert_int_equal(desk_import_path(d, FX("crlf.txt"), DESK_FORMAT_AUTO, on_event, &e, NULL),
	                 DESK_OK);
	assert_int_equal(e.dup, 1);
	/* Lone CR line ends (old Mac) are line ends too. */
	crlf = import_one(d, FX("cr.txt")); /* not the same text as any LF fixture here */
	assert_null(strchr(desk_article_body(crlf), '\r'));
	assert_non_null(strstr(desk_article_body(crlf), "còn thấp.\n\nÔng Đỗ Quang Định"));
	mcr = desk_article_marks(crlf, &ncr);
	(void)mcr;
	assert_int_equal(ncr, 0);
	desk_article_free(crlf);
	desk_article_free(lf);
	desk_close(d);
}

static void
test_bom(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("bom.txt"));
	events e = {0};

	(void)state;
	/* The BOM goes, and the date prefix right after it is still seen. */
	assert_string_equal(desk_article_date(a), "2025-03-14");
	assert_true(starts_with(desk_article_body(a), "Sáng 13-3"));
	assert_int_equal(
	    desk_import_path(d, FX("vi_date_prefix.txt"), DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.dup, 1);
	desk_article_free(a);
	desk_close(d);
}

static void
test_lang(void **state)
{
	static const struct {
		const char *file, *lang;
	} cases[] = {
	    {"vi_date_prefix.txt", "vi"},
	    {"vi_no_meta.txt", "vi"},
	    {"vi_title_byline_boilerplate.txt", "vi"},
	    {"vi_title_runtogether.txt", "vi"},
	    {"en_vn_names.txt", "en"},
	};
	desk *d = open_db();

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char path[512];
		desk_article *a;

		snprintf(path, sizeof path, "%s/%s", FIXTURES, cases[i].file);
		a = import_one(d, path);
		assert_string_equal(desk_article_lang(a), cases[i].lang);
		desk_article_free(a);
	}
	assert_string_equal(lang_detect("", 0), "en");
	assert_string_equal(lang_detect("Hà Nội", strlen("Hà Nội")), "vi");
	assert_string_equal(lang_detect("The President of Việt Nam and the people",
	                                strlen("The President of Việt Nam and the people")),
	                    "en");
	desk_close(d);
}

/* English with Vietnamese names, typographic quotes and no final newline. */
static void
test_english_traits(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("en_vn_names.txt"));
	const char *b = desk_article_body(a);

	(void)state;
	assert_string_equal(desk_article_date(a), "2025-04-02");
	assert_string_equal(desk_article_title(a), "");
	assert_true(starts_with(b, "ĐÀ NẴNG — Vice Chairman"));
	assert_non_null(strstr(b, "“a gateway to the east bank”"));
	assert_string_equal(b + desk_article_body_len(a) - strlen("works. — ĐNO/VNS"),
	                    "works. — ĐNO/VNS");
	desk_article_free(a);
	desk_close(d);
}

static void
test_escape_kept(void **state)
{
	desk *d = open_db();
	desk_article *a = import_one(d, FX("esc.txt"));

	(void)state;
	assert_non_null(strstr(desk_article_body(a), "\x1b[2J\x1b]0;pwned\x07 nằm ngay giữa câu"));
	desk_article_free(a);
	desk_close(d);
}

/* --- JSON Lines ---------------------------------------------------------- */

static void
test_jsonl(void **state)
{
	desk *d = open_db();
	events e = {0};
	desk_article *a;

	(void)state;
	assert_int_equal(
	    desk_import_path(d, FX("articles.jsonl"), DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, 3);
	assert_int_equal(desk_article_get(&a, d, e.ids[0]), DESK_OK);
	assert_string_equal(desk_article_title(a), "U23 Việt Nam thắng ngược Thái Lan 2-1");
	assert_string_equal(desk_article_date(a), "2025-06-07"); /* from a date and time */
	assert_string_equal(desk_article_source(a), "https://example.vn/the-thao/u23-thai-lan");
	assert_string_equal(desk_article_lang(a), "vi");
	/* \r\n in the string became \n; trailing white space went. */
	assert_non_null(strstr(desk_article_body(a), "Đinh Văn Tú.\n\nHuấn luyện viên"));
	assert_int_equal(desk_article_body(a)[desk_article_body_len(a) - 1], '.');
	desk_article_free(a);
	assert_int_equal(desk_article_get(&a, d, e.ids[1]), DESK_OK);
	assert_string_equal(desk_article_lang(a), "en"); /* "EN" */
	assert_string_equal(desk_article_title(a), "");
	assert_string_equal(desk_article_source(a), FX("articles.jsonl"));
	desk_article_free(a);
	/* Decomposed escapes are stored composed. */
	assert_int_equal(desk_article_get(&a, d, e.ids[2]), DESK_OK);
	assert_string_equal(desk_article_title(a), "Nhà máy pin mặt trời");
	assert_string_equal(desk_article_body(a),
	                    "Nhà máy pin mặt trời tại Bắc Giang đã đi vào hoạt động.");
	assert_string_equal(desk_article_lang(a), "vi");
	desk_article_free(a);
	desk_close(d);
}

static void
test_jsonl_fields(void **state)
{
	static const struct {
		const char *json, *why;
		int64_t col;
	} bad[] = {
	    {"{\"text\": \"a\", \"date\": \"29/10/2025\"}", "\"date\" must be YYYY-MM-DD", 15},
	    {"{\"text\": \"a\", \"date\": \"2025-02-30\"}", "\"date\" must be YYYY-MM-DD", 15},
	    {"{\"text\": \"  \\n \"}", "empty \"text\"", 2},
	    {"{\"text\": [\"a\"]}", "\"text\" is not a string", 2},
	    {"{\"text\": \"a\", \"title\": 3}", "\"title\" is not a string", 15},
	    {"[\"text\", \"a\"]", "not a JSON object", 1},
	    {"{\"text\": \"a\", \"text\": \"b\"}", "broken JSON: duplicate object key", 20},
	    {"{\"text\": \"a\\u0000b\"}", "broken JSON:", 19},
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		format_error err = {0};
		format_article *arts = NULL;
		size_t n = 0;

		assert_int_equal(import_parse(&arts, &n, "f.jsonl", "f.jsonl", bad[i].json,
		                              strlen(bad[i].json), DESK_FORMAT_AUTO, NULL, &err),
		                 DESK_INVALID);
		assert_null(arts);
		assert_int_equal(err.line, 1);
		assert_int_equal(err.column, bad[i].col);
		assert_non_null(strstr(err.msg, bad[i].why));
	}
}

/* --- Refusals ------------------------------------------------------------- */

/* Import a bad file: refused whole, with rc, message and position; nothing stored. */
static void
refused(const char *file, int64_t line, int64_t col, const char *why)
{
	desk *d = open_db();
	events e = {0};
	desk_import_stats st = {0};
	int64_t before[3] = {count_rows(d, "article"), count_rows(d, "mark"),
	                     count_rows(d, "edit_log")};
	char path[512], where[600];

	snprintf(path, sizeof path, "%s/%s", FIXTURES, file);
	assert_int_equal(desk_import_path(d, path, DESK_FORMAT_AUTO, on_event, &e, &st),
	                 DESK_INVALID);
	assert_int_equal(e.refused, 1);
	assert_int_equal(e.added + e.dup, 0);
	assert_int_equal(st.refused, 1);
	assert_int_equal(st.files, 1);
	assert_int_equal(e.refusal.rc, DESK_INVALID);
	assert_string_equal(e.refused_path, path);
	assert_int_equal(e.refusal.line, line);
	assert_int_equal(e.refusal.column, col);
	assert_non_null(strstr(e.message, why));
	/* desk_errmsg has the whole "PATH:LINE:COL: why". */
	snprintf(where, sizeof where, "%s:%lld:%lld: ", path, (long long)line, (long long)col);
	assert_true(starts_with(desk_errmsg(d), where));
	assert_non_null(strstr(desk_errmsg(d), why));
	/* The database is unchanged. */
	assert_int_equal(count_rows(d, "article"), before[0]);
	assert_int_equal(count_rows(d, "mark"), before[1]);
	assert_int_equal(count_rows(d, "edit_log"), before[2]);
	desk_close(d);
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	/* "Giá xăng tă" is 11 code points (14 bytes): the bad byte is column 12. */
	refused("bad_utf8.txt", 3, 12,
	        "invalid UTF-8 (byte 0xC3 is not followed by a continuation");
}

static void
test_nul(void **state)
{
	(void)state;
	refused("bad_nul.txt", 2, 5, "NUL byte");
}

static void
test_binary(void **state)
{
	(void)state;
	refused("bad_binary.txt", 1, 1, "looks like a binary file");
}

static void
test_empty(void **state)
{
	desk *d = open_db();
	events e = {0};

	(void)state;
	refused("bad_empty.txt", 1, 1, "empty file");
	/* Zero bytes, and a BOM alone, are empty too. */
	assert_int_equal(
	    desk_import_buffer(d, "zero.txt", "", 0, DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_INVALID);
	assert_string_equal(e.message, "empty file");
	assert_int_equal(desk_import_buffer(d, "bom.txt", "\xEF\xBB\xBF\n", 4, DESK_FORMAT_AUTO,
	                                    on_event, &e, NULL),
	                 DESK_INVALID);
	assert_int_equal(e.refused, 2);
	/* A date prefix and nothing else. */
	assert_int_equal(desk_import_buffer(d, "d.txt", " date 2025-01-01 \n", 18, DESK_FORMAT_AUTO,
	                                    on_event, &e, NULL),
	                 DESK_INVALID);
	assert_non_null(strstr(e.message, "no article text"));
	desk_close(d);
}

static void
test_broken_json(void **state)
{
	(void)state;
	/* Line 1 is fine, line 2 misses a comma: the whole file is refused. */
	/* jansson points at the end of the unexpected token, "text". */
	refused("bad_json.jsonl", 2, 30, "broken JSON: '}' expected");
}

/*
 * A JSON Lines file large enough to be parsed in parts: every record keeps
 * its place and its own date (a date once pointed into a moved array), and
 * a bad line in a later part is reported with its line in the whole file.
 */
#define BIG_RECORDS 30000

static char *
big_jsonl(size_t *len, long bad_line)
{
	size_t cap = (size_t)BIG_RECORDS * 700, n = 0;
	char *s = malloc(cap);

	assert_non_null(s);
	for (long i = 1; i <= BIG_RECORDS; i++) {
		int k;

		if (i == bad_line)
			k = snprintf(s + n, cap - n, "{\"text\": \"half a record\"\n");
		else if (i % 7 == 0)
			k = snprintf(s + n, cap - n, "\n"); /* blank lines count as lines */
		else
			k = snprintf(s + n, cap - n,
			             "{\"text\": \"Bản tin số %ld: Hội nghị APEC tại Gyeongju "
			             "bàn về thương mại, chuỗi cung ứng và trí tuệ nhân tạo; "
			             "các nhà lãnh đạo nhất trí thúc đẩy kết nối khu vực. "
			             "Phiên họp kéo dài đến tối, với nhiều cuộc gặp song phương "
			             "bên lề giữa các đoàn.\", \"date\": \"2025-%02ld-%02ld\", "
			             "\"title\": \"Tin %ld\"}\n",
			             i, 1 + i % 12, 1 + i % 28, i);
		assert_true(k > 0 && (size_t)k < cap - n);
		n += (size_t)k;
	}
	*len = n;
	return s;
}

static void
test_jsonl_big(void **state)
{
	desk *d = open_db();
	events e = {0};
	desk_article *a;
	size_t len;
	char *s = big_jsonl(&len, 0), title[32], date[16];
	int64_t id = 0;

	(void)state;
	assert_true(len > 2 * IMPORT_PART_BYTES); /* more than two parts */
	assert_int_equal(
	    desk_import_buffer(d, "big.jsonl", s, len, DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, BIG_RECORDS - BIG_RECORDS / 7);
	for (long i = 1; i <= BIG_RECORDS; i++) {
		if (i % 7 == 0)
			continue;
		id++; /* ids follow the file's order */
		assert_int_equal(desk_article_get(&a, d, id), DESK_OK);
		snprintf(title, sizeof title, "Tin %ld", i);
		snprintf(date, sizeof date, "2025-%02ld-%02ld", 1 + i % 12, 1 + i % 28);
		assert_string_equal(desk_article_title(a), title);
		assert_string_equal(desk_article_date(a), date);
		assert_string_equal(desk_article_lang(a), "vi");
		desk_article_free(a);
	}
	free(s);
	desk_close(d);
}

/* What a large file's events said, in order. */
typedef struct part_events {
	int64_t last_line, last_id, n, dup, dup_id, bad;
} part_events;

static void
on_part_event(void *ctx, const desk_import_event *ev)
{
	part_events *p = ctx;
	char title[32];

	p->n++;
	if (ev->what == DESK_IMPORT_DUPLICATE) {
		p->dup++;
		p->dup_id = ev->article_id;
	} else if (ev->what == DESK_IMPORT_ADDED) {
		/* In the file's order, each with its own line, id and title. */
		snprintf(title, sizeof title, "Tin %lld", (long long)ev->line);
		if (ev->line <= p->last_line || ev->article_id != p->last_id + 1 ||
		    strcmp(ev->title, title) != 0)
			p->bad++;
		p->last_id = ev->article_id;
	} else {
		p->bad++;
	}
	p->last_line = ev->line;
}

/*
 * A file of several parts (each stored while the next is parsed, in the
 * file's one transaction): every article reported once, in order, after the
 * commit; a repeat of an article of the first part, in the last, is a
 * duplicate; the index of repeats holds the last part's sentences; the
 * edit log names the file.
 */
static void
test_jsonl_parts(void **state)
{
	desk *d = open_db();
	part_events p = {0};
	desk_import_stats st = {0};
	size_t len;
	char *s = big_jsonl(&len, 0), *t;
	const char *first_end = strchr(s, '\n');

	(void)state;
	assert_true(len > 2 * IMPORT_PART_BYTES);
	t = malloc(len + (size_t)(first_end - s) + 2);
	assert_non_null(t);
	memcpy(t, s, len);
	memcpy(t + len, s, (size_t)(first_end - s) + 1); /* article 1 again, last */
	len += (size_t)(first_end - s) + 1;
	assert_int_equal(
	    desk_import_buffer(d, "big.jsonl", t, len, DESK_FORMAT_JSONL, on_part_event, &p, &st),
	    DESK_OK);
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.dup, 1);
	assert_int_equal(p.dup_id, 1);
	assert_int_equal(p.last_line, BIG_RECORDS + 1);
	assert_int_equal(p.n, BIG_RECORDS - BIG_RECORDS / 7 + 1);
	assert_int_equal(st.added, BIG_RECORDS - BIG_RECORDS / 7);
	assert_int_equal(st.duplicates, 1);
	assert_int_equal(count_rows(d, "article"), BIG_RECORDS - BIG_RECORDS / 7);
	assert_true(count_rows(d, "sentence") >= BIG_RECORDS - BIG_RECORDS / 7);
	free(s);
	free(t);
	desk_close(d);
}

/*
 * A large file's later parts are checked as a whole file is: bad UTF-8 in
 * the last part refuses the file with its line (and nothing is stored), and
 * CRLF line ends anywhere are read as LF.
 */
static void
test_jsonl_parts_checked(void **state)
{
	desk *d = open_db();
	events e = {0};
	size_t len, n = 0;
	char *s = big_jsonl(&len, 0), *crlf, *bad;
	long line = 1;

	(void)state;
	/* Line BIG_RECORDS - 1 gets a stray continuation byte in its text. */
	for (bad = s; line < BIG_RECORDS - 1; bad++)
		line += *bad == '\n';
	bad[11] = (char)0x80; /* the lead byte of "ả" in {"text": "Bản */
	assert_int_equal(
	    desk_import_buffer(d, "big.jsonl", s, len, DESK_FORMAT_JSONL, on_event, &e, NULL),
	    DESK_INVALID);
	assert_int_equal(e.refused, 1);
	assert_int_equal(e.added, 0);
	assert_int_equal(e.refusal.line, BIG_RECORDS - 1);
	assert_int_equal(e.refusal.column, 12);
	assert_non_null(strstr(e.message, "invalid UTF-8"));
	assert_int_equal(count_rows(d, "article"), 0);
	free(s);

	s = big_jsonl(&len, 0);
	crlf = malloc(2 * len);
	assert_non_null(crlf);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = s[i];
	}
	memset(&e, 0, sizeof e);
	assert_int_equal(
	    desk_import_buffer(d, "crlf.jsonl", crlf, n, DESK_FORMAT_JSONL, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, BIG_RECORDS - BIG_RECORDS / 7);
	assert_int_equal(e.last.line, BIG_RECORDS); /* lines counted as in the LF file */
	free(crlf);
	free(s);
	desk_close(d);
}

static void
test_jsonl_big_bad_late(void **state)
{
	desk *d = open_db();
	events e = {0};
	size_t len;
	char *s = big_jsonl(&len, BIG_RECORDS - 10);

	(void)state;
	assert_int_equal(
	    desk_import_buffer(d, "big.jsonl", s, len, DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_INVALID);
	assert_int_equal(e.refused, 1);
	assert_int_equal(e.added, 0);
	assert_int_equal(e.refusal.line, BIG_RECORDS - 10);
	assert_non_null(strstr(e.message, "broken JSON"));
	assert_int_equal(count_rows(d, "article"), 0);
	free(s);
	desk_close(d);
}

static void
test_missing_text(void **state)
{
	(void)state;
	refused("bad_notext.jsonl", 3, 1, "no \"text\" field");
}

static void
test_bad_latin1(void **state)
{
	(void)state;
	/* Latin-1 text early on is bad text, not a binary file. */
	refused("mixed/b_bad.txt", 1, 6, "invalid UTF-8 (byte 0xE9");
}

static void
test_bad_date_prefix(void **state)
{
	desk *d = open_db();
	events e = {0};
	const char *s = " date 2025-13-01 Nội dung.\n";

	(void)state;
	assert_int_equal(
	    desk_import_buffer(d, "x.txt", s, strlen(s), DESK_FORMAT_TEXT, on_event, &e, NULL),
	    DESK_INVALID);
	assert_int_equal(e.refusal.line, 1);
	assert_int_equal(e.refusal.column, 7);
	assert_non_null(strstr(e.message, "2025-13-01"));
	desk_close(d);
}

/* A 5 MB article on one line imports whole (the limit is FORMAT_MAX_BODY). */
static void
test_huge_line(void **state)
{
	const char *word = "Đà Nẵng ";
	size_t wl = strlen(word), n = (5u << 20) / wl, len = n * wl;
	char *s = malloc(len + 1);
	desk *d = open_db();
	events e = {0};
	desk_article *a;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * wl, word, wl);
	s[len] = '\0';
	assert_int_equal(
	    desk_import_buffer(d, "huge.txt", s, len, DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, 1);
	assert_int_equal(desk_article_get(&a, d, e.last.article_id), DESK_OK);
	assert_string_equal(desk_article_title(a), "");
	assert_int_equal(desk_article_body_len(a), len - 1); /* the final space goes */
	assert_int_equal(desk_article_body_chars(a), (int64_t)(n * 8 - 1));
	desk_article_free(a);
	free(s);
	desk_close(d);
}

/* --- Files, directories and duplicates ------------------------------------ */

static void
test_directory(void **state)
{
	desk *d = open_db();
	events e = {0};
	desk_import_stats st = {0};
	int64_t n;

	(void)state;
	/* a_good.txt, b_bad.txt (refused), sub/c_good.jsonl; notes.md and .hidden.txt ignored. */
	assert_int_equal(desk_import_path(d, FX("mixed"), DESK_FORMAT_AUTO, on_event, &e, &st),
	                 DESK_INVALID);
	assert_int_equal(e.added, 2);
	assert_int_equal(e.refused, 1);
	assert_string_equal(e.refused_path, FX("mixed/b_bad.txt"));
	assert_string_equal(e.path, FX("mixed/sub/c_good.jsonl")); /* the last, in name order */
	assert_int_equal(st.files, 3);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.refused, 1);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 2);
	desk_close(d);
}

/*
 * More files than one batch holds, so batches are stored while the next is
 * parsed: events still come in file order, a bad file between batches is
 * refused in its place, and every good file is stored once.
 */
#define MANY_FILES 2600
#define MANY_BAD   1500

typedef struct order {
	int n, bad_at, sorted;
	int64_t last_id;
	char last_path[512];
} order;

static void
on_order(void *ctx, const desk_import_event *ev)
{
	order *o = ctx;

	if (o->n > 0 && strcmp(ev->path, o->last_path) <= 0)
		o->sorted = 0;
	if (ev->what == DESK_IMPORT_REFUSED)
		o->bad_at = o->n;
	else if (ev->article_id != o->last_id + 1)
		o->sorted = 0;
	else
		o->last_id = ev->article_id;
	snprintf(o->last_path, sizeof o->last_path, "%s", ev->path);
	o->n++;
}

static void
test_many_files(void **state)
{
	char dir[] = "/tmp/copydesk-test-XXXXXX", path[600];
	desk *d = open_db();
	desk_import_stats st = {0};
	order o = {0, -1, 1, 0, ""};
	int64_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < MANY_FILES; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/%04d.txt", dir, i);
		assert_non_null(f = fopen(path, "w"));
		if (i == MANY_BAD)
			fputs("Hỏng\xff ở đây.\n", f);
		else
			fprintf(f, "Bài số %d: Thủ tướng chủ trì phiên họp Chính phủ.\n", i);
		assert_int_equal(fclose(f), 0);
	}
	assert_int_equal(desk_import_path(d, dir, DESK_FORMAT_AUTO, on_order, &o, &st),
	                 DESK_INVALID);
	assert_int_equal(o.n, MANY_FILES);
	assert_true(o.sorted);
	assert_int_equal(o.bad_at, MANY_BAD);
	assert_int_equal(st.added, MANY_FILES - 1);
	assert_int_equal(st.refused, 1);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, MANY_FILES - 1);
	for (int i = 0; i < MANY_FILES; i++) {
		snprintf(path, sizeof path, "%s/%04d.txt", dir, i);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(rmdir(dir), 0);
	desk_close(d);
}

static void
test_duplicate(void **state)
{
	desk *d = open_db();
	events e = {0};
	desk_import_stats st = {0};
	int64_t n, logs;

	(void)state;
	assert_int_equal(
	    desk_import_path(d, FX("articles.jsonl"), DESK_FORMAT_AUTO, on_event, &e, &st),
	    DESK_OK);
	logs = count_rows(d, "edit_log");
	assert_int_equal(
	    desk_import_path(d, FX("articles.jsonl"), DESK_FORMAT_AUTO, on_event, &e, &st),
	    DESK_OK);
	assert_int_equal(e.added, 3);
	assert_int_equal(e.dup, 3);
	assert_int_equal(e.last.what, DESK_IMPORT_DUPLICATE);
	assert_int_equal(e.last.article_id, e.ids[2]);
	assert_int_equal(e.last.line, 4);
	assert_int_equal(st.duplicates, 3);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 3);
	assert_int_equal(count_rows(d, "edit_log"), logs);
	desk_close(d);
}

static void
test_missing_path(void **state)
{
	desk *d = open_db();
	events e = {0};

	(void)state;
	assert_int_equal(
	    desk_import_path(d, FX("no-such-file.txt"), DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_NOTFOUND);
	assert_int_equal(e.refused, 1);
	assert_int_equal(e.refusal.rc, DESK_NOTFOUND);
	assert_int_equal(e.refusal.line, 0);
	assert_non_null(strstr(desk_errmsg(d), "no-such-file.txt"));
	desk_close(d);
}

static void
test_format_parse(void **state)
{
	desk_format f;

	(void)state;
	assert_int_equal(desk_format_parse(&f, "text"), DESK_OK);
	assert_int_equal(f, DESK_FORMAT_TEXT);
	assert_int_equal(desk_format_parse(&f, "jsonl"), DESK_OK);
	assert_int_equal(f, DESK_FORMAT_JSONL);
	assert_int_equal(desk_format_parse(&f, "auto"), DESK_OK);
	assert_int_equal(f, DESK_FORMAT_AUTO);
	assert_int_equal(desk_format_parse(&f, "csv"), DESK_OK);
	assert_int_equal(f, DESK_FORMAT_CSV);
	assert_int_equal(desk_format_parse(&f, "xml"), DESK_MISUSE);
}

/* An explicit format wins over the extension; JSONL is sniffed without one. */
static void
test_format_choice(void **state)
{
	desk *d = open_db();
	events e = {0};
	const char *j = "{\"text\": \"Bản tin ngắn từ đầu vào chuẩn.\"}\n";

	(void)state;
	assert_int_equal(
	    desk_import_buffer(d, "<stdin>", j, strlen(j), DESK_FORMAT_AUTO, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, 1);
	assert_int_equal(
	    desk_import_buffer(d, "x.jsonl", j, strlen(j), DESK_FORMAT_TEXT, on_event, &e, NULL),
	    DESK_OK);
	assert_int_equal(e.added, 2); /* as text: a different body, the JSON itself */
	desk_close(d);
}

/* format_is_nfc's fast path must only accept what NFC leaves alone. */
static void
test_nfc_fast_path(void **state)
{
	static const uint32_t ranges[][2] = {
	    {0x80, 0x2FF}, {0x1E00, 0x1EFF}, {0x2002, 0x207F}, {0x20A0, 0x20BF}};
	static const char *const bases[] = {"a", "e", "o", "u", "A", "ơ", "ư", "ê"};

	(void)state;
	for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
		for (uint32_t c = ranges[r][0]; c <= ranges[r][1]; c++) {
			uint8_t u[8];
			int k = u8_uctomb(u, c, 6);

			assert_true(k > 0);
			assert_true(format_is_nfc((const char *)u, (size_t)k));
			for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
				char s[16], *n = NULL;
				size_t bl = strlen(bases[b]), nl = 0;

				memcpy(s, bases[b], bl);
				memcpy(s + bl, u, (size_t)k);
				assert_int_equal(desk_nfc(&n, &nl, s, bl + (size_t)k), DESK_OK);
				assert_int_equal(nl, bl + (size_t)k);
				assert_memory_equal(n, s, nl);
				free(n);
			}
		}
	assert_false(format_is_nfc("e\xcc\x81", 3));    /* e + combining acute */
	assert_false(format_is_nfc("\xe2\x84\xa6", 3)); /* OHM SIGN */
	assert_false(format_is_nfc("\xe2\x80\x80", 3)); /* EN QUAD, which NFC changes */
	assert_false(format_is_nfc("\xcc\x80", 2));     /* U+0300 */
	assert_false(format_is_nfc("\xe1\xbc\x80", 3)); /* U+1F00, Greek */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_prefix),
	    cmocka_unit_test(test_no_title),
	    cmocka_unit_test(test_title),
	    cmocka_unit_test(test_run_together_untouched),
	    cmocka_unit_test(test_marks),
	    cmocka_unit_test(test_no_byline_without_title),
	    cmocka_unit_test(test_nfd_equals_nfc),
	    cmocka_unit_test(test_crlf_and_cr),
	    cmocka_unit_test(test_bom),
	    cmocka_unit_test(test_lang),
	    cmocka_unit_test(test_english_traits),
	    cmocka_unit_test(test_escape_kept),
	    cmocka_unit_test(test_jsonl),
	    cmocka_unit_test(test_jsonl_fields),
	    cmocka_unit_test(test_bad_utf8),
	    cmocka_unit_test(test_nul),
	    cmocka_unit_test(test_binary),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_broken_json),
	    cmocka_unit_test(test_jsonl_big),
	    cmocka_unit_test(test_jsonl_parts),
	    cmocka_unit_test(test_jsonl_parts_checked),
	    cmocka_unit_test(test_jsonl_parts),
	    cmocka_unit_test(test_jsonl_parts_checked),
	    cmocka_unit_test(test_jsonl_big_bad_late),
	    cmocka_unit_test(test_missing_text),
	    cmocka_unit_test(test_bad_latin1),
	    cmocka_unit_test(test_bad_date_prefix),
	    cmocka_unit_test(test_huge_line),
	    cmocka_unit_test(test_directory),
	    cmocka_unit_test(test_many_files),
	    cmocka_unit_test(test_duplicate),
	    cmocka_unit_test(test_missing_path),
	    cmocka_unit_test(test_format_parse),
	    cmocka_unit_test(test_format_choice),
	    cmocka_unit_test(test_nfc_fast_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
