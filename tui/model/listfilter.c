/* listfilter.c - the article list's filter as typed (see listfilter.h). */
#include <stdio.h>
#include <string.h>

#include "listfilter.h"

void
listfilter_init(struct listfilter *lf)
{
	memset(lf, 0, sizeof *lf);
	lf->status = DESK_STATUS_ANY;
	lf->sort = DESK_SORT_ID;
}

/* Copy value (n bytes) into dst (size cap), if it fits. */
static int
listfilter_put(char *dst, size_t cap, const char *value, size_t n)
{
	if (n == 0 || n >= cap)
		return -1;
	memcpy(dst, value, n);
	dst[n] = '\0';
	return 0;
}

/* One word name=value into lf; -1 with err set when it is not one. */
static int
listfilter_word(struct listfilter *lf, const char *w, size_t n, char *err, size_t errlen)
{
	const char *eq = memchr(w, '=', n);
	size_t k = eq ? (size_t)(eq - w) : n, vn = eq ? n - k - 1 : 0;
	const char *v = eq ? eq + 1 : "";
	char buf[64];
	desk_claim_status cs;

	if (eq == NULL || vn == 0 || vn >= sizeof buf)
		goto bad;
	memcpy(buf, v, vn);
	buf[vn] = '\0';
	if (k == 6 && memcmp(w, "status", 6) == 0) {
		if (desk_status_parse(&lf->status, buf) != DESK_OK || lf->status == DESK_STATUS_ANY)
			goto bad;
		return 0;
	}
	if (k == 4 && memcmp(w, "lang", 4) == 0) {
		if (strcmp(buf, "vi") && strcmp(buf, "en"))
			goto bad;
		return listfilter_put(lf->lang, sizeof lf->lang, v, vn);
	}
	if ((k == 4 && memcmp(w, "from", 4) == 0) || (k == 2 && memcmp(w, "to", 2) == 0)) {
		if (!desk_date_valid(v, vn))
			goto bad;
		return k == 4 ? listfilter_put(lf->from, sizeof lf->from, v, vn)
		              : listfilter_put(lf->to, sizeof lf->to, v, vn);
	}
	if (k == 5 && memcmp(w, "label", 5) == 0) {
		if (listfilter_put(lf->label, sizeof lf->label, v, vn) == 0)
			return 0;
		goto bad;
	}
	if (k == 5 && memcmp(w, "claim", 5) == 0) {
		if (desk_claim_status_parse(&cs, buf) != DESK_OK || cs == DESK_CLAIM_ANY)
			goto bad;
		return listfilter_put(lf->claim, sizeof lf->claim, desk_claim_status_name(cs),
		                      strlen(desk_claim_status_name(cs)));
	}
bad:
	snprintf(err, errlen,
	         "not a filter: %.*s (status=new|progress|done lang=vi|en from=YYYY-MM-DD "
	         "to=YYYY-MM-DD label=NAME claim=check|proposed|verified|disputed)",
	         (int)(n > 40 ? 40 : n), w);
	return -1;
}

int
listfilter_parse(struct listfilter *lf, const char *args, char *err, size_t errlen)
{
	struct listfilter next;
	const char *p = args ? args : "";

	listfilter_init(&next);
	next.sort = lf->sort;
	for (;;) {
		size_t n;

		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		n = strcspn(p, " \t");
		if (listfilter_word(&next, p, n, err, errlen) != 0)
			return -1;
		p += n;
	}
	if (next.from[0] && next.to[0] && strcmp(next.from, next.to) > 0) {
		snprintf(err, errlen, "from=%s is after to=%s", next.from, next.to);
		return -1;
	}
	*lf = next;
	return 0;
}

desk_article_filter
listfilter_get(const struct listfilter *lf)
{
	desk_article_filter f = {.status = lf->status, .sort = lf->sort};

	f.lang = lf->lang[0] ? lf->lang : NULL;
	f.date_from = lf->from[0] ? lf->from : NULL;
	f.date_to = lf->to[0] ? lf->to : NULL;
	f.label = lf->label[0] ? lf->label : NULL;
	f.claim_status = lf->claim[0] ? lf->claim : NULL;
	return f;
}

void
listfilter_describe(const struct listfilter *lf, char *buf, size_t len)
{
	size_t at = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
#define LISTFILTER_ADD(name, value)                                                                \
	do {                                                                                       \
		if (at < len)                                                                      \
			at += (size_t)snprintf(buf + at, len - at, "%s" name "=%s", at ? " " : "", \
			                       value);                                             \
	} while (0)
	if (lf->status != DESK_STATUS_ANY)
		LISTFILTER_ADD("status", desk_status_name(lf->status));
	if (lf->lang[0])
		LISTFILTER_ADD("lang", lf->lang);
	if (lf->from[0])
		LISTFILTER_ADD("from", lf->from);
	if (lf->to[0])
		LISTFILTER_ADD("to", lf->to);
	if (lf->label[0])
		LISTFILTER_ADD("label", lf->label);
	if (lf->claim[0])
		LISTFILTER_ADD("claim", lf->claim);
#undef LISTFILTER_ADD
}
