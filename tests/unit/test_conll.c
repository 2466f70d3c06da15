/*
 * test_conll.c - the CoNLL format (formats/conll.c) and its tokenizer
 * (text/tokens.c): reading every tag scheme and refusing bad sequences with
 * their line, writing hand-built documents (English and Vietnamese
 * tokenization, nested spans, an edge inside a token, each scheme), round
 * trips of the shared CoNLL files, and the CoNLL shared tasks' conlleval
 * script on the writer's output.  Output is checked by a small parser of
 * this file's own, not by the reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "formats/format.h"
#include "internal.h"

/* ../shared/datasets next to the source tree, or $COPYDESK_DATASETS. */
static const char *
datasets(void)
{
	static char path[1024];
	struct stat sb;
	const char *env = getenv("COPYDESK_DATASETS");

	snprintf(path, sizeof path, "%s", FIXTURES "/../../../shared/datasets");
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return path;
	if (env != NULL && stat(env, &sb) == 0 && S_ISDIR(sb.st_mode))
		return env;
	return NULL;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* --- Reading ------------------------------------------------------------ */

typedef struct warned warned;
struct warned {
	int n;
	int64_t start[16], end[16];
	char msg[16][256];
};
static char *write_conll(const format_article *a, size_t n, desk_scheme scheme, warned *w);
static void lines_are(const char *out, const char *want);

typedef struct notes_seen {
	int n;
	int64_t line;
	char msg[512];
} notes_seen;

static void
on_note(void *ctx, int64_t line, const char *msg)
{
	notes_seen *ns = ctx;

	ns->n++;
	ns->line = line;
	snprintf(ns->msg, sizeof ns->msg, "%s", msg);
}

/* Read a CoNLL file's bytes as the importer does (normalised, NFC). */
static int
read_conll(format_article **out, size_t *n, const char *data, size_t len, notes_seen *ns,
           format_error *err)
{
	format_notes notes = {on_note, ns};
	char *buf = NULL;
	size_t blen = 0;
	int rc;

	memset(err, 0, sizeof *err);
	if ((rc = format_normalize(&buf, &blen, data, len, 1, err)) != DESK_OK)
		return rc;
	return fmt_conll_read(out, n, buf, blen, &notes, err);
}

static void
read_ok(format_article **out, size_t *n, const char *data, notes_seen *ns)
{
	format_error err;
	int rc = read_conll(out, n, data, strlen(data), ns, &err);

	if (rc != DESK_OK)
		fail_msg("refused at %lld:%lld: %s", (long long)err.line, (long long)err.column,
		         err.msg);
}

/* The refusal of data: its line and column (0: any), and a piece of its reason. */
static void
read_refused(const char *data, int64_t line, int64_t column, const char *reason)
{
	format_article *arts = NULL;
	size_t n = 0;
	notes_seen ns = {0};
	format_error err;

	assert_int_equal(read_conll(&arts, &n, data, strlen(data), &ns, &err), DESK_INVALID);
	assert_null(arts);
	assert_int_equal(n, 0);
	if (err.line != line || (column > 0 && err.column != column) ||
	    strstr(err.msg, reason) == NULL)
		fail_msg("refused at %lld:%lld (%s), expected %lld:%lld (%s)", (long long)err.line,
		         (long long)err.column, err.msg, (long long)line, (long long)column,
		         reason);
}

/* Span i of a: [start, end) with its label and text. */
static void
span_is(const format_article *a, size_t i, int64_t start, int64_t end, const char *label,
        const char *text)
{
	assert_true(i < a->nspans);
	assert_int_equal(a->spans[i].start, start);
	assert_int_equal(a->spans[i].end, end);
	assert_string_equal(a->spans[i].label, label);
	assert_string_equal(a->spans[i].text, text);
}

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
on_warn(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	warned *w = s->warn_ctx;

	(void)a;
	if (w->n < 16) {
		w->start[w->n] = start;
		w->end[w->n] = end;
		snprintf(w->msg[w->n], sizeof w->msg[w->n], "%s", msg);
	}
	w->n++;
}

/* The writer's output for n documents in a scheme (malloc'ed). */
static char *
write_conll(const format_article *a, size_t n, desk_scheme scheme, warned *w)
{
	desk_export_opts opts;
	format_info info;
	format_sink s;
	char *out = NULL;
	size_t len = 0;

	memset(&opts, 0, sizeof opts);
	memset(&info, 0, sizeof info);
	memset(&s, 0, sizeof s);
	opts.format = DESK_FORMAT_CONLL;
	opts.scheme = scheme;
	info.opts = &opts;
	s.info = &info;
	s.warn = on_warn;
	s.warn_ctx = w;
	assert_non_null(s.f = open_memstream(&out, &len));
	assert_int_equal(fmt_conll_writer.begin(&s), DESK_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fmt_conll_writer.article(&s, &a[i]), DESK_OK);
	assert_int_equal(fmt_conll_writer.end(&s), DESK_OK);
	assert_int_equal(fclose(s.f), 0);
	return out;
}

/* A document of body with spans given as (start, end, label) triples, ending with a NULL label. */
static void
doc(format_article *a, const char *body, const char *lang, ...)
{
	va_list ap;
	size_t n = 0;

	memset(a, 0, sizeof *a);
	a->in.body = body;
	a->in.body_len = strlen(body);
	a->in.lang = lang;
	a->spans = format_pool_alloc(&a->pool, 16 * sizeof *a->spans);
	va_start(ap, lang);
	for (;;) {
		int64_t s = va_arg(ap, int64_t), e = va_arg(ap, int64_t);
		const char *label = va_arg(ap, const char *);

		if (label == NULL)
			break;
		a->spans[n].start = s;
		a->spans[n].end = e;
		a->spans[n].label = label;
		n++;
	}
	va_end(ap);
	a->nspans = n;
}

#define SP(s, e, l) (int64_t)(s), (int64_t)(e), (const char *)(l)
#define END         SP(0, 0, NULL)

/* Check out's lines against want (the same text), naming the first that differs. */
static void
lines_are(const char *out, const char *want)
{
	if (strcmp(out, want) != 0)
		fail_msg("output:\n%s\nwanted:\n%s", out, want);
}

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

/* --- Round trips and an independent parser ------------------------------- */

/* A CoNLL file as (token, tag) pairs and sentence ends, parsed here without the reader. */
typedef struct parsed {
	char **tok, **tag;
	int *send; /* a sentence ends after this token */
	size_t n, cap;
	int docstarts;
} parsed;

static void
parsed_free(parsed *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->tok[i]);
		free(p->tag[i]);
	}
	free(p->tok);
	free(p->tag);
	free(p->send);
	memset(p, 0, sizeof *p);
}

static void
parse_conll(parsed *p, const char *s)
{
	memset(p, 0, sizeof *p);
	while (*s) {
		const char *nl = strchr(s, '\n'), *end = nl ? nl : s + strlen(s);
		char line[4096], *f[64], *save = NULL;
		size_t nf = 0, len = (size_t)(end - s);

		assert_true(len < sizeof line);
		memcpy(line, s, len);
		line[len] = '\0';
		s = nl ? nl + 1 : end;
		for (char *t = strtok_r(line, " \t", &save); t && nf < 64;
		     t = strtok_r(NULL, " \t", &save))
			f[nf++] = t;
		if (nf == 0 || strcmp(f[0], "-DOCSTART-") == 0) {
			if (p->n > 0)
				p->send[p->n - 1] = 1;
			p->docstarts += nf > 0;
			continue;
		}
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 256;
			p->tok = realloc(p->tok, p->cap * sizeof *p->tok);
			p->tag = realloc(p->tag, p->cap * sizeof *p->tag);
			p->send = realloc(p->send, p->cap * sizeof *p->send);
		}
		p->tok[p->n] = strdup(f[0]);
		p->tag[p->n] = strdup(f[nf - 1]);
		p->send[p->n] = 0;
		p->n++;
	}
	if (p->n > 0)
		p->send[p->n - 1] = 1;
}

/* IOB1 tags to IOB2 (an I- starting a chunk becomes B-), independently of the reader. */
static void
iob1_to_iob2(parsed *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *prev = i > 0 && !p->send[i - 1] ? p->tag[i - 1] : "O";

		if (p->tag[i][0] == 'I' && (prev[0] == 'O' || strcmp(prev + 1, p->tag[i] + 1) != 0))
			p->tag[i][0] = 'B';
	}
}

/* Both files have the same tokens, tags and sentence ends. */
static void
same_tokens_tags(const parsed *a, const parsed *b, const char *name)
{
	if (a->n != b->n)
		fail_msg("%s: %zu tokens, then %zu", name, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->tok[i], b->tok[i]) != 0 || strcmp(a->tag[i], b->tag[i]) != 0 ||
		    a->send[i] != b->send[i])
			fail_msg("%s: token %zu: %s %s%s, then %s %s%s", name, i + 1, a->tok[i],
			         a->tag[i], a->send[i] ? " (end)" : "", b->tok[i], b->tag[i],
			         b->send[i] ? " (end)" : "");
}

/* The shared CoNLL files, the scheme to write them back in, and whether they are IOB1. */
static const struct {
	const char *path;
	desk_scheme scheme;
	int iob1, articles;
} shared_files[] = {
    {"conll2003-like/allennlp_conll2003.txt", DESK_SCHEME_IOB1, 1, 2},
    {"conll2003-like/spacy_ner-token-per-line-conll2003.iob", DESK_SCHEME_IOB2, 0, 1},
    {"conll2003-like/ncrfpp_iobes/dev.bmes", DESK_SCHEME_BIOES, 0, 7},
    {"conll2003-like/ncrfpp_iobes/dev.cappos.bmes", DESK_SCHEME_BIOES, 0, 0},
    {"conll2003-like/phonlp_vi/ner_test.txt", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/test_sequence_labeling.conll", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/test_labeling.trailing.conll", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/import_sequence_labeling_conll.txt", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/doccano_transformer/labeling.conll2003.user1", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/doccano_transformer/labeling.conll2003.user2", DESK_SCHEME_IOB2, 0, 2},
    {"doccano/doccano_transformer/labeling_text_label.conll2003.user0", DESK_SCHEME_IOB2, 0, 2},
};

/* The shared files that are not CoNLL NER files, refused at their first line. */
static void
test_refused_shared(void **state)
{
	static const struct {
		const char *path, *reason;
		int64_t line;
	} bad[] = {
	    {"doccano/test_labeling.invalid.conll", "\"SOCCERO\" is not a tag", 1},
	    {"conll2003-like/phonlp_vi/pos_test.txt", "is not a tag", 1},
	    {"doccano/export_sequence_labeling.jsonl", "", 1},
	};
	const char *dir = datasets();
	char path[1200];

	(void)state;
	if (dir == NULL)
		skip();
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		format_article *a = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		char *data;

		snprintf(path, sizeof path, "%s/%s", dir, bad[i].path);
		assert_non_null(data = slurp(path, &len));
		assert_int_equal(read_conll(&a, &n, data, len, &ns, &err), DESK_INVALID);
		assert_null(a);
		if (err.line != bad[i].line || strstr(err.msg, bad[i].reason) == NULL)
			fail_msg("%s: refused at %lld (%s)", path, (long long)err.line, err.msg);
		free(data);
	}
}

/* Read a shared file and write it back: the same tokens and tags. */
static void
test_roundtrip_shared(void **state)
{
	const char *dir = datasets();
	char path[1200];

	(void)state;
	if (dir == NULL)
		skip();
	for (size_t f = 0; f < sizeof shared_files / sizeof *shared_files; f++) {
		format_article *a = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		warned w = {0};
		parsed in, out, again;
		char *data, *written, *nfc = NULL;
		size_t nfclen = 0;

		snprintf(path, sizeof path, "%s/%s", dir, shared_files[f].path);
		assert_non_null(data = slurp(path, &len));
		if (read_conll(&a, &n, data, len, &ns, &err) != DESK_OK)
			fail_msg("%s refused at %lld:%lld: %s", path, (long long)err.line,
			         (long long)err.column, err.msg);
		if (shared_files[f].articles > 0)
			assert_int_equal(n, shared_files[f].articles);
		assert_int_equal(ns.n > 0, shared_files[f].iob1 ||
		                               shared_files[f].scheme == DESK_SCHEME_BIOES);
		written = write_conll(a, n, shared_files[f].scheme, &w);
		assert_int_equal(w.n, 0);
		assert_int_equal(format_normalize(&nfc, &nfclen, data, len, 1, &err), DESK_OK);
		parse_conll(&in, nfc);
		parse_conll(&out, written);
		assert_int_equal(out.docstarts, (int)n);
		same_tokens_tags(&in, &out, path);
		parsed_free(&out);
		free(written);
		/* IOB2 by default: the IOB1 file's tags as IOB2. */
		if (shared_files[f].iob1) {
			written = write_conll(a, n, DESK_SCHEME_IOB2, &w);
			iob1_to_iob2(&in);
			parse_conll(&out, written);
			same_tokens_tags(&in, &out, path);
			parsed_free(&out);
			free(written);
		}
		/* The writer's output read again gives the same output. */
		written = write_conll(a, n, shared_files[f].scheme, &w);
		format_articles_free(a, n);
		assert_int_equal(read_conll(&a, &n, written, strlen(written), &ns, &err), DESK_OK);
		parse_conll(&out, written);
		free(written);
		written = write_conll(a, n, shared_files[f].scheme, &w);
		parse_conll(&again, written);
		same_tokens_tags(&out, &again, path);
		parsed_free(&again);
		parsed_free(&out);
		parsed_free(&in);
		free(written);
		free(nfc);
		free(data);
		format_articles_free(a, n);
	}
}

/* --- conlleval ------------------------------------------------------------ */

/* The conlleval script: $CONLLEVAL, or tests/tools/conlleval/conlleval.pl (see its README). */
static const char *
conlleval(void)
{
	static char path[1024];
	const char *env = getenv("CONLLEVAL");

	snprintf(path, sizeof path, "%s", env ? env : FIXTURES "/../tools/conlleval/conlleval.pl");
	if (access(path, R_OK) != 0 || system("perl -e 1 >/dev/null 2>&1") != 0)
		return NULL;
	return path;
}

/*
 * Run conlleval on the writer's output with its own tags as the predictions
 * (each line's last column repeated): it must take every line and score
 * 100%, with as many phrases as the output has chunks.
 */
static void
conlleval_full_marks(const char *script, const char *written, const char *name)
{
	char in[] = "/tmp/test_conll_XXXXXX", cmd[2300], report[4096], want[256];
	parsed p;
	size_t tokens = 0, chunks = 0, got;
	int fd = mkstemp(in);
	FILE *f, *r;

	assert_true(fd >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	for (const char *s = written; *s;) {
		const char *nl = strchr(s, '\n'), *sp;

		assert_non_null(nl);
		if (nl > s) {
			for (sp = nl; sp > s && sp[-1] != ' '; sp--)
				;
			fprintf(f, "%.*s %.*s\n", (int)(nl - s), s, (int)(nl - sp), sp);
		} else
			putc('\n', f);
		s = nl + 1;
	}
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof cmd, "perl '%s' < '%s' 2>&1", script, in);
	assert_non_null(r = popen(cmd, "r"));
	got = fread(report, 1, sizeof report - 1, r);
	report[got] = '\0';
	assert_int_equal(pclose(r), 0);
	unlink(in);
	parse_conll(&p, written);
	tokens = p.n + (size_t)p.docstarts; /* conlleval counts -DOCSTART- lines as tokens */
	for (size_t i = 0; i < p.n; i++)
		chunks += p.tag[i][0] == 'B' ||
		          (p.tag[i][0] == 'I' && (i == 0 || p.send[i - 1] ||
		                                  strcmp(p.tag[i - 1] + 1, p.tag[i] + 1) != 0));
	parsed_free(&p);
	snprintf(want, sizeof want,
	         "processed %zu tokens with %zu phrases; found: %zu phrases; correct: %zu.", tokens,
	         chunks, chunks, chunks);
	if (strstr(report, want) == NULL || strstr(report, "accuracy: 100.00%") == NULL ||
	    (chunks > 0 && strstr(report, "FB1: 100.00") == NULL))
		fail_msg("%s: conlleval said:\n%s\nwanted: %s", name, report, want);
}

static void
test_conlleval(void **state)
{
	const char *script = conlleval(), *dir = datasets();
	format_article a[2];
	warned w = {0};
	char *out, path[1200];

	(void)state;
	if (script == NULL)
		skip();
	doc(&a[0], "Ann Lee Bob met Sue in New York City. The U.S. economy grew 3.5% in 2024.",
	    "en", SP(0, 7, "PER"), SP(8, 11, "PER"), SP(16, 19, "PER"), SP(23, 36, "LOC"),
	    SP(42, 46, "GPE"), SP(68, 72, "DATE"), END);
	doc(&a[1], "Bệnh nhân 91 ở TP.HCM, Hà Nội.\nPhi công người Anh.", "vi", SP(15, 21, "LOC"),
	    SP(23, 29, "LOC"), SP(31, 39, "JOB"), SP(46, 49, "LOC"), END);
	for (desk_scheme sc = DESK_SCHEME_IOB2; sc <= DESK_SCHEME_IOB1; sc++) {
		out = write_conll(a, 2, sc, &w);
		conlleval_full_marks(script, out, "hand-built");
		free(out);
	}
	assert_int_equal(w.n, 0);
	format_pool_free(&a[0].pool);
	format_pool_free(&a[1].pool);
	for (size_t f = 0; dir != NULL && f < sizeof shared_files / sizeof *shared_files; f++) {
		format_article *arts = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		char *data;

		snprintf(path, sizeof path, "%s/%s", dir, shared_files[f].path);
		assert_non_null(data = slurp(path, &len));
		assert_int_equal(read_conll(&arts, &n, data, len, &ns, &err), DESK_OK);
		for (desk_scheme sc = DESK_SCHEME_IOB2; sc <= DESK_SCHEME_IOB1; sc++) {
			out = write_conll(arts, n, sc, &w);
			conlleval_full_marks(script, out, path);
			free(out);
		}
		format_articles_free(arts, n);
		free(data);
	}
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
	    cmocka_unit_test(test_read_iob2),        cmocka_unit_test(test_read_docstart_iob1),
	    cmocka_unit_test(test_read_bioes),       cmocka_unit_test(test_read_refused),
	    cmocka_unit_test(test_write_english),    cmocka_unit_test(test_write_vietnamese),
	    cmocka_unit_test(test_write_nested),     cmocka_unit_test(test_write_edge_in_token),
	    cmocka_unit_test(test_write_schemes),    cmocka_unit_test(test_write_sentence_cross),
	    cmocka_unit_test(test_roundtrip_shared), cmocka_unit_test(test_refused_shared),
	    cmocka_unit_test(test_conlleval),        cmocka_unit_test(test_tokens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
