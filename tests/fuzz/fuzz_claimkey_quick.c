/*
 * fuzz_claimkey_quick.c - the sentence index's fast paths against the slow
 * ones, on arbitrary bytes: the claim key by the fold table (desk_claim_key,
 * claimkey_hash) against claimkey_reference() (desk_fold, then NFC), and the
 * index's sentences (sentindex_keys_of) against desk_sentences() and the
 * reference keys.  Any difference aborts.
 *
 * Built with -fsanitize=fuzzer (COPYDESK_FUZZ=ON, clang) it is a libFuzzer
 * harness; otherwise fuzz.h's main() replays its corpus (tests/fuzz/corpus/
 * claimkey_quick), as ctest does.
 */
#include "fuzz.h" /* internal.h too: the fast and slow paths compared */

static void
fuzz_key(const char *s, size_t len)
{
	claimkey_scratch sc = {0};
	char *fast = NULL, *slow = NULL;
	int64_t hash = 0;
	int empty = 0;

	if (claimkey_reference(&slow, s, len) != DESK_OK ||
	    desk_claim_key(&fast, s, len) != DESK_OK)
		abort();
	if (strcmp(fast, slow) != 0)
		abort();
	if (claimkey_hash(&hash, &empty, &sc, s, len) != DESK_OK ||
	    hash != hash_key(slow, strlen(slow)) || empty != (slow[0] == '\0'))
		abort();
	claimkey_scratch_free(&sc);
	free(fast);
	free(slow);
}

static void
fuzz_sentences(const char *s, size_t len)
{
	sentindex_keys k = {0};
	desk_text *t = NULL;
	desk_range *r = NULL;
	size_t n = 0, used = 0;

	if (desk_text_new(&t, s, len) != DESK_OK || desk_sentences(&r, &n, t) != DESK_OK ||
	    sentindex_keys_of(&k, s, len) != DESK_OK)
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t a = desk_text_byte(t, r[i].start), b = desk_text_byte(t, r[i].end);
		char *slow = NULL;

		if (claimkey_reference(&slow, s + a, b - a) != DESK_OK)
			abort();
		if (slow[0] != '\0') {
			if (used >= k.n || k.v[used].hash != hash_key(slow, strlen(slow)) ||
			    k.v[used].start != r[i].start || k.v[used].end != r[i].end)
				abort();
			used++;
		}
		free(slow);
	}
	if (used != k.n)
		abort();
	sentindex_keys_free(&k);
	free(r);
	desk_text_free(t);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data;

	if (size > 65536 || desk_utf8_check(s, size, NULL) != DESK_OK)
		return 0; /* the keys are made of valid UTF-8 only */
	fuzz_key(s, size);
	fuzz_sentences(s, size);
	return 0;
}
