/*
 * test_checkworthy.c - check-worthy candidates: each reason with Vietnamese
 * and English examples, the APEC percentages sentence, words that only look
 * like reasons once accents are folded, and sentences that are not candidates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

/*
 * The candidates of s as "flags: sentence" lines joined by "\n", flags by
 * name in bit order ("figure comparison: Hơn 800 đại biểu ...").
 */
static const char *
cands(const char *s)
{
	static char buf[4096];
	desk_text *t = NULL;
	desk_candidate *c = NULL;
	size_t n = 0, w = 0;

	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_int_equal(desk_candidates(&c, &n, t), DESK_OK);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t x = desk_text_byte(t, c[i].start), y = desk_text_byte(t, c[i].end);
		const char *sep = "";

		assert_true(c[i].score >= 3);
		assert_true(i == 0 || c[i - 1].end <= c[i].start);
		if (i > 0)
			buf[w++] = '\n';
		for (int f = 1; f <= DESK_WHY_COMPARISON; f <<= 1) {
			if (c[i].why & f) {
				w += (size_t)snprintf(buf + w, sizeof buf - w, "%s%s", sep,
				                      desk_why_name(f));
				sep = " ";
			}
		}
		assert_true(w + (y - x) + 3 < sizeof buf);
		w += (size_t)snprintf(buf + w, sizeof buf - w, ": %.*s", (int)(y - x),
		                      desk_text_utf8(t) + x);
	}
	free(c);
	desk_text_free(t);
	return buf;
}

static void
test_figures(void **state)
{
	(void)state;
	assert_string_equal(cands("Hội nghị có 800 đại biểu."),
	                    "figure: Hội nghị có 800 đại biểu.");
	assert_string_equal(cands("Bão ảnh hưởng 14 tỉnh miền Trung."),
	                    "figure: Bão ảnh hưởng 14 tỉnh miền Trung.");
	assert_string_equal(cands("Thành phố có 9 triệu dân."),
	                    "figure: Thành phố có 9 triệu dân.");
	assert_string_equal(cands("The road is 10km long."), "figure: The road is 10km long.");
	assert_string_equal(cands("Leaders of 21 economies attended."),
	                    "figure: Leaders of 21 economies attended.");
	assert_string_equal(cands("Some 1,200 delegates came."),
	                    "figure: Some 1,200 delegates came.");
}

static void
test_percent(void **state)
{
	(void)state;
	assert_string_equal(
	    cands("APEC chiếm khoảng 38% dân số thế giới, đóng góp 61% GDP và 47% thương mại toàn "
	          "cầu."),
	    "percent: APEC chiếm khoảng 38% dân số thế giới, đóng góp 61% GDP và 47% thương mại "
	    "toàn cầu.");
	assert_string_equal(cands("Lạm phát là 7,2%."), "percent: Lạm phát là 7,2%.");
	assert_string_equal(cands("Tỷ lệ đạt 15 phần trăm."), "percent: Tỷ lệ đạt 15 phần trăm.");
	assert_string_equal(cands("Turnout was 38 percent."), "percent: Turnout was 38 percent.");
	assert_string_equal(cands("Turnout was 38 %."), "percent: Turnout was 38 %.");
}

static void
test_money(void **state)
{
	(void)state;
	assert_string_equal(cands("Kim ngạch đạt 2,1 tỷ USD."), "money: Kim ngạch đạt 2,1 tỷ USD.");
	assert_string_equal(cands("Mỗi suất giá vài triệu đồng."),
	                    "money: Mỗi suất giá vài triệu đồng.");
	assert_string_equal(cands("Vé giá 50.000 đồng."), "money: Vé giá 50.000 đồng.");
	assert_string_equal(cands("Vé giá 50.000đ."), "money: Vé giá 50.000đ.");
	assert_string_equal(cands("Họ trả bằng VND."), "money: Họ trả bằng VND.");
	assert_string_equal(cands("It raised $5 million."), "money: It raised $5 million.");
	assert_string_equal(cands("The fine was €300."), "money: The fine was €300.");
	assert_string_equal(cands("It cost 3 billion dollars."),
	                    "money: It cost 3 billion dollars.");
	/* "đồng" alone is not money: "đồng ý", "cộng đồng". */
	assert_string_equal(cands("Ông đồng ý với cộng đồng."), "");
}

static void
test_dates(void **state)
{
	(void)state;
	/* A date alone is not enough. */
	assert_string_equal(cands("Ông sinh năm 1960."), "");
	assert_string_equal(cands("Hội nghị diễn ra ngày 1-11."), "");
	assert_string_equal(cands("Hội nghị khai mạc ngày 29/10."), "");
	assert_string_equal(cands("Hạn chót là tháng 9."), "");
	assert_string_equal(cands("The summit opened in November 2025."), "");
	assert_string_equal(cands("The report came out on 2025-11-02."), "");
	/* With something else it is flagged; the date's number is no figure. */
	assert_string_equal(cands("Năm 2024, xuất khẩu tăng 15%."),
	                    "percent date comparison: Năm 2024, xuất khẩu tăng 15%.");
	assert_string_equal(cands("Ngày 29/10, ông nói: “Chúng tôi sẽ làm.”"),
	                    "date quote: Ngày 29/10, ông nói: “Chúng tôi sẽ làm.”");
	assert_string_equal(cands("In November 2025, exports rose sharply."),
	                    "date comparison: In November 2025, exports rose sharply.");
	assert_string_equal(cands("On 2 November the record fell."),
	                    "date superlative comparison: On 2 November the record fell.");
}

static void
test_superlatives(void **state)
{
	(void)state;
	assert_string_equal(cands("Đây là cảng lớn nhất miền Trung."),
	                    "superlative: Đây là cảng lớn nhất miền Trung.");
	assert_string_equal(cands("Lần đầu tiên giải đấu được tổ chức ở đây."),
	                    "superlative: Lần đầu tiên giải đấu được tổ chức ở đây.");
	assert_string_equal(cands("Đây là quốc gia duy nhất làm vậy."),
	                    "superlative: Đây là quốc gia duy nhất làm vậy.");
	assert_string_equal(cands("Sản lượng đạt kỷ lục."), "superlative: Sản lượng đạt kỷ lục.");
	assert_string_equal(cands("Đây là nền kinh tế lớn thứ hai thế giới."),
	                    "superlative: Đây là nền kinh tế lớn thứ hai thế giới.");
	assert_string_equal(cands("It is the largest port in the region."),
	                    "superlative: It is the largest port in the region.");
	assert_string_equal(cands("She was the first woman to win."),
	                    "superlative: She was the first woman to win.");
	assert_string_equal(cands("Sales hit a record."), "superlative: Sales hit a record.");
	/* Monday is no ranking. */
	assert_string_equal(cands("Hôm thứ Hai, ông đến Hà Nội."), "");
	assert_string_equal(cands("Sáng thứ hai ông đến Hà Nội."), "");
	/* "only" alone is weak. */
	assert_string_equal(cands("He only said hello."), "");
}

static void
test_quotes_and_comparisons(void **state)
{
	(void)state;
	/* A quote and a comparison together make a candidate; each alone does not. */
	assert_string_equal(cands("Ông nói: “Xuất khẩu tăng so với năm ngoái.”"),
	                    "quote comparison: Ông nói: “Xuất khẩu tăng so với năm ngoái.”");
	assert_string_equal(cands("He said \"prices are higher than ever\" today."),
	                    "quote comparison: He said \"prices are higher than ever\" today.");
	assert_string_equal(cands("Ông nói: “Chúng tôi sẽ tiếp tục hợp tác.”"), "");
	assert_string_equal(cands("Giá xăng giảm mạnh."), "");
	assert_string_equal(cands("Prices fell."), "");
	/* Two words in quotes are no direct quote. */
	assert_string_equal(cands("Ông gọi đó là “bước tiến” so với trước."), "");
	/* A quote over two sentences flags both. */
	assert_string_equal(cands("“Giá tăng. Chúng tôi lo ngại,” ông nói."),
	                    "quote comparison: “Giá tăng.");
	assert_string_equal(cands("Ông nói: “Giá xăng gấp đôi năm ngoái.”"),
	                    "quote comparison: Ông nói: “Giá xăng gấp đôi năm ngoái.”");
	assert_string_equal(
	    cands("He said: \"Exports doubled compared with last year.\""),
	    "quote comparison: He said: \"Exports doubled compared with last year.\"");
}

static void
test_non_candidates(void **state)
{
	(void)state;
	assert_string_equal(cands("Hai lãnh đạo trao đổi về quan hệ song phương."), "");
	/* Accents count: "giám đốc", "Nhật", "tầng", "tăng cường" are no reasons. */
	assert_string_equal(cands("Giám đốc Nhật Bản lên tầng trên."), "");
	assert_string_equal(cands("Hai nước tăng cường hợp tác."), "");
	/* Numbers in names and addresses. */
	assert_string_equal(cands("Dịch COVID-19 lan rộng ở Quận 1, TP.HCM."), "");
	assert_string_equal(cands("Nhóm G20 họp ở Điều 5 của hiệp ước."), "");
	assert_string_equal(cands("The meeting took place in Gyeongju."), "");
	assert_string_equal(cands(""), "");
}

static void
test_paragraph(void **state)
{
	const char *s =
	    "Chiều 1-11, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Canada. Hai lãnh đạo "
	    "trao đổi về quan hệ song phương.\nAPEC chiếm khoảng 38% dân số thế giới, đóng "
	    "góp 61% GDP và 47% thương mại toàn cầu. Hơn 800 đại biểu từ 14 tỉnh dự hội "
	    "nghị.";
	desk_text *t = NULL;
	desk_candidate *c = NULL;
	size_t n = 0;

	(void)state;
	assert_string_equal(
	    cands(s), "percent: APEC chiếm khoảng 38% dân số thế giới, đóng góp 61% GDP và 47% "
	              "thương mại toàn cầu.\n"
	              "figure comparison: Hơn 800 đại biểu từ 14 tỉnh dự hội nghị.");
	/* Offsets are the sentences'; a percentage outscores a figure alone. */
	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_int_equal(desk_candidates(&c, &n, t), DESK_OK);
	assert_int_equal(n, 2);
	{
		desk_range r;

		assert_int_equal(desk_sentence_at(&r, t, c[0].start), DESK_OK);
		assert_int_equal(r.start, c[0].start);
		assert_int_equal(r.end, c[0].end);
	}
	assert_true(c[0].score > 3);
	free(c);
	desk_text_free(t);
}

/* Numbers too long for any integer (UBSan aborted on the value of 20 digits). */
static void
test_long_numbers(void **state)
{
	(void)state;
	assert_string_equal(cands("Họ đếm được 123456789012345678901234567890 hạt cát."),
	                    "figure: Họ đếm được 123456789012345678901234567890 hạt cát.");
	assert_string_equal(cands("It cost 99999999999999999999999 dollars in 2024."),
	                    "money date: It cost 99999999999999999999999 dollars in 2024.");
	assert_string_equal(cands("99999999999999999999999999999999999999"), "");
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(desk_why_name(DESK_WHY_FIGURE), "figure");
	assert_string_equal(desk_why_name(DESK_WHY_PERCENT), "percent");
	assert_string_equal(desk_why_name(DESK_WHY_MONEY), "money");
	assert_string_equal(desk_why_name(DESK_WHY_DATE), "date");
	assert_string_equal(desk_why_name(DESK_WHY_SUPERLATIVE), "superlative");
	assert_string_equal(desk_why_name(DESK_WHY_QUOTE), "quote");
	assert_string_equal(desk_why_name(DESK_WHY_COMPARISON), "comparison");
	assert_string_equal(desk_why_name(3), "");
	{
		desk_candidate *c = NULL;
		size_t n = 0;

		assert_int_equal(desk_candidates(&c, &n, NULL), DESK_MISUSE);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_figures),        cmocka_unit_test(test_percent),
	    cmocka_unit_test(test_money),          cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_superlatives),   cmocka_unit_test(test_quotes_and_comparisons),
	    cmocka_unit_test(test_non_candidates), cmocka_unit_test(test_paragraph),
	    cmocka_unit_test(test_names),          cmocka_unit_test(test_long_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
