/*
 * test_sha256.c - core/src/text/sha256.c against the test vectors of FIPS
 * 180-4's examples (NIST's "SHA256.pdf": one block, two blocks, the
 * 896-bit message, a million 'a'), the empty message, and every split of
 * the input into pieces, which must give the same digest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static void
digest(char out[65], const char *s, size_t len)
{
	sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, s, len);
	sha256_hex(out, &c);
}

static void
test_vectors(void **state)
{
	static const struct {
		const char *in, *hex;
	} v[] = {
	    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmno"
	     "pqrl"
	     "mnopqrsmnopqrstnopqrstu",
	     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
	    /* 55, 56 and 64 bytes: the padding's edges */
	    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	     "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
	    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	     "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
	    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	     "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
	};
	char hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		digest(hex, v[i].in, strlen(v[i].in));
		assert_string_equal(hex, v[i].hex);
	}
}

static void
test_million_a(void **state)
{
	char *a = malloc(1000000), hex[65];
	sha256_ctx c;

	(void)state;
	assert_non_null(a);
	memset(a, 'a', 1000000);
	digest(hex, a, 1000000);
	assert_string_equal(hex,
	                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* the same in pieces of 1,000 */
	sha256_init(&c);
	for (int i = 0; i < 1000; i++)
		sha256_update(&c, a + 1000 * i, 1000);
	sha256_hex(hex, &c);
	assert_string_equal(hex,
	                    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Every split into two or three pieces gives the digest of the whole. */
static void
test_pieces(void **state)
{
	static const char msg[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
	                          "Tiếng Việt có dấu: Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh.";
	size_t n = strlen(msg);
	char whole[65], hex[65];

	(void)state;
	digest(whole, msg, n);
	for (size_t i = 0; i <= n; i++)
		for (size_t j = i; j <= n; j += 7) {
			sha256_ctx c;

			sha256_init(&c);
			sha256_update(&c, msg, i);
			sha256_update(&c, msg + i, j - i);
			sha256_update(&c, msg + j, n - j);
			sha256_hex(hex, &c);
			assert_string_equal(hex, whole);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_vectors),
	    cmocka_unit_test(test_million_a),
	    cmocka_unit_test(test_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
