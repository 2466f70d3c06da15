/*
 * text.h - everything Unicode, over libunistring: validation, NFC, code point
 * <-> byte offsets, grapheme and word boundaries, line-break opportunities,
 * display width, escapes for control characters, and folding for search.
 *
 * Offsets called "cp" are code points, end exclusive; "byte" offsets are
 * into the UTF-8 text.  No other part of copydesk converts between them.
 */
#ifndef COPYDESK_TEXT_H
#define COPYDESK_TEXT_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- Whole strings --------------------------------------------------- */

/*
 * Check that s[0..len) is valid UTF-8 without NUL bytes.  On failure returns
 * DESK_INVALID and sets *bad to the byte offset of the first bad byte.
 */
int desk_utf8_check(const char *s, size_t len, size_t *bad);

/*
 * A copy of s[0..len) as valid UTF-8: each byte that starts no valid
 * sequence (and NUL) becomes U+FFFD.  For what the system hands over as
 * bytes, file names above all, before it is stored.  *out is
 * NUL-terminated; the caller frees it.
 */
int desk_utf8_repair(char **out, const char *s, size_t len);

/* Number of code points in valid UTF-8. */
int64_t desk_utf8_count(const char *s, size_t len);

/*
 * 1-based line and column (in code points) of byte offset `byte` of s, for
 * messages.  Works on invalid UTF-8 too (a bad byte counts as one column).
 */
void desk_utf8_line_col(const char *s, size_t byte, int64_t *line, int64_t *col);

/* NFC normalisation of valid UTF-8; *out is NUL-terminated, caller frees. */
int desk_nfc(char **out, size_t *outlen, const char *s, size_t len);

/*
 * Fold for comparison: NFD, drop combining marks, lower case, and fold
 * letters without a decomposition (đ/Đ -> d).  "Đà Nẵng" -> "da nang".
 */
int desk_fold(char **out, size_t *outlen, const char *s, size_t len);

/*
 * Fold only some of the way: DESK_FOLD_CASE (case folded, NFC), or
 * DESK_FOLD_ACCENT (NFD without combining marks, đ/Đ -> d/D, case kept), or
 * both (desk_fold()).  Neither gives NFC.  *out is NUL-terminated.
 */
enum { DESK_FOLD_CASE = 1, DESK_FOLD_ACCENT = 2 };
int desk_fold_as(char **out, size_t *outlen, const char *s, size_t len, int how);

/*
 * The escape shown in place of a character that must not reach the terminal:
 * C0 controls other than LF and TAB and DEL as "^X" (ESC is "^["), C1
 * controls, bidi controls and other non-printable characters as "<U+XXXX>".
 * Returns the escape's length (its display width) and writes it NUL-terminated
 * into buf (at least 12 bytes), or returns 0 when c is printable as is.
 */
int desk_char_escape(uint32_t c, char *buf);

/*
 * s[0..len) as it may be shown: every character desk_char_escape() escapes
 * written as its escape, and bytes that are not UTF-8 as "\xNN".  With
 * DESK_ESCAPE_LINES, LF and TAB too ("^J", "^I"), to keep a field on its
 * line.  *out is NUL-terminated, caller frees.  Every string from the store,
 * a file name or the command line goes through this (or desk_char_escape)
 * before it reaches a terminal.
 */
enum { DESK_ESCAPE_LINES = 1 };
int desk_escape(char **out, size_t *outlen, const char *s, size_t len, int flags);

/*
 * JSON text (as jansson or SQLite write it) with the characters
 * desk_char_escape() escapes (C1 controls, DEL, bidi controls, ...) written
 * as \uXXXX, so that the JSON parses to the same strings but shows none of
 * them raw.  A byte that is not UTF-8 (SQLite copies what another program
 * stored) is written as \ufffd: the JSON stays JSON and never carries it.
 */
int desk_json_escape(char **out, size_t *outlen, const char *json, size_t len);

/*
 * What an editor may give as a field the store keeps: s[0..len) valid UTF-8, at most
 * max code points, and no character desk_char_escape() escapes (controls,
 * DEL, C1 and bidi controls, unassigned ...).  DESK_FIELD_LINE: one line,
 * so no LF or TAB either; DESK_FIELD_NONEMPTY: not empty or only spaces.
 * Returns NULL when s is fit, else why not ("is longer than 64 characters",
 * "holds a control character (^[)"), written into buf.
 */
enum { DESK_FIELD_LINE = 1, DESK_FIELD_NONEMPTY = 2 };
#define DESK_FIELD_WHY 80
const char *desk_field_check(char buf[DESK_FIELD_WHY], const char *s, size_t len, size_t max,
                             int flags);

/* The limits, in code points. */
#define DESK_EDITOR_MAX 64    /* an editor's name */
#define DESK_NAME_MAX   200   /* an entity's name */
#define DESK_ID_MAX     100   /* an external id (a Wikidata QID, ...) */
#define DESK_SOURCE_MAX 2000  /* evidence's source: a URL or a citation */
#define DESK_TITLE_MAX  1000  /* an article's title */
#define DESK_NOTE_MAX   10000 /* a note, a quote, a reason */

/* Display width of a printable character (0 for combining marks, 2 for wide). */
int desk_char_width(uint32_t c);

/* Display width of s[0..len): desk_char_width() of each character (a bad byte is 1). */
int desk_utf8_width(const char *s, size_t len);

/*
 * Whether s[0..len) can be a label's or a verdict's key: one character that
 * shows by itself (no space of any kind, control, escape or combining mark).
 */
int desk_key_valid(const char *s, size_t len);

/* --- A text with its boundaries ---------------------------------------- */

/* An immutable UTF-8 text with its boundaries computed once (opaque). */
typedef struct desk_text desk_text;

/* s must be valid UTF-8 (desk_utf8_check); the text keeps its own copy. */
int desk_text_new(desk_text **out, const char *s, size_t len);
void desk_text_free(desk_text *t);

int64_t desk_text_len(const desk_text *t); /* code points */
const char *desk_text_utf8(const desk_text *t);
size_t desk_text_bytes(const desk_text *t);
uint32_t desk_text_char(const desk_text *t, int64_t cp);
size_t desk_text_byte(const desk_text *t, int64_t cp); /* cp in [0, len] */
int64_t desk_text_cp(const desk_text *t, size_t byte); /* byte on a char boundary */

/* Graphemes (extended grapheme clusters). */
int desk_text_is_grapheme(const desk_text *t, int64_t cp);       /* cp starts a cluster */
int64_t desk_text_next_grapheme(const desk_text *t, int64_t cp); /* <= len */
int64_t desk_text_prev_grapheme(const desk_text *t, int64_t cp); /* >= 0 */
/* The start of the grapheme containing cp. */
int64_t desk_text_grapheme_start(const desk_text *t, int64_t cp);

/*
 * Words, by libunistring's word breaks; a word is a segment holding a letter
 * or digit (a syllable in Vietnamese).  next: the start of the next word
 * after cp (len if none); prev: the start of the word before cp, or of the
 * word containing cp when cp is inside it (0 if none), as vim's w and b.
 */
int64_t desk_text_next_word(const desk_text *t, int64_t cp);
int64_t desk_text_prev_word(const desk_text *t, int64_t cp);
/*
 * Whether a whole word may begin or end at cp: the text's ends, next to a
 * character that is no letter, digit or mark, or where a word starts
 * between two letters (CJK).  "Nam" does not end a word inside "Namibia".
 */
int desk_text_is_word_boundary(const desk_text *t, int64_t cp);

/* Line-break opportunity before cp (UAX #14, libunistring). */
enum { DESK_BREAK_NO = 0, DESK_BREAK_ALLOWED = 1, DESK_BREAK_MANDATORY = 2 };
int desk_text_break(const desk_text *t, int64_t cp);

/*
 * Display width of the grapheme starting at cp: the sum of its characters'
 * widths, escapes counting their length.  Tabs count 1 (callers expand them).
 */
int desk_text_grapheme_width(const desk_text *t, int64_t cp);

/*
 * Find needle from cp onwards (or, with DESK_FIND_BACKWARD, the last match
 * starting before cp).  DESK_FIND_FOLD compares after desk_fold().  Matches
 * start and end on grapheme boundaries; with DESK_FIND_WORD also on word
 * boundaries (whole words only).  Returns DESK_OK with the match in code
 * points, or DESK_NOTFOUND.  Wraps around neither way.
 */
enum { DESK_FIND_FOLD = 1, DESK_FIND_BACKWARD = 2, DESK_FIND_WORD = 4 };
int desk_text_find(const desk_text *t, const char *needle, int64_t cp, int flags, int64_t *start,
                   int64_t *end);

#ifdef __cplusplus
}
#endif
#endif
