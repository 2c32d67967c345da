/* The header model: every SGML tag of the PDS specification (section 3), its
 * JSON name, how its value is normalised, which containers may hold it, and
 * the tab-dialect keys that mean the same thing. */
#ifndef EDGR_SCHEMA_H
#define EDGR_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

/* Container classes: what a container is, so that a field can say where it
 * may sit.  A field's `parents` is a bit set of these. */
enum {
    K_ROOT, K_ENTITY, K_COMPANY, K_FILING_VALUES, K_ADDRESS, K_FORMER,
    K_SCCD, K_SERIES_SET, K_SERIES, K_CLASS, K_MERGER, K_MERGER_DATA,
    K_MULTI_ACC, K_RULE, K_RULE_ITEM,
    K__COUNT
};
#define P(k) (1u << (k))

/* How a value is normalised. */
enum {
    N_STR,      /* trimmed, as written                          */
    N_INT,      /* digits                                       */
    N_DATE,     /* YYYYMMDD -> YYYY-MM-DD                        */
    N_DATETIME, /* YYYYMMDDHHMMSS or YYYYMMDD:HHMMSS -> ISO      */
    N_SIC,      /* "DESCRIPTION [2834]" -> "2834"                */
    N_ACT,      /* "1934 Act" -> "34"                            */
    N_ITEM,     /* 8-K item title -> code (resolved after parse) */
    N_FLAG,     /* no value                                      */
    N_CONTAINER
};

typedef struct field_def {
    const char *json;   /* "conformed_name"                              */
    const char *tag;    /* "CONFORMED-NAME"                              */
    uint8_t norm;       /* N_*                                           */
    int8_t klass;       /* K_* for containers, -1 for leaves             */
    uint8_t repeats;    /* always an array in the model                  */
    uint32_t parents;   /* P(K_*) bit set                                */
} field_def;

extern const field_def FIELDS[];
extern const unsigned FIELD_COUNT; /* < 256: JSON keeps a 256-bit set */

/* Field id for a tag name ("CONFORMED-NAME") or a tab key ("COMPANY
 * CONFORMED NAME"), case-insensitively; -1 when unknown. */
int schema_lookup(const char *name, size_t len);

/* Field id of a JSON name, or -1. */
int schema_lookup_json(const char *json, size_t len);

#endif
