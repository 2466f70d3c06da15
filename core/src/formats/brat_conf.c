/*
 * formats/brat_conf.c - brat's project configuration: the annotation.conf
 * and visual.conf an export writes beside its documents (from the label set
 * and the verdict scale), and an annotation.conf (with kb_shortcuts.conf
 * and visual.conf) read as a copydesk label file for `copydesk labels
 * import`.  See https://brat.nlplab.org/configuration.html and
 * annotations/FORMATS.md.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unistr.h>

#include "format.h"

/* The xterm colours of the 8 basic curses colours. */
static const unsigned brat_basic_rgb[8] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00,
                                           0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5};
static const char *const brat_basic_name[8] = {"black", "red",     "green", "yellow",
                                               "blue",  "magenta", "cyan",  "white"};
static const unsigned char brat_cube[6] = {0, 95, 135, 175, 215, 255};

/* A colour as brat draws it (#rrggbb): the 256-colour one if set, else the basic one. */
static unsigned
brat_rgb(int color, int color256)
{
	static const unsigned sys[16] = {0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080,
	                                 0x008080, 0xc0c0c0, 0x808080, 0xff0000, 0x00ff00, 0xffff00,
	                                 0x0000ff, 0xff00ff, 0x00ffff, 0xffffff};

	if (color256 >= 232 && color256 <= 255) {
		unsigned g = 8 + 10 * (unsigned)(color256 - 232);

		return g << 16 | g << 8 | g;
	}
	if (color256 >= 16 && color256 < 232) {
		int c = color256 - 16;

		return (unsigned)brat_cube[c / 36] << 16 | (unsigned)brat_cube[c / 6 % 6] << 8 |
		       brat_cube[c % 6];
	}
	if (color256 >= 0 && color256 < 16)
		return sys[color256];
	return brat_basic_rgb[color >= 0 && color < 8 ? color : 7];
}

/* Black or white text on rgb, whichever reads better. */
static const char *
brat_fg(unsigned rgb)
{
	unsigned r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;

	return 299 * r + 587 * g + 114 * b > 128000 ? "black" : "white";
}

/*
 * A name or word from the store, for a .conf line: no TABs or line breaks,
 * and none of what desk_char_escape() escapes (C0, C1, bidi controls, ...):
 * each a space.
 */
static void
brat_conf_word(FILE *f, const char *s)
{
	const uint8_t *p = (const uint8_t *)(s ? s : ""), *end = p + strlen((const char *)p);
	char esc[16];

	while (p < end) {
		ucs4_t c;
		int m = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (m < 1 || c == '\t' || c == '\n' || desk_char_escape(c, esc) > 0)
			fputc(' ', f);
		else
			fwrite(p, 1, (size_t)m, f);
		p += m < 1 ? 1 : m;
	}
}

static FILE *
brat_conf_open(format_sink *s, const char *name, char *tmp, size_t size)
{
	if ((size_t)snprintf(tmp, size, "%s/%s.part", s->dir, name) >= size)
		return NULL;
	return fopen(tmp, "wb");
}

static int
brat_conf_close(format_sink *s, FILE *f, const char *tmp, const char *name)
{
	char path[4096];
	int ok = !ferror(f);

	ok = fclose(f) == 0 && ok;
	snprintf(path, sizeof path, "%s/%s", s->dir, name);
	if (!ok || rename(tmp, path) != 0) {
		remove(tmp);
		return format_fail(&s->err, DESK_IO, 0, 0, "%s: could not write it", path);
	}
	return DESK_OK;
}

static const char *const brat_statuses[] = {"check", "proposed", "verified", "disputed"};

static int
brat_write_annotation_conf(format_sink *s)
{
	const format_info *in = s->info;
	size_t nl = desk_labels_count(in->labels), nv = desk_verdicts_count(in->verdicts);
	char tmp[4200];
	FILE *f = brat_conf_open(s, "annotation.conf", tmp, sizeof tmp);

	if (f == NULL)
		return format_fail(&s->err, DESK_IO, 0, 0, "%s/annotation.conf: could not write it",
		                   s->dir);
	fputs("# copydesk export: the label set, and claims with their verdict and status.\n"
	      "# annotations/FORMATS.md (brat) describes every line.\n\n[entities]\n\n",
	      f);
	for (size_t i = 0; i < nl; i++) {
		const desk_label *l = desk_labels_at(in->labels, i);

		if (strcmp(l->name, "Claim") != 0) {
			brat_conf_word(f, l->name);
			fputc('\n', f);
		}
	}
	fputs("Claim\n\n[relations]\n\n"
	      "# copydesk has no relations; its spans and claims may overlap in any way.\n"
	      "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
	      "[events]\n\n[attributes]\n\n",
	      f);
	if (nv > 0) {
		fputs("Verdict\tArg:Claim, Value:", f);
		for (size_t i = 0; i < nv; i++) {
			fputs(i ? "|" : "", f);
			brat_conf_word(f, desk_verdicts_at(in->verdicts, i)->name);
		}
		fputc('\n', f);
	}
	fputs("Status\tArg:Claim, Value:", f);
	for (size_t i = 0; i < 4; i++)
		fprintf(f, "%s%s", i ? "|" : "", brat_statuses[i]);
	fputc('\n', f);
	return brat_conf_close(s, f, tmp, "annotation.conf");
}

static int
brat_write_visual_conf(format_sink *s)
{
	const format_info *in = s->info;
	size_t nl = desk_labels_count(in->labels), nv = desk_verdicts_count(in->verdicts);
	char tmp[4200];
	FILE *f = brat_conf_open(s, "visual.conf", tmp, sizeof tmp);

	if (f == NULL)
		return format_fail(&s->err, DESK_IO, 0, 0, "%s/visual.conf: could not write it",
		                   s->dir);
	fputs("# copydesk export: the labels' colours (their 256-colour choice, else their\n"
	      "# 8-colour one, as xterm draws it).  brat draws an attribute as a glyph, not\n"
	      "# a colour: a verdict shows its key; its colour is in the comments below.\n\n"
	      "[labels]\n\n[drawing]\n\n"
	      "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
	      "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
	      f);
	for (size_t i = 0; i < nl; i++) {
		const desk_label *l = desk_labels_at(in->labels, i);
		unsigned rgb = brat_rgb((int)l->color, l->color256);

		brat_conf_word(f, l->name);
		fprintf(f, "\tfgColor:%s, bgColor:#%06x, borderColor:darken\n", brat_fg(rgb), rgb);
	}
	fputs("Claim\tfgColor:black, bgColor:#ffffff, borderColor:#808080\n", f);
	for (size_t i = 0; i < nv; i++) {
		const desk_verdict *v = desk_verdicts_at(in->verdicts, i);

		fputs("# verdict ", f);
		brat_conf_word(f, v->name);
		fprintf(f, ": #%06x, key ", brat_rgb((int)v->color, v->color256));
		brat_conf_word(f, v->key);
		fputs(" (", f);
		brat_conf_word(f, v->label);
		fputs(")\n", f);
	}
	if (nv > 0) {
		fputs("Verdict\tglyph:", f);
		for (size_t i = 0; i < nv; i++) {
			const char *k = desk_verdicts_at(in->verdicts, i)->key;

			fputs(i ? "|" : "", f);
			brat_conf_word(f, k && *k && strcspn(k, "|,: \t") == strlen(k) ? k : "?");
		}
		fputc('\n', f);
	}
	fputs("Status\tglyph:?|P|V|D\n", f);
	return brat_conf_close(s, f, tmp, "visual.conf");
}

int
fmt_brat_begin(format_sink *s)
{
	int rc;

	if (s->dir == NULL)
		return format_fail(&s->err, DESK_MISUSE, 0, 0, "brat is written to a directory");
	if ((rc = brat_write_annotation_conf(s)) != DESK_OK)
		return rc;
	return brat_write_visual_conf(s);
}

/* --- annotation.conf in: labels ------------------------------------------ */

/* The next line of s[0..len) from *at, NUL-terminated in a copy; comments and ends trimmed. */
typedef struct brat_conf_lines {
	char *buf, *at;
	int64_t line;
} brat_conf_lines;

static char *
brat_conf_next(brat_conf_lines *c, int *indent)
{
	while (c->at && *c->at) {
		char *p = c->at, *nl = strchr(p, '\n'), *e;

		c->at = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		c->line++;
		*indent = *p == '\t' || *p == ' ';
		while (*p == '\t' || *p == ' ')
			p++;
		e = p + strlen(p);
		while (e > p && strchr(" \t\r", e[-1]))
			*--e = '\0';
		if (*p == '\0' || *p == '#')
			continue;
		return p;
	}
	return NULL;
}

/* A brat type name as a copydesk label name (letters, digits, _ and -). */
static int
brat_conf_name_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

typedef struct brat_conf_label {
	char *name, key[8];
	int color, color256;
	int64_t line;
} brat_conf_label;

/* The nearest basic colour and 256-colour cube entry of #rrggbb. */
static void
brat_conf_rgb(brat_conf_label *l, unsigned rgb)
{
	unsigned best = ~0u;
	int q[3];

	for (int i = 0; i < 3; i++) {
		int v = (int)(rgb >> (16 - 8 * i) & 0xff), k = 0;

		for (int j = 1; j < 6; j++)
			if (abs(brat_cube[j] - v) < abs(brat_cube[k] - v))
				k = j;
		q[i] = k;
	}
	l->color256 = 16 + 36 * q[0] + 6 * q[1] + q[2];
	for (int i = 1; i < 8; i++) { /* not black: labels are drawn in it */
		unsigned d = 0;

		for (int k = 0; k < 3; k++) {
			int a = (int)(rgb >> (8 * k) & 0xff),
			    b = (int)(brat_basic_rgb[i] >> (8 * k) & 0xff);

			d += (unsigned)((a - b) * (a - b));
		}
		if (d < best) {
			best = d;
			l->color = i;
		}
	}
}

static brat_conf_label *
brat_conf_find(brat_conf_label *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

/*
 * Whether key is a type's of v[0..n) or that of a label of keep (the set's
 * labels that stay beside the file's, may be NULL) that the file does not name.
 */
static int
brat_conf_key_used(const brat_conf_label *v, size_t n, const desk_labels *keep, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return 1;
	for (size_t i = 0; i < desk_labels_count(keep); i++) {
		const desk_label *l = desk_labels_at(keep, i);
		int named = 0;

		for (size_t j = 0; j < n && !named; j++)
			named = strcmp(v[j].name, l->name) == 0;
		if (!named && strcmp(l->key, key) == 0)
			return 1;
	}
	return 0;
}

/* The [entities] and [events] types of annotation.conf. */
static int
brat_conf_types(brat_conf_label **out, size_t *nout, char *buf, format_error *err)
{
	brat_conf_lines c = {buf, buf, 0};
	brat_conf_label *v = NULL;
	size_t n = 0, cap = 0;
	int in = 0, indent, rc = DESK_OK, seen = 0;
	char *p;

	while ((p = brat_conf_next(&c, &indent)) != NULL) {
		char *e;

		if (*p == '[') {
			in = strcmp(p, "[entities]") == 0 || strcmp(p, "[events]") == 0;
			seen |= strcmp(p, "[entities]") == 0;
			continue;
		}
		if (!in || *p == '!' || *p == '<' || strncmp(p, "----", 4) == 0)
			continue; /* abstract types, macros, separators */
		(void)indent;     /* hierarchy: flattened */
		e = p + strcspn(p, " \t|");
		*e = '\0';
		if (!brat_conf_name_ok(p)) {
			rc = format_fail(err, DESK_INVALID, c.line, 1,
			                 "type \"%.40s\": a label name is letters, digits, _ or -",
			                 p);
			goto done;
		}
		if (brat_conf_find(v, n, p))
			continue;
		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		memset(&v[n], 0, sizeof *v);
		v[n].name = p;
		v[n].color = -1;
		v[n].color256 = -1;
		v[n].line = c.line;
		n++;
	}
	if (!seen)
		rc = format_fail(err, DESK_INVALID, 0, 0,
		                 "no [entities] section: not a brat annotation.conf");
	else if (n == 0)
		rc = format_fail(err, DESK_INVALID, 0, 0, "no entity types");
done:
	*out = v;
	*nout = n;
	return rc;
}

/* kb_shortcuts.conf: "KEY<TAB>TYPE" lines. */
static void
brat_conf_keys(brat_conf_label *v, size_t n, const desk_labels *keep, char *buf)
{
	brat_conf_lines c = {buf, buf, 0};
	int indent;
	char *p;

	while ((p = brat_conf_next(&c, &indent)) != NULL) {
		char *type = p + strcspn(p, " \t");
		brat_conf_label *l;

		if (*type == '\0' || type - p > 4)
			continue;
		*type++ = '\0';
		type += strspn(type, " \t");
		if ((l = brat_conf_find(v, n, type)) != NULL && l->key[0] == '\0' &&
		    !brat_conf_key_used(v, n, keep, p))
			snprintf(l->key, sizeof l->key, "%s", p);
	}
}

/* visual.conf: "TYPE<TAB>... bgColor:#rrggbb ..." lines of [drawing]. */
static void
brat_conf_colors(brat_conf_label *v, size_t n, char *buf)
{
	brat_conf_lines c = {buf, buf, 0};
	int indent;
	char *p;

	while ((p = brat_conf_next(&c, &indent)) != NULL) {
		char *bg = strstr(p, "bgColor:#"), *type_end = p + strcspn(p, " \t");
		brat_conf_label *l;
		unsigned rgb;
		char save = *type_end;

		*type_end = '\0';
		l = brat_conf_find(v, n, p);
		*type_end = save;
		if (l && bg && strspn(bg + 9, "0123456789abcdefABCDEF") >= 6 &&
		    sscanf(bg + 9, "%6x", &rgb) == 1)
			brat_conf_rgb(l, rgb);
	}
}

/* A free one-character key: a letter of the name, else a digit or letter. */
static void
brat_conf_autokey(brat_conf_label *v, size_t n, const desk_labels *keep, brat_conf_label *l)
{
	static const char more[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char k[2] = {0, 0};

	for (const char *s = l->name; *s; s++) {
		k[0] = (char)toupper((unsigned char)*s);
		if (isalnum((unsigned char)k[0]) && !brat_conf_key_used(v, n, keep, k)) {
			memcpy(l->key, k, 2);
			return;
		}
	}
	for (const char *s = more; *s; s++) {
		k[0] = *s;
		if (!brat_conf_key_used(v, n, keep, k)) {
			memcpy(l->key, k, 2);
			return;
		}
	}
}

static char *
brat_conf_copy(const char *s, size_t len)
{
	char *c = malloc(len + 1);

	if (c) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

int
fmt_brat_conf_labels(char **json, const char *conf, size_t len, const char *kb, size_t kblen,
                     const char *visual, size_t vlen, const desk_labels *keep, format_error *err)
{
	char *buf = brat_conf_copy(conf, len), *kbuf = kb ? brat_conf_copy(kb, kblen) : NULL,
	     *vbuf = visual ? brat_conf_copy(visual, vlen) : NULL;
	brat_conf_label *v = NULL;
	json_t *root = NULL, *arr = NULL;
	size_t n = 0;
	int rc;

	*json = NULL;
	if (!buf || (kb && !kbuf) || (visual && !vbuf)) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	if ((rc = brat_conf_types(&v, &n, buf, err)) != DESK_OK)
		goto done;
	if (kbuf)
		brat_conf_keys(v, n, keep, kbuf);
	if (vbuf)
		brat_conf_colors(v, n, vbuf);
	if ((root = json_object()) == NULL || (arr = json_array()) == NULL ||
	    json_object_set_new(root, "name", json_string("brat")) != 0 ||
	    json_object_set_new(root, "description",
	                        json_string("Entity and event types of a brat annotation.conf")) ||
	    json_object_set(root, "labels", arr) != 0)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		json_t *o;
		char desc[160];

		if (v[i].key[0] == '\0')
			brat_conf_autokey(v, n, keep, &v[i]);
		if (v[i].key[0] == '\0') {
			rc = format_fail(err, DESK_INVALID, v[i].line, 1,
			                 "%s: no free key left for it (more types than keys)",
			                 v[i].name);
			goto done;
		}
		snprintf(desc, sizeof desc, "brat type %s", v[i].name);
		o = json_pack("{ss ss ss ss}", "name", v[i].name, "key", v[i].key, "color",
		              brat_basic_name[v[i].color >= 0 ? v[i].color : 1 + (int)(i % 7)],
		              "description", desc);
		if (o == NULL ||
		    (v[i].color256 >= 0 &&
		     json_object_set_new(o, "color256", json_integer(v[i].color256))) ||
		    json_array_append_new(arr, o) != 0)
			goto nomem;
	}
	if ((*json = json_dumps(root, JSON_INDENT(1))) == NULL)
		goto nomem;
	goto done;
nomem:
	rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
done:
	json_decref(arr);
	json_decref(root);
	free(v);
	free(buf);
	free(kbuf);
	free(vbuf);
	return rc;
}
