/*
 * formats/conll_scheme.h - the tag schemes of CoNLL files (conll_scheme.c),
 * for the CoNLL reader and writer (conll.c) alone: which scheme a file's
 * tags follow and whether they are valid in it, and the tag a token gets
 * in the scheme an export asks for.
 */
#ifndef COPYDESK_CONLL_SCHEME_H
#define COPYDESK_CONLL_SCHEME_H

#include "format.h"

/*
 * What a file's tags say about their scheme, gathered tag by tag: whether
 * BIOES prefixes occur, where IOB2 and IOB1 are broken, and the first error
 * under BIOES's rules.  Zero it before the first tag.
 */
typedef struct conll_scheme {
	int64_t bioes_line; /* the first E-, S-, M-, L- or U- */
	int middle_m, bilou;
	int64_t iob1_line, iob1_col; /* the first I- that starts a chunk (IOB1) */
	char iob1_msg[160];
	int64_t fresh_line; /* the first B- after O or another type (not IOB1) */
	char fresh_msg[160];
	format_error bioes; /* the first error under BIOES (rc 0: none) */
	/* The previous tag of the sentence ('\0': none), its line and column. */
	char prev;
	const char *plabel;
	size_t plen;
	int64_t pline, pcol;
	int inside; /* BIOES: a chunk is open */
} conll_scheme;

/*
 * The next tag, at line and column of the file: prefix one of O B I E S M L
 * U, and for all but O the label label[0..n) (which must stay valid until
 * the next tag).
 */
void conll_scheme_tag(conll_scheme *sc, int64_t line, int64_t col, char prefix, const char *label,
                      size_t n);
/* A sentence ends (a blank line, -DOCSTART-, the end of the file). */
void conll_scheme_end(conll_scheme *sc);
/*
 * After the last tag: the file's scheme judged.  IOB2 is taken as it is;
 * IOB1 and the BIOES family are told as a note; tags valid in no scheme
 * refuse the file (err, with the line and column).
 */
int conll_scheme_judge(const conll_scheme *sc, const format_notes *notes, format_error *err);

/*
 * The prefix ('B', 'I', 'E' or 'S') of a token of a chunk in scheme:
 * whether the token before is of the same chunk (prev_same) or of another
 * chunk of the same label right before (prev_label), and whether the token
 * after is of the same chunk (next_same).
 */
char conll_scheme_prefix(desk_scheme scheme, int prev_same, int prev_label, int next_same);

/* At most 40 bytes of s[0..n), cut at a character's start: how much to quote in a message. */
int conll_scheme_quote(const char *s, size_t n);

#endif
