/* 8-K (and ABS-15G) item titles, as the tab header writes them, to the codes
 * the tag header uses. */
#ifndef EDGR_ITEMS_H
#define EDGR_ITEMS_H

#include <stddef.h>

/*
 * The code for an ITEM INFORMATION title ("Regulation FD Disclosure"), or
 * NULL if unknown.  `filing_date` (YYYYMMDD or YYYY-MM-DD, may be NULL)
 * chooses between the pre-2004-08-23 numbering and the current one, because
 * some titles exist in both ("Other events" is 5, then 8.01).  `form` picks
 * the ABS-15G table.  A value that is already a code ("7.01", "5", "3C.1") is
 * returned as given (pointer into `title`, with *code_len set).
 */
const char *items_code(const char *title, size_t len, const char *filing_date,
                       size_t date_len, const char *form, size_t form_len,
                       size_t *code_len);

#endif
