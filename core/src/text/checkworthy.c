/*
 * checkworthy.c - which sentences of a text are worth checking, and why.
 *
 * Each sentence gets flags (DESK_WHY_*) from three scans over the text:
 *   - numbers: a number followed by "%" or "phần trăm"/"percent" (percent),
 *     by a currency ("USD", "đồng", "đ", "euro") perhaps after a magnitude
 *     ("2,1 tỷ USD") or after a currency sign ("$5") (money), by a unit or a
 *     counted noun ("800 đại biểu", "14 tỉnh", "10km", "9 triệu") (figure);
 *     a number after "ngày", "tháng", "năm" or a month's name, before a
 *     month's name, a year (1800-2100), "29/10" or "2025-11-02" is a date;
 *   - words and phrases (desk_text_find, whole words, case folded): the
 *     lists below; since folding also drops accents and Vietnamese words
 *     then collide ("giảm"/"giám đốc", "nhất"/"Nhật", "năm"/"Nam",
 *     "tăng"/"tầng"), each match must also equal the phrase up to case;
 *   - quotes: “…”, «…» and "…" pairs (within a paragraph) holding at least
 *     three words flag every sentence they overlap.
 * A sentence's score is the sum of its flags' weights (a flag counts once,
 * at its strongest match); sentences scoring CHECKWORTHY_MIN or more are
 * candidates.  A date alone (1) or a quote or comparison alone (2) is not
 * enough; a figure, a percentage, money or a superlative is.
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>

#include "internal.h"

#define CHECKWORTHY_MIN   3
#define CHECKWORTHY_FLAGS 7

typedef struct checkworthy_phrase {
	const char *s;
	int why;
	int weight;
	const char *not_next; /* a word after it that makes it something else, or NULL */
} checkworthy_phrase;

static const checkworthy_phrase checkworthy_phrases[] = {
    /* percent */
    {"phần trăm", DESK_WHY_PERCENT, 4, NULL},
    {"percent", DESK_WHY_PERCENT, 4, NULL},
    {"per cent", DESK_WHY_PERCENT, 4, NULL},
    {"percentage point", DESK_WHY_PERCENT, 4, NULL},
    {"percentage points", DESK_WHY_PERCENT, 4, NULL},
    /* money */
    {"USD", DESK_WHY_MONEY, 4, NULL},
    {"VND", DESK_WHY_MONEY, 4, NULL},
    {"VNĐ", DESK_WHY_MONEY, 4, NULL},
    {"EUR", DESK_WHY_MONEY, 4, NULL},
    {"đô la", DESK_WHY_MONEY, 4, NULL},
    {"nhân dân tệ", DESK_WHY_MONEY, 4, NULL},
    {"dollar", DESK_WHY_MONEY, 4, NULL},
    {"dollars", DESK_WHY_MONEY, 4, NULL},
    {"euro", DESK_WHY_MONEY, 4, NULL},
    {"euros", DESK_WHY_MONEY, 4, NULL},
    {"yuan", DESK_WHY_MONEY, 4, NULL},
    {"triệu đồng", DESK_WHY_MONEY, 4, NULL},
    {"tỷ đồng", DESK_WHY_MONEY, 4, NULL},
    {"tỉ đồng", DESK_WHY_MONEY, 4, NULL},
    {"nghìn đồng", DESK_WHY_MONEY, 4, NULL},
    {"ngàn đồng", DESK_WHY_MONEY, 4, NULL},
    {"trăm đồng", DESK_WHY_MONEY, 4, NULL},
    /* superlatives and rankings */
    {"lớn nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"cao nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"nhiều nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"thấp nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"nhỏ nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"đông nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"mạnh nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"giàu nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"nghèo nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"dài nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"nhanh nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"tốt nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"tồi tệ nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"đầu tiên", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"duy nhất", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"kỷ lục", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"kỉ lục", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"hàng đầu", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"số một", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"lần đầu", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"chưa từng có", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"thứ hai", DESK_WHY_SUPERLATIVE, 3, NULL}, /* not "ngày thứ Hai": see checkworthy_weekday */
    {"thứ ba", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"thứ nhì", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"the first", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"first-ever", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"the only", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"largest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"biggest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"highest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"lowest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"smallest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"greatest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"fastest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"longest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"richest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"poorest", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"worst", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"record", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"all-time", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"unprecedented", DESK_WHY_SUPERLATIVE, 3, NULL},
    {"most", DESK_WHY_SUPERLATIVE, 2, NULL},
    {"least", DESK_WHY_SUPERLATIVE, 2, NULL},
    {"only", DESK_WHY_SUPERLATIVE, 2, NULL},
    {"top", DESK_WHY_SUPERLATIVE, 2, NULL},
    {"best", DESK_WHY_SUPERLATIVE, 2, NULL},
    /* comparisons */
    {"tăng", DESK_WHY_COMPARISON, 2, "cường"},
    {"giảm", DESK_WHY_COMPARISON, 2, NULL},
    {"gấp đôi", DESK_WHY_COMPARISON, 2, NULL},
    {"gấp ba", DESK_WHY_COMPARISON, 2, NULL},
    {"gấp", DESK_WHY_COMPARISON, 2, "rút"},
    {"so với", DESK_WHY_COMPARISON, 2, NULL},
    {"hơn", DESK_WHY_COMPARISON, 2, NULL},
    {"vượt", DESK_WHY_COMPARISON, 2, NULL},
    {"sụt", DESK_WHY_COMPARISON, 2, NULL},
    {"increase", DESK_WHY_COMPARISON, 2, NULL},
    {"increased", DESK_WHY_COMPARISON, 2, NULL},
    {"increases", DESK_WHY_COMPARISON, 2, NULL},
    {"decrease", DESK_WHY_COMPARISON, 2, NULL},
    {"decreased", DESK_WHY_COMPARISON, 2, NULL},
    {"fell", DESK_WHY_COMPARISON, 2, NULL},
    {"fall", DESK_WHY_COMPARISON, 2, NULL},
    {"falls", DESK_WHY_COMPARISON, 2, NULL},
    {"rose", DESK_WHY_COMPARISON, 2, NULL},
    {"rise", DESK_WHY_COMPARISON, 2, NULL},
    {"rises", DESK_WHY_COMPARISON, 2, NULL},
    {"grew", DESK_WHY_COMPARISON, 2, NULL},
    {"declined", DESK_WHY_COMPARISON, 2, NULL},
    {"dropped", DESK_WHY_COMPARISON, 2, NULL},
    {"doubled", DESK_WHY_COMPARISON, 2, NULL},
    {"tripled", DESK_WHY_COMPARISON, 2, NULL},
    {"halved", DESK_WHY_COMPARISON, 2, NULL},
    {"compared with", DESK_WHY_COMPARISON, 2, NULL},
    {"compared to", DESK_WHY_COMPARISON, 2, NULL},
    {"than", DESK_WHY_COMPARISON, 2, NULL},
};

/* Words after a number. */
static const char *const checkworthy_magnitudes[] = {
    "triệu",   "tỷ",      "tỉ",       "nghìn",    "ngàn",    "trăm", "vạn",
    "million", "billion", "trillion", "thousand", "hundred", "bn",   "mn"};
static const char *const checkworthy_currencies[] = {
    "USD",  "VND", "VNĐ", "đồng", "đ",      "EUR",    "euro", "euros", "dollar", "dollars",
    "yuan", "yen", "won", "baht", "rupees", "pounds", "đô",   "bảng",  "NDT"};
static const char *const checkworthy_months[] = {
    "January",   "February", "March",    "April",    "May",  "June", "July", "August",
    "September", "October",  "November", "December", "Jan",  "Feb",  "Mar",  "Apr",
    "Jun",       "Jul",      "Aug",      "Sep",      "Sept", "Oct",  "Nov",  "Dec"};
/* Words before a number that make it part of a date. */
static const char *const checkworthy_date_words[] = {"ngày", "tháng", "năm", "hôm", "mùng", "mồng"};
/* Words before a year that make it a date, and words before a number that make it a name. */
static const char *const checkworthy_year_words[] = {"in", "since", "until", "by", "từ", "đến"};
static const char *const checkworthy_name_words[] = {
    "quận", "phường",  "điều",    "khoản", "số",    "chương", "mục", "tầng", "phòng", "lớp",
    "No",   "Article", "Chapter", "Room",  "Route", "khóa",   "lần", "thứ",  "đường"};
/* Words before "thứ hai" that make it Monday. */
static const char *const checkworthy_day_words[] = {"ngày", "hôm", "sáng", "chiều", "tối",
                                                    "trưa", "đêm", "vào",  "từ",    "đến"};

static uint32_t
checkworthy_char(const desk_text *t, int64_t cp)
{
	return cp >= 0 && cp < desk_text_len(t) ? desk_text_char(t, cp) : 0;
}

static int
checkworthy_is_digit(uint32_t c)
{
	return c && uc_is_general_category(c, UC_CATEGORY_Nd);
}

static int
checkworthy_is_letter(uint32_t c)
{
	return c && uc_is_general_category(c, uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_M));
}

/* Horizontal white space (a line break ends the look). */
static int
checkworthy_is_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

/* Whether [a, b) of t equals s up to case (accents count). */
static int
checkworthy_equal(const desk_text *t, int64_t a, int64_t b, const char *s)
{
	size_t x = desk_text_byte(t, a), y = desk_text_byte(t, b);
	int res = 1;

	if (u8_casecmp((const uint8_t *)desk_text_utf8(t) + x, y - x, (const uint8_t *)s, strlen(s),
	               NULL, UNINORM_NFC, &res) != 0)
		return 0;
	return res == 0;
}

static int
checkworthy_in(const desk_text *t, int64_t a, int64_t b, const char *const *list, size_t n)
{
	if (a >= b)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (checkworthy_equal(t, a, b, list[i]))
			return 1;
	return 0;
}

#define CHECKWORTHY_IN(t, a, b, list) checkworthy_in(t, a, b, list, sizeof list / sizeof *list)

/* The word (letters) after blanks from cp: [*a, *b), empty if none. */
static void
checkworthy_next_word(const desk_text *t, int64_t cp, int64_t *a, int64_t *b)
{
	int64_t len = desk_text_len(t);

	while (cp < len && checkworthy_is_blank(checkworthy_char(t, cp)))
		cp++;
	*a = *b = cp;
	while (*b < len && checkworthy_is_letter(checkworthy_char(t, *b)))
		(*b)++;
}

/* The word (letters) before blanks before cp: [*a, *b), empty if none. */
static void
checkworthy_prev_word(const desk_text *t, int64_t cp, int64_t *a, int64_t *b)
{
	while (cp > 0 && checkworthy_is_blank(checkworthy_char(t, cp - 1)))
		cp--;
	*a = *b = cp;
	while (*a > 0 && checkworthy_is_letter(checkworthy_char(t, *a - 1)))
		(*a)--;
}

/* The per-sentence weights of each flag, and the sentences. */
typedef struct checkworthy_scan {
	const desk_text *t;
	const desk_range *s;
	size_t n;
	int (*w)[CHECKWORTHY_FLAGS];
} checkworthy_scan;

/* The first sentence ending after cp (n if none). */
static size_t
checkworthy_find(const checkworthy_scan *sc, int64_t cp)
{
	size_t lo = 0, hi = sc->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sc->s[mid].end <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Record flag why with weight for the sentence holding cp. */
static void
checkworthy_mark(checkworthy_scan *sc, int64_t cp, int why, int weight)
{
	size_t lo = checkworthy_find(sc, cp);
	int bit = 0;

	while ((1 << bit) != why)
		bit++;
	if (lo < sc->n && sc->s[lo].start <= cp && sc->w[lo][bit] < weight)
		sc->w[lo][bit] = weight;
}

/* What the number [a, b) is: a date, a percentage, money, a figure or nothing. */
static int
checkworthy_number_kind(const desk_text *t, int64_t a, int64_t b, int seps, int64_t *next)
{
	int64_t pa, pb, wa, wb;
	uint32_t c = checkworthy_char(t, b);
	long value = 0;

	*next = b;
	/* Only a four-digit number's value matters (a year); longer ones overflow. */
	for (int64_t i = a; i < b && b - a == 4 && !seps; i++)
		value = value * 10 + uc_decimal_value(checkworthy_char(t, i));
	/* "29/10", "29/10/2025", "2025-11-02" */
	if (c == '/' && checkworthy_is_digit(checkworthy_char(t, b + 1))) {
		for (*next = b + 1; checkworthy_is_digit(checkworthy_char(t, *next)) ||
		                    (checkworthy_char(t, *next) == '/' &&
		                     checkworthy_is_digit(checkworthy_char(t, *next + 1)));)
			(*next)++;
		return DESK_WHY_DATE;
	}
	if (b - a == 4 && !seps && c == '-' && checkworthy_is_digit(checkworthy_char(t, b + 1)) &&
	    checkworthy_is_digit(checkworthy_char(t, b + 2)) && checkworthy_char(t, b + 3) == '-') {
		for (*next = b + 4; checkworthy_is_digit(checkworthy_char(t, *next));)
			(*next)++;
		return DESK_WHY_DATE;
	}
	if (a > 0 && uc_is_general_category(checkworthy_char(t, a - 1), UC_CATEGORY_Sc))
		return DESK_WHY_MONEY; /* "$5", "US$5", "€5" */
	checkworthy_prev_word(t, a, &pa, &pb);
	if (CHECKWORTHY_IN(t, pa, pb, checkworthy_date_words) ||
	    CHECKWORTHY_IN(t, pa, pb, checkworthy_months))
		return DESK_WHY_DATE;
	if (b - a == 4 && !seps && value >= 1800 && value <= 2100)
		return DESK_WHY_DATE;
	if (CHECKWORTHY_IN(t, pa, pb, checkworthy_year_words) && b - a == 4 && !seps)
		return DESK_WHY_DATE;
	/* "38%", "38 %", "38 phần trăm", "38 percent" */
	checkworthy_next_word(t, b, &wa, &wb);
	if (checkworthy_char(t, wa) == '%' || checkworthy_char(t, wa) == 0xFF05)
		return DESK_WHY_PERCENT;
	if (checkworthy_equal(t, wa, wb, "percent"))
		return DESK_WHY_PERCENT;
	if (checkworthy_equal(t, wa, wb, "phần") || checkworthy_equal(t, wa, wb, "per")) {
		int64_t xa, xb;

		checkworthy_next_word(t, wb, &xa, &xb);
		if (checkworthy_equal(t, xa, xb, "trăm") || checkworthy_equal(t, xa, xb, "cent"))
			return DESK_WHY_PERCENT;
	}
	if (uc_is_general_category(checkworthy_char(t, wa), UC_CATEGORY_Sc))
		return DESK_WHY_MONEY; /* "5 €" */
	if (wa == wb)
		return 0; /* a bare number: "Quận 1,", "2-1" */
	if (CHECKWORTHY_IN(t, wa, wb, checkworthy_months))
		return DESK_WHY_DATE; /* "2 November" */
	if (wa == b) {
		/* Letters right after the digits: "50.000đ", "10km"; not "21st". */
		if (CHECKWORTHY_IN(t, wa, wb, checkworthy_currencies))
			return DESK_WHY_MONEY;
		if (checkworthy_equal(t, wa, wb, "st") || checkworthy_equal(t, wa, wb, "nd") ||
		    checkworthy_equal(t, wa, wb, "rd") || checkworthy_equal(t, wa, wb, "th"))
			return 0;
		return DESK_WHY_FIGURE;
	}
	if (CHECKWORTHY_IN(t, wa, wb, checkworthy_magnitudes)) {
		int64_t xa, xb;

		checkworthy_next_word(t, wb, &xa, &xb);
		if (CHECKWORTHY_IN(t, xa, xb, checkworthy_magnitudes))
			checkworthy_next_word(t, xb, &xa, &xb); /* "nghìn tỷ đồng" */
		if (CHECKWORTHY_IN(t, xa, xb, checkworthy_currencies) ||
		    (xa < desk_text_len(t) &&
		     uc_is_general_category(checkworthy_char(t, xa), UC_CATEGORY_Sc)))
			return DESK_WHY_MONEY;
		return DESK_WHY_FIGURE;
	}
	if (CHECKWORTHY_IN(t, wa, wb, checkworthy_currencies))
		return DESK_WHY_MONEY;
	if (CHECKWORTHY_IN(t, pa, pb, checkworthy_name_words))
		return 0; /* "Quận 1 có", "Điều 5 quy định" */
	return DESK_WHY_FIGURE;
}

/* Numbers: figures, percentages, money and dates. */
static void
checkworthy_numbers(checkworthy_scan *sc)
{
	const desk_text *t = sc->t;
	int64_t len = desk_text_len(t), i = 0;

	while (i < len) {
		uint32_t c = checkworthy_char(t, i), p = checkworthy_char(t, i - 1);
		int64_t a = i, next;
		int seps = 0, why;

		if (!checkworthy_is_digit(c)) {
			i++;
			continue;
		}
		/* Inside a name: "G20", "COVID-19", "A1". */
		if (checkworthy_is_letter(p) || checkworthy_is_digit(p) ||
		    (p == '-' && checkworthy_is_letter(checkworthy_char(t, i - 2)))) {
			while (i < len && (checkworthy_is_digit(checkworthy_char(t, i)) ||
			                   checkworthy_is_letter(checkworthy_char(t, i))))
				i++;
			continue;
		}
		while (i < len) {
			c = checkworthy_char(t, i);
			if (checkworthy_is_digit(c)) {
				i++;
			} else if ((c == '.' || c == ',') &&
			           checkworthy_is_digit(checkworthy_char(t, i + 1))) {
				seps++;
				i++;
			} else {
				break;
			}
		}
		why = checkworthy_number_kind(t, a, i, seps, &next);
		if (why)
			checkworthy_mark(sc, a, why,
			                 why == DESK_WHY_DATE     ? 1
			                 : why == DESK_WHY_FIGURE ? 3
			                                          : 4);
		i = next > i ? next : i;
	}
}

/* "thứ Hai" meaning Monday: after "ngày", "sáng", ... or written with a capital. */
static int
checkworthy_weekday(const desk_text *t, int64_t a, int64_t b)
{
	int64_t pa, pb, xa, xb;

	checkworthy_next_word(t, a, &pa, &pb);
	if (!checkworthy_equal(t, pa, pb, "thứ"))
		return 0;
	checkworthy_next_word(t, pb, &xa, &xb);
	if (xa < b && uc_is_general_category(checkworthy_char(t, xa), UC_CATEGORY_Lu))
		return 1;
	checkworthy_prev_word(t, a, &pa, &pb);
	return CHECKWORTHY_IN(t, pa, pb, checkworthy_day_words);
}

/* Words and phrases. */
static int
checkworthy_words(checkworthy_scan *sc)
{
	const desk_text *t = sc->t;

	for (size_t k = 0; k < sizeof checkworthy_phrases / sizeof *checkworthy_phrases; k++) {
		const checkworthy_phrase *ph = &checkworthy_phrases[k];
		int64_t cp = 0, a, b, wa, wb;
		int rc;

		while ((rc = desk_text_find(t, ph->s, cp, DESK_FIND_FOLD | DESK_FIND_WORD, &a,
		                            &b)) == DESK_OK) {
			cp = b > a ? b : a + 1;
			if (!checkworthy_equal(t, a, b, ph->s))
				continue;
			if (ph->not_next) {
				checkworthy_next_word(t, b, &wa, &wb);
				if (checkworthy_equal(t, wa, wb, ph->not_next))
					continue;
			}
			if (ph->why == DESK_WHY_SUPERLATIVE && checkworthy_weekday(t, a, b)) {
				checkworthy_mark(sc, a, DESK_WHY_DATE, 1);
				continue;
			}
			checkworthy_mark(sc, a, ph->why, ph->weight);
		}
		if (rc != DESK_NOTFOUND)
			return rc;
	}
	return DESK_OK;
}

/* Signs: "%" and currency signs anywhere. */
static void
checkworthy_signs(checkworthy_scan *sc)
{
	const desk_text *t = sc->t;

	for (int64_t i = 0; i < desk_text_len(t); i++) {
		uint32_t c = checkworthy_char(t, i);

		if (c == '%' || c == 0xFF05)
			checkworthy_mark(sc, i, DESK_WHY_PERCENT, 4);
		else if (uc_is_general_category(c, UC_CATEGORY_Sc))
			checkworthy_mark(sc, i, DESK_WHY_MONEY, 4);
	}
}

/* Direct quotes of three words or more: every sentence they overlap. */
static void
checkworthy_quotes(checkworthy_scan *sc)
{
	const desk_text *t = sc->t;
	int64_t len = desk_text_len(t), open = -1;
	uint32_t closer = 0;

	for (int64_t i = 0; i < len; i++) {
		uint32_t c = checkworthy_char(t, i);
		int words = 0;

		if (c == '\n' || c == '\r' || c == 0x2029) {
			open = -1; /* quotes do not cross paragraphs */
			continue;
		}
		if (open < 0) {
			if (c == 0x201C || c == 0x201E || c == 0xAB || c == '"') {
				open = i;
				closer = c == 0xAB ? 0xBB : c == '"' ? '"' : 0x201D;
			}
			continue;
		}
		if (c != closer)
			continue;
		for (int64_t w = desk_text_next_word(t, open); w < i; w = desk_text_next_word(t, w))
			words++;
		for (int64_t cp = open; words >= 3 && cp <= i;) {
			size_t k = checkworthy_find(sc, cp);

			if (k >= sc->n)
				break;
			if (sc->s[k].start > i)
				break;
			checkworthy_mark(sc, sc->s[k].start, DESK_WHY_QUOTE, 2);
			cp = sc->s[k].end;
		}
		open = -1;
	}
}

int
desk_candidates(desk_candidate **out, size_t *n, const desk_text *t)
{
	checkworthy_scan sc = {t, NULL, 0, NULL};
	desk_range *s = NULL;
	desk_candidate *v = NULL;
	size_t count = 0;
	int rc = DESK_MISUSE;

	if (out == NULL || n == NULL || t == NULL)
		goto done;
	*out = NULL;
	*n = 0;
	if ((rc = desk_sentences(&s, &sc.n, t)) != DESK_OK)
		goto done;
	sc.s = s;
	rc = DESK_NOMEM;
	if ((sc.w = calloc(sc.n + 1, sizeof *sc.w)) == NULL ||
	    (v = malloc((sc.n + 1) * sizeof *v)) == NULL)
		goto done;
	checkworthy_numbers(&sc);
	checkworthy_signs(&sc);
	checkworthy_quotes(&sc);
	if ((rc = checkworthy_words(&sc)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < sc.n; i++) {
		int score = 0, why = 0;

		for (int f = 0; f < CHECKWORTHY_FLAGS; f++) {
			if (sc.w[i][f] > 0) {
				why |= 1 << f;
				score += sc.w[i][f];
			}
		}
		if (score < CHECKWORTHY_MIN)
			continue;
		v[count].start = s[i].start;
		v[count].end = s[i].end;
		v[count].why = why;
		v[count].score = score;
		count++;
	}
	*out = v;
	*n = count;
	v = NULL;
	rc = DESK_OK;
done:
	free(v);
	free(sc.w);
	free(s);
	return rc;
}

const char *
desk_why_name(int flag)
{
	switch (flag) {
	case DESK_WHY_FIGURE:
		return "figure";
	case DESK_WHY_PERCENT:
		return "percent";
	case DESK_WHY_MONEY:
		return "money";
	case DESK_WHY_DATE:
		return "date";
	case DESK_WHY_SUPERLATIVE:
		return "superlative";
	case DESK_WHY_QUOTE:
		return "quote";
	case DESK_WHY_COMPARISON:
		return "comparison";
	default:
		return "";
	}
}
