/*
 * listfilter.h - the article list's filter and sort as the editor types
 * them (`:filter status=done lang=vi from=2024-01-01 to=2024-12-31
 * label=ORG claim=check`, `:sort date`), checked, kept in fixed buffers and
 * turned into a desk_article_filter; and the words the title bar shows for
 * them.  Pure: no store, no terminal.
 */
#ifndef COPYDESK_LISTFILTER_H
#define COPYDESK_LISTFILTER_H

#include <stddef.h>

#include "copydesk/copydesk.h"

struct listfilter {
	desk_status status; /* DESK_STATUS_ANY: every status */
	desk_article_sort sort;
	char lang[4];   /* "" or "vi", "en" */
	char from[11];  /* "" or YYYY-MM-DD */
	char to[11];    /* "" or YYYY-MM-DD */
	char label[64]; /* "" or a label's name */
	char claim[16]; /* "" or a claim status */
};

/* Every article, in id order. */
void listfilter_init(struct listfilter *lf);

/*
 * Parse args (words name=value; NULL or empty: no filter) into lf, keeping
 * its sort.  On a bad word returns -1 with a message naming it in err and
 * leaves lf as it was.
 */
int listfilter_parse(struct listfilter *lf, const char *args, char *err, size_t errlen);

/* lf as the store's filter (pointing into lf). */
desk_article_filter listfilter_get(const struct listfilter *lf);

/* "status=done lang=vi ..." (only what is set; "" for none) into buf. */
void listfilter_describe(const struct listfilter *lf, char *buf, size_t len);

#endif
