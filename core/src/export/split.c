/*
 * split.c - which split of a release an article falls in (stats.h's
 * desk_split_of): the one rule the export driver, the statistics and the
 * release share.  The hash is of the stored body and the seed only, so an
 * article never changes split when others are added.
 */
#include "internal.h"

int
desk_split_of(const char *text, size_t len, uint64_t seed, const unsigned pct[3])
{
	uint64_t h = (uint64_t)hash_key(text, len) ^ (seed * 0x9e3779b97f4a7c15ULL);
	unsigned bucket;

	/* splitmix64's finaliser: every bit of the seed and the hash moves the bucket. */
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	h ^= h >> 31;
	bucket = (unsigned)(h % 100);
	if (bucket < pct[0])
		return 1;
	if (bucket < pct[0] + pct[1])
		return 2;
	return 3;
}
