/*
 * formats/conll_scheme.c - the tag schemes of CoNLL files, one home for
 * what conll.c's reader and writer both need to know about them.
 *
 *   IOB2   B- starts every chunk, I- continues it.
 *   IOB1   I- starts a chunk; B- only one that follows a chunk of its label
 *          right away (the CoNLL-2003 files).
 *   BIOES  B- (I-)* E- or S-, in its spellings: IOBES (NCRF++), BMES (M- for
 *          the middle), BILOU (L- last, U- unit).
 *
 * A file's scheme is judged from all its tags: BIOES when any E-, S-, M-,
 * L- or U- occurs (and then every chunk must be well formed), else IOB1
 * when an I- starts a chunk (and then every B- must follow a chunk of its
 * label), else IOB2.
 */
#include <stdio.h>
#include <string.h>

#include "conll_scheme.h"

int
conll_scheme_quote(const char *s, size_t n)
{
	if (n <= 40)
		return (int)n;
	n = 40;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

void
conll_scheme_tag(conll_scheme *sc, int64_t line, int64_t col, char prefix, const char *label,
                 size_t n)
{
	int q = conll_scheme_quote(label, n), pq = conll_scheme_quote(sc->plabel, sc->plen);
	int same = sc->prev != '\0' && sc->prev != 'O' && prefix != 'O' && sc->plen == n &&
	           memcmp(sc->plabel, label, n) == 0;
	char c = prefix == 'M' ? 'I' : prefix == 'L' ? 'E' : prefix == 'U' ? 'S' : prefix;

	if (strchr("ESMLU", prefix) != NULL && sc->bioes_line == 0)
		sc->bioes_line = line;
	sc->middle_m |= prefix == 'M';
	sc->bilou |= prefix == 'L' || prefix == 'U';
	if (prefix == 'I' && !same && sc->iob1_line == 0) {
		sc->iob1_line = line;
		sc->iob1_col = col;
		snprintf(sc->iob1_msg, sizeof sc->iob1_msg, "I-%.*s %s starts a chunk", q, label,
		         sc->prev == '\0'  ? "at a sentence's start"
		         : sc->prev == 'O' ? "after O"
		                           : "after another type");
	}
	if (prefix == 'B' && !same && sc->fresh_line == 0) {
		sc->fresh_line = line;
		snprintf(sc->fresh_msg, sizeof sc->fresh_msg, "B-%.*s does not follow a %.*s chunk",
		         q, label, q, label);
	}
	if (sc->bioes.rc == 0 && sc->inside && !((c == 'I' || c == 'E') && same))
		format_fail(&sc->bioes, DESK_INVALID, line, col,
		            "%c%s%.*s after %c-%.*s: a chunk goes on with I- (or M-) or ends with "
		            "E- of its type",
		            prefix, prefix == 'O' ? "" : "-", q, label, sc->prev, pq, sc->plabel);
	else if (sc->bioes.rc == 0 && !sc->inside && (c == 'I' || c == 'E'))
		format_fail(&sc->bioes, DESK_INVALID, line, col,
		            "%c-%.*s continues no chunk: it must follow B- or I- of its type",
		            prefix, q, label);
	sc->inside = c == 'B' || (c == 'I' && sc->inside);
	sc->prev = prefix;
	sc->plabel = label;
	sc->plen = n;
	sc->pline = line;
	sc->pcol = col;
}

void
conll_scheme_end(conll_scheme *sc)
{
	if (sc->inside && sc->bioes.rc == 0)
		format_fail(&sc->bioes, DESK_INVALID, sc->pline, sc->pcol,
		            "the %.*s chunk ends with its sentence without an E- tag",
		            conll_scheme_quote(sc->plabel, sc->plen), sc->plabel);
	sc->inside = 0;
	sc->prev = '\0';
}

int
conll_scheme_judge(const conll_scheme *sc, const format_notes *notes, format_error *err)
{
	if (sc->bioes_line > 0) {
		if (sc->bioes.rc != 0) {
			*err = sc->bioes;
			return err->rc;
		}
		format_note(
		    notes, sc->bioes_line,
		    "%s tags read; export writes IOB2 unless --scheme bioes (IOBES, with I- "
		    "for the middle)",
		    sc->bilou      ? "BILOU"
		    : sc->middle_m ? "BMES"
		                   : "IOBES");
	} else if (sc->iob1_line > 0) {
		if (sc->fresh_line > 0)
			return format_fail(
			    err, DESK_INVALID, sc->iob1_line, sc->iob1_col,
			    "the tags are neither IOB2 (here %s) nor IOB1 (line %lld: %s)",
			    sc->iob1_msg, (long long)sc->fresh_line, sc->fresh_msg);
		format_note(notes, sc->iob1_line,
		            "IOB1 tags read as IOB2 (%s); export writes IOB2 unless --scheme iob1",
		            sc->iob1_msg);
	}
	return DESK_OK;
}

char
conll_scheme_prefix(desk_scheme scheme, int prev_same, int prev_label, int next_same)
{
	switch (scheme) {
	case DESK_SCHEME_IOB1:
		return !prev_same && prev_label ? 'B' : 'I';
	case DESK_SCHEME_BIOES:
		return prev_same ? (next_same ? 'I' : 'E') : (next_same ? 'B' : 'S');
	default:
		return prev_same ? 'I' : 'B';
	}
}
