/* edgr: the command-line tool.  Subcommands, options and help. */
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char USAGE[] =
    "usage: edgr <command> [options] FILE...\n"
    "\n"
    "Parse SEC EDGAR submissions: complete submission .txt files, daily feed .nc\n"
    "files and .nc.tar.gz archives, .hdr.sgml and -index-headers.html headers, 1990s\n"
    "PEM-wrapped filings.  FILE may be a file, a directory (walked), a .tar/.tar.gz\n"
    "archive (read as a stream), or - for standard input.\n"
    "\n"
    "commands:\n"
    "  parse     one JSON object per submission: header and document list\n"
    "  header    the header only, as JSON (reads no further than its end)\n"
    "  docs      a table of the documents\n"
    "  cat       write one document's decoded body to standard output\n"
    "  extract   write every document under DIR/<cik>/<accession>/<filename>\n"
    "  text      clean text of a document (HTML and 1990s plain text)\n"
    "  items     8-K, 10-K and 10-Q items with their text\n"
    "  facts     cover page, signatures and exhibits as JSON\n"
    "  ingest    store filings in a database (SQLite, full-text indexed)\n"
    "  search    full-text search of the store, with filters\n"
    "  show      one stored filing: header, items, documents, facts\n"
    "  company   a company's facts and its filings, newest first\n"
    "  version   print the version\n"
    "\n"
    "Run 'edgr <command> --help' for a command's options and examples.\n"
    "Exit status: 0 all inputs fine, 1 some inputs failed (each reported on\n"
    "standard error as 'file: byte offset: reason'), 2 usage error.\n";

static const char HELP_PARSE[] =
    "usage: edgr parse [--pretty] [--jobs N] [--quiet] FILE...\n"
    "\n"
    "Print one JSON object per submission (NDJSON when there are several): the\n"
    "header model (both header dialects give the same field names: tag names in\n"
    "lower case, '-' as '_'; dates ISO; SIC and act as codes; 8-K items as codes),\n"
    "then \"documents\" (sequence, type, filename, description, format, charset,\n"
    "byte offsets, decoded size), \"source\" and, if any, \"diagnostics\".\n"
    "\n"
    "options:\n"
    "  --pretty     indent the JSON\n"
    "  -j, --jobs N parse N files in parallel (output keeps input order)\n"
    "  -q, --quiet  do not print warnings (errors are still printed)\n"
    "\n"
    "examples:\n"
    "  edgr parse samples/0009900001-17-000001.txt --pretty\n"
    "  edgr parse --jobs 2 filings/ > filings.ndjson\n"
    "  edgr parse 20250110.nc.tar.gz | jq -r '.filer[0].company_data.conformed_name'\n";

static const char HELP_HEADER[] =
    "usage: edgr header [--pretty] FILE...\n"
    "\n"
    "Print the header model as JSON, reading no further than the end of the\n"
    "header.  Same fields as 'edgr parse', without \"documents\".\n"
    "\n"
    "example:\n"
    "  edgr header --pretty samples/0009900004-23-000020.txt\n";

static const char HELP_DOCS[] =
    "usage: edgr docs [--json] FILE...\n"
    "\n"
    "Print a table of each submission's documents: sequence, type, file name,\n"
    "format (html, text, xml, xbrl, pdf, uuencoded, other), decoded size in\n"
    "bytes and description.  --json: one object per submission with\n"
    "accession_number, type, documents (as 'edgr parse' gives them) and source.\n"
    "\n"
    "example:\n"
    "  edgr docs samples/0009900003-19-000010.txt\n"
    "\n"
    "Exit status: 0 when every input was fine; 1 when one failed or held no\n"
    "document to list (a header only: said on stderr, a warning in a folder or\n"
    "an archive); 2 for a usage error.\n";

static const char HELP_CAT[] =
    "usage: edgr cat [--raw] FILE SEQ|FILENAME\n"
    "       edgr cat [--db FILE] ACCESSION SEQ|FILENAME\n"
    "\n"
    "Write one document's decoded body to standard output: wrappers (<XML>,\n"
    "<XBRL>, <PDF>) removed, uuencoded bodies decoded to their bytes, and text\n"
    "converted to UTF-8 when it is not (Windows-1252 is assumed then).\n"
    "The document is chosen by its <SEQUENCE> number or its <FILENAME>.\n"
    "Given an accession number instead of a FILE, the filing is read from\n"
    "where 'edgr ingest' found it (the store, ./edgr.db or --db, says where).\n"
    "\n"
    "options:\n"
    "  --raw      write text bytes as they are in the filing (no UTF-8 conversion)\n"
    "  --db FILE  the store to look an accession number up in\n"
    "\n"
    "examples:\n"
    "  edgr cat samples/0009900001-17-000001.txt 2 | less\n"
    "  edgr cat samples/0009900003-19-000010.txt logo.gif > logo.gif\n";

static const char HELP_EXTRACT[] =
    "usage: edgr extract -o DIR [--jobs N] FILE...\n"
    "\n"
    "Write every document, decoded, as DIR/<cik>/<accession without dashes>/<filename>\n"
    "(EDGAR's own archive layout; the CIK is the first filer's, without leading\n"
    "zeros).  Documents without a <FILENAME> (1990s filings) are named 0001.txt,\n"
    "0002.txt ... by sequence.  Names that are absolute, contain '/', '..',\n"
    "control characters or exceed 255 bytes are refused with an error, never\n"
    "written.  Quiet on success.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR  where to write (required)\n"
    "  -j, --jobs N      work on N files in parallel\n"
    "\n"
    "example:\n"
    "  edgr extract -o out samples/\n";

static const char HELP_TEXT[] =
    "usage: edgr text [--doc SEQ|FILENAME|all] [--tables text|markdown|tsv] FILE...\n"
    "\n"
    "Write the clean text of a filing's main document (the first one), as UTF-8.\n"
    "HTML is laid out as paragraphs; scripts, styles, hidden inline-XBRL data\n"
    "and display:none content are dropped; character references are decoded\n"
    "(&#146; is a right quote, as browsers read it).  Tables become aligned\n"
    "rows, with \"$\", \")\" and \"%\" kept with their numbers.  1990s text\n"
    "documents lose their <PAGE>, <TABLE>, <S>, <C> markers, page numbers and\n"
    "running headers.  FILE may also be a bare .htm or .txt document.\n"
    "\n"
    "options:\n"
    "  --doc SEQ|FILENAME  the document with that <SEQUENCE> or <FILENAME>;\n"
    "                      'all' for every HTML and text document, each after\n"
    "                      a '==> SEQ TYPE FILENAME <==' line\n"
    "  --tables STYLE      text (aligned columns, default), markdown (GitHub\n"
    "                      pipe tables: the first row is the header), or tsv;\n"
    "                      a line break in a cell stays in it (<br> in\n"
    "                      markdown, a space otherwise).  1990s <TABLE> blocks\n"
    "                      are cut into cells at their <S> <C> column markers\n"
    "                      in markdown and tsv, and keep their layout in text\n"
    "  -j, --jobs N        work on N files in parallel (output keeps input order)\n"
    "\n"
    "examples:\n"
    "  edgr text samples/0009900001-17-000001.txt\n"
    "  edgr text --doc 2 samples/0009900001-17-000001.txt\n"
    "  edgr text --tables markdown 10k.htm | less\n"
    "\n"
    "Exit status: 0 when every filing had text to print; 1 when one failed or\n"
    "had nothing to print - a header only, a document with no text - each said\n"
    "on stderr (in a folder or an archive such filings are skipped with a\n"
    "warning); 2 for a usage error.\n";

static const char HELP_ITEMS[] =
    "usage: edgr items [--item CODE] [--json] FILE...\n"
    "\n"
    "Split a filing's main document into its items and print each with its\n"
    "text: Form 8-K (items 1.01-9.01, and 1-12 before August 2004), Form 10-K\n"
    "(10-K405, 10-KSB: Parts I-IV, items 1-16) and Form 10-Q (Part I items 1-4,\n"
    "Part II items 1-6, always with their part).  The table of contents and\n"
    "cross-references (\"see Item 1A\") are not headings; \"Items 1 and 2\" gives\n"
    "both items.  Works on HTML and on 1990s text filings.\n"
    "\n"
    "options:\n"
    "  --item CODE   only this item (7.01, 1A, II-1A for a 10-Q's Part II)\n"
    "  --json        one JSON object per filing: accession_number, type, the\n"
    "                header's items (an 8-K), document and sections with\n"
    "                item, part, title, text and the span in the file (start,\n"
    "                end byte offsets); every key is in docs/fields.md\n"
    "  -j, --jobs N  work on N files in parallel\n"
    "\n"
    "examples:\n"
    "  edgr items samples/0009900001-17-000001.txt\n"
    "  edgr items --item 1A --json 10k.txt | jq -r '.sections[0].text'\n"
    "\n"
    "Exit status: 0 when items were found in every filing; 1 when a filing\n"
    "failed or had none to show - no document (a header only), no item found,\n"
    "not the --item asked for - each said on stderr, as search does with no hit\n"
    "(--json still prints the filing, with \"sections\": []; in a folder or an\n"
    "archive such filings are skipped with a warning); 2 for a usage error.\n";

static const char HELP_FACTS[] =
    "usage: edgr facts [--pretty] FILE...\n"
    "\n"
    "Print one JSON object per filing with what its cover page, signature\n"
    "block and exhibits say: registrant name, state of incorporation, commission\n"
    "file number, IRS employer number, address and phone, the four Rule\n"
    "425 / 14a-12 / 14d-2(b) / 13e-4(c) boxes, securities registered under\n"
    "Section 12(b), the emerging-growth box; each signer's name and title and\n"
    "the date; every EX-* document matched to the exhibit index of the form.\n"
    "Inline XBRL dei: facts win over the cover's text where both exist.\n"
    "\n"
    "options:\n"
    "  --pretty      indent the JSON\n"
    "  -j, --jobs N  work on N files in parallel\n"
    "\n"
    "example:\n"
    "  edgr facts samples/0009900001-17-000001.txt --pretty\n";

static const command COMMANDS[] = {
    {"parse", cmd_parse_run, 0, 1},
    {"header", cmd_parse_run, EDGR_PARSE_HEADER_ONLY, 1},
    {"docs", cmd_docs_run, 0, 1},
    {"cat", cmd_cat_run, 0, 1},
    {"extract", cmd_extract_run, 0, 0},
    {"text", cmd_text_run, 0, 1},
    {"items", cmd_items_run, 0, 1},
    {"facts", cmd_facts_run, 0, 1},
};

static const char *help_for(const char *cmd)
{
    if (!strcmp(cmd, "parse")) return HELP_PARSE;
    if (!strcmp(cmd, "header")) return HELP_HEADER;
    if (!strcmp(cmd, "docs")) return HELP_DOCS;
    if (!strcmp(cmd, "cat")) return HELP_CAT;
    if (!strcmp(cmd, "extract")) return HELP_EXTRACT;
    if (!strcmp(cmd, "text")) return HELP_TEXT;
    if (!strcmp(cmd, "items")) return HELP_ITEMS;
    if (!strcmp(cmd, "facts")) return HELP_FACTS;
    if (!strcmp(cmd, "ingest") || !strcmp(cmd, "search") || !strcmp(cmd, "show") ||
        !strcmp(cmd, "company"))
        return NULL;
    return USAGE;
}

/* Commands with their own option parsing (the store's); -1 if `name` is
 * not one of them. */
static int run_own_main(const char *name, int argc, char **argv)
{
    if (!strcmp(name, "ingest")) return cmd_ingest_main(argc, argv);
    if (!strcmp(name, "search")) return cmd_search_main(argc, argv);
    if (!strcmp(name, "show")) return cmd_show_main(argc, argv);
    if (!strcmp(name, "company")) return cmd_company_main(argc, argv);
    return -1;
}

__attribute__((format(printf, 2, 3)))
static int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "edgr%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'edgr %s--help' for more information.\n", cmd ? "help " : "");
    return EXIT_USAGE;
}

static int print_help(const char *text)
{
    fputs(text, stdout);
    return fflush(stdout) ? EXIT_SOME_FAILED : EXIT_OK;
}

int main(int argc, char **argv)
{
    /* a closed pipe (edgr parse ... | head) is a normal way to stop */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h")) return print_help(USAGE);
    if (!strcmp(name, "help") && argc > 2 && !help_for(argv[2])) {
        char help[] = "--help";
        char *args[] = {argv[0], argv[2], help, NULL};
        return run_own_main(argv[2], 3, args);
    }
    if (!strcmp(name, "help")) return print_help(argc > 2 ? help_for(argv[2]) : USAGE);
    if (!strcmp(name, "version") || !strcmp(name, "--version")) {
        printf("edgr %s\n", edgr_version());
        return EXIT_OK;
    }
    int own = run_own_main(name, argc, argv);
    if (own >= 0) return own;
    const command *cmd = NULL;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(COMMANDS[i].name, name)) cmd = &COMMANDS[i];
    if (!cmd) return usage_error(NULL, "unknown command '%s'", name);

    opts o = {.jobs = 1};
    o.header_only = (cmd->stream_flags & EDGR_PARSE_HEADER_ONLY) != 0;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_SOME_FAILED;
    int only_files = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            files[nfiles++] = argv[i];
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            free(files);
            return print_help(help_for(name));
        } else if (!strcmp(a, "--pretty")) {
            o.pretty = 1;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o.quiet = 1;
        } else if (!strcmp(a, "--raw")) {
            o.raw = 1;
        } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j") || !strncmp(a, "--jobs=", 7)) {
            const char *v = !strncmp(a, "--jobs=", 7) ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            char *end;
            long n = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || n < 1 || n > 64) {
                free(files);
                return usage_error(name, "--jobs takes a number from 1 to 64, not '%s'", v ? v : "");
            }
            o.jobs = (int)n;
        } else if (!strcmp(a, "--doc") || !strcmp(a, "--item") || !strcmp(a, "--tables")) {
            if (i + 1 >= argc) {
                free(files);
                return usage_error(name, "%s needs a value", a);
            }
            const char *v = argv[++i];
            if (a[2] == 'd') o.doc_selector = v;
            else if (a[2] == 'i') o.item = v;
            else if (!strcmp(v, "text")) o.tables = 0;
            else if (!strcmp(v, "markdown")) o.tables = 1;
            else if (!strcmp(v, "tsv")) o.tables = 2;
            else {
                free(files);
                return usage_error(name, "--tables takes text, markdown or tsv, not '%s'", v);
            }
        } else if (!strcmp(a, "--json")) {
            o.json = 1;
        } else if (!strcmp(a, "--db")) {
            if (i + 1 >= argc) {
                free(files);
                return usage_error(name, "%s", "--db needs a file");
            }
            o.db = argv[++i];
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (i + 1 >= argc) {
                free(files);
                return usage_error(name, "%s needs a directory", a);
            }
            o.out_dir = argv[++i];
        } else {
            free(files);
            return usage_error(name, "unknown option '%s'", a);
        }
    }
    if (cmd->run == cmd_cat_run) {
        if (nfiles != 2) {
            free(files);
            return usage_error(name, "%s", "needs a FILE and a SEQ or FILENAME");
        }
        o.doc_selector = files[1];
        nfiles = 1;
        if (looks_like_accession(files[0]) && access(files[0], F_OK) != 0) {
            const char *acc = files[0];
            free(files);
            return cat_from_store(&o, o.db ? o.db : "edgr.db", acc);
        }
    }
    if (cmd->run == cmd_extract_run && !o.out_dir) {
        free(files);
        return usage_error(name, "%s", "needs -o DIR");
    }
    if (nfiles == 0) {
        if (isatty(0)) {
            free(files);
            return usage_error(name, "%s", "no input (give FILE..., or - for standard input)");
        }
        files[nfiles++] = "-";
    }
    int rc = run_inputs(cmd, &o, files, nfiles);
    free(files);
    return rc;
}
