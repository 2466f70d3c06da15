/*
 * brat_util.h - what test_brat.c and test_brat_conf.c share: the shared
 * datasets' place and reading a whole file.
 */
#ifndef TEST_BRAT_UTIL_H
#define TEST_BRAT_UTIL_H

#include <stdio.h>
#include <stdlib.h>

/* ../shared/datasets, or $COPYDESK_DATASETS. */
static inline const char *
datasets(void)
{
	const char *e = getenv("COPYDESK_DATASETS");

	return e && *e ? e : FIXTURES "/../../../shared/datasets";
}

static inline char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (len)
		*len = 0;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

#endif
