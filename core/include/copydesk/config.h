/*
 * config.h - the desk's settings (`copydesk config`), kept in the database
 * so that every editor and every export sees the same: the organisation
 * that publishes (ClaimReview's author), the licence and name of a dataset
 * release.
 *
 * Only the keys of desk_config_keys() exist; each value is checked by its
 * key's rule.  Setting and unsetting are edits: one short transaction,
 * logged in the edit log with who and when, undone by desk_undo() like any
 * other ("config": {"key", "before", "after"}, null when unset).
 */
#ifndef COPYDESK_CONFIG_H
#define COPYDESK_CONFIG_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A known key and what it holds, in words. */
typedef struct desk_config_key {
	const char *key;  /* "org.name" */
	const char *what; /* "the organisation publishing the data (ClaimReview's author)" */
} desk_config_key;

/* The known keys, in order, ending with a NULL key. */
const desk_config_key *desk_config_keys(void);

/*
 * The value of key into *out (malloc'ed, the caller frees), or *out NULL
 * when it is not set.  An unknown key is DESK_NOTFOUND, its message listing
 * the known keys; desk_errfield() is then "key".
 */
int desk_config_get(char **out, desk *d, const char *key);

/*
 * Set key to value, checked by the key's rule: DESK_INVALID with the reason
 * (desk_errfield() "value"; desk_errrule() DESK_RULE_URL for a URL without
 * a host, DESK_RULE_LICENSE for what is not an SPDX identifier,
 * DESK_RULE_TEXT or DESK_RULE_EMPTY for the text rules).  *changed (may be
 * NULL) is 0 when the key had that value already: nothing is logged then.
 */
int desk_config_set(int *changed, desk *d, const char *key, const char *value);

/* Unset key; *changed (may be NULL) is 0 when it was not set. */
int desk_config_unset(int *changed, desk *d, const char *key);

/* Every known key with its value (NULL when unset) and who set it when. */
typedef struct desk_config_item {
	const char *key, *what;
	char *value, *updated_by, *updated_at; /* NULL when unset */
} desk_config_item;
typedef struct desk_config_list {
	desk_config_item *v;
	size_t n;
} desk_config_list;
int desk_config_list_get(desk_config_list *out, desk *d);
void desk_config_list_free(desk_config_list *l);
/*
 * The list as JSON (*out malloc'ed): {"org.name": {"value": "..." or null,
 * "updated_by": ..., "updated_at": ..., "description": "..."}, ...}.
 */
int desk_config_json(char **out, desk *d);

#ifdef __cplusplus
}
#endif
#endif
