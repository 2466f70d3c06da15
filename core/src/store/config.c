/*
 * config.c - the desk's settings (config.h): the known keys, the rule for
 * each value, and their rows in the config table (migration 6).  A change
 * is an undoable edit: history_record() logs {"key", "before", "after"}
 * and history_actions.c's "config" entry puts a value back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

/* How a key's value is checked. */
enum { CONFIG_LINE, CONFIG_URL, CONFIG_LICENSE, CONFIG_TEXT };

static const desk_config_key config_keys[] = {
    {"org.name", "the organisation that publishes the data (ClaimReview's author)"},
    {"org.url", "the organisation's web site, http:// or https:// with a host"},
    {"license", "the data's licence as an SPDX identifier (CC-BY-4.0, CC0-1.0, ...)"},
    {"dataset.name", "a dataset release's name (its card's pretty_name and title)"},
    {"dataset.description", "a dataset release's description (its card's first paragraph)"},
    {NULL, NULL},
};

/* The rule of each key of config_keys, in the same order. */
static const struct config_rule {
	int rule;
	size_t max; /* code points */
} config_rules[] = {
    {CONFIG_LINE, DESK_NAME_MAX}, {CONFIG_URL, DESK_SOURCE_MAX}, {CONFIG_LICENSE, DESK_ID_MAX},
    {CONFIG_LINE, DESK_NAME_MAX}, {CONFIG_TEXT, DESK_NOTE_MAX},
};

const desk_config_key *
desk_config_keys(void)
{
	return config_keys;
}

/* The index of key in config_keys, or -1 with DESK_NOTFOUND naming the known keys. */
static int
config_index(desk *d, const char *key)
{
	char known[256] = "";

	for (int i = 0; config_keys[i].key; i++)
		if (key != NULL && strcmp(config_keys[i].key, key) == 0)
			return i;
	for (int i = 0; config_keys[i].key; i++)
		snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
		         i == 0 ? "" : ", ", config_keys[i].key);
	desk_error_field(d, DESK_NOTFOUND, "key", DESK_RULE_NONE,
	                 "no setting \"%s\": the settings are %s", key ? key : "", known);
	return -1;
}

/*
 * An SPDX licence identifier or expression: ids of letters, digits, '.',
 * '-' (a trailing '+' allowed), starting with a letter ("CC-BY-4.0",
 * "LicenseRef-newsroom"), joined by AND, OR or WITH.
 */
static int
config_license_valid(const char *s)
{
	int want_id = 1;

	while (*s) {
		size_t n = 0;

		while (s[n] && s[n] != ' ')
			n++;
		if (want_id) {
			if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
				return 0;
			for (size_t i = 0; i < n; i++) {
				char c = s[i];

				if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
				      (c >= '0' && c <= '9') || c == '.' || c == '-' ||
				      (c == '+' && i == n - 1)))
					return 0;
			}
		} else if (!((n == 3 && (memcmp(s, "AND", 3) == 0)) ||
		             (n == 2 && memcmp(s, "OR", 2) == 0) ||
		             (n == 4 && memcmp(s, "WITH", 4) == 0))) {
			return 0;
		}
		want_id = !want_id;
		s += n;
		if (*s == ' ') {
			s++;
			if (*s == '\0' || *s == ' ')
				return 0;
		}
	}
	return !want_id; /* ends with an id, and is not empty */
}

static int
config_check(desk *d, int k, const char *v)
{
	const struct config_rule *r = &config_rules[k];
	const char *key = config_keys[k].key;
	char why[DESK_FIELD_WHY];
	const char *bad;
	size_t len = strlen(v);
	int url;

	bad =
	    desk_field_check(why, v, len, r->max,
	                     DESK_FIELD_NONEMPTY | (r->rule == CONFIG_TEXT ? 0 : DESK_FIELD_LINE));
	if (bad != NULL)
		return desk_error_field(d, DESK_INVALID, "value",
		                        strspn(v, " \t\n") == len ? DESK_RULE_EMPTY
		                                                  : DESK_RULE_TEXT,
		                        "%s: the value %s", key, bad);
	if (r->rule == CONFIG_URL && (url = desk_url_check(v, len)) != DESK_URL_OK)
		return desk_error_field(
		    d, DESK_INVALID, "value", DESK_RULE_URL, "%s: \"%s\" is not a URL: %s", key, v,
		    url == DESK_URL_NOSCHEME ? "it must start with http:// or https://"
		    : url == DESK_URL_SPACE  ? "it has white space in it"
		                             : "no host such as example.com");
	if (r->rule == CONFIG_LICENSE && !config_license_valid(v))
		return desk_error_field(d, DESK_INVALID, "value", DESK_RULE_LICENSE,
		                        "%s: \"%s\" is not an SPDX licence identifier such as "
		                        "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0 or MIT",
		                        key, v);
	return DESK_OK;
}

/* The value of key now into *out (NULL: unset), inside or outside a transaction. */
static int
config_read(char **out, desk *d, const char *key)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, "SELECT value FROM config WHERE key = ?1")) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*out = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "config");
	}
	sqlite3_finalize(st);
	return rc;
}

int
desk_config_get(char **out, desk *d, const char *key)
{
	*out = NULL;
	if (config_index(d, key) < 0)
		return DESK_NOTFOUND;
	return config_read(out, d, key);
}

/* Set (value) or unset (NULL) key, as one undoable edit when it changes. */
static int
config_put(int *changed, desk *d, const char *key, const char *value)
{
	static const char set_sql[] =
	    "INSERT INTO config (key, value, updated_by, updated_at) VALUES (?1, ?2, "
	    "?3, " DESK_SQL_NOW ") ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
	    "updated_by = excluded.updated_by, updated_at = excluded.updated_at";
	sqlite3_stmt *st = NULL;
	char *old = NULL, *data = NULL;
	json_t *o = NULL;
	int rc, began = 0, k;

	if (changed)
		*changed = 0;
	if ((k = config_index(d, key)) < 0)
		return DESK_NOTFOUND;
	if (value != NULL && (rc = config_check(d, k, value)) != DESK_OK)
		return rc;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	began = 1;
	if ((rc = config_read(&old, d, key)) != DESK_OK)
		goto done;
	if ((old == NULL && value == NULL) || (old && value && strcmp(old, value) == 0))
		goto done; /* no change, no edit */
	if ((rc = desk_prepare(d, &st, value ? set_sql : "DELETE FROM config WHERE key = ?1")) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value) {
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, desk_editor(d), -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "config");
		goto done;
	}
	o = json_pack("{s:s, s:o, s:o}", "key", key, "before", old ? json_string(old) : json_null(),
	              "after", value ? json_string(value) : json_null());
	if (o == NULL || (data = json_dumps(o, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = history_record(d, "config", 0, 0, data)) != DESK_OK)
		goto done;
	if (changed)
		*changed = 1;
done:
	sqlite3_finalize(st);
	if (began) {
		if (rc == DESK_OK)
			rc = desk_commit(d);
		else
			desk_rollback(d);
	}
	json_decref(o);
	free(data);
	free(old);
	return rc;
}

int
desk_config_set(int *changed, desk *d, const char *key, const char *value)
{
	if (value == NULL)
		return desk_error(d, DESK_MISUSE, "config: no value");
	return config_put(changed, d, key, value);
}

int
desk_config_unset(int *changed, desk *d, const char *key)
{
	return config_put(changed, d, key, NULL);
}

int
desk_config_list_get(desk_config_list *out, desk *d)
{
	static const char sql[] = "SELECT value, updated_by, updated_at FROM config WHERE key = ?1";
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int rc = DESK_OK, r;

	memset(out, 0, sizeof *out);
	while (config_keys[n].key)
		n++;
	if ((out->v = calloc(n, sizeof *out->v)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++, out->n++) {
		desk_config_item *it = &out->v[i];

		it->key = config_keys[i].key;
		it->what = config_keys[i].what;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, it->key, -1, SQLITE_STATIC);
		if ((r = sqlite3_step(st)) == SQLITE_ROW) {
			it->value = desk_strdup((const char *)sqlite3_column_text(st, 0));
			it->updated_by = desk_strdup((const char *)sqlite3_column_text(st, 1));
			it->updated_at = desk_strdup((const char *)sqlite3_column_text(st, 2));
			if (!it->value || !it->updated_by || !it->updated_at) {
				rc = desk_error(d, DESK_NOMEM, "out of memory");
				out->n++;
				goto done;
			}
		} else if (r != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "config");
			goto done;
		}
	}
done:
	sqlite3_finalize(st);
	if (rc != DESK_OK)
		desk_config_list_free(out);
	return rc;
}

void
desk_config_list_free(desk_config_list *l)
{
	for (size_t i = 0; l && i < l->n; i++) {
		free(l->v[i].value);
		free(l->v[i].updated_by);
		free(l->v[i].updated_at);
	}
	if (l) {
		free(l->v);
		l->v = NULL;
		l->n = 0;
	}
}

int
desk_config_json(char **out, desk *d)
{
	desk_config_list l;
	json_t *o;
	int rc;

	*out = NULL;
	if ((rc = desk_config_list_get(&l, d)) != DESK_OK)
		return rc;
	o = json_object();
	for (size_t i = 0; o && i < l.n; i++) {
		const desk_config_item *it = &l.v[i];

		if (json_object_set_new(o, it->key,
		                        json_pack("{s:s?, s:s?, s:s?, s:s}", "value", it->value,
		                                  "updated_by", it->updated_by, "updated_at",
		                                  it->updated_at, "description", it->what)) != 0) {
			json_decref(o);
			o = NULL;
		}
	}
	desk_config_list_free(&l);
	if (o == NULL || (*out = json_dumps(o, JSON_COMPACT)) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
	json_decref(o);
	return rc;
}
