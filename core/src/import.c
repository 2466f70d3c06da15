/*
 * import.c - article files into the store: reading files, directories and
 * standard input, normalising their bytes, handing each file to its format's
 * parser and the parsed articles to desk_article_add() in batches.
 *
 * Each file is all or nothing.  It is read, normalised and parsed whole
 * before anything of it reaches the store, so a refused file stores nothing;
 * the articles of several accepted files may share one transaction (a batch),
 * which is what makes importing thousands of small files fast.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unictype.h>
#include <unistr.h>

#include "import.h"
#include "internal.h"

/* A batch is stored when it holds this many articles or body bytes. */
#define IMPORT_BATCH_ARTICLES 2000
#define IMPORT_BATCH_BYTES    ((size_t)32 << 20)

/*
 * A bad byte this close to the start, with control characters near it, means
 * "binary" (PNG, gzip, ...) rather than text in a wrong encoding.
 */
#define IMPORT_BINARY_PREFIX 8
#define IMPORT_BINARY_SNIFF  64

int
desk_format_parse(desk_format *out, const char *name)
{
	if (name == NULL)
		return DESK_MISUSE;
	if (strcmp(name, "auto") == 0)
		*out = DESK_FORMAT_AUTO;
	else if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*out = DESK_FORMAT_TEXT;
	else if (strcmp(name, "jsonl") == 0)
		*out = DESK_FORMAT_JSONL;
	else
		return DESK_MISUSE;
	return DESK_OK;
}

int
import_fail(import_error *err, int rc, int64_t line, int64_t column, const char *fmt, ...)
{
	va_list ap;

	err->rc = rc;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return rc;
}

void
import_article_clear(import_article *a)
{
	free(a->mem);
	free(a->title);
	free(a->source);
	free(a->marks);
	memset(a, 0, sizeof *a);
}

void
import_articles_free(import_article *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		import_article_clear(&a[i]);
	free(a);
}

int
import_article_mark(import_article *a, desk_mark_kind kind, int64_t start, int64_t end)
{
	if (start >= end)
		return DESK_OK;
	if (a->nmarks == a->capmarks) {
		size_t cap = a->capmarks ? 2 * a->capmarks : 8;
		desk_mark *m = realloc(a->marks, cap * sizeof *m);

		if (m == NULL)
			return DESK_NOMEM;
		a->marks = m;
		a->capmarks = cap;
	}
	a->marks[a->nmarks].start = start;
	a->marks[a->nmarks].end = end;
	a->marks[a->nmarks].kind = kind;
	a->nmarks++;
	return DESK_OK;
}

int
import_date_valid(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/*
 * Characters whose every occurrence is already NFC and cannot compose with
 * what precedes them: all below U+0300, Vietnamese precomposed letters
 * (U+1E00..U+1EFF), general punctuation but for U+2000 and U+2001 (dashes,
 * quotes, ellipsis: U+2002..U+207F) and currency signs (U+20A0..U+20BF).
 * Text of these alone needs no normalisation; anything else goes through
 * desk_nfc().  s must be valid UTF-8: this looks at the bytes only, since it
 * runs over every byte of every file.  test_import checks the ranges
 * against desk_nfc().
 */
/* Whether the 8 bytes at p are all ASCII, NUL bytes included. */
static int
import_ascii8(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return (v & 0x8080808080808080ULL) == 0;
}

/* Whether the 8 bytes at p are all ASCII and none of them is NUL. */
static int
import_text8(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return ((v | ((v - 0x0101010101010101ULL) & ~v)) & 0x8080808080808080ULL) == 0;
}

/* Whether the 3-byte sequence at p is one of the NFC ranges above. */
static int
import_nfc3(const uint8_t *p)
{
	return (p[0] == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB) || /* U+1E00..U+1EFF */
	       (p[0] == 0xE2 &&
	        ((p[1] == 0x80 && p[2] >= 0x82) || p[1] == 0x81 ||
	         (p[1] == 0x82 && p[2] >= 0xA0))); /* U+2002..U+207F, U+20A0..U+20BF */
}

int
import_is_nfc(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	while (p < end) {
		if (end - p >= 8 && import_ascii8(p))
			p += 8;
		else if (*p < 0x80)
			p++;
		else if (*p < 0xCC) /* U+0080..U+02FF */
			p += 2;
		else if (end - p >= 3 && import_nfc3(p))
			p += 3;
		else
			return 0;
	}
	return 1;
}

/* Whether p[0..n) are continuation bytes. */
static int
import_cont(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/*
 * One pass over s: 1 when it is valid UTF-8 without NUL bytes, with *nfc
 * set to import_is_nfc(s, len); 0 (and *nfc 0) when it is not, and
 * desk_utf8_check() then says where.  The same rules as u8_check(): no overlong forms, no
 * surrogates, nothing above U+10FFFF.
 */
static int
import_utf8_scan(const char *s, size_t len, int *nfc)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int simple = 1;

	*nfc = 0;
	while (p < end) {
		size_t left = (size_t)(end - p);
		uint8_t c = *p;

		if (left >= 8 && import_text8(p)) {
			p += 8;
		} else if (c < 0x80) {
			if (c == 0)
				return 0;
			p++;
		} else if (c < 0xC2) {
			return 0;
		} else if (c < 0xE0) {
			if (left < 2 || !import_cont(p + 1, 1))
				return 0;
			simple &= c < 0xCC;
			p += 2;
		} else if (c < 0xF0) {
			if (left < 3 || !import_cont(p + 1, 2) || (c == 0xE0 && p[1] < 0xA0) ||
			    (c == 0xED && p[1] >= 0xA0))
				return 0;
			simple &= import_nfc3(p);
			p += 3;
		} else if (c < 0xF5) {
			if (left < 4 || !import_cont(p + 1, 3) || (c == 0xF0 && p[1] < 0x90) ||
			    (c == 0xF4 && p[1] >= 0x90))
				return 0;
			simple = 0;
			p += 4;
		} else {
			return 0;
		}
	}
	*nfc = simple;
	return 1;
}

/* Copy s to a new buffer, CRLF and lone CR turned into LF. */
static char *
import_copy_lf(const char *s, size_t len, size_t *outlen)
{
	char *buf = malloc(len + 1), *w = buf;
	const char *p = s, *end = s + len, *cr;

	if (buf == NULL)
		return NULL;
	while ((cr = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		memcpy(w, p, (size_t)(cr - p));
		w += cr - p;
		*w++ = '\n';
		p = cr + 1;
		if (p < end && *p == '\n')
			p++;
	}
	memcpy(w, p, (size_t)(end - p));
	w += end - p;
	*w = '\0';
	*outlen = (size_t)(w - buf);
	return buf;
}

static int
import_is_blank(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (k <= 0)
			return 0;
		if (!uc_is_property_white_space(c) && c != 0x200B && c != 0xFEFF)
			return 0;
		p += k;
	}
	return 1;
}

/* Control characters other than TAB, LF, FF and ESC near the start. */
static int
import_has_controls(const char *s, size_t len)
{
	for (size_t i = 0; i < len && i < IMPORT_BINARY_SNIFF; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != 0x1B) || c == 0x7F)
			return 1;
	}
	return 0;
}

/* Why the bytes at s[bad] are not UTF-8, in words. */
static void
import_utf8_why(char *buf, size_t size, const unsigned char *s, size_t len, size_t bad)
{
	unsigned char b = s[bad];
	size_t need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1, i;

	if (b >= 0x80 && b <= 0xBF) {
		snprintf(buf, size, "byte 0x%02X is a continuation byte without a lead byte", b);
		return;
	}
	if (b == 0xC0 || b == 0xC1 || b >= 0xF5) {
		snprintf(buf, size, "byte 0x%02X never occurs in UTF-8", b);
		return;
	}
	for (i = 1; i <= need && bad + i < len && (s[bad + i] & 0xC0) == 0x80; i++)
		;
	if (i <= need && need == 1)
		snprintf(buf, size, "byte 0x%02X is not followed by a continuation byte", b);
	else if (i <= need)
		snprintf(buf, size, "byte 0x%02X is not followed by %zu continuation bytes", b,
		         need);
	else
		snprintf(buf, size,
		         "byte 0x%02X starts an overlong, surrogate or too large sequence", b);
}

int
import_normalize(char **out, size_t *outlen, const char *s, size_t len, int nfc, import_error *err)
{
	char *buf = NULL, *n = NULL;
	size_t blen = 0, bad = 0, nlen = 0;
	int64_t line, col;
	int rc = DESK_OK, simple = 0;

	*out = NULL;
	*outlen = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (len > IMPORT_MAX_FILE) {
		rc = import_fail(err, DESK_INVALID, 0, 0, "file too large (%zu bytes; at most %zu)",
		                 len, IMPORT_MAX_FILE);
		goto done;
	}
	if ((buf = import_copy_lf(s, len, &blen)) == NULL) {
		rc = import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	/* The one-pass scan first; desk_utf8_check() finds what is wrong. */
	if (!import_utf8_scan(buf, blen, &simple) && desk_utf8_check(buf, blen, &bad) != DESK_OK) {
		unsigned char b = (unsigned char)buf[bad];
		char why[128];

		desk_utf8_line_col(buf, bad, &line, &col);
		if (b == 0)
			rc = import_fail(err, DESK_INVALID, line, col,
			                 "NUL byte: this looks like a binary file, not text");
		else if (bad < IMPORT_BINARY_PREFIX && import_has_controls(buf, blen))
			rc = import_fail(err, DESK_INVALID, line, col,
			                 "byte 0x%02X: this looks like a binary file, not text", b);
		else {
			import_utf8_why(why, sizeof why, (const unsigned char *)buf, blen, bad);
			rc = import_fail(err, DESK_INVALID, line, col, "invalid UTF-8 (%s)", why);
		}
		goto done;
	}
	if (import_is_blank(buf, blen)) {
		rc = import_fail(err, DESK_INVALID, 1, 1, "empty file");
		goto done;
	}
	if (nfc && !simple && !import_is_nfc(buf, blen)) {
		if (desk_nfc(&n, &nlen, buf, blen) != DESK_OK) {
			rc = import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		free(buf);
		buf = n;
		blen = nlen;
	}
	*out = buf;
	*outlen = blen;
	buf = NULL;
done:
	free(buf);
	return rc;
}

int
import_normalize_field(char **out, size_t *outlen, const char *s, size_t len, int trim)
{
	char *buf, *n = NULL;
	size_t blen, nlen;

	*out = NULL;
	if ((buf = import_copy_lf(s, len, &blen)) == NULL)
		return DESK_NOMEM;
	if (!import_is_nfc(buf, blen)) {
		if (desk_nfc(&n, &nlen, buf, blen) != DESK_OK) {
			free(buf);
			return DESK_NOMEM;
		}
		free(buf);
		buf = n;
		blen = nlen;
	}
	while (trim && blen > 0 && strchr(" \t\n\v\f", buf[blen - 1]) != NULL)
		blen--;
	buf[blen] = '\0';
	*out = buf;
	if (outlen)
		*outlen = blen;
	return DESK_OK;
}

/* The format of a file by its name, or by its first character. */
static desk_format
import_guess_format(const char *name, const char *data, size_t len)
{
	const char *dot = name ? strrchr(name, '.') : NULL;

	if (dot && (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0))
		return DESK_FORMAT_JSONL;
	if (dot && strcmp(dot, ".txt") == 0)
		return DESK_FORMAT_TEXT;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	while (len > 0 && strchr(" \t\r\n", *data) != NULL) {
		data++;
		len--;
	}
	return len > 0 && *data == '{' ? DESK_FORMAT_JSONL : DESK_FORMAT_TEXT;
}

int
import_parse(import_article **out, size_t *n, const char *name, const char *source,
             const char *data, size_t len, desk_format fmt, import_error *err)
{
	import_article *arts = NULL;
	size_t narts = 0;
	char *buf = NULL;
	size_t blen;
	int rc;

	*out = NULL;
	*n = 0;
	if (fmt == DESK_FORMAT_AUTO)
		fmt = import_guess_format(name, data, len);
	/* JSONL strings are normalised one by one after decoding. */
	if ((rc = import_normalize(&buf, &blen, data, len, fmt == DESK_FORMAT_TEXT, err)) !=
	    DESK_OK)
		goto done;
	if (fmt == DESK_FORMAT_JSONL) {
		rc = fmt_jsonl_parse(&arts, &narts, buf, blen, err);
		free(buf);
	} else {
		if ((arts = calloc(1, sizeof *arts)) == NULL) {
			free(buf);
			rc = import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		narts = 1;
		rc = fmt_text_parse(arts, buf, blen, err);
	}
	buf = NULL;
	if (rc != DESK_OK)
		goto done;
	for (size_t i = 0; i < narts; i++) {
		if (arts[i].source == NULL && (arts[i].source = desk_strdup(source)) == NULL) {
			rc = import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		arts[i].in.source = arts[i].source;
	}
	*out = arts;
	*n = narts;
	arts = NULL;
	narts = 0;
done:
	import_articles_free(arts, narts);
	return rc;
}

/* --- Running an import -------------------------------------------------- */

/* The parsed articles of one accepted file, waiting in the batch. */
typedef struct import_file {
	char *path;
	import_article *arts;
	size_t n;
} import_file;

typedef struct import_run {
	desk *d;
	desk_import_cb cb;
	void *ctx;
	desk_import_stats *stats;
	import_file *files;
	size_t nfiles, capfiles, narts, bytes;
	int rc; /* DESK_OK, or the worst result so far */
} import_run;

static void
import_emit(import_run *r, const desk_import_event *ev)
{
	if (r->cb)
		r->cb(r->ctx, ev);
}

/* Worse results win: a failing database over unreadable files over bad data. */
static int
import_rank(int rc)
{
	switch (rc) {
	case DESK_OK:
		return 0;
	case DESK_INVALID:
		return 1;
	case DESK_NOTFOUND:
		return 2;
	case DESK_IO:
		return 3;
	default:
		return 4;
	}
}

static void
import_note(import_run *r, int rc)
{
	if (import_rank(rc) > import_rank(r->rc))
		r->rc = rc;
}

static void
import_refuse(import_run *r, const char *path, int rc, int64_t line, int64_t col, const char *msg)
{
	desk_import_event ev = {0};

	ev.what = DESK_IMPORT_REFUSED;
	ev.path = path;
	ev.line = line;
	ev.column = col;
	ev.message = msg;
	ev.rc = rc;
	if (line > 0)
		desk_error(r->d, rc, "%s:%lld:%lld: %s", path, (long long)line, (long long)col,
		           msg);
	else
		desk_error(r->d, rc, "%s: %s", path, msg);
	if (r->stats)
		r->stats->refused++;
	import_note(r, rc);
	import_emit(r, &ev);
}

static void
import_batch_clear(import_run *r)
{
	for (size_t i = 0; i < r->nfiles; i++) {
		free(r->files[i].path);
		import_articles_free(r->files[i].arts, r->files[i].n);
	}
	r->nfiles = r->narts = r->bytes = 0;
}

/* Store the batch in one transaction and report each of its articles. */
static int
import_flush(import_run *r)
{
	desk_article_in *in = NULL;
	int64_t *ids = NULL;
	int *dup = NULL, rc = DESK_OK;
	size_t k = 0;

	if (r->narts == 0)
		goto done;
	in = malloc(r->narts * sizeof *in);
	ids = malloc(r->narts * sizeof *ids);
	dup = malloc(r->narts * sizeof *dup);
	if (in == NULL || ids == NULL || dup == NULL) {
		rc = desk_error(r->d, DESK_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < r->nfiles; i++)
		for (size_t j = 0; j < r->files[i].n; j++)
			in[k++] = r->files[i].arts[j].in;
	if ((rc = desk_article_add(r->d, in, r->narts, ids, dup)) != DESK_OK)
		goto fail;
	k = 0;
	for (size_t i = 0; i < r->nfiles; i++)
		for (size_t j = 0; j < r->files[i].n; j++, k++) {
			desk_import_event ev = {0};

			ev.what = dup[k] ? DESK_IMPORT_DUPLICATE : DESK_IMPORT_ADDED;
			ev.path = r->files[i].path;
			ev.line = r->files[i].arts[j].line;
			ev.article_id = ids[k];
			ev.title = in[k].title ? in[k].title : "";
			if (r->stats) {
				if (dup[k])
					r->stats->duplicates++;
				else
					r->stats->added++;
			}
			import_emit(r, &ev);
		}
	goto done;
fail:
	/* Nothing of the batch was stored: say so for each of its files. */
	for (size_t i = 0; i < r->nfiles; i++) {
		char msg[sizeof r->d->errmsg];

		snprintf(msg, sizeof msg, "%s", desk_errmsg(r->d));
		import_refuse(r, r->files[i].path, rc, 0, 0, msg);
	}
	import_note(r, rc);
done:
	import_batch_clear(r);
	free(in);
	free(ids);
	free(dup);
	return rc;
}

/* Parse one file's bytes; queue its articles, or refuse it. */
static int
import_run_data(import_run *r, const char *path, const char *data, size_t len, desk_format fmt)
{
	import_error err = {0};
	import_article *arts = NULL;
	size_t n = 0, bytes = 0;
	int rc;

	if (r->stats)
		r->stats->files++;
	if ((rc = import_parse(&arts, &n, path, path, data, len, fmt, &err)) != DESK_OK) {
		/* Report in file order: what was parsed before this file goes first. */
		if ((rc = import_flush(r)) != DESK_OK)
			return rc;
		import_refuse(r, path, err.rc, err.line, err.column, err.msg);
		return err.rc == DESK_NOMEM ? DESK_NOMEM : DESK_OK;
	}
	if (r->nfiles == r->capfiles) {
		size_t cap = r->capfiles ? 2 * r->capfiles : 64;
		import_file *f = realloc(r->files, cap * sizeof *f);

		if (f == NULL) {
			import_articles_free(arts, n);
			return desk_error(r->d, DESK_NOMEM, "out of memory");
		}
		r->files = f;
		r->capfiles = cap;
	}
	if ((r->files[r->nfiles].path = desk_strdup(path)) == NULL) {
		import_articles_free(arts, n);
		return desk_error(r->d, DESK_NOMEM, "out of memory");
	}
	r->files[r->nfiles].arts = arts;
	r->files[r->nfiles].n = n;
	r->nfiles++;
	r->narts += n;
	for (size_t i = 0; i < n; i++)
		bytes += arts[i].in.body_len;
	r->bytes += bytes;
	if (r->narts >= IMPORT_BATCH_ARTICLES || r->bytes >= IMPORT_BATCH_BYTES)
		return import_flush(r);
	return DESK_OK;
}

/* Read all of fd into a new buffer. */
static int
import_read_fd(int fd, char **out, size_t *outlen)
{
	size_t len = 0, cap = 0;
	char *buf = NULL;
	struct stat st;

	/* A regular file is read in one go: the size plus one to see the end. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= IMPORT_MAX_FILE)
		cap = (size_t)st.st_size + 1;
	if ((buf = malloc(cap ? cap : 65536)) == NULL)
		return DESK_NOMEM;
	cap = cap ? cap : 65536;
	for (;;) {
		ssize_t k;

		if (len == cap) {
			char *b;

			cap *= 2;
			if (cap > IMPORT_MAX_FILE + 4096) {
				free(buf);
				errno = EFBIG;
				return DESK_IO;
			}
			if ((b = realloc(buf, cap)) == NULL) {
				free(buf);
				return DESK_NOMEM;
			}
			buf = b;
		}
		if ((k = read(fd, buf + len, cap - len)) < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return DESK_IO;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	*out = buf;
	*outlen = len;
	return DESK_OK;
}

/* Import one file by path (or fd 0 when path is NULL, reported as name). */
static int
import_run_file(import_run *r, const char *path, const char *name, desk_format fmt)
{
	char *data = NULL;
	size_t len = 0;
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : 0, rc;

	if (fd < 0 || (rc = import_read_fd(fd, &data, &len)) == DESK_IO) {
		int e = errno;

		if (r->stats)
			r->stats->files++;
		if (fd > 0)
			close(fd);
		rc = e == ENOENT ? DESK_NOTFOUND : DESK_IO;
		import_flush(r);
		import_refuse(r, name, rc, 0, 0, strerror(e));
		return DESK_OK;
	}
	if (fd > 0)
		close(fd);
	if (rc != DESK_OK)
		return desk_error(r->d, rc, "out of memory");
	rc = import_run_data(r, name, data ? data : "", len, fmt);
	free(data);
	return rc;
}

/* A directory's entries worth visiting. */
typedef struct import_entry {
	char *path;
	int dir;
} import_entry;

typedef struct import_entries {
	import_entry *v;
	size_t n, cap;
} import_entries;

static int
import_entries_add(import_entries *e, char *path, int dir)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? 2 * e->cap : 256;
		import_entry *v = realloc(e->v, cap * sizeof *v);

		if (v == NULL) {
			free(path);
			return DESK_NOMEM;
		}
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n].path = path;
	e->v[e->n].dir = dir;
	e->n++;
	return DESK_OK;
}

static int
import_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const import_entry *)a)->path, ((const import_entry *)b)->path);
}

static int
import_is_article_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	       (n > 6 && strcmp(name + n - 6, ".jsonl") == 0);
}

/*
 * The article files and subdirectories of dir.  Hidden entries are skipped,
 * and symbolic links to directories are not followed (no loops).
 */
static int
import_list_dir(import_run *r, const char *dir, import_entries *out)
{
	size_t dlen = strlen(dir);
	const char *sep = dlen > 0 && dir[dlen - 1] == '/' ? "" : "/";
	DIR *dp = opendir(dir);
	struct dirent *e;
	int rc = DESK_OK;

	if (dp == NULL) {
		int err = errno;

		import_refuse(r, dir, err == ENOENT ? DESK_NOTFOUND : DESK_IO, 0, 0, strerror(err));
		return DESK_OK;
	}
	while (rc == DESK_OK && (e = readdir(dp)) != NULL) {
		size_t n = dlen + strlen(e->d_name) + 2;
		struct stat st;
		char *p;

		if (e->d_name[0] == '.')
			continue;
		if ((p = malloc(n)) == NULL) {
			rc = DESK_NOMEM;
			break;
		}
		snprintf(p, n, "%s%s%s", dir, sep, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rc = import_entries_add(out, p, 1);
		else if (import_is_article_name(e->d_name))
			rc = import_entries_add(out, p, 0);
		else
			free(p);
	}
	closedir(dp);
	return rc;
}

/* Import a directory: its files and subdirectories in name order. */
static int
import_run_dir(import_run *r, const char *dir, desk_format fmt)
{
	import_entries ents = {0};
	int rc;

	if ((rc = import_list_dir(r, dir, &ents)) != DESK_OK)
		goto done;
	qsort(ents.v, ents.n, sizeof *ents.v, import_entry_cmp);
	for (size_t i = 0; i < ents.n && rc == DESK_OK; i++)
		rc = ents.v[i].dir ? import_run_dir(r, ents.v[i].path, fmt)
		                   : import_run_file(r, ents.v[i].path, ents.v[i].path, fmt);
done:
	for (size_t i = 0; i < ents.n; i++)
		free(ents.v[i].path);
	free(ents.v);
	if (rc == DESK_NOMEM)
		desk_error(r->d, rc, "out of memory");
	return rc;
}

/* Store what is left, and turn the run into the function's result. */
static int
import_finish(import_run *r, int rc)
{
	if (rc == DESK_OK)
		rc = import_flush(r);
	import_batch_clear(r);
	free(r->files);
	if (rc != DESK_OK)
		return rc;
	if (r->rc == DESK_OK)
		desk_clear_error(r->d);
	return r->rc;
}

int
desk_import_path(desk *d, const char *path, desk_format fmt, desk_import_cb cb, void *ctx,
                 desk_import_stats *stats)
{
	import_run r = {d, cb, ctx, stats, NULL, 0, 0, 0, 0, DESK_OK};
	struct stat st;
	int rc;

	if (d == NULL || path == NULL || *path == '\0')
		return desk_error(d, DESK_MISUSE, "no path to import");
	if (strcmp(path, "-") == 0) {
		rc = import_run_file(&r, NULL, "<stdin>", fmt);
	} else if (stat(path, &st) != 0) {
		import_refuse(&r, path, errno == ENOENT ? DESK_NOTFOUND : DESK_IO, 0, 0,
		              errno == ENOENT ? "no such file or directory" : strerror(errno));
		rc = DESK_OK;
	} else if (S_ISDIR(st.st_mode)) {
		rc = import_run_dir(&r, path, fmt);
	} else {
		rc = import_run_file(&r, path, path, fmt);
	}
	return import_finish(&r, rc);
}

int
desk_import_buffer(desk *d, const char *name, const char *data, size_t len, desk_format fmt,
                   desk_import_cb cb, void *ctx, desk_import_stats *stats)
{
	import_run r = {d, cb, ctx, stats, NULL, 0, 0, 0, 0, DESK_OK};
	int rc;

	if (d == NULL || (data == NULL && len > 0))
		return desk_error(d, DESK_MISUSE, "no data to import");
	rc = import_run_data(&r, name ? name : "<buffer>", data ? data : "", len, fmt);
	return import_finish(&r, rc);
}
