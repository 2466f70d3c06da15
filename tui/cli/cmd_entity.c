/* cmd_entity.c - `copydesk entities` and `copydesk entity rename|merge`. */
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

int
cmd_entities(struct cli *c, int argc, char **argv)
{
	desk_entities *e = NULL;
	char *json = NULL;
	desk *d = NULL;
	int json_out = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else
			return cmd_usage(c, "entities", "unexpected argument %s", argv[i]);
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out) {
		if ((rc = desk_entities_json(&json, d)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_entities_get(&e, d)) == DESK_OK) {
		for (size_t i = 0; i < desk_entities_count(e); i++)
			cmd_entity_print(c->out, desk_entities_at(e, i));
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk entities: %s\n", desk_errmsg(d));
	free(json);
	desk_entities_free(e);
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
