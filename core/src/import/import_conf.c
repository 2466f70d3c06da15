/*
 * import_conf.c - a brat project's annotation.conf (with its kb_shortcuts.conf
 * and visual.conf) loaded as the label set: formats/brat_conf.c turns it into
 * a label file, which the label code loads as any other (all or nothing).
 */
#include <stdlib.h>
#include <string.h>

#include "formats/format.h"
#include "internal.h"

int
desk_labels_import_brat(desk *d, const char *name, const char *conf, size_t len, const char *kb,
                        size_t kblen, const char *visual, size_t vlen, int replace)
{
	const char *file = name && *name ? name : "annotation.conf";
	desk_labels *keep = NULL;
	format_error err = {0};
	char *json = NULL;
	int rc;

	if (d == NULL || (conf == NULL && len > 0))
		return desk_error(d, DESK_MISUSE, "no annotation.conf");
	if (!replace && (rc = desk_labels_get(&keep, d)) != DESK_OK)
		return rc;
	rc =
	    fmt_brat_conf_labels(&json, conf ? conf : "", len, kb, kblen, visual, vlen, keep, &err);
	desk_labels_free(keep);
	if (rc != DESK_OK) {
		if (err.line > 0)
			return desk_error(d, rc, "%s:%lld: %s", file, (long long)err.line, err.msg);
		return desk_error(d, rc, "%s: %s", file, err.msg);
	}
	rc = desk_labels_import(d, file, json, strlen(json), replace);
	free(json);
	return rc;
}
