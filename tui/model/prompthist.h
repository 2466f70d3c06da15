/*
 * prompthist.h - the history of a prompt's lines (`:` commands, `/`
 * searches), browsed with Up and Down as in a shell, and kept in a file
 * between runs.  Pure: no curses.
 */
#ifndef COPYDESK_PROMPTHIST_H
#define COPYDESK_PROMPTHIST_H

#include <stddef.h>
#include <stdio.h>

/* Lines kept per prompt; the oldest go first. */
#define PROMPTHIST_MAX 200

struct prompthist {
	char **lines; /* oldest first */
	size_t n;
	size_t at;   /* the line shown while browsing; n: the one being typed */
	char *typed; /* what was being typed when browsing started */
};

void prompthist_init(struct prompthist *h);
void prompthist_free(struct prompthist *h);

/* Remember line (not an empty one, nor the last one again); browsing starts anew.  DESK_*. */
int prompthist_add(struct prompthist *h, const char *line);

/*
 * Browse: the older line (Up) or the newer one (Down), or NULL at the end.
 * current is the line on screen: kept, on the first Up, to come back to with
 * Down past the newest.
 */
const char *prompthist_older(struct prompthist *h, const char *current);
const char *prompthist_newer(struct prompthist *h);

/* Browsing ends (the prompt closed). */
void prompthist_reset(struct prompthist *h);

/*
 * The file holds one line a line, each after its prompt's character (":" or
 * "/"); a line of another kind or with a control character is skipped.  Read
 * kind's lines from f; write h's lines of kind to f.
 */
void prompthist_read(struct prompthist *h, FILE *f, int kind);
void prompthist_write(const struct prompthist *h, FILE *f, int kind);

#endif
