/*
 * import_driver.c - `import_driver DB PATH...`: desk_import_path() on each
 * PATH into DB, printing only the totals.  The benchmark uses the real
 * `copydesk import` when it is built; this is the same library call, for
 * profiling the importer on its own (perf record ./import_driver ...).
 */
#include <stdio.h>

#include "copydesk/copydesk.h"

int
main(int argc, char **argv)
{
	desk_import_stats st = {0};
	desk *d = NULL;
	int rc = DESK_OK;

	if (argc < 3) {
		fprintf(stderr, "usage: import_driver DB PATH...\n");
		return 2;
	}
	if ((rc = desk_open(&d, argv[1], NULL)) != DESK_OK) {
		fprintf(stderr, "import_driver: %s\n", desk_errmsg(d));
		desk_close(d);
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		int r = desk_import_path(d, argv[i], DESK_FORMAT_AUTO, NULL, NULL, &st);

		if (r != DESK_OK) {
			fprintf(stderr, "import_driver: %s: %s\n", argv[i], desk_errmsg(d));
			rc = r;
		}
	}
	fprintf(stderr, "%zu added, %zu skipped as duplicates, %zu refused, from %zu files\n",
	        st.added, st.duplicates, st.refused, st.files);
	desk_close(d);
	return rc == DESK_OK ? 0 : 1;
}
