/* libFuzzer: HTML and plain text to text with every table style.
 * The first byte picks the charset the input is read as (bits 0-1) and a
 * fresh or a reused result (bit 2).  Oracles: the
 * text is NUL-free and NUL-terminated, valid UTF-8 whenever the input is
 * read as Windows-1252 or is valid UTF-8, anchors increase and point inside
 * both texts, and converting again into the reused result gives the same
 * bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "edgr/text.h"

static void check(const edgr_text *t, const char *in, size_t n, edgr_charset cs)
{
    if (!t->data) {
        if (t->len) __builtin_trap();
        return;
    }
    if (t->data[t->len] != '\0' || memchr(t->data, '\0', t->len)) __builtin_trap();
    int valid_in = cs == EDGR_CS_CP1252 || (cs != EDGR_CS_CP1252 && utf8_valid_prefix(in, n) == n);
    if (valid_in && utf8_valid_prefix(t->data, t->len) != t->len) __builtin_trap();
    for (size_t i = 0; i < t->anchor_count; i++) {
        if (t->anchors[i].text > t->len || t->anchors[i].src > n) __builtin_trap();
        if (i && t->anchors[i].text <= t->anchors[i - 1].text) __builtin_trap();
    }
}

static void again(edgr_text *t, edgr_status (*f)(const char *, size_t, edgr_charset,
                                                 const edgr_text_options *, edgr_text *),
                  const char *in, size_t n, edgr_charset cs, const edgr_text_options *o)
{
    if (f(in, n, cs, o, t) != EDGR_OK) return;
    check(t, in, n, cs);
    size_t len = t->len;
    char *copy = malloc(len + 1);
    if (!copy) return;
    memcpy(copy, t->data ? t->data : "", len);
    if (f(in, n, cs, o, t) != EDGR_OK || t->len != len || (len && memcmp(copy, t->data, len)))
        __builtin_trap();
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    static const edgr_charset CS[4] = {EDGR_CS_UTF8, EDGR_CS_CP1252, EDGR_CS_ASCII, EDGR_CS_UNKNOWN};
    edgr_charset cs = CS[data[0] & 3];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    /* reused across inputs, as callers do, or fresh (its buffers still
     * NULL: a case of its own) when bit 2 of the first byte is set */
    static edgr_text kept;
    edgr_text fresh = {0}, *t = (data[0] & 4) ? &fresh : &kept;
    for (int style = EDGR_TABLES_TEXT; style <= EDGR_TABLES_TSV; style++) {
        edgr_text_options o = {.struct_size = sizeof o, .tables = (edgr_table_style)style};
        again(t, edgr_html_to_text, in, n, cs, &o);
        again(t, edgr_plain_to_text, in, n, cs, &o); /* legacy tables as grids */
    }
    again(t, edgr_plain_to_text, in, n, cs, NULL);
    edgr_text_free(&fresh);
    return 0;
}
