/*
 * fuzz_brat.c - the brat reader on arbitrary pairs: the bytes before the
 * first NUL are the .txt, those after it the .ann (no NUL: a .txt alone).
 *
 * Checked: no crash or sanitizer report; an accepted document's body is
 * valid NFC UTF-8, and every span, claim and entity link lies inside it,
 * with its text the body's at its offsets.  And the round trip: the
 * document written by the brat writer reads back with the same body, the
 * same spans and claims (their line breaks at either end left out, as brat
 * cannot hold them), notes and evidence.
 */
#include <unistd.h>

#include "fuzz.h"
#include "formats/format.h"

/* body[start:end] in code points is text. */
static void
fuzz_brat_range(const char *body, size_t blen, int64_t start, int64_t end, const char *text)
{
	size_t *at = NULL;
	int64_t n;

	FUZZ_CHECK(fmt_brat_map(&at, NULL, &n, body, blen) == DESK_OK);
	FUZZ_CHECK(start >= 0 && start <= end && end <= n);
	FUZZ_CHECK(text != NULL && strlen(text) == at[end] - at[start] &&
	           memcmp(text, body + at[start], at[end] - at[start]) == 0);
	free(at);
}

static char *
fuzz_brat_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(FORMAT_MAX_BODY + 1);
	size_t n;

	FUZZ_CHECK(f != NULL && buf != NULL);
	n = fread(buf, 1, FORMAT_MAX_BODY, f);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* [start, end) without line breaks at either end; 0 if nothing else is in it. */
static int
fuzz_brat_trim(const char *body, size_t blen, int64_t *start, int64_t *end)
{
	size_t *at = NULL;
	uint32_t *cp = NULL;
	int64_t n;

	FUZZ_CHECK(fmt_brat_map(&at, &cp, &n, body, blen) == DESK_OK);
	while (*start < *end && fmt_brat_is_break(cp[*start]))
		(*start)++;
	while (*end > *start && fmt_brat_is_break(cp[*end - 1]))
		(*end)--;
	free(at);
	free(cp);
	return *start < *end;
}

static int
fuzz_brat_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static char fuzz_brat_dir[64];

/* The directory the round trip writes in goes at exit. */
static void
fuzz_brat_cleanup(void)
{
	char path[128];

	snprintf(path, sizeof path, "%s/1.txt", fuzz_brat_dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/1.ann", fuzz_brat_dir);
	unlink(path);
	rmdir(fuzz_brat_dir);
}

/* Write a with the brat writer and read it back: the same document. */
static void
fuzz_brat_again(format_article *a)
{
	char *dir = fuzz_brat_dir;
	format_sink s = {0};
	format_article *b = NULL;
	format_error err = {0};
	char path[128], *txt, *ann, *want = NULL;
	size_t tl, al, wl = 0, n = 0, k = 0;
	int in_ann;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof fuzz_brat_dir, "/tmp/fuzz_brat.XXXXXX");
		FUZZ_CHECK(mkdtemp(dir) != NULL);
		atexit(fuzz_brat_cleanup);
	}
	s.dir = dir;
	a->id = 1;
	FUZZ_CHECK(fmt_brat_writer.article(&s, a) == DESK_OK);
	snprintf(path, sizeof path, "%s/1.txt", dir);
	txt = fuzz_brat_slurp(path, &tl);
	snprintf(path, sizeof path, "%s/1.ann", dir);
	ann = fuzz_brat_slurp(path, &al);
	FUZZ_CHECK(fmt_brat_read_pair(&b, &n, "again", txt, tl, ann, al, NULL, &err, &in_ann) ==
	           DESK_OK);
	/* The body as written: its controls U+FFFD, one for one (desk_text_defang). */
	FUZZ_CHECK(desk_text_defang(&want, &wl, a->in.body, a->in.body_len) == DESK_OK);
	FUZZ_CHECK(b->in.body_len == wl && memcmp(b->in.body, want, wl) == 0);
	/* Spans: those of a trimmed, as a set (the reader keeps one of equal spans). */
	for (size_t i = 0; i < a->nspans; i++) {
		int64_t st = a->spans[i].start, en = a->spans[i].end;
		int found = 0;

		if (!fuzz_brat_trim(want, wl, &st, &en))
			continue;
		for (size_t j = 0; j < b->nspans && !found; j++)
			found = b->spans[j].start == st && b->spans[j].end == en &&
			        strcmp(b->spans[j].label, a->spans[i].label) == 0;
		FUZZ_CHECK(found);
		k++;
	}
	FUZZ_CHECK(b->nspans <= k);
	/* Claims, in order, with what they carry. */
	k = 0;
	for (size_t i = 0; i < a->nclaims; i++) {
		const format_claim *c = &a->claims[i], *d;
		int64_t st = c->start, en = c->end;

		if (!fuzz_brat_trim(want, wl, &st, &en))
			continue;
		FUZZ_CHECK(k < b->nclaims);
		d = &b->claims[k++];
		FUZZ_CHECK(d->start == st && d->end == en);
		FUZZ_CHECK(fuzz_brat_same(c->verdict, d->verdict) &&
		           fuzz_brat_same(c->status, d->status) &&
		           fuzz_brat_same(c->note, d->note));
		FUZZ_CHECK(c->nevidence == d->nevidence);
		for (size_t e = 0; e < c->nevidence; e++)
			FUZZ_CHECK(
			    fuzz_brat_same(c->evidence[e].source, d->evidence[e].source) &&
			    fuzz_brat_same(c->evidence[e].quote, d->evidence[e].quote) &&
			    fuzz_brat_same(c->evidence[e].consulted, d->evidence[e].consulted));
	}
	FUZZ_CHECK(k == b->nclaims);
	format_articles_free(b, 1);
	free(txt);
	free(ann);
	free(want);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data, *nul = memchr(s, '\0', size);
	size_t tl = nul ? (size_t)(nul - s) : size, n = 0, bad;
	format_article *a = NULL;
	format_error err = {0};
	char *nfc = NULL;
	size_t nlen;
	int in_ann;

	if (fmt_brat_read_pair(&a, &n, "fuzz", s, tl, nul ? nul + 1 : NULL, nul ? size - tl - 1 : 0,
	                       NULL, &err, &in_ann) != DESK_OK) {
		FUZZ_CHECK(a == NULL && n == 0 && err.msg[0] != '\0');
		return 0;
	}
	FUZZ_CHECK(n == 1);
	FUZZ_CHECK(desk_utf8_check(a->in.body, a->in.body_len, &bad) == DESK_OK);
	FUZZ_CHECK(desk_nfc(&nfc, &nlen, a->in.body, a->in.body_len) == DESK_OK);
	FUZZ_CHECK(nlen == a->in.body_len && memcmp(nfc, a->in.body, nlen) == 0);
	free(nfc);
	for (size_t i = 0; i < a->nspans; i++) {
		fuzz_brat_range(a->in.body, a->in.body_len, a->spans[i].start, a->spans[i].end,
		                a->spans[i].text);
		FUZZ_CHECK(a->spans[i].entity >= 0 && (size_t)a->spans[i].entity <= a->nentities);
	}
	for (size_t i = 0; i < a->nclaims; i++)
		fuzz_brat_range(a->in.body, a->in.body_len, a->claims[i].start, a->claims[i].end,
		                a->claims[i].text);
	/* A body that starts with U+FEFF loses it when read again, as a BOM. */
	if (a->in.body_len < 3 || memcmp(a->in.body, "\xEF\xBB\xBF", 3) != 0)
		fuzz_brat_again(a);
	format_articles_free(a, 1);
	return 0;
}
