/*
 * desk.h - the database handle, result codes and the editor's identity.
 *
 * Every function of libcopydesk returns an int result code from the table
 * below (DESK_OK on success).  On failure the handle keeps a message that
 * desk_errmsg() returns until the next call on the same handle.  Output
 * parameters come first, as in libgit2.
 */
#ifndef COPYDESK_DESK_H
#define COPYDESK_DESK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes.  desk_strerror() gives the generic text for each. */
enum {
	DESK_OK = 0,
	DESK_ERROR,     /* internal or SQLite error */
	DESK_NOMEM,     /* out of memory */
	DESK_MISUSE,    /* bad arguments from the caller */
	DESK_NOTFOUND,  /* no such article, position, ... */
	DESK_INVALID,   /* input data refused: bad UTF-8, NUL, broken JSON, ... */
	DESK_DUPLICATE, /* the same article is already stored */
	DESK_IO,        /* a file could not be read or written */
	DESK_BUSY,      /* the database stayed locked past the busy timeout */
	DESK_SCHEMA,    /* the database was made by a newer copydesk */
	DESK_RANGE,     /* offsets outside the text, or start >= end */
	DESK_CONFLICT,  /* refused: someone's data would be lost (a used label, an edit since) */
	/* roles (issue 12): */
	DESK_DENIED, /* refused by the editor's role: not on the user list, not a chief, not theirs
	              */
	DESK_NCODES
};

typedef struct desk desk;

/* The library's version as "MAJOR.MINOR.PATCH". */
const char *desk_version(void);

/* Generic text for a result code. */
const char *desk_strerror(int rc);

/*
 * Open (creating if needed) the database at path; ":memory:" gives a private
 * in-memory database.  editor is the name recorded with every change; NULL
 * means the Unix login name.  On failure *out may still be set (so that
 * desk_errmsg() can say why) and must be passed to desk_close().  A handle
 * is for one thread at a time; open one per thread that needs the store.
 */
int desk_open(desk **out, const char *path, const char *editor);
/*
 * desk_open with flags.  DESK_OPEN_EXISTING: create nothing; a missing or
 * empty file is DESK_NOTFOUND ("no such database"), for commands that only
 * read.  The editor's name is refused (DESK_INVALID) when it is empty,
 * longer than DESK_EDITOR_MAX or holds a control character
 * (desk_field_check); every open failure says what is wrong in words: no
 * such directory, permission denied, not a copydesk database, newer schema.
 */
enum { DESK_OPEN_EXISTING = 1 };
int desk_open_ext(desk **out, const char *path, const char *editor, unsigned flags);
void desk_close(desk *d);

/* The message of the last failed call on d (never NULL). */
const char *desk_errmsg(const desk *d);

/*
 * What the last failed call refused, for a caller that acts on it (a form
 * that goes back to the field): the input's field ("source", "quote",
 * "consulted", "reason", "range"; "" when the failure is not about one field)
 * and the rule it broke (DESK_RULE_NONE when none).  Set with the message,
 * kept as long as it is; never parse desk_errmsg() for these.
 */
enum {
	DESK_RULE_NONE = 0,
	DESK_RULE_EMPTY,         /* nothing given where something must be */
	DESK_RULE_UTF8,          /* not valid UTF-8 */
	DESK_RULE_URL,           /* meant as a link, but not a URL with a host */
	DESK_RULE_CITATION,      /* neither a URL nor a citation naming the source */
	DESK_RULE_DATE,          /* not a date (YYYY-MM-DD) of the calendar */
	DESK_RULE_FUTURE,        /* a date after today */
	DESK_RULE_NOT_CANDIDATE, /* a range that is not a check-worthy candidate */
	DESK_RULE_DISMISSED,     /* already dismissed */
	DESK_RULE_IN_USE,        /* still used (an entity with mentions) */
	DESK_RULE_TEXT,          /* a control character, or longer than the field's limit */
	DESK_RULE_LICENSE,       /* not an SPDX licence identifier (CC-BY-4.0, MIT, ...) */
	DESK_RULE_QUOTE,         /* a search query's quote left open */
	DESK_RULE_OPERATOR,      /* a search query's AND, OR or NOT without a term on each side */
	DESK_RULE_PAREN,         /* a search query's parentheses unbalanced or empty */
	DESK_RULE_QUERY,         /* a search query the index cannot read otherwise */
	DESK_RULE_UNKNOWN, /* a name the database does not know (a label, a status, an entity) */
	/* agree: multi-annotator import and agreement */
	DESK_RULE_TEXT_DIFFERS, /* a brat project's annotators hold different texts of a document */
	DESK_RULE_ONE_LAYER,    /* fewer than two editors' layers to compare */
	/* gold (adjudication, gold.h) */
	DESK_RULE_GOLD_SAME, /* the gold layer has a span of this range and label already */
	DESK_RULE_NO_LAYER,  /* that editor has no span in the article */
	DESK_RULE_NO_DIFFER, /* the claim's verdict is not one editors differ on */
	/* roles (issue 12), each with DESK_DENIED: */
	DESK_RULE_NOT_USER,    /* the editor is not on the database's user list */
	DESK_RULE_CHIEF_ONLY,  /* only a chief may do it (labels, verdicts, users, overturning) */
	DESK_RULE_OWNER,       /* another editor's span, claim, research or evidence */
	DESK_RULE_OWN_VERDICT, /* a review of a verdict one proposed oneself */
	DESK_RULE_LAST_CHIEF,  /* the list would be left without a chief */
	DESK_NRULES
};
const char *desk_errfield(const desk *d);
int desk_errrule(const desk *d);
/* A rule's name for scripts and JSON ("empty", "utf8", "url", ...; "" for none). */
const char *desk_rule_name(int rule);

/* The name recorded with this handle's changes. */
const char *desk_editor(const desk *d);

/*
 * The Unix user running copydesk, by its uid (getpwuid; "uidN" without an
 * entry), never $USER or $LOGNAME, which anyone can set: the editor a handle
 * opened without one records.
 */
void desk_login(char *buf, size_t size);

/* The schema version of the open database (PRAGMA user_version). */
int desk_schema_version(const desk *d);

/* Nonzero when another connection changed the database since the last call. */
int desk_changed(desk *d);

/*
 * Make the edits up to desk_edit_commit() one transaction and one undo step
 * (a claim with its research, a bulk edit): either all of them are written
 * or, after desk_edit_rollback() or a crash, none.  An edit that fails inside
 * is taken back alone (a savepoint), so the caller may go on or roll back
 * the whole.  They nest.  Keep the group short: it holds the write lock.
 */
int desk_edit_begin(desk *d);
int desk_edit_commit(desk *d);
void desk_edit_rollback(desk *d);

#ifdef __cplusplus
}
#endif
#endif
