/*
 * fuzz_termcache.c - the file of what terminals answered the probe
 * (tui/model/termcache.c) on arbitrary bytes.  The first byte picks an
 * answer, the next ones up to a newline (at most 80) a TERM; the rest is
 * the file.  Checked: reading gives a known answer or none; written again
 * with the answer, every line is "ANSWER KEY" in printable ASCII, there are
 * at most TERMCACHE_MAX, the last is the key's, and reading it back gives
 * the answer; every line kept was a line of the file.
 */
#define _GNU_SOURCE /* memmem, open_memstream */
#include "fuzz.h"
#include "termcache.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const names[] = {"joined", "apart", "silent"};
	char term[81], key[TERMCACHE_KEY_MAX + 1], line[TERMCACHE_KEY_MAX + 64], *text = NULL;
	size_t at = 1, nt = 0, len = 0, lines = 0;
	char *last = NULL;
	FILE *in, *out;
	int tones, read;

	if (size < 1)
		return 0;
	tones = data[0] % 3;
	while (at < size && data[at] != '\n' && nt < sizeof term - 1)
		term[nt++] = (char)data[at++];
	term[nt] = '\0';
	at += at < size;
	if (termcache_key(key, sizeof key, term, nt % 2 ? "tmux" : NULL, NULL) != 0)
		return 0;
	FUZZ_CHECK(strlen(key) <= TERMCACHE_KEY_MAX);
	for (const char *p = key; *p; p++)
		FUZZ_CHECK(*p >= 0x20 && *p < 0x7f);
	FUZZ_CHECK((in = tmpfile()) != NULL);
	FUZZ_CHECK(fwrite(data + at, 1, size - at, in) == size - at);
	rewind(in);
	read = termcache_read(in, key);
	FUZZ_CHECK(read >= TERMCACHE_NONE && read <= TERMCACHE_SILENT);
	rewind(in);
	FUZZ_CHECK((out = open_memstream(&text, &len)) != NULL);
	FUZZ_CHECK(termcache_write(in, out, key, tones) == 0);
	fclose(out);
	fclose(in);
	FUZZ_CHECK(len > 0 && text[len - 1] == '\n');
	for (char *p = text, *nl; *p; p = nl + 1) {
		FUZZ_CHECK((nl = strchr(p, '\n')) != NULL);
		FUZZ_CHECK(strncmp(p, "joined ", 7) == 0 || strncmp(p, "apart ", 6) == 0 ||
		           strncmp(p, "silent ", 7) == 0);
		for (char *q = p; q < nl; q++)
			FUZZ_CHECK(*q >= 0x20 && *q < 0x7f);
		FUZZ_CHECK((size_t)(nl - p) < sizeof line);
		/* Kept from the file: the line, whole, is in it. */
		memcpy(line, p, (size_t)(nl - p + 1));
		line[nl - p + 1] = '\0';
		FUZZ_CHECK(nl + 1 == text + len ||
		           memmem(data + at, size - at, line, strlen(line)));
		last = p;
		lines++;
	}
	FUZZ_CHECK(lines <= TERMCACHE_MAX);
	snprintf(line, sizeof line, "%s %s\n", names[tones], key);
	FUZZ_CHECK(last != NULL && strcmp(last, line) == 0);
	FUZZ_CHECK((in = fmemopen(text, len, "r")) != NULL);
	FUZZ_CHECK(termcache_read(in, key) == tones);
	fclose(in);
	free(text);
	return 0;
}
