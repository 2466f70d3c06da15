/*
 * ann.h - a query over a span's or a claim's text (ann.c), for the search
 * over annotations (annsearch.c): the text's words as the full-text index
 * has them, the query's terms, and where they match.
 */
#ifndef COPYDESK_ANN_H
#define COPYDESK_ANN_H

#include "internal.h"

/* A growing string (NUL-terminated; oom set when out of memory). */
struct ann_str {
	char *s;
	size_t n, cap;
	int oom;
};

struct ann_word {
	char *s;
	size_t n;
};

struct ann_term {
	size_t first, n; /* its words in the query's array */
	int prefix;      /* the last word is a prefix */
};

/* A text's words: forms and byte ranges. */
struct ann_words {
	struct ann_word *w;
	size_t *start, *end;
	size_t n, cap;
	int exact;
};

struct ann_query {
	struct ann_word *w;
	struct ann_term *t;
	size_t nw, capw, nt, capt;
	int exact;
	struct ann_words *fold; /* the words folded (exact or not): a cheap first test */
};

void ann_str_put(struct ann_str *b, const char *s, size_t n);
void ann_str_text(struct ann_str *b, const char *s, size_t n);
void ann_words_free(struct ann_words *a);
int ann_words_of(struct ann_words *a, textsearch_scratch *sc, const char *s, size_t n);
void ann_query_free(struct ann_query *q);
int ann_query_parse(struct ann_query *q, desk *d, const char *s);
int ann_maybe(const struct ann_query *q, const char *text, struct ann_str *buf);
int ann_match(struct ann_str *out, const struct ann_query *q, const struct ann_words *a,
              const char *text, const char *open, const char *close);

#endif
