/* The CLI commands and options the fuzz targets of the CLI's input layer
 * (fuzz_stdin_chunks.c, fuzz_archive.c) pick from their input's first
 * bytes.  Header-only: each target includes it once. */
#ifndef EDGR_FUZZ_CLI_H
#define EDGR_FUZZ_CLI_H

#include <stdint.h>

#include "../src/cli/cli.h"

/* The commands that read a unit and write to a sink, as main.c's table has
 * them (extract, which writes files, left out). */
static const command FUZZ_COMMANDS[] = {
    {"parse", cmd_parse_run, 0, 1},
    {"header", cmd_parse_run, EDGR_PARSE_HEADER_ONLY, 1},
    {"docs", cmd_docs_run, 0, 1},
    {"text", cmd_text_run, 0, 1},
    {"items", cmd_items_run, 0, 1},
    {"facts", cmd_facts_run, 0, 1},
    {"cat", cmd_cat_run, 0, 1},
};
enum { FUZZ_NCOMMANDS = sizeof FUZZ_COMMANDS / sizeof FUZZ_COMMANDS[0] };

/* Options from one byte: --pretty, --quiet, --json (--raw for cat),
 * --tables, --doc (cat: a sequence number or a name always), --item, and
 * now and then a small --max-document-size. */
static inline opts fuzz_opts(const command *c, unsigned b)
{
    static const char *const DOCS[] = {NULL, "all", "2", "a.htm"};
    static const char *const ITEMS[] = {NULL, "2.02", "7.01", "9.01"};
    opts o = {.jobs = 1};
    o.pretty = b & 1;
    o.quiet = (b >> 1) & 1;
    o.json = (b >> 2) & 1;
    o.tables = (int)((b >> 3) & 3) % 3;
    o.doc_selector = DOCS[(b >> 5) & 3];
    o.item = ITEMS[(b >> 5) & 3];
    o.several = (b >> 4) & 1;
    if ((b & 0xc0) == 0xc0) o.max_document = 1 + ((b & 0x3f) << 8); /* 1 B .. 16 KB */
    o.header_only = (c->stream_flags & EDGR_PARSE_HEADER_ONLY) != 0;
    if (c->run == cmd_cat_run) {
        if (!o.doc_selector || o.doc_selector == DOCS[1]) o.doc_selector = (b & 1) ? "1" : "3";
        o.raw = o.json;
    }
    return o;
}

#endif
