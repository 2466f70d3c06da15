/* cmd_entity.c - `copydesk entities` and `copydesk entity rename|merge`. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* id, name, external id, mentions, aliases ("; " between them); tab-separated. */
static void
cmd_entity_print(FILE *f, const desk_entity *e)
{
	cmd_printf(f, "%lld\t", (long long)e->id);
	cmd_write_text(f, e->name, strlen(e->name));
	cmd_printf(f, "\t%s\t%lld\t", *e->external_id ? e->external_id : "-",
	           (long long)e->mentions);
	for (const char *a = e->aliases; *a;) {
		size_t n = strcspn(a, "\n");

		cmd_write_text(f, a, n);
		a += n;
		if (*a == '\n' && *++a)
			fputs("; ", f);
	}
	fputc('\n', f);
}

/* How many entities `entities` reads at a time: it never holds more. */
#define CMD_ENTITIES_PAGE 256

/* One entity as the JSON object of `entities --json` (its aliases an array); 0 or -1. */
static int
cmd_entity_json(FILE *f, const desk_entity *e)
{
	json_t *o, *al = json_array();
	char *s = NULL;

	for (const char *a = e->aliases; al && *a;) {
		size_t n = strcspn(a, "\n");

		json_array_append_new(al, json_stringn(a, n));
		a += n + (a[n] == '\n');
	}
	o = json_pack("{sI ss ss sI so}", "id", (json_int_t)e->id, "name", e->name, "external_id",
	              e->external_id, "mentions", (json_int_t)e->mentions, "aliases", al);
	if (o && (s = json_dumps(o, JSON_COMPACT)) != NULL)
		cmd_write_json(f, s);
	free(s);
	json_decref(o);
	return s ? 0 : -1;
}

/* entities [--limit N] [--json]: by name, a page at a time. */
int
cmd_entities(struct cli *c, int argc, char **argv)
{
	desk_entity_place key = {NULL, 0};
	char *name = NULL;
	int64_t limit = 0, done = 0;
	desk *d = NULL;
	int json_out = 0, rc = DESK_OK, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if (desk_parse_int(&limit, argv[++i]) != DESK_OK || limit < 1)
				return cmd_usage(c, "entities",
				                 "--limit takes a number from 1, not %s", argv[i]);
		} else
			return cmd_usage(c, "entities", "unexpected argument %s", argv[i]);
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out)
		fputc('[', c->out);
	for (;;) {
		size_t want = CMD_ENTITIES_PAGE, n;
		desk_entities *e = NULL;

		if (limit > 0 && limit - done < (int64_t)want)
			want = (size_t)(limit - done);
		if (want == 0 || (rc = desk_entities_page(&e, d, &key, 0, want)) != DESK_OK)
			break;
		n = desk_entities_count(e);
		for (size_t i = 0; i < n && rc == DESK_OK; i++) {
			const desk_entity *x = desk_entities_at(e, i);

			if (json_out && done + (int64_t)i > 0)
				fputc(',', c->out);
			if (!json_out)
				cmd_entity_print(c->out, x);
			else if (cmd_entity_json(c->out, x) != 0)
				rc = DESK_NOMEM;
		}
		if (n > 0 && rc == DESK_OK) { /* the next page after the last, whose name e owns */
			free(name);
			if ((name = strdup(desk_entities_at(e, n - 1)->name)) == NULL)
				rc = DESK_NOMEM;
			key = (desk_entity_place){name, desk_entities_at(e, n - 1)->id};
		}
		desk_entities_free(e);
		done += (int64_t)n;
		if (rc != DESK_OK || n < want)
			break;
	}
	if (json_out)
		fputs("]\n", c->out);
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk entities: %s\n",
		           rc == DESK_NOMEM ? desk_strerror(rc) : desk_errmsg(d));
	free(name);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* entity rename ID NAME [--external QID] */
static int
cmd_entity_rename(struct cli *c, int argc, char **argv)
{
	const char *pos[2], *external = NULL;
	int64_t id = 0;
	desk *d = NULL;
	int npos = 0, rc, ret;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--external") == 0 && i + 1 < argc)
			external = argv[++i];
		else if (strncmp(argv[i], "--external=", 11) == 0)
			external = argv[i] + 11;
		else if (argv[i][0] != '-' && npos < 2)
			pos[npos++] = argv[i];
		else
			return cmd_usage(c, "entity", "unexpected argument %s", argv[i]);
	}
	if (npos != 2)
		return cmd_usage(c, "entity", "rename needs an entity id and a name");
	if (*pos[1] == '\0')
		return cmd_usage(c, "entity", "the name is empty");
	if ((ret = cmd_parse_id(c, "entity", "an entity", pos[0], &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_entity_rename(d, id, pos[1], external)) != DESK_OK)
		cmd_printf(c->err, "copydesk entity: %s\n", desk_errmsg(d));
	desk_close(d);
	return cmd_exit_status(rc);
}

/* entity merge INTO FROM */
static int
cmd_entity_merge(struct cli *c, int argc, char **argv)
{
	int64_t into = 0, from = 0;
	desk *d = NULL;
	int rc, ret;

	if (argc != 4)
		return cmd_usage(c, "entity", "merge needs two entity ids: INTO FROM");
	if ((ret = cmd_parse_id(c, "entity", "an entity", argv[2], &into)) != 0 ||
	    (ret = cmd_parse_id(c, "entity", "an entity", argv[3], &from)) != 0)
		return ret;
	if (into == from)
		return cmd_usage(c, "entity", "cannot merge entity %lld into itself",
		                 (long long)into);
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_entity_merge(d, into, from)) != DESK_OK)
		cmd_printf(c->err, "copydesk entity: %s\n", desk_errmsg(d));
	desk_close(d);
	return cmd_exit_status(rc);
}

/* entity delete ID */
static int
cmd_entity_delete(struct cli *c, int argc, char **argv)
{
	int64_t id = 0;
	desk *d = NULL;
	int rc, ret;

	if (argc != 3)
		return cmd_usage(c, "entity", "delete needs one entity id");
	if ((ret = cmd_parse_id(c, "entity", "an entity", argv[2], &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_entity_delete(d, id)) != DESK_OK)
		cmd_printf(c->err, "copydesk entity: %s\n", desk_errmsg(d));
	else
		cmd_printf(c->err, "copydesk entity: entity %lld deleted (undo brings it back)\n",
		           (long long)id);
	desk_close(d);
	return cmd_exit_status(rc);
}

int
cmd_entity(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage(c, "entity", "rename, merge or delete?");
	if (strcmp(argv[1], "rename") == 0)
		return cmd_entity_rename(c, argc, argv);
	if (strcmp(argv[1], "merge") == 0)
		return cmd_entity_merge(c, argc, argv);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_entity_delete(c, argc, argv);
	return cmd_usage(c, "entity", "unknown entity command %s (rename, merge or delete)",
	                 argv[1]);
}
