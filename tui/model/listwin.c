/* listwin.c - the window of rows a long list holds (see listwin.h). */
#include "listwin.h"

struct listwin_plan
listwin_plan(const struct listwin *w, size_t lo, size_t hi)
{
	struct listwin_plan p = {LISTWIN_NONE, 0, 0};
	size_t cap = w->cap ? w->cap : 1, start;

	if (hi > w->total)
		hi = w->total;
	if (lo >= hi)
		return p;
	if (w->len > 0 && lo >= w->base && hi <= w->base + w->len)
		return p;
	/* A new window with the wanted rows in its middle. */
	start = hi - lo >= cap ? lo : lo > (cap - (hi - lo)) / 2 ? lo - (cap - (hi - lo)) / 2 : 0;
	if (w->len > 0 && lo >= w->base && lo <= w->base + w->len && hi > w->base + w->len) {
		/* Moving down past the window: read on from its end. */
		p.read = LISTWIN_AFTER;
		p.start = w->base + w->len;
		p.count = hi - p.start + (cap - (hi - lo)) / 2;
		if (p.count > cap)
			p.count = cap;
		return p;
	}
	if (w->len > 0 && hi <= w->base + w->len && lo < w->base && hi >= w->base) {
		p.read = LISTWIN_BEFORE;
		p.count = w->base - lo + (cap - (hi - lo)) / 2;
		if (p.count > w->base)
			p.count = w->base;
		if (p.count > cap)
			p.count = cap;
		p.start = w->base - p.count;
		return p;
	}
	p.count = cap;
	if (start == 0) {
		p.read = LISTWIN_TOP;
	} else if (start + cap >= w->total) {
		p.read = LISTWIN_BOTTOM;
		p.start = w->total > cap ? w->total - cap : 0;
	} else {
		p.read = LISTWIN_AT;
		p.start = start;
	}
	return p;
}

size_t
listwin_got(struct listwin *w, const struct listwin_plan *p, size_t got)
{
	size_t drop = 0;

	switch (p->read) {
	case LISTWIN_NONE:
		break;
	case LISTWIN_AFTER:
		w->len += got;
		if (w->len > w->cap) {
			drop = w->len - w->cap;
			w->base += drop;
			w->len = w->cap;
		}
		if (w->base + w->len > w->total)
			w->total = w->base + w->len;
		break;
	case LISTWIN_BEFORE:
		w->base -= got < w->base ? got : w->base;
		w->len += got;
		if (w->len > w->cap) {
			drop = w->len - w->cap;
			w->len = w->cap;
		}
		break;
	case LISTWIN_TOP:
	case LISTWIN_AT:
		w->base = p->read == LISTWIN_TOP ? 0 : p->start;
		w->len = got;
		if (w->base + got > w->total)
			w->total = w->base + got;
		break;
	case LISTWIN_BOTTOM:
		/* The last rows: the list ends with them, whatever it held before. */
		w->base = w->total > got ? w->total - got : 0;
		w->len = got;
		break;
	}
	return drop;
}
