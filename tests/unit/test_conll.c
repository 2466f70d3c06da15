/*
 * test_conll.c - the CoNLL format (formats/conll.c, conll_scheme.c) and its
 * tokenizer (text/tokens.c) on documents built by hand: reading every tag
 * scheme and refusing bad sequences with their line and column, writing
 * English and Vietnamese (NFD too) text, nested spans, an edge inside a
 * token, each scheme.  The shared files are test_conll_files.c's.
 */
#include "conll_test.h"

/* --- Reading ------------------------------------------------------------ */

static void
test_read_iob2(void **state)
{
	format_article *a = NULL;
	size_t n = 0;
	notes_seen ns = {0};
	warned w = {0};
	char *out;

	(void)state;
	/* doccano's fixture: TAB-separated, no DOCSTART, no final blank line. */
	read_ok(&a, &n, "JAPAN\tB-LOC\nGET\tO\n\nNadim\tB-PER\nLadki\tI-PER\n", &ns);
	assert_int_equal(n, 1);
	assert_int_equal(ns.n, 0);
	assert_string_equal(a->in.body, "JAPAN GET\nNadim Ladki");
	assert_int_equal(a->line, 1);
	assert_int_equal(a->ntokens, 4);
	assert_int_equal(a->tokens[1].start, 6);
	assert_int_equal(a->tokens[1].end, 9);
	assert_true(a->tokens[1].sentence_end);
	assert_false(a->tokens[2].sentence_end);
	assert_true(a->tokens[3].sentence_end);
	assert_null(a->tokens[0].extra);
	assert_int_equal(a->nspans, 2);
	span_is(a, 0, 0, 5, "LOC", "JAPAN");
	span_is(a, 1, 10, 21, "PER", "Nadim Ladki");
	assert_int_equal(a->spans[1].line, 4);
	format_articles_free(a, n);

	/* Space-separated with runs of spaces; adjacent B- chunks of one type; Vietnamese. */
	read_ok(&a, &n, "EU  B-ORG\nrejects O\nHà_Nội B-LOC\nHuế   B-LOC\nlà O\n\n", &ns);
	assert_int_equal(n, 1);
	assert_string_equal(a->in.body, "EU rejects Hà_Nội Huế là");
	assert_int_equal(a->nspans, 3);
	span_is(a, 1, 11, 17, "LOC", "Hà_Nội");
	span_is(a, 2, 18, 21, "LOC", "Huế");
	format_articles_free(a, n);

	/* A token holding U+200B (PhoNER_COVID19 has some) is kept; NFD is composed. */
	read_ok(&a, &n, "Ha\xcc\x80\xe2\x80\x8bNo\xcc\xa3\xcc\x82i\tB-LOC\nla\xcc\x80\tO\n", &ns);
	assert_string_equal(a->in.body, "Hà\u200bNội là");
	span_is(a, 0, 0, 6, "LOC", "Hà\u200bNội");
	out = write_conll(a, n, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\nHà\u200bNội B-LOC\nlà O\n\n");
	assert_int_equal(w.n, 0);
	free(out);
	format_articles_free(a, n);
}

static void
test_read_docstart_iob1(void **state)
{
	format_article *a = NULL;
	size_t n = 0;
	notes_seen ns = {0};

	(void)state;
	/* allennlp's layout: TAB-separated tokens, a space-separated DOCSTART, IOB1. */
	read_ok(&a, &n,
	        "-DOCSTART- -X- -X- O\n\nU.N.\tNNP\tI-NP\tI-ORG\nofficial\tNN\tI-NP\tO\n"
	        "Ekeus\tNNP\tI-NP\tI-PER\nJohn\tNNP\tI-NP\tB-PER\n\n-DOCSTART- -X- -X- O\n\n"
	        "AI2\tNNP\tI-NP\tI-ORG\n.\t.\tO\tO",
	        &ns);
	assert_int_equal(n, 2);
	assert_int_equal(ns.n, 1);
	assert_int_equal(ns.line, 3);
	assert_non_null(strstr(ns.msg, "IOB1"));
	assert_string_equal(a[0].in.body, "U.N. official Ekeus John");
	assert_int_equal(a[0].line, 3);
	assert_string_equal(a[0].tokens[0].extra, "NNP\tI-NP");
	assert_int_equal(a[0].nspans, 3);
	span_is(&a[0], 0, 0, 4, "ORG", "U.N.");
	span_is(&a[0], 1, 14, 19, "PER", "Ekeus");
	span_is(&a[0], 2, 20, 24, "PER", "John");
	assert_string_equal(a[1].in.body, "AI2 .");
	assert_int_equal(a[1].line, 10);
	assert_int_equal(a[1].ntokens, 2);
	assert_true(a[1].tokens[1].sentence_end);
	span_is(&a[1], 0, 0, 3, "ORG", "AI2");
	format_articles_free(a, n);
}

static void
test_read_bioes(void **state)
{
	format_article *a = NULL;
	size_t n = 0;
	notes_seen ns = {0};

	(void)state;
	/* IOBES as NCRF++ writes it (I- in the middle). */
	read_ok(&a, &n,
	        "-DOCSTART- O\n\nNew B-LOC\nYork I-LOC\nCity E-LOC\nis O\nbig S-MISC\n\n"
	        "Peter B-PER\nPan E-PER\n",
	        &ns);
	assert_int_equal(n, 1);
	assert_int_equal(ns.n, 1);
	assert_int_equal(ns.line, 5);
	assert_non_null(strstr(ns.msg, "IOBES"));
	assert_int_equal(a->nspans, 3);
	span_is(a, 0, 0, 13, "LOC", "New York City");
	span_is(a, 1, 17, 20, "MISC", "big");
	span_is(a, 2, 21, 30, "PER", "Peter Pan");
	format_articles_free(a, n);

	/* BMES (M- in the middle), BILOU. */
	memset(&ns, 0, sizeof ns);
	read_ok(&a, &n, "New B-LOC\nYork M-LOC\nCity E-LOC\n", &ns);
	assert_non_null(strstr(ns.msg, "BMES"));
	span_is(a, 0, 0, 13, "LOC", "New York City");
	format_articles_free(a, n);
	read_ok(&a, &n, "Ann U-PER\nNew B-LOC\nYork L-LOC\n", &ns);
	assert_non_null(strstr(ns.msg, "BILOU"));
	span_is(a, 0, 0, 3, "PER", "Ann");
	span_is(a, 1, 4, 12, "LOC", "New York");
	format_articles_free(a, n);
}

static void
test_read_refused(void **state)
{
	(void)state;
	/* doccano's invalid fixture: three fields and no tag on line 1. */
	read_refused("SOCCERO SOCCERO SOCCERO\n-\tO\nJAPAN\tB-LOC\n", 1, 0,
	             "\"SOCCERO\" is not a tag");
	read_refused("a O\nb X-PER\n", 2, 3, "is not a tag");
	read_refused("a O\nb B-\n", 2, 0, "is not a tag");
	read_refused("a\tO\nb O\n", 2, 0, "separated by a TAB");
	read_refused("a NN O\nb O\n", 2, 0, "2 columns where line 1 has 3");
	read_refused("a O\nb\n", 2, 0, "a token and a tag");
	read_refused("a\tO\nb\u00a0c\tO\n", 2, 2, "the token holds white space");
	read_refused("-DOCSTART- O\n\n", 1, 0, "no token lines");
	/* BIOES: a chunk not continued, continued from nothing, left open. */
	read_refused("a S-PER\nb B-LOC\nc O\n", 3, 0, "a chunk goes on with I-");
	read_refused("a S-PER\nb O\nc E-LOC\n", 3, 3, "continues no chunk");
	read_refused("a S-PER\n\nb B-LOC\nc I-LOC\n\nd O\n", 4, 3, "without an E- tag");
	read_refused("a B-PER\nb I-PER\nc S-PER\nd E-PER\n", 3, 0, "a chunk goes on");
	/* Neither IOB2 (I- after O) nor IOB1 (B- after O). */
	read_refused("a B-PER\nb O\n\nc O\nd I-LOC\n", 5, 3, "neither IOB2");
	/* Nothing half-read: the error is on the last line of a long file. */
	read_refused("x O\ny B-PER\nz E-PER\n\nw O\nv S-LOC\nu I-LOC\n", 7, 0,
	             "continues no chunk");
}

/* --- Writing ------------------------------------------------------------ */

static void
test_write_english(void **state)
{
	format_article a;
	warned w = {0};
	char *out;

	(void)state;
	doc(&a,
	    "The U.S. economy grew 3.5% in 2024, officials said.  \"It's big,\" Mr. Lee didn't "
	    "say (self-driving cars...).",
	    "en", SP(4, 8, "GPE"), SP(65, 72, "PER"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\n"
	               "The O\nU.S. B-GPE\neconomy O\ngrew O\n3.5 O\n% O\nin O\n2024 O\n, O\n"
	               "officials O\nsaid O\n. O\n\n"
	               "\" O\nIt O\n's O\nbig O\n, O\n\" O\nMr. B-PER\nLee I-PER\ndid O\nn't O\n"
	               "say O\n( O\nself-driving O\ncars O\n... O\n) O\n. O\n\n");
	assert_int_equal(w.n, 0);
	free(out);
	format_pool_free(&a.pool);
}

static void
test_write_vietnamese(void **state)
{
	/* NFD: "Bệnh nhân ở TP.HCM, Hà Nội." with combining marks after their letters. */
	const char *nfd = "Be\xcc\xa3\xcc\x82nh nha\xcc\x82n o\xcc\x9b\xcc\x89 TP.HCM, "
	                  "Ha\xcc\x80 No\xcc\xa3\xcc\x82i.\n\xe2\x80\x9c"
	                  "COVID-19\xe2\x80\x9d la\xcc\x80 gi\xcc\x80?";
	format_article a;
	warned w = {0};
	char *out, want[1024];

	(void)state;
	/* "TP.HCM" is code points 17-23, "Hà Nội" 25-34 in NFD (a mark is a code point). */
	doc(&a, nfd, "vi", SP(17, 23, "LOC"), SP(25, 34, "LOC"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	snprintf(want, sizeof want,
	         "-DOCSTART- O\n\n"
	         "Be\xcc\xa3\xcc\x82nh O\nnha\xcc\x82n O\no\xcc\x9b\xcc\x89 O\nTP.HCM B-LOC\n, O\n"
	         "Ha\xcc\x80 B-LOC\nNo\xcc\xa3\xcc\x82i I-LOC\n. O\n\n"
	         "\xe2\x80\x9c O\nCOVID-19 O\n\xe2\x80\x9d O\nla\xcc\x80 O\ngi\xcc\x80 O\n? O\n\n");
	lines_are(out, want);
	assert_int_equal(w.n, 0);
	free(out);
	format_pool_free(&a.pool);
}

static void
test_write_nested(void **state)
{
	format_article a;
	warned w = {0};
	char *out;

	(void)state;
	/* "Bank of New York Mellon": ORG outside, LOC inside; two overlapping of one length. */
	doc(&a, "Bank of New York Mellon said a b c d", "en", SP(0, 23, "ORG"), SP(8, 16, "LOC"),
	    SP(29, 32, "X"), SP(31, 34, "Y"), SP(35, 36, "Z"), SP(35, 36, "A"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\n"
	               "Bank B-ORG\nof I-ORG\nNew I-ORG\nYork I-ORG\nMellon I-ORG\nsaid O\n"
	               "a B-X\nb I-X\nc O\nd B-Z\n\n");
	assert_int_equal(w.n, 0);
	free(out);
	format_pool_free(&a.pool);
}

static void
test_write_edge_in_token(void **state)
{
	format_article a;
	warned w = {0};
	char *out;

	(void)state;
	/* "Namibia" [10, 17): a span on "Nam" [10, 13) and one on "ibia's" [13, 19). */
	doc(&a, "Visit to Namibia today", "en", SP(9, 12, "LOC"), SP(13, 22, "DATE"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	/* Namibia [9, 16): 3 of 7 in LOC, O; today [17, 22) all DATE. */
	lines_are(out, "-DOCSTART- O\n\nVisit O\nto O\nNamibia O\ntoday B-DATE\n\n");
	assert_int_equal(w.n, 3);
	assert_int_equal(w.start[0], 9);
	assert_int_equal(w.end[0], 12);
	assert_non_null(strstr(w.msg[0], "ends inside the token at 9-16"));
	assert_non_null(strstr(w.msg[1], "no token of its own"));
	assert_int_equal(w.start[2], 13);
	assert_non_null(strstr(w.msg[2], "starts inside the token at 9-16"));
	free(out);
	format_pool_free(&a.pool);

	/* Most of the token in the span: it takes the tag, and the edge is still told. */
	memset(&w, 0, sizeof w);
	doc(&a, "Visit to Namibia today", "en", SP(9, 15, "LOC"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\nVisit O\nto O\nNamibia B-LOC\ntoday O\n\n");
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.msg[0], "which is tagged with it"));
	free(out);
	format_pool_free(&a.pool);
}

static void
test_write_schemes(void **state)
{
	format_article a;
	warned w = {0};
	char *out;

	(void)state;
	doc(&a, "Ann Lee Bob saw New York City", "en", SP(0, 7, "PER"), SP(8, 11, "PER"),
	    SP(16, 29, "LOC"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\nAnn B-PER\nLee I-PER\nBob B-PER\nsaw O\nNew B-LOC\n"
	               "York I-LOC\nCity I-LOC\n\n");
	free(out);
	out = write_conll(&a, 1, DESK_SCHEME_IOB1, &w);
	lines_are(out, "-DOCSTART- O\n\nAnn I-PER\nLee I-PER\nBob B-PER\nsaw O\nNew I-LOC\n"
	               "York I-LOC\nCity I-LOC\n\n");
	free(out);
	out = write_conll(&a, 1, DESK_SCHEME_BIOES, &w);
	lines_are(out, "-DOCSTART- O\n\nAnn B-PER\nLee E-PER\nBob S-PER\nsaw O\nNew B-LOC\n"
	               "York I-LOC\nCity E-LOC\n\n");
	free(out);
	assert_int_equal(w.n, 0);
	format_pool_free(&a.pool);
}

static void
test_write_sentence_cross(void **state)
{
	format_article a;
	warned w = {0};
	char *out;

	(void)state;
	/* A span over a line break: two chunks, and a warning. */
	doc(&a, "He met Ann\nLee there.", "en", SP(7, 14, "PER"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\nHe O\nmet O\nAnn B-PER\n\nLee B-PER\nthere O\n. O\n\n");
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.msg[0], "crosses a sentence end"));
	free(out);
	format_pool_free(&a.pool);

	/* Nothing to write but the DOCSTART; a span outside the text is told. */
	memset(&w, 0, sizeof w);
	doc(&a, " \n ", "en", SP(0, 9, "PER"), END);
	out = write_conll(&a, 1, DESK_SCHEME_IOB2, &w);
	lines_are(out, "-DOCSTART- O\n\n");
	assert_int_equal(w.n, 1);
	free(out);
	format_pool_free(&a.pool);
}
/* --- The tokenizer (text/tokens.c) ---------------------------------------- */

/* The tokens of s joined by "|". */
static void
tokens_are(const char *s, int english, const char *want)
{
	desk_text *t = NULL;
	desk_range *v = NULL;
	size_t n = 0, cap = 0, at = 0;
	char got[1024];

	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_int_equal(tokens_split(&v, &n, &cap, t, 0, desk_text_len(t), english), DESK_OK);
	got[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t b = desk_text_byte(t, v[i].start), e = desk_text_byte(t, v[i].end);

		assert_true(at + (e - b) + 2 < sizeof got);
		at += (size_t)snprintf(got + at, sizeof got - at, "%s%.*s", i ? "|" : "",
		                       (int)(e - b), s + b);
	}
	if (strcmp(got, want) != 0)
		fail_msg("tokens of \"%s\": %s, wanted %s", s, got, want);
	free(v);
	desk_text_free(t);
}

static void
test_tokens(void **state)
{
	(void)state;
	/* English: clitics, abbreviations, numbers, runs of one mark, symbols, emoji. */
	tokens_are("O'Neil's rock'n'roll can't", 1, "O'Neil|'s|rock'n'roll|ca|n't");
	tokens_are("n't 's", 1, "n't|'|s"); /* a clitic needs its word */
	tokens_are("\xe2\x80\x9cHi\xe2\x80\xa6\xe2\x80\x9d (Reuters)", 1,
	           "\xe2\x80\x9c|Hi|\xe2\x80\xa6|\xe2\x80\x9d|(|Reuters|)");
	tokens_are("$5.50, 20%!! -- e.g. U.S.-based J. Smith.", 1,
	           "$|5.50|,|20|%|!!|--|e.g.|U.S.-based|J.|Smith|.");
	tokens_are("emoji\xf0\x9f\x98\x80 \xf0\x9f\x87\xbb\xf0\x9f\x87\xb3!", 1,
	           "emoji|\xf0\x9f\x98\x80|\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3|!");
	tokens_are("a\tb\xc2\xa0"
	           "c\xe2\x80\x8b"
	           "d\x1b"
	           "e",
	           1, "a|b|c|d|e");
	/* Vietnamese: syllables, punctuation off, no clitics. */
	tokens_are("TP.HCM, Q.1 ngày 19-8-2005. (Ảnh: TTXVN) don't", 0,
	           "TP.HCM|,|Q.1|ngày|19-8-2005|.|(|Ảnh|:|TTXVN|)|don't");
	tokens_are("Bà Nguyễn Thị Lan, 38 tuổi...", 0, "Bà|Nguyễn|Thị|Lan|,|38|tuổi|...");
	/* A combining mark on punctuation stays with it. */
	tokens_are("a .\xcc\x81 b", 0, "a|.\xcc\x81|b");
	tokens_are("", 1, "");
	tokens_are(" \n\t ", 0, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_iob2),     cmocka_unit_test(test_read_docstart_iob1),
	    cmocka_unit_test(test_read_bioes),    cmocka_unit_test(test_read_refused),
	    cmocka_unit_test(test_write_english), cmocka_unit_test(test_write_vietnamese),
	    cmocka_unit_test(test_write_nested),  cmocka_unit_test(test_write_edge_in_token),
	    cmocka_unit_test(test_write_schemes), cmocka_unit_test(test_write_sentence_cross),
	    cmocka_unit_test(test_tokens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
