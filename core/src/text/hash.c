/*
 * hash.c - the one hash of the core: FNV-1a 64, eight bytes at a time, the
 * same on every machine.  An article body's hash finds duplicates
 * (hash_hex), a claim key's finds a claim's repeats in the sentence index
 * (hash_key, and copydesk_key_hash() in SQL).  Calls nothing of copydesk.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static uint64_t
hash_fnv(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ len;
	size_t i = 0;

	/* FNV-1a a word at a time (a byte at a time was a tenth of an import). */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w); /* the same hash on every machine */
#endif
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 32;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

void
hash_hex(char out[17], const char *s, size_t len)
{
	snprintf(out, 17, "%016llx", (unsigned long long)hash_fnv(s, len));
}

int64_t
hash_key(const char *key, size_t len)
{
	return (int64_t)hash_fnv(key, len);
}

/* copydesk_key_hash(KEY): hash_key() in SQL, for the claim lists' repeat counts. */
static void
hash_sql_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int64(ctx, hash_key(s, (size_t)sqlite3_value_bytes(argv[0])));
}

int
hash_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "copydesk_key_hash", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	                               hash_sql_key, NULL, NULL);
}
