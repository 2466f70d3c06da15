/*
 * test_brat.c - brat's standoff format: the writer's files (.txt, .ann,
 * annotation.conf, visual.conf) checked by an independent reader here and
 * by brat's own parser (tests/tools/brat), the reader on hand-built pairs
 * (notes, refusals, CR LF, NFD, BOM), round trips of the shared brat
 * samples (test_brat_conf.c: annotation.conf read as a label set).
 */
#include <dirent.h>
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
#include <jansson.h>
#include <unistr.h>

#include "formats/format.h"
#include "internal.h"

#define BRAT_CHECK FIXTURES "/../tools/brat/brat_check.py"

#include "brat_util.h"

static char *
tmpdir(void)
{
	char *t = strdup("/tmp/test_brat.XXXXXX");

	assert_non_null(mkdtemp(t));
	return t;
}

static void
rmdir_all(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	while (dp && (e = readdir(dp)) != NULL) {
		char p[1024];

		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

/*
 * The independent check: every T line's text, taken by length after its
 * TAB as brat takes it, equals the .txt's code points at its offsets
 * joined by a space; no .ann line holds a line break brat would split at.
 * Returns the number of T lines checked.
 */
static int
check_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int nt = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name), tl, al, ncp;
		char p[1024], *txt, *ann;
		uint32_t *cp;

		if (n < 5 || strcmp(e->d_name + n - 4, ".ann") != 0)
			continue;
		snprintf(p, sizeof p, "%s/%.*s.txt", dir, (int)(n - 4), e->d_name);
		assert_non_null(txt = slurp(p, &tl));
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		assert_non_null(ann = slurp(p, &al));
		assert_non_null(cp = u8_to_u32((const uint8_t *)txt, tl, NULL, &ncp));
		for (char *line = ann, *nl; *line; line = nl + 1) {
			char *tab, *tab2, *frag;
			size_t want = 0;
			uint32_t *ref = NULL;

			assert_non_null(nl = strchr(line, '\n'));
			*nl = '\0';
			for (const uint8_t *q = (const uint8_t *)line; *q;) {
				ucs4_t c;

				q += u8_mbtouc(&c, q, strlen((const char *)q));
				assert_false(c == '\r' || c == 0x0B || c == 0x0C ||
				             (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
				             c == 0x2029);
			}
			if (line[0] != 'T')
				continue;
			nt++;
			assert_non_null(tab = strchr(line, '\t'));
			assert_non_null(tab2 = strchr(tab + 1, '\t'));
			*tab2 = '\0';
			frag = strchr(tab + 1, ' ') + 1;
			for (char *f = strtok(frag, ";"); f; f = strtok(NULL, ";")) {
				long s, en;

				assert_int_equal(sscanf(f, "%ld %ld", &s, &en), 2);
				assert_true(s >= 0 && s <= en && (size_t)en <= ncp);
				ref = realloc(ref, (want + (size_t)(en - s) + 1) * sizeof *ref);
				if (want > 0)
					ref[want++] = ' ';
				memcpy(ref + want, cp + s, (size_t)(en - s) * sizeof *ref);
				want += (size_t)(en - s);
			}
			{
				size_t got;
				uint32_t *t = u8_to_u32((const uint8_t *)tab2 + 1, strlen(tab2 + 1),
				                        NULL, &got);

				assert_int_equal(got, want);
				assert_memory_equal(t, ref, want * sizeof *ref);
				free(t);
			}
			free(ref);
		}
		free(cp);
		free(txt);
		free(ann);
	}
	closedir(dp);
	return nt;
}

/* brat's own parser over the directory, when python3 is there. */
static void
brat_check(const char *dir)
{
	char cmd[2048];

	if (system("python3 -c '' >/dev/null 2>&1") != 0 ||
	    access(FIXTURES "/../tools/brat/annotation.py", R_OK) != 0) {
		fprintf(stderr,
		        "# python3 or tests/tools/brat/annotation.py missing: brat's parser "
		        "not run\n");
		return;
	}
	snprintf(cmd, sizeof cmd, "python3 '%s' '%s' >&2", BRAT_CHECK, dir);
	assert_int_equal(system(cmd), 0);
}

static desk *
open_desk(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

/* Write articles a[0..n) into dir as an export would. */
static void
write_dir(desk *d, const char *dir, format_article *a, size_t n)
{
	desk_labels *l = NULL;
	desk_verdicts *v = NULL;
	desk_export_opts opts = {0};
	format_info info = {0};
	format_sink s = {0};

	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	info.labels = l;
	info.verdicts = v;
	info.opts = &opts;
	s.dir = dir;
	s.info = &info;
	assert_int_equal(fmt_brat_writer.begin(&s), DESK_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fmt_brat_writer.article(&s, &a[i]), DESK_OK);
	if (fmt_brat_writer.end)
		assert_int_equal(fmt_brat_writer.end(&s), DESK_OK);
	desk_labels_free(l);
	desk_verdicts_free(v);
}

static void
article_init(format_article *a, int64_t id, const char *body)
{
	memset(a, 0, sizeof *a);
	a->id = id;
	assert_non_null(a->mem = strdup(body));
	a->in.body = a->mem;
	a->in.body_len = strlen(body);
}

/* Notes collected: "LINE:message" a line each. */
typedef struct notes_buf {
	char s[8192];
	int n;
} notes_buf;

static void
note_cb(void *ctx, int64_t line, const char *msg)
{
	notes_buf *b = ctx;
	size_t k = strlen(b->s);

	snprintf(b->s + k, sizeof b->s - k, "%lld:%s\n", (long long)line, msg);
	b->n++;
}

static int
read_pair(format_article **out, const char *txt, const char *ann, notes_buf *nb, format_error *err,
          int *in_ann)
{
	format_notes notes = {note_cb, nb};
	size_t n = 0;

	return fmt_brat_read_pair(out, &n, "doc", txt, strlen(txt), ann, ann ? strlen(ann) : 0,
	                          nb ? &notes : NULL, err, in_ann);
}

static void
test_escape(void **state)
{
	const char *in = "a\\b\tc\nd\re|f\xe2\x80\xa8g\x1b h";
	fmt_brat_buf b = {0};
	char *copy;

	(void)state;
	assert_int_equal(fmt_brat_escape(&b, in, 1), DESK_OK);
	assert_string_equal(b.s, "a\\\\b\\tc\\nd\\re\\|f\\u2028g\\u001B h");
	assert_non_null(copy = strdup(b.s));
	fmt_brat_unescape(copy);
	assert_string_equal(copy, in);
	free(copy);
	free(b.s);
}

/* The document every writer test uses: spans, an entity, a claim across a line break. */
static void
sample_article(format_article *a)
{
	/* "Hà Nội" 0-6, "Donald Trump" 17-29, the claim 30-58 across the \n at 43. */
	static const char body[] = "Hà Nội, ngày 2.\n"
	                           "\n"
	                           "Donald Trump said GDP grew\n"
	                           "by 8% in 2025.\t(AP)\n";
	format_span *s;
	format_claim *c;
	format_entity *e;

	article_init(a, 42, body);
	assert_non_null(s = format_pool_alloc(&a->pool, 3 * sizeof *s));
	assert_non_null(e = format_pool_alloc(&a->pool, 2 * sizeof *e));
	assert_non_null(c = format_pool_alloc(&a->pool, sizeof *c));
	e[0] = (format_entity){.id = 7, .name = "Hà Nội\tcapital", .external_id = "Q1858"};
	e[1] = (format_entity){.id = 9, .name = "Donald Trump", .external_id = ""};
	s[0] = (format_span){.start = 0, .end = 6, .label = "LOC", .entity = 7};
	s[1] = (format_span){.start = 17, .end = 29, .label = "PER", .entity = 9};
	s[2] = (format_span){.start = 35, .end = 49, .label = "MISC"}; /* "GDP grew\nby 8%" */
	c[0] = (format_claim){.start = 30,
	                      .end = 58,
	                      .verdict = "mostly-true",
	                      .status = "verified",
	                      .note = "checked\nwith the GSO"};
	assert_non_null(c[0].evidence = format_pool_alloc(&a->pool, sizeof *c[0].evidence));
	c[0].evidence[0] = (format_evidence){.source = "https://gso.gov.vn/a|b",
	                                     .quote = "GDP rose 8.02%",
	                                     .consulted = "2026-01-05"};
	c[0].nevidence = 1;
	a->spans = s;
	a->nspans = 3;
	a->entities = e;
	a->nentities = 2;
	a->claims = c;
	a->nclaims = 1;
}

static void
test_write(void **state)
{
	static const char want[] =
	    "T1\tLOC 0 6\tHà Nội\n"
	    "T2\tPER 17 29\tDonald Trump\n"
	    "T3\tMISC 35 43;44 49\tGDP grew by 8%\n"
	    "N1\tReference T1 Wikidata:Q1858\tHà Nội\\tcapital\n"
	    "N2\tReference T2 copydesk:9\tDonald Trump\n"
	    "T4\tClaim 30 43;44 58\tsaid GDP grew by 8% in 2025.\n"
	    "A1\tVerdict T4 mostly-true\n"
	    "A2\tStatus T4 verified\n"
	    "#1\tAnnotatorNotes T4\tchecked\\nwith the GSO\n"
	    "#2\tAnnotatorNotes T4\tEvidence: https://gso.gov.vn/a\\|b | GDP "
	    "rose 8.02% | 2026-01-05\n";
	desk *d = open_desk();
	char *dir = tmpdir(), p[512], *s;
	format_article a;

	(void)state;
	sample_article(&a);
	write_dir(d, dir, &a, 1);
	snprintf(p, sizeof p, "%s/42.txt", dir);
	assert_non_null(s = slurp(p, NULL));
	assert_string_equal(s, a.in.body);
	free(s);
	snprintf(p, sizeof p, "%s/42.ann", dir);
	assert_non_null(s = slurp(p, NULL));
	assert_string_equal(s, want);
	free(s);
	snprintf(p, sizeof p, "%s/annotation.conf", dir);
	assert_non_null(s = slurp(p, NULL));
	assert_non_null(strstr(s, "[entities]\n\nPER\nORG\nLOC\n"));
	assert_non_null(strstr(s, "Claim\n\n[relations]\n"));
	assert_non_null(strstr(s, "[events]\n\n[attributes]\n\n"));
	assert_non_null(strstr(s, "Verdict\tArg:Claim, Value:true|mostly-true|"));
	assert_non_null(strstr(s, "Status\tArg:Claim, Value:check|proposed|verified|disputed\n"));
	free(s);
	snprintf(p, sizeof p, "%s/visual.conf", dir);
	assert_non_null(s = slurp(p, NULL));
	/* PER: color256 203 = cube (5,1,1) = #ff5f5f. */
	assert_non_null(strstr(s, "PER\tfgColor:black, bgColor:#ff5f5f, borderColor:darken\n"));
	assert_non_null(strstr(s, "Verdict\tglyph:t|m|"));
	free(s);
	assert_int_equal(check_dir(dir), 4);
	brat_check(dir);
	format_article_clear(&a);
	rmdir_all(dir);
	free(dir);
	desk_close(d);
}

/* What the writer wrote comes back: spans, entities, the claim with its research. */
static void
test_write_read(void **state)
{
	desk *d = open_desk();
	char *dir = tmpdir(), p[512], *txt, *ann;
	format_article a, *b = NULL;
	format_error err = {0};
	notes_buf nb = {0};
	int in_ann;

	(void)state;
	sample_article(&a);
	write_dir(d, dir, &a, 1);
	snprintf(p, sizeof p, "%s/42.txt", dir);
	assert_non_null(txt = slurp(p, NULL));
	snprintf(p, sizeof p, "%s/42.ann", dir);
	assert_non_null(ann = slurp(p, NULL));
	assert_int_equal(read_pair(&b, txt, ann, &nb, &err, &in_ann), DESK_OK);
	assert_int_equal(nb.n, 0); /* nothing lost: line-split fragments are one span */
	assert_string_equal(b->in.body, a.in.body);
	assert_string_equal(b->in.title, "doc");
	assert_int_equal(b->nspans, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(b->spans[i].start, a.spans[i].start);
		assert_int_equal(b->spans[i].end, a.spans[i].end);
		assert_string_equal(b->spans[i].label, a.spans[i].label);
	}
	assert_string_equal(b->spans[2].text, "GDP grew\nby 8%");
	assert_int_equal(b->nentities, 2);
	assert_string_equal(b->entities[0].name, "Hà Nội\tcapital");
	assert_string_equal(b->entities[0].external_id, "Q1858");
	assert_string_equal(b->entities[1].external_id, "");
	assert_int_equal(b->spans[0].entity, b->entities[0].id);
	assert_int_equal(b->spans[1].entity, b->entities[1].id);
	assert_int_equal(b->spans[2].entity, 0);
	assert_int_equal(b->nclaims, 1);
	assert_int_equal(b->claims[0].start, 30);
	assert_int_equal(b->claims[0].end, 58);
	assert_string_equal(b->claims[0].verdict, "mostly-true");
	assert_string_equal(b->claims[0].status, "verified");
	assert_string_equal(b->claims[0].note, "checked\nwith the GSO");
	assert_int_equal(b->claims[0].nevidence, 1);
	assert_string_equal(b->claims[0].evidence[0].source, "https://gso.gov.vn/a|b");
	assert_string_equal(b->claims[0].evidence[0].quote, "GDP rose 8.02%");
	assert_string_equal(b->claims[0].evidence[0].consulted, "2026-01-05");
	format_articles_free(b, 1);
	format_article_clear(&a);
	free(txt);
	free(ann);
	rmdir_all(dir);
	free(dir);
	desk_close(d);
}

/* A span of line breaks only cannot be written; it is left out with a warning. */
static int warned;
static void
warn_cb(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	(void)s;
	(void)a;
	(void)msg;
	assert_int_equal(start, 1);
	assert_int_equal(end, 3);
	warned++;
}

static void
test_write_breaks_only(void **state)
{
	desk *d = open_desk();
	desk_labels *l = NULL;
	desk_verdicts *v = NULL;
	char *dir = tmpdir(), p[512], *s;
	format_info info = {0};
	format_sink sink = {0};
	format_article a;
	format_span sp[2] = {{.start = 1, .end = 3, .label = "PER"},
	                     {.start = 3, .end = 9, .label = "ORG"}};

	(void)state;
	article_init(&a, 5,
	             "a\n\xe2\x80\xa8"
	             "b\x0c"
	             "cd\x1e"
	             "e");
	a.spans = sp;
	a.nspans = 2;
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	info.labels = l;
	info.verdicts = v;
	sink.dir = dir;
	sink.info = &info;
	sink.warn = warn_cb;
	warned = 0;
	assert_int_equal(fmt_brat_writer.article(&sink, &a), DESK_OK);
	assert_int_equal(warned, 1);
	snprintf(p, sizeof p, "%s/5.ann", dir);
	assert_non_null(s = slurp(p, NULL));
	/* b, FF, cd, RS, e: FF and RS end lines for brat's reader. */
	assert_string_equal(s, "T1\tORG 3 4;5 7;8 9\tb cd e\n");
	free(s);
	check_dir(dir);
	brat_check(dir);
	a.spans = NULL;
	format_article_clear(&a);
	desk_labels_free(l);
	desk_verdicts_free(v);
	rmdir_all(dir);
	free(dir);
	desk_close(d);
}

/* What copydesk does not model is noted with the line; discontinuous spans as fragments. */
static void
test_read_notes(void **state)
{
	static const char txt[] = "Citibank moved $100 million to banks in Switzerland.\n";
	static const char ann[] = "T1\tORG 0 8\tCitibank\n"
	                          "T2\tMONEY 15 27\t$100 million\n"
	                          "T3\tMove 9 14\tmoved\n"
	                          "E1\tMove:T3 Giver:T1\n"
	                          "R1\tOrigin Arg1:T1 Arg2:T4\t\n"
	                          "T4\tLOC 40 51\tSwitzerland\n"
	                          "*\tAlias T1 T4\n"
	                          "A1\tNegated T1\n"
	                          "#1\tAnnotatorNotes T2\t100000000 USD\n"
	                          "T5\tORG 0 3; 31 36\tCit banks\n"
	                          "N1\tReference T4 Wikipedia:26748\tSwitzerland\n";
	format_article *a = NULL;
	format_error err = {0};
	notes_buf nb = {0};
	int in_ann;

	(void)state;
	assert_int_equal(read_pair(&a, txt, ann, &nb, &err, &in_ann), DESK_OK);
	assert_non_null(strstr(nb.s, "10:T5: a discontinuous span is imported as its fragments"));
	assert_non_null(strstr(nb.s, "5:1 relations (R lines) not kept"));
	assert_non_null(strstr(nb.s, "4:1 events (E lines) not kept"));
	assert_non_null(strstr(nb.s, "7:1 equivalences (* lines) not kept"));
	assert_non_null(strstr(nb.s, "8:2 attributes, normalisations and notes not kept"));
	assert_int_equal(nb.n, 5);
	/* T1..T4, and T5's two fragments: "Cit" 0-3 and "banks" 31-36. */
	assert_int_equal(a->nspans, 6);
	assert_int_equal(a->spans[0].start, 0);
	assert_int_equal(a->spans[0].end, 3);
	assert_string_equal(a->spans[0].text, "Cit");
	assert_int_equal(a->spans[1].end, 8);
	assert_string_equal(a->spans[4].text, "banks");
	assert_string_equal(a->spans[5].label, "LOC");
	assert_int_equal(a->nentities, 1);
	assert_string_equal(a->entities[0].external_id, "Wikipedia:26748");
	assert_int_equal(a->spans[5].entity, a->entities[0].id);
	assert_int_equal(a->nclaims, 0);
	format_articles_free(a, 1);
}

static void
expect_refused(const char *txt, const char *ann, int64_t line, const char *why, int want_ann)
{
	format_article *a = NULL;
	format_error err = {0};
	int in_ann = -1;

	assert_int_equal(read_pair(&a, txt, ann, NULL, &err, &in_ann), DESK_INVALID);
	assert_null(a);
	assert_int_equal(err.line, line);
	if (strstr(err.msg, why) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", err.msg, why);
	assert_int_equal(in_ann, want_ann);
}

static void
test_read_refused(void **state)
{
	static const char txt[] = "Hello world\n";

	(void)state;
	expect_refused(txt, "T1\tPER 0 5\tHello\nT2\tPER 6 11\tWorld\n", 2, "does not match", 1);
	expect_refused(txt, "T1\tPER 0 50\tHello\n", 1, "outside the text", 1);
	expect_refused(txt, "T1\tPER 0 5\n", 1, "does not match", 1);
	expect_refused(txt, "\nT1\tPER five 5\tHello\n", 2, "offsets must be", 1);
	expect_refused(txt, "T1\tPER 0 5;3 8\tHello lo wo\n", 1, "overlap", 1);
	expect_refused(txt, "T1\tPER 0 5\tHello\nT1\tPER 0 5\tHello\n", 2, "used twice", 1);
	expect_refused(txt, "T1\tPER 0 5\tHello\nX1\tfoo\n", 2, "not a brat annotation", 1);
	expect_refused(txt, "T1 PER 0 5 Hello\n", 1, "TAB", 1);
	expect_refused(txt, "T\tPER 0 5\tHello\n", 1, "not an annotation id", 1);
	expect_refused(txt, "1\tPER 0 5\tHello\n", 1, "not an annotation id", 1);
	expect_refused(txt, "A1\tNegated T9\n", 1, "T9 is not defined", 1);
	expect_refused(txt, "T1\tPER 0 5\tHe\xffllo\n", 1, "UTF-8", 1);
	expect_refused("Hel\xc3lo\n", "T1\tPER 0 3\tHel\n", 1, "UTF-8", 0);
}

/*
 * Offsets as brat counts them: code points of the .txt read with universal
 * newlines (a CR LF is one), a BOM counted; mapped to the NFC, LF body.
 */
static void
test_read_normalised(void **state)
{
	/* View: BOM A \n H e U+0301 l l o \n = 10 code points; body "A\nHéllo\n". */
	static const char txt[] = "\xef\xbb\xbf"
	                          "A\r\nHe\xcc\x81llo\r\n";
	format_article *a = NULL;
	format_error err = {0};
	notes_buf nb = {0};
	int in_ann;

	(void)state;
	assert_int_equal(
	    read_pair(&a, txt, "T1\tPER 3 9\tHe\xcc\x81llo\nT2\tX 1 2\tA\n", &nb, &err, &in_ann),
	    DESK_OK);
	assert_string_equal(a->in.body, "A\nH\xc3\xa9llo\n");
	assert_int_equal(a->nspans, 2);
	assert_int_equal(a->spans[0].start, 0);
	assert_int_equal(a->spans[0].end, 1);
	assert_int_equal(a->spans[1].start, 2);
	assert_int_equal(a->spans[1].end, 7);
	assert_string_equal(a->spans[1].text, "H\xc3\xa9llo");
	assert_int_equal(nb.n, 0);
	format_articles_free(a, 1);
	/* Offsets that count the CR: read as they are, with a note. */
	assert_int_equal(read_pair(&a, txt, "T1\tPER 4 10\tHe\xcc\x81llo\n", &nb, &err, &in_ann),
	                 DESK_OK);
	assert_int_equal(a->spans[0].start, 2);
	assert_int_equal(a->spans[0].end, 7);
	assert_non_null(strstr(nb.s, "CR LF line end as two characters"));
	format_articles_free(a, 1);
	/* An edge between e and its accent: NFC makes one character of them. */
	expect_refused(txt, "T1\tPER 3 5\tHe\n", 1, "normalisation changes", 1);
}

/* A .txt alone: the article, no annotations. */
static void
test_read_txt_alone(void **state)
{
	format_article *a = NULL;
	format_error err = {0};
	int in_ann;

	(void)state;
	assert_int_equal(read_pair(&a, "Just text.\n", NULL, NULL, &err, &in_ann), DESK_OK);
	assert_string_equal(a->in.body, "Just text.\n");
	assert_int_equal(a->nspans, 0);
	format_articles_free(a, 1);
}

/* The T lines of an .ann: "TYPE OFFSETS\tTEXT" strings, one per line, in a. */
static size_t
t_lines(char ***out, const char *ann)
{
	char *copy = strdup(ann), **v = NULL;
	size_t n = 0;

	for (char *l = strtok(copy, "\n"); l; l = strtok(NULL, "\n"))
		if (l[0] == 'T') {
			v = realloc(v, (n + 1) * sizeof *v);
			v[n++] = strdup(strchr(l, '\t') + 1);
		}
	free(copy);
	*out = v;
	return n;
}

static int
has_line(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/*
 * Every brat sample of ../shared/datasets/brat: import then export gives the
 * same text, and every T span at the same offsets (a discontinuous one as
 * its fragments); brat's parser loads the export.
 */
static void
test_datasets(void **state)
{
	static const char *const dirs[] = {"tutorials_news", "CoNLL-ST_2002_esp", "keepha_ja",
	                                   "medkit"};
	desk *d;
	char *out, root[1024];
	int ndocs = 0;
	struct stat st;

	(void)state;
	snprintf(root, sizeof root, "%s/brat", datasets());
	if (stat(root, &st) != 0)
		skip();
	d = open_desk();
	out = tmpdir();
	for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++) {
		char dir[1100];
		DIR *dp;
		struct dirent *e;

		snprintf(dir, sizeof dir, "%s/%s", root, dirs[k]);
		assert_non_null(dp = opendir(dir));
		while ((e = readdir(dp)) != NULL) {
			size_t n = strlen(e->d_name), tl, nt, ne;
			char p[1400], *txt, *ann, *again, **orig, **exp;
			format_article *a = NULL;
			format_error err = {0};
			notes_buf nb = {0};
			int in_ann;

			if (n < 5 || strcmp(e->d_name + n - 4, ".ann") != 0)
				continue;
			snprintf(p, sizeof p, "%s/%.*s.txt", dir, (int)(n - 4), e->d_name);
			if ((txt = slurp(p, &tl)) == NULL)
				continue; /* medkit's 2_augmented_entities.ann has no .txt */
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			assert_non_null(ann = slurp(p, NULL));
			if (read_pair(&a, txt, ann, &nb, &err, &in_ann) != DESK_OK)
				fail_msg("%s:%lld: %s", p, (long long)err.line, err.msg);
			a->id = ++ndocs;
			write_dir(d, out, a, 1);
			snprintf(p, sizeof p, "%s/%d.txt", out, ndocs);
			assert_non_null(again = slurp(p, NULL));
			assert_string_equal(again, txt); /* the samples are NFC with LF ends */
			free(again);
			snprintf(p, sizeof p, "%s/%d.ann", out, ndocs);
			assert_non_null(again = slurp(p, NULL));
			nt = t_lines(&orig, ann);
			ne = t_lines(&exp, again);
			for (size_t i = 0; i < nt; i++) {
				char type[64], *sp = strchr(orig[i], ' '), *frags = sp + 1,
				               *tab = strchr(orig[i], '\t');

				snprintf(type, sizeof type, "%.*s", (int)(sp - orig[i]), orig[i]);
				if (memchr(frags, ';', (size_t)(tab - frags)) == NULL) {
					if (!has_line(exp, ne, orig[i]))
						fail_msg("%s: \"%s\" not exported as it was",
						         e->d_name, orig[i]);
					continue;
				}
				*tab = '\0';
				for (char *f = strtok(frags, ";"); f; f = strtok(NULL, ";")) {
					long s, en;
					int found = 0;
					char want[80];

					assert_int_equal(sscanf(f, "%ld %ld", &s, &en), 2);
					snprintf(want, sizeof want, "%s %ld %ld\t", type, s, en);
					for (size_t j = 0; j < ne; j++)
						found |= strncmp(exp[j], want, strlen(want)) == 0;
					if (!found)
						fail_msg("%s: fragment \"%s\" not exported",
						         e->d_name, want);
				}
			}
			for (size_t i = 0; i < nt; i++)
				free(orig[i]);
			for (size_t i = 0; i < ne; i++)
				free(exp[i]);
			free(orig);
			free(exp);
			free(again);
			free(txt);
			free(ann);
			format_articles_free(a, 1);
		}
		closedir(dp);
	}
	assert_int_equal(ndocs, 8);
	assert_true(check_dir(out) > 150);
	brat_check(out);
	rmdir_all(out);
	free(out);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape),          cmocka_unit_test(test_write),
	    cmocka_unit_test(test_write_read),      cmocka_unit_test(test_write_breaks_only),
	    cmocka_unit_test(test_read_notes),      cmocka_unit_test(test_read_refused),
	    cmocka_unit_test(test_read_normalised), cmocka_unit_test(test_read_txt_alone),
	    cmocka_unit_test(test_datasets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
