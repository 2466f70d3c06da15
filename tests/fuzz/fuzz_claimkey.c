/*
 * fuzz_claimkey.c - the claim matching key against arbitrary bytes.
 * Checked: invalid UTF-8 is refused, not read past; a key is valid UTF-8
 * without NUL; the same text in NFC and as given has the same key; and a
 * key's key is itself (the key is already folded and collapsed).
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data;
	char *key = NULL, *again = NULL, *nfc = NULL, *knfc = NULL;
	size_t n = 0;
	int rc = desk_claim_key(&key, s, size);

	if (desk_utf8_check(s, size, NULL) != DESK_OK) {
		FUZZ_CHECK(rc != DESK_OK);
		goto done;
	}
	FUZZ_CHECK(rc == DESK_OK && key != NULL);
	FUZZ_CHECK(desk_utf8_check(key, strlen(key), NULL) == DESK_OK);
	FUZZ_CHECK(desk_nfc(&nfc, &n, s, size) == DESK_OK);
	FUZZ_CHECK(desk_claim_key(&knfc, nfc, n) == DESK_OK);
	FUZZ_CHECK(strcmp(key, knfc) == 0);
	FUZZ_CHECK(desk_claim_key(&again, key, strlen(key)) == DESK_OK);
	FUZZ_CHECK(strcmp(key, again) == 0);
done:
	free(key);
	free(again);
	free(nfc);
	free(knfc);
	return 0;
}
