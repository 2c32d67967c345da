/* The harness the item tests share: segment a synthetic body, then read
 * an item's text.  Header-only; each test file gets its own statics. */
#ifndef EDGR_TEST_ITEMS_HARNESS_H
#define EDGR_TEST_ITEMS_HARNESS_H

#include <stdlib.h>

#include "edgr/items.h"
#include "edgr/text.h"
#include "test.h"

/* Items of an HTML (or, with plain, text) body; returns the count and
 * leaves them in the statics below. */
static edgr_text T;
static edgr_items I;
static edgr_buf B;

static size_t items_of(const char *body, int plain, edgr_form_kind kind, const char *date)
{
    size_t n = strlen(body);
    if (plain) edgr_plain_to_text(body, n, EDGR_CS_ASCII, NULL, &T);
    else edgr_html_to_text(body, n, EDGR_CS_UTF8, NULL, &T);
    CHECK(edgr_items_find(&T, kind, date, &I) == EDGR_OK);
    return I.count;
}

/* The cleaned text of the item with this part and code, or NULL. */
static const char *item(const char *part, const char *code)
{
    for (size_t i = 0; i < I.count; i++)
        if (!strcmp(I.items[i].item, code) && (!part || !strcmp(I.items[i].part, part))) {
            edgr_item_text(&I, &T, i, &B);
            return B.data ? B.data : "";
        }
    return NULL;
}

static int starts(const char *s, const char *p) { return s && !strncmp(s, p, strlen(p)); }
static int ends(const char *s, const char *p)
{
    size_t a = s ? strlen(s) : 0, b = strlen(p);
    return s && a >= b && !strcmp(s + a - b, p);
}

#define CHECK_ITEM(part, code, first, last)                                        \
    do {                                                                           \
        const char *t_ = item(part, code);                                         \
        if (!t_ || !starts(t_, first) || !ends(t_, last)) {                        \
            fprintf(stderr, "  %s:%d: item %s %s is \"%s\"\n", __FILE__, __LINE__, \
                    part ? part : "", code, t_ ? t_ : "(missing)");                \
            test_failures++;                                                       \
        }                                                                          \
    } while (0)

#endif
