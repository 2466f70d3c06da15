/*
 * termcache.h - what each kind of terminal answered the interface's probe
 * (termcache.c): a small file in the data directory, one line a terminal.
 */
#ifndef COPYDESK_TERMCACHE_H
#define COPYDESK_TERMCACHE_H

#include <stddef.h>
#include <stdio.h>

/* The answers: a skin tone drawn joined to its emoji, apart, or no answer in time. */
enum termcache_tones { TERMCACHE_NONE = -1, TERMCACHE_JOINED, TERMCACHE_APART, TERMCACHE_SILENT };

/* At most this many terminals are remembered (the ones written last). */
#define TERMCACHE_MAX 32
/* The longest key kept; a longer one is never remembered. */
#define TERMCACHE_KEY_MAX 400

/*
 * The key of a terminal into buf: TERM=... and, when set, TERM_PROGRAM=...
 * and TERM_PROGRAM_VERSION=... (NULL: not set), each value's bytes outside
 * printable ASCII, space and % as %XX.  0, or -1 when it does not fit.
 */
int termcache_key(char *buf, size_t size, const char *term, const char *program,
                  const char *version);
/* What the cache f says of key: a TERMCACHE_* answer, TERMCACHE_NONE when it says nothing. */
int termcache_read(FILE *f, const char *key);
/*
 * The cache in (NULL: none) with key's answer set to tones, to out: the
 * other lines that are sound, the oldest dropped beyond TERMCACHE_MAX, then
 * key's.  0, or -1 when out could not be written.
 */
int termcache_write(FILE *in, FILE *out, const char *key, int tones);

/* The same on the file at path, written by rename() from a new file beside it. */
int termcache_load(const char *path, const char *key);
int termcache_store(const char *path, const char *key, int tones);

#endif
