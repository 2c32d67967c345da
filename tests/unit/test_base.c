/* The base kits every layer uses: chars.h's classifiers and number reader,
 * buf.h's growers with their caps. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "chars.h"
#include "test.h"

/* The classifiers are <ctype.h>'s in the "C" locale (this program sets
 * none), for every byte. */
TEST(chars_match_ctype_in_the_c_locale)
{
    for (int c = 0; c < 256; c++) {
        unsigned char u = (unsigned char)c;
        CHECK(!sc_is_digit(u) == !isdigit(c));
        CHECK(!sc_is_upper(u) == !isupper(c));
        CHECK(!sc_is_lower(u) == !islower(c));
        CHECK(!sc_is_alpha(u) == !isalpha(c));
        CHECK(!sc_is_alnum(u) == !isalnum(c));
        CHECK(!sc_is_space(u) == !isspace(c));
        CHECK(!sc_is_blank(u) == !isblank(c));
        CHECK((sc_hex_value(u) >= 0) == !!isxdigit(c));
        CHECK(sc_upper(u) == toupper(c));
        CHECK(sc_lower(u) == tolower(c));
        CHECK(!sc_is_html_space(u) == !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'));
        CHECK(!sc_is_alpha_or_high(u) == !(isalpha(c) || c >= 0x80));
    }
    CHECK(sc_hex_value('0') == 0 && sc_hex_value('9') == 9);
    CHECK(sc_hex_value('a') == 10 && sc_hex_value('F') == 15 && sc_hex_value('g') == -1);
}

TEST(parse_uint_digits_caps_and_saturation)
{
    uint64_t v = 99;
    CHECK(sc_parse_uint("", 0, 0, UINT64_MAX, &v) == 0 && v == 0);
    CHECK(sc_parse_uint("x1", 2, 0, UINT64_MAX, &v) == 0 && v == 0);
    CHECK(sc_parse_uint("0042)", 5, 0, UINT64_MAX, &v) == 4 && v == 42);
    CHECK(sc_parse_uint("123456", 6, 4, UINT64_MAX, &v) == 4 && v == 1234); /* at most 4 digits */
    CHECK(sc_parse_uint("123456", 3, 0, UINT64_MAX, &v) == 3 && v == 123);  /* n bounds it */
    CHECK(sc_parse_uint("18446744073709551615", 20, 0, UINT64_MAX, &v) == 20 && v == UINT64_MAX);
    CHECK(sc_parse_uint("18446744073709551616", 20, 0, UINT64_MAX, &v) == 20 && v == UINT64_MAX);
    CHECK(sc_parse_uint("999999999999999999999999999", 27, 0, UINT64_MAX, &v) == 27 && v == UINT64_MAX);
    CHECK(sc_parse_uint("999", 3, 0, 1000, &v) == 3 && v == 999);
    CHECK(sc_parse_uint("1000", 4, 0, 1000, &v) == 4 && v == 1000);
    CHECK(sc_parse_uint("1001", 4, 0, 1000, &v) == 4 && v == 1000);
    CHECK(sc_parse_uint("50000000", 8, 0, 1000, &v) == 8 && v == 1000);
    CHECK(sc_parse_uint("7", 1, 0, 5, &v) == 1 && v == 5); /* a cap below one digit */
}

TEST(buf_cap_is_an_error_that_leaves_the_buffer)
{
    edgr_buf b = {0};
    CHECK(buf_append(&b, "abcd", 4, 8) == 0 && b.len == 4);
    CHECK(buf_append(&b, "efgh", 4, 8) == 0 && b.len == 8);
    CHECK(b.cap <= 8); /* never more than the cap */
    char *was = b.data;
    CHECK(buf_append(&b, "i", 1, 8) == BUF_LIMIT);
    CHECK(b.len == 8 && b.data == was && memcmp(b.data, "abcdefgh", 8) == 0);
    CHECK(buf_reserve(&b, SIZE_MAX, SIZE_MAX) == BUF_LIMIT); /* len + extra overflows */
    CHECK(buf_status(BUF_LIMIT) == EDGR_ERR_LIMIT && buf_status(BUF_NOMEM) == EDGR_ERR_NOMEM);
    CHECK(buf_status(0) == EDGR_OK);
    edgr_buf_free(&b);
}

TEST(vec_and_arrays_stop_at_their_cap)
{
    vec v = {0};
    v.size = sizeof(int);
    v.max = 40;
    for (int i = 0; i < 40; i++) {
        int *p = vec_push(&v);
        CHECK(p != NULL);
        if (p) *p = i;
    }
    CHECK(vec_push(&v) == NULL && v.len == 40);
    CHECK(VEC_AT(&v, int, 39) == 39);
    vec_free(&v);

    double *a = NULL;
    size_t cap = 0;
    CHECK(arr_reserve(&a, &cap, 1, sizeof *a, 100) == 0 && a && cap >= 1);
    for (size_t i = 0; i < 100; i++) {
        CHECK(arr_reserve(&a, &cap, i + 1, sizeof *a, 100) == 0 && cap >= i + 1 && cap <= 100);
        a[i] = (double)i;
    }
    double *was = a;
    CHECK(arr_reserve(&a, &cap, 101, sizeof *a, 100) == BUF_LIMIT && a == was);
    CHECK(a[99] == 99.0);
    CHECK(arr_reserve(&a, &cap, SIZE_MAX / 4, sizeof *a, 0) == BUF_LIMIT); /* bytes overflow size_t */
    free(a);
}
