/*
 * test_claimkey_quick.c - the fast paths of the sentence index against the
 * slow ones they stand for: the claim key folded by text.c's table
 * (textfold_quick) against desk_fold() (claimkey_reference), on every code
 * point the table knows in several contexts and on many generated strings
 * mixing ASCII, Vietnamese (NFC and NFD), numbers with separators, percent
 * words, apostrophes, combining marks and other scripts; and desk_text's
 * graphemes against libunistring's u32_grapheme_breaks().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unigbrk.h>
#include <unistr.h>

#include "copydesk/copydesk.h"
#include "internal.h"

/* desk_claim_key(), claimkey_hash() and claimkey_reference() agree on s. */
static void
check_key(const char *s, size_t len)
{
	claimkey_scratch sc = {0};
	char *fast = NULL, *slow = NULL;
	int64_t hash = 0;
	int empty = -1;

	assert_int_equal(claimkey_reference(&slow, s, len), DESK_OK);
	assert_int_equal(desk_claim_key(&fast, s, len), DESK_OK);
	if (strcmp(fast, slow) != 0)
		fail_msg("\"%.*s\": key \"%s\", by desk_fold \"%s\"", (int)len, s, fast, slow);
	assert_int_equal(claimkey_hash(&hash, &empty, &sc, s, len), DESK_OK);
	assert_true(hash == hash_key(slow, strlen(slow)));
	assert_int_equal(empty, slow[0] == '\0');
	claimkey_scratch_free(&sc);
	free(fast);
	free(slow);
}

/* textfold_quick() gives desk_fold()'s bytes whenever it answers. */
static int
check_fold(const char *s, size_t len)
{
	char *out = malloc(len + 1), *slow = NULL;
	size_t n = 0, sn = 0;
	int quick;

	assert_non_null(out);
	quick = textfold_quick(out, &n, s, len);
	if (quick) {
		assert_int_equal(desk_fold(&slow, &sn, s, len), DESK_OK);
		if (sn != n || memcmp(out, slow, n) != 0)
			fail_msg("fold of \"%.*s\": \"%.*s\", desk_fold \"%s\"", (int)len, s,
			         (int)n, out, slow);
	}
	free(slow);
	free(out);
	return quick;
}

/* Every code point below U+3000 alone and between others, folded and keyed. */
static void
test_every_code_point(void **state)
{
	static const char *const around[][2] = {
	    {"", ""},          {"A", "b"},   {"\xe1\xbb\x86", "x"}, /* Ệ */
	    {"e\xcc\x81", ""}, {"1", "000"}, {"x", "\xcc\x81"},     /* x c U+0301 */
	    {"1.", "5"},       {"don", "t"}, {"phan", " tram"},     {"% ", "$"},
	};
	size_t quick = 0;

	(void)state;
	for (ucs4_t c = 1; c < 0x3000; c++) {
		uint8_t u[8];
		int k = u8_uctomb(u, c, (int)sizeof u);

		if (k <= 0)
			continue; /* a surrogate */
		for (size_t a = 0; a < sizeof around / sizeof *around; a++) {
			char s[64];
			int n = snprintf(s, sizeof s, "%s%.*s%s%.*s", around[a][0], k,
			                 (const char *)u, around[a][1], k, (const char *)u);

			quick += (size_t)check_fold(s, (size_t)n);
			check_key(s, (size_t)n);
		}
	}
	/* The table covers Latin, Vietnamese and punctuation: most of this range is its. */
	assert_true(quick > 10000);
}

/* Pieces of news text, and things that must fall back to desk_fold(). */
static const char *const pieces[] = {"Việt Nam",
                                     "Chủ tịch",
                                     "Đà Nẵng",
                                     "đồng",
                                     "ĐỒNG",
                                     "Nguyễn Thị Ánh",
                                     "Ơn",
                                     "ưu",
                                     "Ư",
                                     "Vie\xcc\xa3\xcc\x82t Nam", /* NFD: e, dot below, circumflex */
                                     "kinh tế-xã hội",
                                     "TP.HCM",
                                     "TP. HCM",
                                     "U.S.",
                                     "v.v.",
                                     "don't",
                                     "Nam’s",
                                     "Nam\xca\xbcs",
                                     "1.000",
                                     "1,000",
                                     "38,5",
                                     "1.000,5",
                                     "0,123",
                                     "1.2.3",
                                     "12.345.678",
                                     "3.14159",
                                     "38,5%",
                                     "38,5 %",
                                     "50 phần trăm",
                                     "50 phan tram",
                                     "50 percent",
                                     "50 per cent",
                                     "50 PER  CENT",
                                     "phần trămx",
                                     "percentage",
                                     "$5",
                                     "5 €",
                                     "100.000 ₫",
                                     "٣٤٥",
                                     "١٬٠٠٠",
                                     "“quoted”",
                                     "‘single’",
                                     "— dash –",
                                     "…",
                                     "!",
                                     "?",
                                     "(paren)",
                                     "[x]",
                                     "«guillemets»",
                                     "\xc2\xa0",
                                     "\t",
                                     "  ",
                                     "\n",
                                     "\xe2\x80\x8b", /* NBSP, tab, spaces, LF, ZWSP */
                                     "Straße",
                                     "STRASSE",
                                     "ẞ",
                                     "İstanbul",
                                     "ı",
                                     "ŉ",
                                     "ǰ",
                                     "ﬁ",
                                     "Kelvin \xe2\x84\xaa",
                                     "Å",
                                     "Σ",
                                     "ΣΑΣ",
                                     "ὈΔΥΣΣΕΎΣ",
                                     "Москва",
                                     "МОСКВА",
                                     "北京",
                                     "東京都",
                                     "한국어",
                                     "ｆｕｌｌ",
                                     "١٢",
                                     "²",
                                     "½",
                                     "\xcc\x81", /* a lone combining acute */
                                     "\xcd\x85",
                                     "a\xcd\x85",    /* U+0345 YPOGEGRAMMENI: folds to iota */
                                     "\xe0\xbd\xb3", /* U+0F73: decomposes to two marks */
                                     "👍🏽",
                                     "👨‍👩‍👧",
                                     "🇻🇳",
                                     "e\xe2\x80\x8d",
                                     "\xef\xbb\xbf",
                                     "A",
                                     "b",
                                     "Z",
                                     "0",
                                     "9",
                                     ".",
                                     ",",
                                     "'",
                                     "%",
                                     " ",
                                     "-",
                                     "_",
                                     "@",
                                     "#",
                                     "&"};

static void
test_generated_strings(void **state)
{
	unsigned seed = 12345;
	char s[512];

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int parts;

		seed = seed * 1103515245u + 12345u;
		parts = 1 + (int)((seed >> 16) % 10);
		for (int p = 0; p < parts; p++) {
			const char *x;
			size_t k;

			seed = seed * 1103515245u + 12345u;
			x = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			k = strlen(x);
			if (n + k + 1 >= sizeof s)
				break;
			memcpy(s + n, x, k);
			n += k;
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0)
				s[n++] = (seed >> 20) % 2 ? ' ' : '.';
		}
		check_fold(s, n);
		check_key(s, n);
	}
}

/* The sentence index's hashes of an article are those of desk_claim_key on its sentences. */
static void
test_sentence_hashes(void **state)
{
	static const char body[] =
	    "Chủ tịch UBND TP.HCM cho biết GDP tăng 7,08% năm 2022. Dân số đạt 100.000 người!\n"
	    "“Đây là kết quả tốt,” ông nói.  Mr. Smith's company earned $1,000,000 in the U.S. "
	    "last year.Một số chuyên gia cho rằng 50 phần trăm là quá cao… Москва согласилась.\n"
	    "北京说。 ΣΑΣ 12,5 per cent.";
	sentindex_keys k = {0};
	desk_text *t = NULL;
	desk_range *r = NULL;
	size_t n = 0, used = 0;

	(void)state;
	assert_int_equal(sentindex_keys_of(&k, body, strlen(body)), DESK_OK);
	assert_int_equal(desk_text_new(&t, body, strlen(body)), DESK_OK);
	assert_int_equal(desk_sentences(&r, &n, t), DESK_OK);
	assert_true(n >= 6);
	for (size_t i = 0; i < n; i++) {
		size_t a = desk_text_byte(t, r[i].start), b = desk_text_byte(t, r[i].end);
		char *slow = NULL;

		assert_int_equal(claimkey_reference(&slow, body + a, b - a), DESK_OK);
		if (slow[0] != '\0') {
			assert_true(used < k.n);
			assert_true(k.v[used].hash == hash_key(slow, strlen(slow)));
			assert_int_equal(k.v[used].start, r[i].start);
			assert_int_equal(k.v[used].end, r[i].end);
			used++;
		}
		free(slow);
	}
	assert_int_equal(used, k.n);
	free(r);
	desk_text_free(t);
	sentindex_keys_free(&k);
}

/*
 * A batch of n articles stored by desk_article_add() has in its index the
 * keys sentindex_keys_of() gives each article: below ARTICLE_KEYS_OVERLAP
 * they are worked out before the transaction, from it while it stores.
 */
static void
check_batch(size_t n)
{
	static const char *const sents[] = {
	    "Giá vàng tăng 1.000 đồng.",   "GDP tăng 7,08% năm 2022.",
	    "Mr. Smith's firm earned $5.", "“Đây là kết quả tốt,” ông nói.",
	    "Москва согласилась.",         "50 phần trăm là quá cao!"};
	desk_article_in *in = calloc(n, sizeof *in);
	char **bodies = calloc(n, sizeof *bodies);
	int64_t *ids = calloc(n, sizeof *ids);
	sqlite3_stmt *st = NULL;
	desk *d = NULL;

	assert_non_null(in);
	assert_non_null(bodies);
	assert_non_null(ids);
	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		int len = snprintf(buf, sizeof buf, "Bài %zu. %s %s\n%s", i, sents[i % 6],
		                   sents[(i / 6) % 6], sents[(i / 36) % 6]);

		bodies[i] = strdup(buf);
		in[i] = (desk_article_in){.body = bodies[i], .body_len = (size_t)len, .lang = "vi"};
	}
	in[n - 1] = in[0]; /* a duplicate: no rows of its own */
	assert_int_equal(desk_article_add(d, in, n, ids, NULL), DESK_OK);
	assert_int_equal(sqlite3_prepare_v2(d->db,
	                                    "SELECT hash, start, \"end\" FROM sentence WHERE "
	                                    "article_id = ?1 ORDER BY start",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	for (size_t i = 0; i + 1 < n; i++) {
		sentindex_keys k = {0};
		size_t m = 0;

		assert_int_equal(sentindex_keys_of(&k, in[i].body, in[i].body_len), DESK_OK);
		assert_true(k.n >= 3);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ids[i]);
		for (; sqlite3_step(st) == SQLITE_ROW; m++) {
			assert_true(m < k.n);
			assert_true(sqlite3_column_int64(st, 0) == k.v[m].hash);
			assert_true(sqlite3_column_int64(st, 1) == k.v[m].start);
			assert_true(sqlite3_column_int64(st, 2) == k.v[m].end);
		}
		assert_int_equal(m, k.n);
		sentindex_keys_free(&k);
	}
	assert_true(ids[n - 1] == ids[0]);
	sqlite3_finalize(st);
	desk_close(d);
	for (size_t i = 0; i < n; i++)
		free(bodies[i]);
	free(bodies);
	free(in);
	free(ids);
}

static void
test_batch_keys(void **state)
{
	(void)state;
	check_batch(100);
	check_batch(ARTICLE_KEYS_OVERLAP + 10);
}

/* desk_text's grapheme starts are u32_grapheme_breaks()'s. */
static void
check_graphemes(const char *s, size_t len)
{
	desk_text *t = NULL;
	uint32_t *u;
	size_t n = 0;
	char *brk;

	assert_int_equal(desk_text_new(&t, s, len), DESK_OK);
	u = u8_to_u32((const uint8_t *)s, len, NULL, &n);
	assert_true(u != NULL || len == 0);
	assert_int_equal((size_t)desk_text_len(t), n);
	brk = malloc(n + 1);
	assert_non_null(brk);
	u32_grapheme_breaks(u, n, brk);
	for (size_t i = 0; i < n; i++)
		if (desk_text_is_grapheme(t, (int64_t)i) != (i == 0 || brk[i]))
			fail_msg("\"%.*s\": grapheme start at %zu: %d", (int)len, s, i,
			         desk_text_is_grapheme(t, (int64_t)i));
	free(brk);
	free(u);
	desk_text_free(t);
}

/*
 * sentindex_rows_sort() merges the sorted runs that a batch's parts give
 * (and sorts rows in any order): the same order as sorting them whole, for
 * one run, several runs, and rows in no order, with equal hashes.
 */
static void
test_rows_sort(void **state)
{
	static const size_t nruns[] = {1, 2, 3, 7, 64, 0};
	unsigned seed = 7;

	(void)state;
	for (size_t c = 0; c < sizeof nruns / sizeof *nruns; c++) {
		sentindex_rows rows = {0};
		size_t n = 5000;

		rows.v = malloc(n * sizeof *rows.v);
		assert_non_null(rows.v);
		rows.cap = rows.n = n;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			rows.v[i] = (sentindex_row){(int64_t)(seed >> 8) % 97 - 48,
			                            (int64_t)(i % 13), (int64_t)(seed % 1000), 0};
		}
		/* nruns[c] runs: each share sorted on its own (0: left in no order). */
		for (size_t r = 0; nruns[c] > 0 && r < nruns[c]; r++) /* insertion sort */
			for (size_t i = n * r / nruns[c] + 1; i < n * (r + 1) / nruns[c]; i++)
				for (size_t j = i; j > n * r / nruns[c] &&
				                   sentindex_row_before(&rows.v[j], &rows.v[j - 1]);
				     j--) {
					sentindex_row t = rows.v[j];

					rows.v[j] = rows.v[j - 1];
					rows.v[j - 1] = t;
				}
		rows.sorted = 0;
		sentindex_rows_sort(&rows);
		assert_true(rows.sorted);
		assert_int_equal(rows.n, n);
		for (size_t i = 1; i < n; i++)
			assert_false(sentindex_row_before(&rows.v[i], &rows.v[i - 1]));
		sentindex_rows_free(&rows);
	}
}

static void
test_graphemes(void **state)
{
	unsigned seed = 777;
	char s[512];

	(void)state;
	for (ucs4_t c = 1; c < 0x20000; c++) {
		uint8_t u[8];
		int k = u8_uctomb(u, c, (int)sizeof u);
		int n;

		if (k <= 0)
			continue;
		n = snprintf(s, sizeof s, "a%.*s\r\n%.*s%.*sb\xcc\x81%.*s", k, (const char *)u, k,
		             (const char *)u, k, (const char *)u, k, (const char *)u);
		check_graphemes(s, (size_t)n);
	}
	for (int round = 0; round < 5000; round++) {
		size_t n = 0;

		seed = seed * 1103515245u + 12345u;
		for (int p = 0, parts = 1 + (int)((seed >> 16) % 12); p < parts; p++) {
			const char *x;
			size_t k;

			seed = seed * 1103515245u + 12345u;
			x = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			k = strlen(x);
			if (n + k + 2 >= sizeof s)
				break;
			memcpy(s + n, x, k);
			n += k;
			if ((seed >> 24) % 4 == 0)
				s[n++] = '\r';
		}
		check_graphemes(s, n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_code_point), cmocka_unit_test(test_generated_strings),
	    cmocka_unit_test(test_sentence_hashes),  cmocka_unit_test(test_batch_keys),
	    cmocka_unit_test(test_graphemes),        cmocka_unit_test(test_rows_sort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
