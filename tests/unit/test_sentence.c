/*
 * test_sentence.c - sentence boundaries: run-together sentences, decimals,
 * abbreviations, initials, quotes after the stop, line breaks, ellipses,
 * English and Vietnamese paragraphs, and desk_sentence_at.
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

static desk_text *
mk(const char *s)
{
	desk_text *t = NULL;

	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_non_null(t);
	return t;
}

/* The sentences of s as "one|two|three", for readable failures. */
static char *
split(const char *s)
{
	static char buf[4096];
	desk_text *t = mk(s);
	desk_range *r = NULL;
	size_t n = 0, w = 0;

	assert_int_equal(desk_sentences(&r, &n, t), DESK_OK);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t x = desk_text_byte(t, r[i].start), y = desk_text_byte(t, r[i].end);

		assert_true(r[i].start < r[i].end);
		assert_true(i == 0 || r[i - 1].end <= r[i].start);
		assert_true(w + (y - x) + 2 < sizeof buf);
		if (i > 0)
			buf[w++] = '|';
		memcpy(buf + w, desk_text_utf8(t) + x, y - x);
		w += y - x;
		buf[w] = '\0';
	}
	free(r);
	desk_text_free(t);
	return buf;
}

static void
test_run_together(void **state)
{
	const char *s = "Ông nói tại Việt Nam.Chủ tịch Tập Cận Bình nói hai bên hợp tác.";
	desk_text *t = mk(s);
	desk_range *r = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(desk_sentences(&r, &n, t), DESK_OK);
	assert_int_equal(n, 2);
	/* "Ông nói tại Việt Nam." is 21 code points. */
	assert_int_equal(r[0].start, 0);
	assert_int_equal(r[0].end, 21);
	assert_int_equal(r[1].start, 21);
	assert_int_equal(r[1].end, desk_text_len(t));
	free(r);
	desk_text_free(t);
	assert_string_equal(split(s),
	                    "Ông nói tại Việt Nam.|Chủ tịch Tập Cận Bình nói hai bên hợp tác.");
	assert_string_equal(split("Hai bên nhất trí hợp.Hai bên ký kết."),
	                    "Hai bên nhất trí hợp.|Hai bên ký kết.");
	assert_string_equal(split("Vốn hóa khoảng 1,6 tỷ USD.Một số công ty nâng dự báo."),
	                    "Vốn hóa khoảng 1,6 tỷ USD.|Một số công ty nâng dự báo.");
	assert_string_equal(split("Tăng trưởng cao nhất năm 2024.Chủ tịch nước phát biểu."),
	                    "Tăng trưởng cao nhất năm 2024.|Chủ tịch nước phát biểu.");
	assert_string_equal(split("Chỉ số đạt 3.5 điểm."), "Chỉ số đạt 3.5 điểm.");
	assert_string_equal(split("Ông J.Smith nói."), "Ông J.Smith nói.");
	/* Not run together: an acronym, a file name, lowercase after the dot. */
	assert_string_equal(split("Ông đến TP.HCM hôm qua."), "Ông đến TP.HCM hôm qua.");
	assert_string_equal(split("Xem trang vnexpress.net để biết."),
	                    "Xem trang vnexpress.net để biết.");
	assert_string_equal(split("Ông đến Tp.Hồ Chí Minh."), "Ông đến Tp.Hồ Chí Minh.");
}

static void
test_decimals(void **state)
{
	(void)state;
	assert_string_equal(split("Tỷ lệ là 38,5% năm nay. Năm ngoái là 3.5 điểm."),
	                    "Tỷ lệ là 38,5% năm nay.|Năm ngoái là 3.5 điểm.");
	assert_string_equal(split("Có 1.000 người dự. Họ đến từ 14 tỉnh."),
	                    "Có 1.000 người dự.|Họ đến từ 14 tỉnh.");
	assert_string_equal(split("GDP grew 3.5 percent in 2024. It was 2.1 in 2023."),
	                    "GDP grew 3.5 percent in 2024.|It was 2.1 in 2023.");
	/* A digit after the stop and a space starts a sentence. */
	assert_string_equal(split("Đó là năm 2024. 800 đại biểu dự."),
	                    "Đó là năm 2024.|800 đại biểu dự.");
}

static void
test_abbreviations(void **state)
{
	(void)state;
	assert_string_equal(split("Ông sống ở TP. Hồ Chí Minh. Bà sống ở Hà Nội."),
	                    "Ông sống ở TP. Hồ Chí Minh.|Bà sống ở Hà Nội.");
	assert_string_equal(split("TP.HCM có 9 triệu dân. Hà Nội có 8 triệu."),
	                    "TP.HCM có 9 triệu dân.|Hà Nội có 8 triệu.");
	assert_string_equal(split("Mr. Smith met Dr. Jones. They talked."),
	                    "Mr. Smith met Dr. Jones.|They talked.");
	assert_string_equal(split("The U.S. President spoke. The U.K. answered."),
	                    "The U.S. President spoke.|The U.K. answered.");
	assert_string_equal(split("PGS. TS. Nguyễn Văn A phát biểu. GS. Trần B đồng ý."),
	                    "PGS. TS. Nguyễn Văn A phát biểu.|GS. Trần B đồng ý.");
	assert_string_equal(split("Trụ sở ở Q. 1, TP. HCM. Ông nói."),
	                    "Trụ sở ở Q. 1, TP. HCM.|Ông nói.");
	assert_string_equal(split("It opened on Jan. 5 in Room No. 3. Then it closed."),
	                    "It opened on Jan. 5 in Room No. 3.|Then it closed.");
	assert_string_equal(split("Fruit, e.g. Apples, is sold. Nothing else."),
	                    "Fruit, e.g. Apples, is sold.|Nothing else.");
	/* "etc." and "v.v." end a sentence before a capital, not before lowercase. */
	assert_string_equal(split("Apples, pears etc. are sold. Nothing else."),
	                    "Apples, pears etc. are sold.|Nothing else.");
	assert_string_equal(split("Táo, lê, v.v. Sau đó họ về."), "Táo, lê, v.v.|Sau đó họ về.");
	/* A word that is not an abbreviation ends the sentence. */
	assert_string_equal(split("He met Mrs Brown. She left."), "He met Mrs Brown.|She left.");
}

static void
test_initials(void **state)
{
	(void)state;
	assert_string_equal(split("Donald J. Trump spoke. He left."),
	                    "Donald J. Trump spoke.|He left.");
	assert_string_equal(split("J. K. Rowling wrote it. It sold."),
	                    "J. K. Rowling wrote it.|It sold.");
}

static void
test_quotes_after_stop(void **state)
{
	(void)state;
	assert_string_equal(split("Ông nói: “Chúng tôi sẽ làm.” Bà gật đầu."),
	                    "Ông nói: “Chúng tôi sẽ làm.”|Bà gật đầu.");
	assert_string_equal(split("He said: \"We will.\" She nodded."),
	                    "He said: \"We will.\"|She nodded.");
	assert_string_equal(split("(Theo TTXVN.) Hai bên ký kết."),
	                    "(Theo TTXVN.)|Hai bên ký kết.");
	/* A quote closed by ! and followed by lowercase goes on. */
	assert_string_equal(split("“Tuyệt vời!” ông nói. Mọi người cười."),
	                    "“Tuyệt vời!” ông nói.|Mọi người cười.");
	/* An opening quote starts the next sentence. */
	assert_string_equal(split("Ông nói. “Chúng tôi sẽ làm,” ông nói."),
	                    "Ông nói.|“Chúng tôi sẽ làm,” ông nói.");
	assert_string_equal(split("Really?! Yes."), "Really?!|Yes.");
}

static void
test_line_breaks(void **state)
{
	(void)state;
	assert_string_equal(split("Tiêu đề không dấu chấm\nĐoạn một. Câu hai.\n\n  Đoạn hai  \n"),
	                    "Tiêu đề không dấu chấm|Đoạn một.|Câu hai.|Đoạn hai");
	/* Even before lowercase, and with CRLF. */
	assert_string_equal(split("dòng một\r\ndòng hai"), "dòng một|dòng hai");
	assert_string_equal(split("Ông TP.\nHồ"), "Ông TP.|Hồ");
	assert_string_equal(split(""), "");
	assert_string_equal(split(" \n\t "), "");
}

static void
test_ellipses(void **state)
{
	(void)state;
	assert_string_equal(split("Ông ngập ngừng... rồi nói tiếp. Xong."),
	                    "Ông ngập ngừng... rồi nói tiếp.|Xong.");
	assert_string_equal(split("Ông ngập ngừng… rồi nói. Xong."),
	                    "Ông ngập ngừng… rồi nói.|Xong.");
	assert_string_equal(split("We waited... Nothing came."), "We waited...|Nothing came.");
	assert_string_equal(split("Chờ đã…” Ông nói."), "Chờ đã…”|Ông nói.");
}

static void
test_paragraphs(void **state)
{
	(void)state;
	assert_string_equal(
	    split(
	        "Chiều 1-11, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Canada. Hai lãnh đạo trao "
	        "đổi về quan hệ song phương. APEC chiếm khoảng 38% dân số thế giới, đóng góp 61% "
	        "GDP "
	        "và 47% thương mại toàn cầu."),
	    "Chiều 1-11, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Canada.|Hai lãnh đạo trao đổi "
	    "về quan hệ song phương.|APEC chiếm khoảng 38% dân số thế giới, đóng góp 61% GDP và "
	    "47% "
	    "thương mại toàn cầu.");
	assert_string_equal(
	    split("The summit opened on Nov. 1 in Gyeongju. Leaders of 21 economies attended! Was "
	          "it a success? Analysts were divided."),
	    "The summit opened on Nov. 1 in Gyeongju.|Leaders of 21 economies attended!|Was it a "
	    "success?|Analysts were divided.");
}

static void
test_sentence_at(void **state)
{
	const char *s = "Một hai.  Ba bốn.\nNăm";
	desk_text *t = mk(s);
	desk_range r = {-1, -1};

	(void)state;
	/* In the first sentence, on its stop. */
	assert_int_equal(desk_sentence_at(&r, t, 0), DESK_OK);
	assert_int_equal(r.start, 0);
	assert_int_equal(r.end, 8);
	assert_int_equal(desk_sentence_at(&r, t, 7), DESK_OK);
	assert_int_equal(r.end, 8);
	/* Between sentences: the next one. */
	assert_int_equal(desk_sentence_at(&r, t, 8), DESK_OK);
	assert_int_equal(r.start, 10);
	assert_int_equal(r.end, 17);
	assert_int_equal(desk_sentence_at(&r, t, 9), DESK_OK);
	assert_int_equal(r.start, 10);
	assert_int_equal(desk_sentence_at(&r, t, 12), DESK_OK);
	assert_int_equal(r.start, 10);
	/* On the line break, and in the last line. */
	assert_int_equal(desk_sentence_at(&r, t, 17), DESK_OK);
	assert_int_equal(r.start, 18);
	assert_int_equal(r.end, 21);
	assert_int_equal(desk_sentence_at(&r, t, 20), DESK_OK);
	assert_int_equal(r.start, 18);
	/* The end and outside. */
	assert_int_equal(desk_sentence_at(&r, t, 21), DESK_NOTFOUND);
	assert_int_equal(desk_sentence_at(&r, t, 22), DESK_RANGE);
	assert_int_equal(desk_sentence_at(&r, t, -1), DESK_RANGE);
	desk_text_free(t);

	/* sentence_at agrees with desk_sentences everywhere in a longer text. */
	{
		const char *p = "Ông sống ở TP. Hồ Chí Minh.  Việt Nam.Chủ tịch nói: “Tốt.” Bà "
		                "đi.\n\n U.S. troops left... Then?";
		desk_range *v = NULL;
		size_t n = 0, k = 0;

		t = mk(p);
		assert_int_equal(desk_sentences(&v, &n, t), DESK_OK);
		assert_int_equal(n, 6);
		for (int64_t cp = 0; cp < desk_text_len(t); cp++) {
			while (k < n && v[k].end <= cp)
				k++;
			if (k == n) {
				assert_int_equal(desk_sentence_at(&r, t, cp), DESK_NOTFOUND);
				continue;
			}
			assert_int_equal(desk_sentence_at(&r, t, cp), DESK_OK);
			assert_int_equal(r.start, v[k].start);
			assert_int_equal(r.end, v[k].end);
		}
		free(v);
		desk_text_free(t);
	}
}

static void
test_misuse(void **state)
{
	desk_range *r = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(desk_sentences(&r, &n, NULL), DESK_MISUSE);
	assert_int_equal(desk_sentence_at(NULL, NULL, 0), DESK_MISUSE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_run_together),      cmocka_unit_test(test_decimals),
	    cmocka_unit_test(test_abbreviations),     cmocka_unit_test(test_initials),
	    cmocka_unit_test(test_quotes_after_stop), cmocka_unit_test(test_line_breaks),
	    cmocka_unit_test(test_ellipses),          cmocka_unit_test(test_paragraphs),
	    cmocka_unit_test(test_sentence_at),       cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
