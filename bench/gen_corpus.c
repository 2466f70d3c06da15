/*
 * gen_corpus.c - a large synthetic corpus for the import benchmark.
 *
 *   gen_corpus [-n ARTICLES] [-s SEED] -o OUTDIR SOURCE...
 *
 * Reads the paragraphs of the SOURCE files or directories (*.txt and
 * *.jsonl, e.g. annotations/samples and tests/fixtures; files that are not
 * clean UTF-8 text are skipped) and recombines them into ARTICLES articles
 * (default 20000, about 3 KB each), every one unique, with the scrapers'
 * traits in realistic proportions: date prefixes, titles, bylines,
 * boilerplate and related-link tails, some CRLF and some NFD files.  Writes
 *
 *   OUTDIR/txt/NN/NNNNNN.txt   one article per file, 1000 per directory
 *   OUTDIR/corpus.jsonl        the same articles as JSON Lines
 *
 * and prints the number of articles and bytes.  Deterministic for a seed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <uninorm.h>
#include <unistr.h>

typedef struct pool {
	char **v;
	size_t n, cap;
} pool;

static pool gen_vi, gen_en, gen_titles_vi, gen_titles_en;

static const char *const gen_bylines[] = {
    "Trần Minh Đức", "Phan Bảo Ngọc", "Lê Thu Trang", "Đỗ Hải Yến", "Nguyễn Văn Đông",
    "Hoàng Lan Anh", "Võ Quốc Đạt",   "Bùi Thị Hà",   "Minh Khôi",  "Đặng Quang Vinh",
};

static uint64_t gen_state = 0x9E3779B97F4A7C15ULL;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t
gen_rand(void)
{
	gen_state ^= gen_state >> 12;
	gen_state ^= gen_state << 25;
	gen_state ^= gen_state >> 27;
	return gen_state * 0x2545F4914F6CDD1DULL;
}

static size_t
gen_pick(size_t n)
{
	return (size_t)(gen_rand() % n);
}

static _Noreturn void
gen_die(const char *what)
{
	fprintf(stderr, "gen_corpus: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Add s to the pool, composed (NFC), once. */
static void
gen_add(pool *p, const char *s, size_t n)
{
	size_t cn = 0;
	uint8_t *c = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &cn);

	if (c == NULL)
		gen_die("u8_normalize");
	for (size_t i = 0; i < p->n; i++)
		if (strlen(p->v[i]) == cn && memcmp(p->v[i], c, cn) == 0) {
			free(c);
			return;
		}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		if ((p->v = realloc(p->v, p->cap * sizeof *p->v)) == NULL)
			gen_die("realloc");
	}
	if ((c = realloc(c, cn + 1)) == NULL)
		gen_die("realloc");
	c[cn] = '\0';
	p->v[p->n++] = (char *)c;
}

/* English if it has a common English word; the pools keep languages apart. */
static int
gen_is_english(const char *s)
{
	return strstr(s, " the ") || strstr(s, " and ") || strstr(s, " with ") || strstr(s, " of ");
}

static int
gen_clean(const char *s, size_t n)
{
	if (u8_check((const uint8_t *)s, n) != NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n')
			return 0;
	return 1;
}

/* One text's lines: long ones are paragraphs, short headline-like ones titles. */
static void
gen_take_text(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	if (n > 6 && memcmp(s, " date ", 6) == 0 && n > 17)
		p = s + 17;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);

		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (len >= 120) {
			char *tmp = strndup(p, len);

			gen_add(gen_is_english(tmp) ? &gen_en : &gen_vi, p, len);
			free(tmp);
		} else if (len >= 30 && len <= 110 && p[len - 1] != '.' && p[len - 1] != ':' &&
		           memchr(p, '(', len) == NULL && strncmp(p, "Theo dõi", 9) != 0) {
			char *tmp = strndup(p, len);
			int en =
			    strstr(tmp, " the ") || strstr(tmp, " of ") || strstr(tmp, " posts ");

			gen_add(en ? &gen_titles_en : &gen_titles_vi, p, len);
			free(tmp);
		}
		p = nl ? nl + 1 : end;
	}
}

static void
gen_take_file(const char *path)
{
	size_t n = strlen(path), len;
	FILE *f;
	char *buf;
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 24))
		return;
	if ((f = fopen(path, "rb")) == NULL)
		gen_die(path);
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		gen_die("malloc");
	len = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	buf[len] = '\0';
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, len - 3);
		len -= 3;
	}
	if (!gen_clean(buf, len)) {
		free(buf);
		return; /* the bad-input fixtures */
	}
	if (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) {
		char *p = buf, *end = buf + len;

		while (p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			json_t *o = json_loadb(p, (size_t)((nl ? nl : end) - p), 0, NULL);
			json_t *t = o ? json_object_get(o, "text") : NULL;
			json_t *h = o ? json_object_get(o, "title") : NULL;

			if (json_is_string(t))
				gen_take_text(json_string_value(t), json_string_length(t));
			if (json_is_string(h))
				gen_take_text(json_string_value(h), json_string_length(h));
			json_decref(o);
			p = nl ? nl + 1 : end;
		}
	} else if (n > 4 && strcmp(path + n - 4, ".txt") == 0) {
		gen_take_text(buf, len);
	}
	free(buf);
}

static void
gen_take(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (stat(path, &st) != 0)
		gen_die(path);
	if (!S_ISDIR(st.st_mode)) {
		gen_take_file(path);
		return;
	}
	if ((d = opendir(path)) == NULL)
		gen_die(path);
	while ((e = readdir(d)) != NULL) {
		char sub[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		gen_take(sub);
	}
	closedir(d);
}

/* A growing string. */
typedef struct buf {
	char *s;
	size_t n, cap;
} buf;

static void
gen_put(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		while (b->n + n + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 8192;
		if ((b->s = realloc(b->s, b->cap)) == NULL)
			gen_die("realloc");
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
gen_puts(buf *b, const char *s)
{
	gen_put(b, s, strlen(s));
}

static void
gen_mkdir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		gen_die(path);
}

static void
gen_write(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(s, 1, n, f) != n || fclose(f) != 0)
		gen_die(path);
}

int
main(int argc, char **argv)
{
	const char *out = NULL;
	long narts = 20000;
	char path[4096];
	buf body = {0}, file = {0};
	FILE *jl;
	size_t bytes_txt = 0, bytes_jl = 0;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			narts = atol(argv[++i]);
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
			gen_state ^= (uint64_t)atoll(argv[++i]) * 0x100000001B3ULL;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			break;
	}
	if (out == NULL || i == argc || narts <= 0) {
		fprintf(stderr, "usage: gen_corpus [-n ARTICLES] [-s SEED] -o OUTDIR SOURCE...\n");
		return 2;
	}
	for (; i < argc; i++)
		gen_take(argv[i]);
	if (gen_vi.n < 3 || gen_en.n < 3 || gen_titles_vi.n < 2 || gen_titles_en.n < 1) {
		fprintf(stderr, "gen_corpus: too few paragraphs in the sources (vi %zu, en %zu)\n",
		        gen_vi.n, gen_en.n);
		return 1;
	}
	gen_mkdir(out);
	snprintf(path, sizeof path, "%s/txt", out);
	gen_mkdir(path);
	snprintf(path, sizeof path, "%s/corpus.jsonl", out);
	if ((jl = fopen(path, "wb")) == NULL)
		gen_die(path);
	for (long a = 0; a < narts; a++) {
		int en = gen_pick(4) == 0, dated = gen_pick(10) < 4;
		int titled = !dated && gen_pick(10) < 6, furniture = titled && gen_pick(10) < 3;
		pool *paras = en ? &gen_en : &gen_vi,
		     *titles = en ? &gen_titles_en : &gen_titles_vi;
		size_t k = 5 + gen_pick(13);
		const char *title = titles->v[gen_pick(titles->n)];
		char date[32], serial[64];
		json_t *o;
		char *line;

		body.n = file.n = 0;
		snprintf(date, sizeof date, "2025-%02d-%02d", 1 + (int)gen_pick(12),
		         1 + (int)gen_pick(28));
		/* The serial makes every article unique. */
		snprintf(serial, sizeof serial, en ? " (Dispatch %06ld.)" : " (Bản tin số %06ld.)",
		         a);
		if (furniture && !en) {
			gen_puts(&body, gen_bylines[gen_pick(10)]);
			gen_puts(&body, "\n");
		}
		for (size_t p = 0; p < k; p++) {
			gen_puts(&body, paras->v[gen_pick(paras->n)]);
			if (p == 0)
				gen_puts(&body, serial);
			if (p == 0 && furniture) {
				gen_puts(&body, en ? "\nFollow us on the app\n"
				                   : "\nTheo dõi Báo Thời Sự trên\n");
				gen_puts(&body, title);
				gen_puts(&body,
				         en ? "\nRescuers at work. (Photo: VNA)\n"
				            : "\nLực lượng cứu hộ làm nhiệm vụ. (Ảnh: TTXVN)\n");
			} else {
				gen_puts(&body, "\n\n");
			}
		}
		if (furniture) {
			gen_puts(&body, en ? "Related news\n\n" : "Xem nhiều\n\nĐọc thêm\n\n");
			for (int r = 0; r < 3; r++) {
				const char *h = titles->v[gen_pick(titles->n)];

				gen_puts(&body, h);
				gen_puts(&body, "\n\n");
				gen_puts(&body, h);
				gen_puts(&body, "\n\n");
			}
		}
		while (body.n > 0 && body.s[body.n - 1] == '\n')
			body.n--;
		body.s[body.n] = '\0';
		/* The file: prefix or title line, then the body. */
		if (dated) {
			gen_puts(&file, " date ");
			gen_puts(&file, date);
			gen_puts(&file, " ");
		} else if (titled) {
			gen_puts(&file, title);
			gen_puts(&file, "\n\n");
		}
		gen_put(&file, body.s, body.n);
		gen_puts(&file, "\n");
		if (gen_pick(50) == 0) { /* 2% saved decomposed, as on macOS */
			size_t n = 0;
			uint8_t *d = u8_normalize(UNINORM_NFD, (uint8_t *)file.s, file.n, NULL, &n);

			file.n = 0;
			gen_put(&file, (const char *)d, n);
			free(d);
		} else if (gen_pick(50) == 0) { /* 2% with CRLF line ends */
			buf c = {0};

			for (size_t j = 0; j < file.n; j++)
				gen_put(&c, file.s[j] == '\n' ? "\r\n" : file.s + j,
				        file.s[j] == '\n' ? 2 : 1);
			free(file.s);
			file = c;
		}
		snprintf(path, sizeof path, "%s/txt/%02ld", out, a / 1000);
		if (a % 1000 == 0)
			gen_mkdir(path);
		snprintf(path, sizeof path, "%s/txt/%02ld/%06ld.txt", out, a / 1000, a);
		gen_write(path, file.s, file.n);
		bytes_txt += file.n;
		/* The same article as a JSON record. */
		o = json_pack("{s:s%}", "text", body.s, body.n);
		if (titled)
			json_object_set_new(o, "title", json_string(title));
		if (dated)
			json_object_set_new(o, "date", json_string(date));
		if (o == NULL || (line = json_dumps(o, JSON_COMPACT)) == NULL)
			gen_die("json");
		bytes_jl += strlen(line) + 1;
		fprintf(jl, "%s\n", line);
		free(line);
		json_decref(o);
	}
	if (fclose(jl) != 0)
		gen_die("corpus.jsonl");
	printf("%ld articles from %zu+%zu paragraphs and %zu+%zu titles (vi+en): %zu bytes of text "
	       "files, %zu bytes of JSON Lines\n",
	       narts, gen_vi.n, gen_en.n, gen_titles_vi.n, gen_titles_en.n, bytes_txt, bytes_jl);
	free(body.s);
	free(file.s);
	return 0;
}
