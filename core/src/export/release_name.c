/*
 * release_name.c - the names of a release's files (release.h), which the
 * release and its card both give: "train", "dev", "test", and each format's
 * file of a split ("train.conll", "brat/train").
 */
#include <stdio.h>

#include "release_int.h"

const char *
release_split_name(int split)
{
	return split == 1 ? "train" : split == 2 ? "dev" : "test";
}

/* Each format's files: the split's name and this ending ("" for a directory). */
static const struct {
	desk_format f;
	const char *ext;
} release_exts[] = {
    {DESK_FORMAT_JSONL, ".jsonl"},
    {DESK_FORMAT_CONLL, ".conll"},
    {DESK_FORMAT_DOCCANO, ".doccano.jsonl"},
    {DESK_FORMAT_BRAT, ""},
    {DESK_FORMAT_CLAIMREVIEW, ".claimreview.jsonld"},
    {DESK_FORMAT_FEVER, ".fever.jsonl"},
    {DESK_FORMAT_CSV, ".csv"},
};

const char *
desk_release_file(char *buf, size_t size, desk_format f, int split)
{
	for (size_t i = 0; i < sizeof release_exts / sizeof release_exts[0]; i++)
		if (release_exts[i].f == f && split >= 1 && split <= 3) {
			if (f == DESK_FORMAT_BRAT)
				snprintf(buf, size, "brat/%s", release_split_name(split));
			else
				snprintf(buf, size, "%s%s", release_split_name(split),
				         release_exts[i].ext);
			return buf;
		}
	return NULL;
}
