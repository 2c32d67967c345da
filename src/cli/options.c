/*
 * The commands and their options, as data; the parser and the text made
 * from them (help, man pages, completions).
 *
 * To add an option: a row in the command's OPTS_* table (long name, short
 * name or 0, the value's name or NULL for a flag, the values it takes if a
 * fixed set, an OPT_* id from options.h, the help text), and a case for
 * the id where the command reads its options (main.c for the file
 * commands, cmd_ingest.c, cmd_query.c).  --help, edgr-CMD(1) and the
 * completions follow by themselves; tests/cli/run.sh checks that every
 * option of --help is in the man page and the completions.  An option in
 * no table is refused ("unknown option"); one in another command's table
 * is refused naming the commands that take it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "options.h"

#define JOBS(what) {"jobs", 'j', "N", NULL, OPT_JOBS, what}
#define QUIET {"quiet", 'q', NULL, NULL, OPT_QUIET, "do not print warnings (errors are still printed)"}
#define PRETTY {"pretty", 0, NULL, NULL, OPT_PRETTY, "indent the JSON"}
#define STORE_DB {"db", 0, "FILE", NULL, OPT_DB, "the store (default ./edgr.db)"}
#define MAX_DOC                                                                                   \
    {"max-document-size", 0, "SIZE", NULL, OPT_MAX_DOC,                                          \
     "refuse a document larger than SIZE bytes (K, M, G\nsuffixes; default 1G): it is an error for that\ndocument, and the rest goes on"}

static const optdef OPTS_PARSE[] = {
    PRETTY,
    JOBS("parse N files in parallel (output keeps input order)"),
    QUIET,
    {0},
};
static const optdef OPTS_HEADER[] = {PRETTY, JOBS("read N files in parallel (output keeps input order)"), QUIET, {0}};
static const optdef OPTS_DOCS[] = {
    {"json", 0, NULL, NULL, OPT_JSON, "one JSON object per filing: its source, accession_number\nand documents"},
    JOBS("read N files in parallel (output keeps input order)"), QUIET, {0}};
static const optdef OPTS_CAT[] = {
    {"raw", 0, NULL, NULL, OPT_RAW, "write text bytes as they are in the filing (no UTF-8 conversion)"},
    {"db", 0, "FILE", NULL, OPT_DB, "the store to look an accession number up in (default ./edgr.db)"},
    QUIET,
    {0},
};
static const optdef OPTS_EXTRACT[] = {
    {"output", 'o', "DIR", NULL, OPT_OUTPUT, "where to write (required, not empty)"},
    JOBS("work on N files in parallel"),
    QUIET,
    {0},
};
static const optdef OPTS_TEXT[] = {
    {"doc", 0, "SEQ|FILENAME|all", NULL, OPT_DOC,
     "the document with that <SEQUENCE> or <FILENAME>;\n'all' for every HTML and text document, each after\na '==> SEQ TYPE FILENAME <==' line"},
    {"tables", 0, "STYLE", "text markdown tsv", OPT_TABLES,
     "text (aligned columns, default), markdown (GitHub\npipe tables: the first row is the header), or tsv;\na line break in a cell stays in it (<br> in\nmarkdown, a space otherwise).  1990s <TABLE> blocks\nare cut into cells at their <S> <C> column markers\nin markdown and tsv, and keep their layout in text"},
    JOBS("work on N files in parallel (output keeps input order)"),
    MAX_DOC,
    QUIET,
    {0},
};
static const optdef OPTS_ITEMS[] = {
    {"item", 0, "CODE", NULL, OPT_ITEM, "only this item (7.01, 1A, II-1A for a 10-Q's Part II)"},
    {"json", 0, NULL, NULL, OPT_JSON,
     "one JSON object per filing: accession_number, type,\nitems (the header's 8-K item codes) and sections, each\nwith item, part, title, text and its span in the file\n(start, end byte offsets)"},
    JOBS("work on N files in parallel (output keeps input order)"),
    MAX_DOC,
    QUIET,
    {0},
};
static const optdef OPTS_FACTS[] = {PRETTY, JOBS("work on N files in parallel (output keeps input order)"), MAX_DOC,
                                    QUIET, {0}};
static const optdef OPTS_XBRL[] = {
    {"concept", 0, "NAME", NULL, OPT_CONCEPT,
     "only facts of this concept: a local name (Revenues) or\nprefix:name (us-gaap:Revenues)"},
    {"dimensions", 0, "WHICH", "all none", OPT_DIMENSIONS,
     "all (default): every fact; none: only facts whose\ncontext has no dimension (what the SEC's companyfacts\nkeeps)"},
    {"format", 0, "FORMAT", "json table", OPT_FORMAT,
     "json: one JSON object a fact (NDJSON; the default when\nthe output is no terminal); table: one tab-separated\nline a fact (concept, period, dimensions, unit, value,\ndecimals; the default on a terminal)"},
    {"doc", 0, "SEQ|FILENAME|all", NULL, OPT_DOC,
     "read that document only; 'all' for every document\nthat holds XBRL (by default the inline XBRL documents,\nor the instance when there are none)"},
    PRETTY,
    JOBS("work on N files in parallel (output keeps input order)"),
    MAX_DOC,
    QUIET,
    {0}};
static const optdef OPTS_OWNERSHIP[] = {
    {"filings", 0, NULL, NULL, OPT_FILINGS,
     "one JSON object a document instead of its rows: every\nfield of the ownershipDocument, owners with address\nand relationship, footnotes, remarks, signatures, and\nthe count of each table's rows"},
    {"format", 0, "FORMAT", "json table", OPT_FORMAT,
     "json: one JSON object a row (NDJSON; the default when\nthe output is no terminal); table: one tab-separated\nline a row (symbol, owner, table, date, code, A/D,\nshares, price, owned after, D/I, security; the default\non a terminal)"},
    PRETTY,
    JOBS("work on N files in parallel (output keeps input order)"),
    MAX_DOC,
    QUIET,
    {0}};
static const optdef OPTS_HOLDINGS[] = {
    {"filings", 0, NULL, NULL, OPT_FILINGS,
     "one JSON object a filing instead of its rows: cover\npage, manager, signature, summary page, other\nmanagers, the units decided and the rule that did"},
    {"format", 0, "FORMAT", "json table", OPT_FORMAT,
     "json: one JSON object a row (NDJSON; the default when\nthe output is no terminal); table: one tab-separated\nline a row (issuer, class, CUSIP, value in dollars,\namount, put/call, discretion, units; the default on\na terminal)"},
    PRETTY,
    JOBS("work on N files in parallel (output keeps input order)"),
    MAX_DOC,
    QUIET,
    {0}};
static const optdef OPTS_INGEST[] = {
    {"db", 0, "FILE", NULL, OPT_DB, "the store (default ./edgr.db; created if missing)"},
    JOBS("N workers parse and extract text (default: the cores)"),
    {"replace", 0, NULL, NULL, OPT_REPLACE, "replace filings already stored with the new copy"},
    {"batch-mb", 0, "N", NULL, OPT_BATCH_MB, "commit after N MB of input (default 64) or 2 seconds"},
    {"files-from", 0, "FILE", NULL, OPT_FILES_FROM,
     "read paths from FILE ('-': standard input), one per\nline; a trailing CR is dropped, blank lines are skipped"},
    {"accession", 0, "N", NULL, OPT_ACCESSION,
     "the accession number of bare documents whose path holds\nnone (with or without dashes)"},
    {"all-or-nothing", 0, NULL, NULL, OPT_ALL_OR_NOTHING,
     "an input found damaged part way (a gzip's CRC-32 or\nlength, a tar without its end blocks) keeps none of\nits filings: those stored before the damage was found\nare removed again, and the exit status is 4"},
    {"source-path", 0, "PATH", NULL, OPT_SOURCE_PATH,
     "standard input's content is PATH's (an inflated copy of\nit, say): filings are stored as read from PATH (for\n'edgr cat') and messages name it"},
    {"json", 0, NULL, NULL, OPT_JSON,
     "after each batch commits, one JSON line per filing:\naccession_number, status (added, replaced, unchanged),\nsource"},
    MAX_DOC,
    {"quiet", 'q', NULL, NULL, OPT_QUIET, "no warnings, no progress line and no summary"},
    {0},
};
static const optdef OPTS_SEARCH[] = {
    STORE_DB,
    {"form", 0, "TYPE", NULL, OPT_FORM, "only this form (8-K, 10-K, 10-Q/A ...)"},
    {"cik", 0, "N", NULL, OPT_CIK, "only filings where this CIK takes part"},
    {"company", 0, "NAME", NULL, OPT_COMPANY,
     "only filings of companies with this name (a ticker\nof their cover page, else exact, prefix, or part of a\ncurrent or former name)"},
    {"from", 0, "DATE", NULL, OPT_FROM, "filed on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)"},
    {"to", 0, "DATE", NULL, OPT_TO, "filed on or before DATE"},
    {"item", 0, "CODE", NULL, OPT_ITEM, "only this item (7.01, 1A, II-1A for a 10-Q's Part II)"},
    {"doc-type", 0, "TYPE", NULL, OPT_DOC_TYPE, "only documents of this type (EX-99.1, 10-K ...)"},
    {"sort", 0, "ORDER", "rank date", OPT_SORT, "date: newest first; rank: best match first, by bm25\n(the default)"},
    {"limit", 0, "N", NULL, OPT_LIMIT, "at most N hits (default 20)"},
    {"offset", 0, "N", NULL, OPT_OFFSET, "skip the first N hits (paging)"},
    {"json", 0, NULL, NULL, OPT_JSON,
     "one JSON object per hit (NDJSON): accession_number,\ntype, filing_date, period, cik, conformed_name, item,\npart, document, doc_type, filename, score, snippet\n(matches between <mark> and </mark>)"},
    {0},
};
static const optdef OPTS_SHOW[] = {
    STORE_DB,
    {"text", 0, NULL, NULL, OPT_TEXT, "add each section's text"},
    {"pretty", 0, NULL, NULL, OPT_PRETTY, "indent the JSON (the default on a terminal)"},
    {0},
};
static const optdef OPTS_COMPANY[] = {
    STORE_DB,
    {"limit", 0, "N", NULL, OPT_LIMIT, "at most N companies for a NAME (default 20)"},
    {"pretty", 0, NULL, NULL, OPT_PRETTY, "indent the JSON (the default on a terminal)"},
    {0},
};
static const optdef OPTS_FACTS_OF[] = {
    STORE_DB,
    {"concept", 0, "TAG", NULL, OPT_CONCEPT,
     "one concept (us-gaap:Revenues, or a bare tag): the\nSEC's companyconcept document instead"},
    {"pretty", 0, NULL, NULL, OPT_PRETTY, "indent the JSON (the default on a terminal)"},
    {0},
};
static const optdef OPTS_FRAMES[] = {
    STORE_DB,
    {"pretty", 0, NULL, NULL, OPT_PRETTY, "indent the JSON (the default on a terminal)"},
    {0},
};
static const optdef OPTS_INSIDERS[] = {
    STORE_DB,
    {"owner", 0, "CIK", NULL, OPT_OWNER, "only rows of documents this reporting owner filed"},
    {"code", 0, "CODE", NULL, OPT_CODE, "only this transaction code (P purchase, S sale, A grant,\nM exercise ...: docs/ownership.md)"},
    {"from", 0, "DATE", NULL, OPT_FROM, "transactions on or after DATE (YYYY-MM-DD; a holding,\nwhich has none, by its filing date)"},
    {"to", 0, "DATE", NULL, OPT_TO, "transactions on or before DATE"},
    {"limit", 0, "N", NULL, OPT_LIMIT, "at most N rows (default: all)"},
    {0},
};
static const optdef OPTS_HOLDERS[] = {
    STORE_DB,
    {"period", 0, "QUARTER", NULL, OPT_PERIOD, "only reports for this quarter: 2024Q4, or its last day\n2024-12-31"},
    {"manager", 0, "CIK", NULL, OPT_MANAGER, "only this manager's positions"},
    {"limit", 0, "N", NULL, OPT_LIMIT, "at most N rows (default: all)"},
    {0},
};
static const optdef OPTS_SERVE[] = {
    STORE_DB,
    {"listen", 0, "HOST:PORT", NULL, OPT_LISTEN, "where to listen (default 127.0.0.1:8080: loopback only;\nport 0: any free port, said on stderr)"},
    {"threads", 0, "N", NULL, OPT_THREADS, "worker threads, each with its own read-only store\nconnection (default 2)"},
    {"idle-timeout", 0, "SECONDS", NULL, OPT_IDLE, "close a connection idle (or sending nothing) this long\n(default 30)"},
    {"quiet", 'q', NULL, NULL, OPT_QUIET, "no access log"},
    {0},
};
static const optdef OPTS_FETCH[] = {
    {"db", 0, "FILE", NULL, OPT_DB, "the store (default ./edgr.db; created if missing)"},
    {"from", 0, "QUARTER|DATE", NULL, OPT_FROM,
     "index: the first quarter (YYYYQn, from 1993Q1; required),\nwith --daily the first day; filings, feed: the first\nday (YYYY-MM-DD; feed from 1995-07-01)"},
    {"to", 0, "QUARTER|DATE", NULL, OPT_TO, "the last quarter, or day (index, feed: default --from;\nfilings: the index's last)"},
    {"form", 0, "TYPE", NULL, OPT_FORM, "filings: only this form type, exactly as the index has\nit (10-K is not 10-K/A); repeat for more"},
    {"cik", 0, "N", NULL, OPT_CIK, "filings: only filings this CIK filed; repeat for more"},
    {"dry-run", 'n', NULL, NULL, OPT_DRY_RUN,
     "filings, feed: print the plan (one JSON line a URL on\nstdout, the count and the time at --rate on stderr)\nand fetch nothing"},
    {"resume", 0, NULL, NULL, OPT_RESUME,
     "filings, feed, bulk: continue what the store's journal\nholds unfinished (after a kill or a lost connection)\nand try what was refused again: no finished transfer\nis repeated, a cut one is continued"},
    {"keep", 0, "DIR", NULL, OPT_KEEP,
     "filings, feed: keep the fetched files under DIR (EDGAR's\npaths); by default they are removed once stored;\nsubmissions, bulk: under DIR, not the cache"},
    JOBS("filings, feed: the ingest's workers (default: the cores)"),
    {"daily", 0, NULL, NULL, OPT_DAILY,
     "the daily indexes (Archives/edgar/daily-index/) of each\nweekday from --from to --to, named by era; a day\nwithout one (a holiday) is no failure"},
    {"kind", 0, "KIND", "master form company xbrl", OPT_KIND,
     "which quarterly index: master (default), form, company\nor xbrl"},
    {"user-agent", 0, "\"NAME EMAIL\"", NULL, OPT_USER_AGENT,
     "who is asking, as the SEC requires (or EDGR_USER_AGENT):\na name and an e-mail address; refused if it looks\nlike a browser's"},
    {"rate", 0, "N", NULL, OPT_RATE,
     "requests a second to the host (default 8, at most 10),\nshared by every edgr process of the user"},
    {"base-url", 0, "URL", NULL, OPT_BASE_URL, "where EDGAR is (default https://www.sec.gov)"},
    {"data-url", 0, "URL", NULL, OPT_DATA_URL, "submissions: where the JSON API is (default\nhttps://data.sec.gov)"},
    {"cache", 0, "DIR", NULL, OPT_CACHE, "where index files, JSON and bulk zips are kept and\nfetched files wait to be stored, under each host's name\n(default $XDG_CACHE_HOME/edgr, else ~/.cache/edgr)"},
    {"uncapped", 0, NULL, NULL, OPT_UNCAPPED, "allow --rate above 10: for a local server only\n(tests, benchmarks)"},
    {"test-waits", 0, "B,R,P,S", NULL, OPT_TEST_WAITS,
     "for tests: the policy's waits in seconds (back-off,\n429 without Retry-After, block pause, half-rate time)"},
    {"quiet", 'q', NULL, NULL, OPT_QUIET, "no waits said, no summary (errors are still said)"},
    {0},
};
static const optdef OPTS_NONE[] = {{0}};

/* Options every command takes, after its own. */
static const optdef OPTS_COMMON[] = {
    {"color", 0, "WHEN", "auto always never", OPT_COLOR,
     "color warnings and search hits: auto (on a terminal,\nunless NO_COLOR is set; the default), always, never"},
    {"help", 'h', NULL, NULL, OPT_HELP, "print this help"},
    {0},
};

#define EXIT_FILES                                                                               \
    "0 when every input was fine; 1 when one failed (each said on stderr as\n"                  \
    "'file: byte offset: reason'); 2 for a usage error; 3 when the output\n"                    \
    "could not be written (a full disk, a closed terminal)."

static const cmddef CMD_PARSE = {
    "parse", "[--pretty] [--jobs N] [--quiet] FILE...",
    "one JSON object per submission: header and document list",
    "Print one JSON object per submission (NDJSON when there are several): the\n"
    "header model (both header dialects give the same field names: tag names in\n"
    "lower case, '-' as '_'; dates ISO; SIC and act as codes; 8-K items as codes),\n"
    "then \"documents\" (sequence, type, filename, description, format, charset,\n"
    "byte offsets, decoded size), \"source\" and, if any, \"diagnostics\".\n"
    "FILE may be a file, a directory (walked), a .tar/.tar.gz archive (read as\n"
    "a stream), or - for standard input.",
    OPTS_PARSE,
    "edgr parse samples/0009900001-17-000001.txt --pretty\n"
    "edgr parse --jobs 2 filings/ > filings.ndjson\n"
    "edgr parse 20250110.nc.tar.gz | jq -r '.filer[0].company_data.conformed_name'",
    EXIT_FILES, "file"};

static const cmddef CMD_HEADER = {
    "header", "[--pretty] FILE...", "the header only, as JSON (reads no further than its end)",
    "Print the header model as JSON, reading no further than the end of the\n"
    "header.  Same fields as 'edgr parse', without \"documents\".",
    OPTS_HEADER, "edgr header --pretty samples/0009900004-23-000020.txt", EXIT_FILES, "file"};

static const cmddef CMD_DOCS = {
    "docs", "[--json] FILE...", "a table of the documents",
    "Print a table of each submission's documents: sequence, type, file name,\n"
    "format (html, text, xml, xbrl, pdf, uuencoded, other), decoded size in\n"
    "bytes and description.  With several filings, each table follows a\n"
    "'==> NAME <==' line (NAME: the file, and the accession number), as head(1)\n"
    "does.",
    OPTS_DOCS,
    "edgr docs samples/0009900003-19-000010.txt\n"
    "edgr docs samples/ | less\n"
    "edgr docs --json samples/ | jq -r '.documents[].filename'",
    "0 when every input was fine; 1 when one failed or held no document to list\n"
    "(a header only: said on stderr, a warning in a folder or an archive); 2 for\n"
    "a usage error; 3 when the output could not be written.",
    "file"};

static const cmddef CMD_CAT = {
    "cat", "[--raw] FILE SEQ|FILENAME\n[--db FILE] ACCESSION SEQ|FILENAME",
    "write one document's decoded body to standard output",
    "Write one document's decoded body to standard output: wrappers (<XML>,\n"
    "<XBRL>, <PDF>) removed, uuencoded bodies decoded to their bytes, and text\n"
    "converted to UTF-8 when it is not (Windows-1252 is assumed then).\n"
    "The document is chosen by its <SEQUENCE> number or its <FILENAME>.\n"
    "Given an accession number (with or without dashes) instead of a FILE, the\n"
    "filing is read from where 'edgr ingest' found it (the store, ./edgr.db or\n"
    "--db, says where), twice: first checked against the SHA-256 taken at ingest\n"
    "(a source changed since is refused before anything is written), then written.\n"
    "The document streams out, in little memory whatever its size; only a text\n"
    "body read from a FILE that is UTF-8 past its first non-ASCII byte is held\n"
    "until its end settles its charset (beyond 8 MB in a temporary file in\n"
    "$TMPDIR, else /tmp).",
    OPTS_CAT,
    "edgr cat samples/0009900001-17-000001.txt 2 | less\n"
    "edgr cat samples/0009900003-19-000010.txt logo.gif > logo.gif\n"
    "edgr cat --db filings.db 0009900001-17-000001 1",
    "0 the document was written; 1 no such document, or the input failed; 2 for\n"
    "a usage error; 3 the store could not be read or the output not written.",
    "file"};

static const cmddef CMD_EXTRACT = {
    "extract", "-o DIR [--jobs N] FILE...",
    "write every document under DIR/<cik>/<accession>/<filename>",
    "Write every document, decoded, as DIR/<cik>/<accession without dashes>/<filename>\n"
    "(EDGAR's own archive layout; the CIK is the first filer's, without leading\n"
    "zeros).  Documents without a <FILENAME> (1990s filings) are named 0001.txt,\n"
    "0002.txt ... by sequence.  Names that are absolute, contain '/', '..',\n"
    "control characters or exceed 255 bytes are refused with an error, never\n"
    "written.  Nothing is written outside DIR: a symbolic link at DIR/<cik>,\n"
    "DIR/<cik>/<accession> or a document's name is not followed (an error;\n"
    "that filing or document is skipped and the batch goes on), and each file\n"
    "is written under a temporary name and renamed into place, so an existing\n"
    "file is replaced, never written through (a hard link to it keeps its old\n"
    "content).  A second document of a filing with a name already written is\n"
    "written as name.2.ext, with a warning.  The same filing twice in one\n"
    "batch: each file ends whole, from the copy written last.  Quiet on\n"
    "success.",
    OPTS_EXTRACT, "edgr extract -o out samples/\nedgr extract -o out --jobs 4 20250110.nc.tar.gz",
    "0 when every document was written; 1 when an input failed, or a name, a\n"
    "symbolic link or a file was refused (a permission); 2 for a usage error; 3 when the disk\n"
    "failed (full, over quota, an I/O error): the batch stops there.",
    "file"};

static const cmddef CMD_TEXT = {
    "text", "[--doc SEQ|FILENAME|all] [--tables text|markdown|tsv] FILE...",
    "clean text of a document (HTML and 1990s plain text)",
    "Write the clean text of a filing's main document (the first one), as UTF-8.\n"
    "HTML is laid out as paragraphs; scripts, styles, hidden inline-XBRL data\n"
    "and display:none content are dropped; character references are decoded\n"
    "(&#146; is a right quote, as browsers read it).  Tables become aligned\n"
    "rows, with \"$\", \")\" and \"%\" kept with their numbers.  1990s text\n"
    "documents lose their <PAGE>, <TABLE>, <S>, <C> markers, page numbers and\n"
    "running headers.  FILE may also be a bare .htm or .txt document.  In a\n"
    "folder or an archive, a filing whose main document is XML or PDF is\n"
    "skipped with a note.",
    OPTS_TEXT,
    "edgr text samples/0009900001-17-000001.txt\n"
    "edgr text --doc 2 samples/0009900001-17-000001.txt\n"
    "edgr text --tables markdown 10k.htm | less",
    "0 when every filing had text to print; 1 when one failed or had nothing\n"
    "to print - a header only, a document with no text - each said on stderr\n"
    "(in a folder or an archive such filings are skipped with a warning); 2 for\n"
    "a usage error; 3 when the output could not be written.",
    "file"};

static const cmddef CMD_ITEMS = {
    "items", "[--item CODE] [--json] FILE...", "8-K, 10-K and 10-Q items with their text",
    "Split a filing's main document into its items and print each with its\n"
    "text: Form 8-K (items 1.01-9.01, and 1-12 before August 2004), Form 10-K\n"
    "(10-K405, 10-KSB, 10-KT: Parts I-IV, items 1-16) and Form 10-Q (Part I\n"
    "items 1-4, Part II items 1-6, always with their part), amendments (/A)\n"
    "included.  Other forms (S-3, 424B, DEF 14A ...) are not split: said so,\n"
    "naming the form.  The table of contents and cross-references (\"see Item\n"
    "1A\") are not headings; \"Items 1 and 2\" gives both items.  Works on HTML\n"
    "and on 1990s text filings.",
    OPTS_ITEMS,
    "edgr items samples/0009900001-17-000001.txt\n"
    "edgr items --item 1A --json 10k.txt | jq -r '.sections[0].text'",
    "0 when items were found in every filing; 1 when a filing failed or had\n"
    "none to show - no document (a header only), a form that is not split, no\n"
    "item found, not the --item asked for - each said on stderr, as search does\n"
    "with no hit (--json still prints the filing; in a folder or an archive\n"
    "such filings are skipped with a warning); 2 for a usage error; 3 when the\n"
    "output could not be written.",
    "file"};

static const cmddef CMD_FACTS = {
    "facts", "[--pretty] FILE...", "cover page, signatures and exhibits as JSON",
    "Print one JSON object per filing with what its cover page, signature\n"
    "block and exhibits say: registrant name, state of incorporation, commission\n"
    "file number, IRS employer number, address and phone, the four Rule\n"
    "425 / 14a-12 / 14d-2(b) / 13e-4(c) boxes, securities registered under\n"
    "Section 12(b), the emerging-growth box; each signer's name and title and\n"
    "the date; every EX-* document matched to the exhibit index of the form.\n"
    "Inline XBRL dei: facts win over the cover's text where both exist.",
    OPTS_FACTS, "edgr facts samples/0009900001-17-000001.txt --pretty", EXIT_FILES, "file"};

static const cmddef CMD_XBRL = {
    "xbrl", "[--concept NAME] [--dimensions all|none] [--format json|table] [--doc SEQ|FILENAME|all] FILE...",
    "the XBRL facts of each filing, one JSON object a fact",
    "Print every XBRL fact of each filing: the inline XBRL of its primary\n"
    "document (ix:nonFraction, ix:nonNumeric, ix:fraction, with continuations,\n"
    "exclusions, footnotes and hidden facts), or its XBRL instance (EX-101.INS,\n"
    "the SEC's extracted *_htm.xml) when it has no inline XBRL.  FILE is a\n"
    "complete submission, an iXBRL .htm or an instance .xml.  Each fact gives\n"
    "its concept (prefix, namespace, name), period, entity, dimensions, unit,\n"
    "value, decimals, id, footnotes and byte offset.  Numbers are exact: the\n"
    "displayed text goes through its ixt transformation rule, scale and sign\n"
    "in decimal arithmetic, and comes out canonical (\"-1234.5\", never 1e3).\n"
    "A format edgr does not know leaves the fact 'untransformed' with its raw\n"
    "text; duplicate facts that disagree are warned of; the most precise of\n"
    "agreeing duplicates is kept and the others marked \"duplicate\": true.",
    OPTS_XBRL,
    "edgr xbrl filing.txt --concept Revenues --dimensions none\n"
    "edgr xbrl aapl-20250329.htm --format table",
    "0 when every filing had XBRL and was read; 1 when one had none, or a\n"
    "document could not be read (each said on stderr as 'file: byte offset:\n"
    "reason'; a fact's problems are warnings and do not fail it); 2 for a\n"
    "usage error; 3 when the output could not be written.",
    "file"};

static const cmddef CMD_OWNERSHIP = {
    "ownership", "[--filings] [--format json|table] FILE...",
    "insider transactions and holdings of Forms 3, 4, 5, one JSON object a row",
    "Print one row per nonDerivativeTransaction, nonDerivativeHolding,\n"
    "derivativeTransaction and derivativeHolding of each Form 3, 4 or 5 (and\n"
    "amendments), in document order.  FILE is a complete submission or the\n"
    "ownership XML itself.  Each row carries the accession number, the filing\n"
    "date, the issuer and the reporting owners with their relationship, and\n"
    "its fields: security_title, transaction_date, code (P purchase, S sale,\n"
    "A grant, M option exercise, F tax withholding, G gift ...: docs/ownership.md),\n"
    "shares, price, acquired_disposed, owned_after_shares, direct_indirect,\n"
    "conversion_or_exercise_price, exercise_date, expiration_date, underlying_*\n"
    "...  Numbers are exact decimals (\"200000.0\" is 200000).  A value given only\n"
    "as a footnote reference is null beside KEY_footnotes: \"no value, see F3\",\n"
    "never 0; the row's \"footnotes\" object holds the texts it refers to.\n"
    "A Form 4 from before the XML era (mid-2003) gives one object with its\n"
    "header facts and \"rows_not_read\": its table is text and is not guessed at.",
    OPTS_OWNERSHIP,
    "edgr ownership filing.txt | jq -c 'select(.code == \"P\")'\n"
    "edgr ownership --format table form4.xml\n"
    "edgr ownership --filings filing.txt --pretty",
    "0 when every filing had an ownership document and it was read; 1 when\n"
    "one had none, or its XML is not well-formed (said on stderr as 'file:\n"
    "byte offset: reason', the rest of the batch goes on); 2 for a usage\n"
    "error; 3 when the output could not be written.",
    "file"};

static const cmddef CMD_HOLDINGS = {
    "holdings", "[--filings] [--format json|table] FILE...",
    "13F positions, one JSON object a row, values in dollars",
    "Print one row per infoTable of each 13F-HR (and amendment): issuer,\n"
    "class, CUSIP, FIGI, value as filed and value_usd in whole dollars, shares\n"
    "or principal amount, put/call, investment discretion, other managers and\n"
    "voting authority, with the accession number, filing date, manager and\n"
    "period.  FILE is a complete submission, or its primary_doc.xml or\n"
    "information table.  Units: values were thousands of dollars before the\n"
    "2023 change and whole dollars after, and filings for one period come in\n"
    "both; edgr decides per filing by the rows' prices (value / shares of\n"
    "share rows without put or call: at least half under $1 means thousands),\n"
    "else the schema version, else the period, and says which rule decided\n"
    "(units, units_rule).  The summary page's tableEntryTotal and\n"
    "tableValueTotal are checked against the rows (a mismatch is a warning).\n"
    "A 13F-HR filed before 2013 (a text table) gives one object with its header\n"
    "facts and \"rows_not_read\".",
    OPTS_HOLDINGS,
    "edgr holdings filing.txt | jq -c '{cusip, value_usd}'\n"
    "edgr holdings --filings filing.txt --pretty",
    "0 when every filing had a 13F document and it was read; 1 when one had\n"
    "none or could not be read (said on stderr as 'file: byte offset:\n"
    "reason'); 2 for a usage error; 3 when the output could not be written.",
    "file"};

static const cmddef CMD_INSIDERS = {
    "insiders", "[--db FILE] [--owner CIK] [--code CODE] [--from DATE] [--to DATE] CIK",
    "stored insider transactions of a company or a person",
    "Print the stored Form 3/4/5 rows (edgr ingest keeps them) of CIK: a\n"
    "company's (its insiders' transactions and holdings in its securities) or a\n"
    "person's (every row of the documents they filed), one JSON line a row as\n"
    "'edgr ownership' prints it, newest transaction first.  Named 'insiders'\n"
    "because that is what the rows are, whichever side CIK is on.",
    OPTS_INSIDERS,
    "edgr insiders 320193 --code S --from 2024-01-01\n"
    "edgr insiders 320193 | jq -r '[.transaction_date, .owners[0].name, .code, .shares, .price] | @tsv'",
    "0 when rows were printed; 1 when none matched; 2 for a usage error (a\n"
    "CIK that is no number); 3 when the store could not be read.",
    "none"};

static const cmddef CMD_HOLDERS = {
    "holders", "[--db FILE] [--period QUARTER] [--manager CIK] CUSIP",
    "stored 13F positions in a security, largest first",
    "Print the stored 13F positions (edgr ingest keeps them) in the security\n"
    "with this CUSIP, one JSON line a row as 'edgr holdings' prints it, the\n"
    "largest value in dollars first.  Amendments are rows of their own (form\n"
    "13F-HR/A): a restatement repeats the positions it restates.",
    OPTS_HOLDERS,
    "edgr holders 037833100 --period 2024Q4\n"
    "edgr holders 037833100 | jq -r '[.period, .manager.name, .value_usd] | @tsv'",
    "0 when rows were printed; 1 when none matched; 2 for a usage error; 3\n"
    "when the store could not be read.",
    "none"};

static const cmddef CMD_SERVE = {
    "serve", "[--db FILE] [--listen HOST:PORT] [--threads N]",
    "the store over HTTP, in the SEC's JSON shapes",
    "Serve the store over HTTP/1.1 (keep-alive; GET and HEAD only): the SEC's\n"
    "XBRL APIs from the facts the store holds (/api/xbrl/companyfacts/\n"
    "CIK##########.json, /api/xbrl/companyconcept/CIK##########/TAXONOMY/TAG.json,\n"
    "/api/xbrl/frames/TAXONOMY/TAG/UNIT/PERIOD.json), and edgr's own, versioned:\n"
    "/v1/filings/ACCESSION (edgr show), /v1/insiders?cik=&owner=&code=&from=&to=\n"
    "(edgr insiders), /v1/holdings?cusip=&period=&manager= (edgr holders),\n"
    "/v1/companies?q= (edgr company).\n"
    "Every JSON answer has a strong ETag (If-None-Match gives 304), gzip when\n"
    "asked, Access-Control-Allow-Origin: *; errors are {\"error\": \"...\"} with\n"
    "400, 404, 405, 414 or 503.  One access log line a request on stderr.\n"
    "Binds to loopback unless told otherwise; stops on SIGINT or SIGTERM.",
    OPTS_SERVE,
    "edgr serve --db edgr.db &\n"
    "curl -s localhost:8080/api/xbrl/companyfacts/CIK0000320193.json | jq .entityName",
    "0 after SIGINT or SIGTERM; 2 for a usage error; 3 when the store cannot be\n"
    "opened or the address not listened on.",
    "none"};

static const cmddef CMD_INGEST = {
    "ingest", "[--db FILE] [--jobs N] [--files-from FILE|-] [options] PATH...",
    "store filings in a database (SQLite, full-text indexed)",
    "Store filings in an edgr database (SQLite, default ./edgr.db) for 'edgr\n"
    "search', 'edgr show' and 'edgr company'.  PATH may be a complete submission\n"
    "(.txt, .nc), a header (.hdr.sgml), a directory (walked), a .tar/.nc.tar.gz\n"
    "daily feed archive, a gzip/zstd-compressed file (known by its bytes, not its\n"
    "name), or '-' for the content of standard input (also what is read with no\n"
    "PATH when stdin is a pipe).  A list of paths is read with --files-from.\n"
    "\n"
    "A bare document (an .htm or .txt saved from a filing folder, no SEC header)\n"
    "is stored under the accession number its path holds (a file name such as\n"
    "0001144204-17-013452.txt, or a folder such as .../edgar/data/CIK/\n"
    "000114420417013452/), else under --accession, else (HTML or text named\n"
    "on the command line or piped) under 'sha256:' and the first 20 hex digits\n"
    "of its SHA-256; a warning says which.  In a folder, bare documents are\n"
    "stored only when their path holds an accession number.  Binary data is\n"
    "refused.  <DOCUMENT> blocks with no SEC header are keyed the same way\n"
    "(path or --accession).\n"
    "\n"
    "Each filing is stored once, keyed by accession number: ingesting it again\n"
    "changes nothing (a header-only record gives way to the whole filing).\n"
    "Filings are written in batches, one transaction each: if ingest is\n"
    "stopped (even by kill -9), the store holds every filing of the batches\n"
    "that committed and nothing of the others; run the same command again to\n"
    "finish.  Bad files are reported as 'file: byte offset: reason' and skipped.\n"
    "A damaged archive (a gzip's CRC-32 or length wrong, a tar cut short) keeps\n"
    "the filings read before the damage, unless --all-or-nothing.\n"
    "The original files are not copied: keep them where they are for 'edgr cat'.\n"
    "\n"
    "On a terminal a progress line is kept up to date (warnings are printed\n"
    "above it).  A long run (100 files or more) ends with one line on stderr:\n"
    "'edgr ingest: N files: A added, U unchanged, S skipped, F failed'.",
    OPTS_INGEST,
    "edgr ingest samples/\n"
    "edgr ingest --db filings.db 20250110.nc.tar.gz\n"
    "find /data/edgar -name '*.txt' | edgr ingest --db edgar.db --files-from -\n"
    "curl -s https://.../20250110.nc.tar.gz | edgr ingest -\n"
    "edgr ingest --accession 0001144204-17-013452 tv487521_8k.htm",
    "0 every filing stored or already there; 1 some inputs failed (the others\n"
    "are stored); 2 for a usage error; 3 the store could not be opened or\n"
    "written (a full disk: what committed before stays); 4 with --all-or-nothing,\n"
    "an input was damaged and none of its filings is kept.",
    "file"};

static const cmddef CMD_SEARCH = {
    "search", "[options] QUERY", "full-text search of the store, with filters",
    "Full-text search of the filings in the store (see 'edgr ingest').  QUERY\n"
    "uses SQLite FTS5 syntax; words are stemmed (\"recognize\" finds\n"
    "\"recognizing\") and accents ignored:\n"
    "  revenue recognition            both words (AND is implied)\n"
    "  \"multiple myeloma\"             the phrase\n"
    "  tariff OR duties  /  cyber NOT insurance  /  (a OR b) AND c\n"
    "  NEAR(merger termination, 10)   within 10 words of each other\n"
    "  semicond*                      words starting with \"semicond\"\n"
    "Words with other characters (AT&T, non-GAAP, 10-K) are read as phrases.\n"
    "Each hit is a section: an item of an 8-K, 10-K or 10-Q, or a slice of\n"
    "about 8 KB of another document (an exhibit, a press release).  On a\n"
    "terminal the words found are highlighted (see --color).  A query has at\n"
    "most 64 terms (words and phrases) and 4096 bytes: the cost of OR grows\n"
    "with the square of its terms.",
    OPTS_SEARCH,
    "edgr search '\"multiple myeloma\"' --form 8-K\n"
    "edgr search 'cybersecurity AND ransomware' --from 2023 --item 1C\n"
    "edgr search tariff* --company 'apple' --sort date --json | jq .snippet",
    "0 hits found, 1 no hits, 2 usage error or malformed query, 3 the store\n"
    "could not be read (or does not exist) or the output not written.",
    "none"};

static const cmddef CMD_SHOW = {
    "show", "[--db FILE] [--text] [--pretty] ACCESSION",
    "one stored filing: header, items, documents, facts",
    "Print one stored filing as JSON: its dates and items, where it came from,\n"
    "its entities with their roles, documents (type, file name, size, SHA-256),\n"
    "sections (items with titles and byte spans), exhibits, cover facts,\n"
    "signatures, and the whole header as 'edgr parse' writes it.  ACCESSION\n"
    "may be given with or without dashes (000990000117000001), or be the\n"
    "sha256: key of a bare document (see 'edgr ingest --help').  Every key is\n"
    "in docs/fields.md.",
    OPTS_SHOW, "edgr show 0009900001-17-000001 --text | jq -r '.sections[0].text'",
    "0 the filing was printed; 1 it is not in the store; 2 for a usage error;\n"
    "3 the store could not be read (or does not exist) or the output not\n"
    "written.",
    "none"};

static const cmddef CMD_COMPANY = {
    "company", "[--db FILE] [--pretty] [--limit N] CIK|NAME",
    "a company's facts and its filings, newest first",
    "Print a company's facts (name, SIC, state of incorporation, IRS number,\n"
    "fiscal year end, addresses, phone, former names) and its filings in the\n"
    "store, newest first, in the header's names (docs/fields.md gives the SEC\n"
    "submissions API's name of each).  A\n"
    "NAME is a trading symbol of a cover page (AAPL), else a current or former\n"
    "name, matched exactly, else as a prefix, else as a part of it; each\n"
    "company matched is one JSON line.",
    OPTS_COMPANY, "edgr company 9900001\nedgr company 'halcyon' | jq -r '.filings[].accession_number'",
    "0 a company was printed; 1 none matched; 2 for a usage error; 3 the store\n"
    "could not be read (or does not exist) or the output not written.",
    "none"};

static const cmddef CMD_FACTS_OF = {
    "facts-of", "[--db FILE] [--pretty] [--concept TAG] CIK",
    "a company's XBRL facts, as the SEC's companyfacts API serves them",
    "Print the SEC's companyfacts document for a company, built from the XBRL\n"
    "facts of its filings in the store: every numeric fact without dimensions\n"
    "of the standard taxonomies (us-gaap, ifrs-full, srt, and the SEC's own:\n"
    "dei, ecd, ffd, invest ...), each filing's value (so the value first\n"
    "reported is there beside the restated one), with fy, fp, form, filed and\n"
    "the SEC's frame.  Values are the exact decimals the filings wrote.  label\n"
    "and description are null (they are the taxonomy's, which edgr does not\n"
    "ship).  With --concept, the companyconcept document of that one concept\n"
    "(a tag of ecd, ffd, ... with its prefix: ecd:PeoTotalCompAmt).  'edgr\n"
    "xbrl' prints every fact of a filing, dimensions and extensions too.",
    OPTS_FACTS_OF,
    "edgr facts-of 320193 | jq '.facts[\"us-gaap\"] | keys | length'\n"
    "edgr facts-of 320193 --concept us-gaap:Revenues | jq -c '.units.USD[] | select(.frame)'",
    "0 the document was printed; 1 no such fact is stored; 2 for a usage error\n"
    "(a CIK that is not one); 3 the store could not be read (or does not exist)\n"
    "or the output not written.",
    "none"};

static const cmddef CMD_FRAMES = {
    "frames", "[--db FILE] [--pretty] TAG UNIT PERIOD",
    "one fact per company for a concept, unit and period (the SEC's frames API)",
    "Print the SEC's frames document: for concept TAG (us-gaap:Revenues, or a\n"
    "bare tag) in UNIT (USD, shares, USD/shares, or USD-per-shares as the SEC's\n"
    "URLs write it), the one fact of each company in the store that carries\n"
    "frame PERIOD: CY2024 (a calendar year: durations of about a year),\n"
    "CY2024Q3 (a calendar quarter: durations of about three months), CY2024Q3I\n"
    "(an instant nearest the quarter's end).  The SEC's rule picks, among a\n"
    "company's facts of one frame, the one of the period nearest it, then the\n"
    "latest filed (docs/xbrl.md).",
    OPTS_FRAMES,
    "edgr frames us-gaap:Revenues USD CY2024 | jq -r '.data[] | [.entityName, .val] | @tsv'\n"
    "edgr frames Assets USD CY2024Q4I",
    "0 the frame was printed; 1 no stored fact carries it; 2 for a usage error\n"
    "(a PERIOD that is no frame); 3 the store could not be read (or does not\n"
    "exist) or the output not written.",
    "none"};

static const cmddef CMD_VERSION = {"version", "", "print the version (also --version, -V)",
                                   "Print 'edgr' and its version.", OPTS_NONE, "edgr version",
                                   NULL, "none"};

static const cmddef CMD_FETCH = {
    "fetch",
    "index --from QUARTER [--to QUARTER] [--kind KIND] [--daily] [options]\n"
    "filings [--form TYPE]... [--cik N]... [--from DATE] [--to DATE] [--dry-run] [options]\n"
    "feed --from DATE [--to DATE] [--keep DIR] [--dry-run] [options]\n"
    "filings|feed --resume [options]\n"
    "submissions CIK... [--data-url URL] [--keep DIR] [options]\n"
    "bulk submissions|companyfacts [--keep DIR] [options]\n"
    "bulk [submissions|companyfacts] --resume [options]",
    "EDGAR into the store, within the SEC's fair-access rules",
    "Fetch from EDGAR into the store (./edgr.db or --db), bulk first.\n\n"
    "'edgr fetch index' reads the quarterly full-index files (Archives/edgar/\n"
    "full-index/YYYY/QTRn/KIND.idx), or with --daily each weekday's daily index,\n"
    "into the store's index tables (index_rows: cik, conformed_name, type,\n"
    "filing_date, path, accession_number), so that later commands can plan\n"
    "without naming companies.  A file read before is revalidated\n"
    "(If-None-Match, If-Modified-Since): unchanged, it is not read again.\n\n"
    "'edgr fetch filings' fetches the complete submission (.txt) of every filing\n"
    "the stored index lists for --form, --cik, --from and --to and the store\n"
    "lacks, and stores each as it arrives (an 'edgr ingest' runs alongside).\n"
    "'edgr fetch feed' fetches each weekday's Feed archive (Archives/edgar/Feed/\n"
    "YYYY/QTRn/YYYYMMDD.nc.tar.gz, from 1995-07-01), checks it whole (every gzip\n"
    "member's CRC-32 and length, the tar's end blocks) and stores its filings.\n"
    "Fetched files are removed once stored, unless --keep DIR.\n\n"
    "Every URL of the plan goes into the store's journal (fetch_journal) before\n"
    "the first request: after a kill or a lost connection, --resume continues\n"
    "it -- no finished transfer is repeated, a cut one goes on from its .part\n"
    "(Range + If-Range), and a file whole on disk is stored without a request.\n"
    "A path the SEC does not have (403 AccessDenied) is asked for once.\n\n"
    "'edgr fetch submissions CIK...' fetches each company's filing history from\n"
    "the JSON API (data.sec.gov/submissions/CIK##########.json; a CIK is digits,\n"
    "leading zeros and a 'CIK' prefix optional) into the cache (or --keep DIR),\n"
    "at its URL path.  'edgr fetch bulk submissions|companyfacts' fetches the\n"
    "SEC's nightly zip of every company's submissions (Archives/edgar/daily-index/\n"
    "bulkdata/submissions.zip) or XBRL facts (Archives/edgar/daily-index/xbrl/\n"
    "companyfacts.zip), checks it whole (its end of central directory) and keeps\n"
    "it; a cut transfer is parked in the journal and continued from its .part\n"
    "by the next run or --resume.  Both revalidate a copy fetched before\n"
    "(If-None-Match, If-Modified-Since; the validators, size and SHA-256 are in\n"
    "the store's index_files): unchanged, it is not fetched again.  The JSON\n"
    "API and the Archives share one rate budget (the SEC's limit is per user).\n\n"
    "Every request declares --user-agent and takes a slot of the host's rate\n"
    "budget, shared through a file in $XDG_STATE_HOME/edgr by every edgr process\n"
    "of the user: evenly spaced, never bursts.  The SEC's block page stops\n"
    "every one of them for 10 minutes, then half rate for an hour; a 429 waits\n"
    "for its Retry-After (else 10 minutes); 5xx, resets and cut bodies are\n"
    "retried with back-off, at most 8 attempts, then parked in the journal.",
    OPTS_FETCH,
    "edgr fetch index --from 2025Q1 --to 2025Q4 --user-agent \"Jane Doe jane@example.com\"\n"
    "export EDGR_USER_AGENT=\"Jane Doe jane@example.com\"\n"
    "edgr fetch filings --form 10-K --from 2025-01-01 --to 2025-03-31 --dry-run\n"
    "edgr fetch filings --form 8-K --cik 320193 --from 2025-01-01\n"
    "edgr fetch feed --from 2025-03-03 --to 2025-03-07 --keep ~/edgar\n"
    "edgr fetch filings --resume\n"
    "edgr fetch submissions 320193 0000789019 CIK0001045810\n"
    "edgr fetch bulk companyfacts --keep ~/edgar\n"
    "edgr fetch bulk --resume\n"
    "sqlite3 edgr.db \"select status, count(*) from fetch_journal group by 1\"",
    "0 when everything planned was fetched and stored (or was unchanged); 1\n"
    "when something failed, was parked or is missing where it should not be\n"
    "(said on stderr; a weekday without a Feed archive or daily index is a\n"
    "holiday, no failure); 2 for a usage error (no User-Agent among them); 3\n"
    "when the store, the journal or the rate budget could not be used.",
    "none"};

const cmddef *const CLI_COMMANDS[] = {
    &CMD_PARSE, &CMD_HEADER, &CMD_DOCS, &CMD_CAT, &CMD_EXTRACT, &CMD_TEXT, &CMD_ITEMS, &CMD_FACTS, &CMD_XBRL,
    &CMD_OWNERSHIP, &CMD_HOLDINGS,
    &CMD_INGEST, &CMD_SEARCH, &CMD_SHOW, &CMD_COMPANY, &CMD_FACTS_OF, &CMD_FRAMES, &CMD_INSIDERS, &CMD_HOLDERS, &CMD_SERVE, &CMD_FETCH, &CMD_VERSION, NULL,
};

const cmddef *cli_command(const char *name)
{
    for (size_t i = 0; CLI_COMMANDS[i]; i++)
        if (!strcmp(CLI_COMMANDS[i]->name, name)) return CLI_COMMANDS[i];
    return NULL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    char buf[1024], esc[4 * sizeof buf];
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
    cli_escape(esc, sizeof esc, buf, len, 0); /* what the user typed, shown safely */
    fprintf(stderr, "edgr%s%s: %s", cmd ? " " : "", cmd ? cmd : "", esc);
    if (cmd) fprintf(stderr, "\nTry 'edgr %s --help' for more information.\n", cmd);
    else fputs("\nTry 'edgr --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

void opt_init(optparser *p, const cmddef *c, int argc, char **argv, int start)
{
    *p = (optparser){.c = c, .argc = argc, .argv = argv, .i = start};
}

static const optdef *find_long(const optdef *t, const char *name, size_t n)
{
    for (; t->name; t++)
        if (strlen(t->name) == n && !memcmp(t->name, name, n)) return t;
    return NULL;
}

static const optdef *find_short(const optdef *t, char c)
{
    for (; t->name; t++)
        if (t->short_name && t->short_name == c) return t;
    return NULL;
}

static const optdef *lookup(const cmddef *c, const char *name, size_t n, char short_name)
{
    const optdef *d = short_name ? find_short(c->opts, short_name) : find_long(c->opts, name, n);
    if (!d) d = short_name ? find_short(OPTS_COMMON, short_name) : find_long(OPTS_COMMON, name, n);
    return d;
}

/* An option this command does not take: say which commands do. */
static int unknown_option(const cmddef *c, const char *shown, const char *name, size_t n,
                          char short_name)
{
    char who[256] = "";
    size_t at = 0;
    int count = 0;
    for (size_t i = 0; CLI_COMMANDS[i]; i++) {
        const cmddef *o = CLI_COMMANDS[i];
        if (o == c) continue;
        const optdef *d = short_name ? find_short(o->opts, short_name) : find_long(o->opts, name, n);
        if (!d) continue;
        int w = snprintf(who + at, sizeof who - at, "%s'edgr %s'", count ? ", " : "", o->name);
        if (w > 0 && (size_t)w < sizeof who - at) at += (size_t)w;
        count++;
    }
    if (count)
        return cli_usage(c->name, "'%s' is an option of %s, not of 'edgr %s'", shown, who, c->name);
    return cli_usage(c->name, "unknown option '%s'", shown);
}

static int check_value(const cmddef *c, const optdef *d, const char *v)
{
    if (!d->values) return 0;
    const char *s = d->values;
    size_t n = strlen(v);
    while (*s) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == n && !memcmp(s, v, n)) return 0;
        s += len;
        while (*s == ' ') s++;
    }
    char list[128];
    snprintf(list, sizeof list, "%s", d->values);
    for (char *q = list; *q; q++)
        if (*q == ' ') *q = ',';
    cli_usage(c->name, "--%s takes one of %s, not '%s'", d->name, list, v);
    return -1;
}

int opt_next(optparser *p, const char **val)
{
    *val = NULL;
    if (p->i >= p->argc) return OPT_DONE;
    const char *a = p->argv[p->i++];
    if (p->only_args || a[0] != '-' || !a[1]) {
        *val = a;
        return OPT_ARG;
    }
    if (!strcmp(a, "--")) {
        p->only_args = 1;
        return opt_next(p, val);
    }
    const optdef *d;
    const char *inline_val = NULL;
    if (a[1] == '-') {
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        d = lookup(p->c, name, n, 0);
        if (!d) {
            char shown[64];
            snprintf(shown, sizeof shown, "--%.*s", (int)(n < 60 ? n : 60), name);
            unknown_option(p->c, shown, name, n, 0);
            return OPT_ERROR;
        }
        if (eq) {
            if (!d->arg) {
                cli_usage(p->c->name, "--%s takes no value", d->name);
                return OPT_ERROR;
            }
            inline_val = eq + 1;
        }
    } else {
        d = lookup(p->c, NULL, 0, a[1]);
        if (!d) {
            char shown[3] = {'-', a[1], 0};
            unknown_option(p->c, shown, NULL, 0, a[1]);
            return OPT_ERROR;
        }
        if (a[2]) {
            if (!d->arg) {
                cli_usage(p->c->name, "unknown option '%s'", a);
                return OPT_ERROR;
            }
            inline_val = a + 2; /* -j4 */
        }
    }
    if (d->arg) {
        if (!inline_val) {
            if (p->i >= p->argc) {
                cli_usage(p->c->name, "--%s needs a value (%s)", d->name, d->arg);
                return OPT_ERROR;
            }
            inline_val = p->argv[p->i++];
        }
        if (!*inline_val) { /* --company "" is a slip, never "match anything" */
            cli_usage(p->c->name, "--%s needs a value (%s), not an empty string", d->name, d->arg);
            return OPT_ERROR;
        }
        if (check_value(p->c, d, inline_val)) return OPT_ERROR;
        *val = inline_val;
    }
    if (d->id == OPT_COLOR) {
        cli_set_color(!strcmp(inline_val, "always") ? 1 : !strcmp(inline_val, "never") ? 0 : -1);
        return opt_next(p, val);
    }
    return d->id;
}

/* ---- help -------------------------------------------------------------- */

/* "  -j, --jobs N" */
static int opt_label(const optdef *d, char *buf, size_t n)
{
    return snprintf(buf, n, "%s%c%s--%s%s%s", d->short_name ? "-" : "", d->short_name ? d->short_name : ' ',
                    d->short_name ? ", " : "   ", d->name, d->arg ? " " : "", d->arg ? d->arg : "");
}

static void help_opts(const optdef *t, FILE *fp)
{
    for (; t->name; t++) {
        char label[64];
        opt_label(t, label, sizeof label);
        /* the label without the leading blank of a missing short name */
        const char *l = label[0] == ' ' ? label + 4 : label;
        int w = fprintf(fp, "  %s", l);
        int col = 24;
        if (w >= col - 1) { fputc('\n', fp); w = 0; }
        fprintf(fp, "%*s", col - w, "");
        for (const char *s = t->help; *s; s++) {
            fputc(*s, fp);
            if (*s == '\n') fprintf(fp, "%*s", col, "");
        }
        fputc('\n', fp);
    }
}

static void indented(const char *text, const char *indent, FILE *fp)
{
    fputs(indent, fp);
    for (const char *s = text; *s; s++) {
        fputc(*s, fp);
        if (*s == '\n') fputs(indent, fp);
    }
    fputc('\n', fp);
}

static const char EXIT_CODES[] =
    "Exit status (the same for every command):\n"
    "  0  success\n"
    "  1  some inputs failed (each said on stderr as 'file: byte offset: reason'),\n"
    "     or nothing was found (search with no hit, items without the item)\n"
    "  2  usage error (an unknown option, a missing argument, a malformed query)\n"
    "  3  store or I/O error: the store could not be opened, read or written,\n"
    "     or the output could not be written (a full disk)\n";

static const char ENVIRONMENT[] =
    "Environment: NO_COLOR (set and not empty) turns color off unless --color\n"
    "always is given.\n";

int cli_print_help(const cmddef *c, FILE *fp)
{
    if (!c) {
        fputs("usage: edgr <command> [options] FILE...\n"
              "       edgr --version | -V\n"
              "\n"
              "Parse SEC EDGAR submissions: complete submission .txt files, daily feed .nc\n"
              "files and .nc.tar.gz archives, .hdr.sgml and -index-headers.html headers, 1990s\n"
              "PEM-wrapped filings.  FILE may be a file, a directory (walked), a .tar/.tar.gz\n"
              "archive (read as a stream), or - for standard input.\n"
              "\n"
              "commands:\n",
              fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++)
            fprintf(fp, "  %-9s %s\n", CLI_COMMANDS[i]->name, CLI_COMMANDS[i]->summary);
        fputs("\nRun 'edgr <command> --help' for a command's options and examples, and\n"
              "'man edgr-<command>' for its manual page.\n\n",
              fp);
        fputs(EXIT_CODES, fp);
        fputc('\n', fp);
        fputs(ENVIRONMENT, fp);
        return 0;
    }
    const char *s = c->synopsis;
    fputs("usage: ", fp);
    for (int first = 1; s; first = 0) {
        const char *nl = strchr(s, '\n');
        int n = nl ? (int)(nl - s) : (int)strlen(s);
        fprintf(fp, "%sedgr %s%s%.*s\n", first ? "" : "       ", c->name, n ? " " : "", n, s);
        s = nl ? nl + 1 : NULL;
    }
    fprintf(fp, "\n%s\n\noptions:\n", c->about);
    help_opts(c->opts, fp);
    help_opts(OPTS_COMMON, fp);
    fprintf(fp, "\nexample%s:\n", strchr(c->examples, '\n') ? "s" : "");
    indented(c->examples, "  ", fp);
    if (c->status) {
        fputs("\nExit status:\n", fp);
        indented(c->status, "  ", fp);
    }
    return 0;
}

/* ---- man pages --------------------------------------------------------- */

/* Text as roff: backslashes escaped, '-' as \- (so options can be
 * searched and copied), a line's leading '.' or '\'' guarded. */
static void roff(const char *s, size_t n, FILE *fp)
{
    int bol = 1;
    for (size_t i = 0; i < n && s[i]; i++) {
        char c = s[i];
        if (bol && (c == '.' || c == '\'')) fputs("\\&", fp);
        bol = c == '\n';
        if (c == '\\') fputs("\\e", fp);
        else if (c == '-') fputs("\\-", fp);
        else fputc(c, fp);
    }
}

static void roff_str(const char *s, FILE *fp) { roff(s, strlen(s), fp); }

/* Paragraphs (blank-line separated) as .PP; indented lines kept as they are. */
static void roff_text(const char *s, FILE *fp)
{
    fputs(".PP\n", fp);
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n == 0) fputs(".PP\n", fp);
        else if (s[0] == ' ') {
            fputs(".nf\n", fp);
            roff(s, n, fp);
            fputs("\n.fi\n", fp);
        } else {
            roff(s, n, fp);
            fputc('\n', fp);
        }
        s += n + (nl ? 1 : 0);
    }
}

static void man_opts(const optdef *t, FILE *fp)
{
    for (; t->name; t++) {
        fputs(".TP\n", fp);
        if (t->short_name) fprintf(fp, "\\fB\\-%c\\fR, ", t->short_name);
        fputs("\\fB\\-\\-", fp);
        roff_str(t->name, fp);
        fputs("\\fR", fp);
        if (t->arg) {
            fputs(" \\fI", fp);
            roff_str(t->arg, fp);
            fputs("\\fR", fp);
        }
        fputc('\n', fp);
        for (const char *s = t->help; *s; s++) {
            if (*s == '\n') { fputc(' ', fp); continue; }
            if (*s == '\\') fputs("\\e", fp);
            else if (*s == '-') fputs("\\-", fp);
            else fputc(*s, fp);
        }
        fputc('\n', fp);
    }
}

static void man_exit(FILE *fp)
{
    fputs(".SH EXIT STATUS\n.TP\n.B 0\nsuccess\n.TP\n.B 1\nsome inputs failed (each said on stderr as "
          "\\(aqfile: byte offset: reason\\(aq), or nothing was found (search with no hit, items "
          "without the item)\n.TP\n.B 2\nusage error (an unknown option, a missing argument, a "
          "malformed query)\n.TP\n.B 3\nstore or I/O error: the store could not be opened, read or "
          "written, or the output could not be written (a full disk)\n",
          fp);
}

int cli_print_man(const cmddef *c, FILE *fp)
{
    const char *v = edgr_version();
    if (!c) {
        fprintf(fp, ".TH EDGR 1 \"\" \"edgr %s\" \"User Commands\"\n.SH NAME\nedgr \\- read SEC EDGAR "
                    "filings: parse, text, items, facts, a searchable store\n.SH SYNOPSIS\n"
                    ".B edgr\n\\fICOMMAND\\fR [\\fIoptions\\fR] \\fIFILE\\fR...\n.br\n"
                    ".B edgr \\-\\-version\n.SH DESCRIPTION\n", v);
        roff_text("edgr parses SEC EDGAR submissions: complete submission .txt files, daily feed .nc\n"
                  "files and .nc.tar.gz archives, .hdr.sgml and -index-headers.html headers, 1990s\n"
                  "PEM-wrapped filings.  FILE may be a file, a directory (walked), a .tar/.tar.gz\n"
                  "archive (read as a stream), or - for standard input.  Each command has its own\n"
                  "manual page, edgr-COMMAND(1).",
                  fp);
        fputs(".SH COMMANDS\n", fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++) {
            fprintf(fp, ".TP\n.BR edgr\\-%s (1)\n", CLI_COMMANDS[i]->name);
            roff_str(CLI_COMMANDS[i]->summary, fp);
            fputc('\n', fp);
        }
        fputs(".SH OPTIONS\n", fp);
        fputs(".TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\nprint the version\n", fp);
        man_opts(OPTS_COMMON, fp);
        man_exit(fp);
        fputs(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nwhen set and not empty, no color unless "
              "\\fB\\-\\-color always\\fR is given\n",
              fp);
        fputs(".SH SEE ALSO\n", fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++)
            fprintf(fp, "%s.BR edgr\\-%s (1)", i ? ",\n" : "", CLI_COMMANDS[i]->name);
        fputc('\n', fp);
        return ferror(fp) ? -1 : 0;
    }
    char up[32];
    size_t k = 0;
    for (; c->name[k] && k + 1 < sizeof up; k++) up[k] = (char)(c->name[k] - 32 * (c->name[k] >= 'a' && c->name[k] <= 'z'));
    up[k] = 0;
    fprintf(fp, ".TH EDGR\\-%s 1 \"\" \"edgr %s\" \"User Commands\"\n.SH NAME\nedgr\\-%s \\- ", up, v, c->name);
    roff_str(c->summary, fp);
    fputs("\n.SH SYNOPSIS\n", fp);
    const char *s = c->synopsis;
    for (int first = 1; s; first = 0) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        fprintf(fp, "%s.B edgr %s\n", first ? "" : ".br\n", c->name);
        roff(s, n, fp);
        fputc('\n', fp);
        s = nl ? nl + 1 : NULL;
    }
    fputs(".SH DESCRIPTION\n", fp);
    roff_text(c->about, fp);
    fputs(".SH OPTIONS\n", fp);
    man_opts(c->opts, fp);
    man_opts(OPTS_COMMON, fp);
    fputs(".SH EXAMPLES\n.nf\n", fp);
    roff_str(c->examples, fp);
    fputs("\n.fi\n", fp);
    man_exit(fp);
    if (c->status) {
        fprintf(fp, ".PP\nFor \\fBedgr %s\\fR: ", c->name);
        roff_str(c->status, fp);
        fputc('\n', fp);
    }
    fputs(".SH SEE ALSO\n.BR edgr (1)\n", fp);
    return ferror(fp) ? -1 : 0;
}

/* ---- completions ------------------------------------------------------- */

static void words(const optdef *t, FILE *fp)
{
    for (; t->name; t++) {
        fprintf(fp, " --%s", t->name);
        if (t->short_name) fprintf(fp, " -%c", t->short_name);
    }
}

/* The first line of a help text, with what zsh's _arguments reads
 * specially ([ ] : ' \) left out. */
static void zsh_desc(const char *s, FILE *fp)
{
    for (; *s && *s != '\n' && *s != ':' && *s != '('; s++)
        if (!strchr("[]'\\", *s)) fputc(*s, fp);
}

static void zsh_opts(const optdef *t, const char *complete, FILE *fp)
{
    for (; t->name; t++) {
        fputs(" \\\n      ", fp);
        if (t->short_name) fprintf(fp, "'(-%c --%s)'{-%c,--%s}'", t->short_name, t->name, t->short_name, t->name);
        else fprintf(fp, "'--%s", t->name);
        fputc('[', fp);
        zsh_desc(t->help, fp);
        fputc(']', fp);
        if (t->arg) {
            fputc(':', fp);
            zsh_desc(t->arg, fp);
            if (t->values) fprintf(fp, ":(%s)", t->values);
            else if (!strcmp(t->arg, "FILE")) fputs(":_files", fp);
            else if (!strcmp(t->arg, "DIR")) fputs(":_files -/", fp);
            else fputs(": ", fp);
        }
        fputc('\'', fp);
    }
    (void)complete;
}

int cli_print_completion(const char *shell, FILE *fp)
{
    if (!strcmp(shell, "bash")) {
        fputs("# bash completion for edgr (generated by 'edgr --completion bash')\n"
              "_edgr() {\n"
              "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts=\n"
              "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
              "        COMPREPLY=($(compgen -W '",
              fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++) fprintf(fp, "%s%s", i ? " " : "", CLI_COMMANDS[i]->name);
        fputs(" help --help --version -V' -- \"$cur\"))\n        return\n    fi\n"
              "    case $prev in\n",
              fp);
        /* options with a fixed set of values, and those taking files */
        for (size_t i = 0; CLI_COMMANDS[i]; i++)
            for (const optdef *t = CLI_COMMANDS[i]->opts; t->name; t++)
                if (t->values)
                    fprintf(fp, "        --%s) COMPREPLY=($(compgen -W '%s' -- \"$cur\")); return ;;\n",
                            t->name, t->values);
        fprintf(fp, "        --color) COMPREPLY=($(compgen -W '%s' -- \"$cur\")); return ;;\n", OPTS_COMMON[0].values);
        fputs("        --db|--files-from) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
              "        -o|--output) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
              "    esac\n"
              "    case ${COMP_WORDS[1]} in\n",
              fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++) {
            fprintf(fp, "        %s) opts='", CLI_COMMANDS[i]->name);
            words(CLI_COMMANDS[i]->opts, fp);
            words(OPTS_COMMON, fp);
            fputs("' ;;\n", fp);
        }
        fputs("    esac\n"
              "    if [[ $cur == -* ]]; then\n"
              "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
              "    else\n"
              "        case ${COMP_WORDS[1]} in\n"
              "            search|show|company|facts-of|frames|version) ;;\n"
              "            *) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
              "        esac\n"
              "    fi\n"
              "}\n"
              "complete -o filenames -F _edgr edgr\n",
              fp);
        return ferror(fp) ? -1 : 0;
    }
    if (!strcmp(shell, "zsh")) {
        fputs("#compdef edgr\n# zsh completion for edgr (generated by 'edgr --completion zsh')\n"
              "_edgr() {\n"
              "  local -a commands\n"
              "  commands=(\n",
              fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++) {
            fprintf(fp, "    '%s:", CLI_COMMANDS[i]->name);
            zsh_desc(CLI_COMMANDS[i]->summary, fp);
            fputs("'\n", fp);
        }
        fputs("  )\n"
              "  if (( CURRENT == 2 )); then\n"
              "    _describe -t commands 'edgr command' commands\n"
              "    return\n"
              "  fi\n"
              "  local cmd=$words[2]\n"
              "  shift words; (( CURRENT-- ))\n"
              "  case $cmd in\n",
              fp);
        for (size_t i = 0; CLI_COMMANDS[i]; i++) {
            const cmddef *c = CLI_COMMANDS[i];
            fprintf(fp, "    %s)\n      _arguments -s", c->name);
            zsh_opts(c->opts, c->complete, fp);
            zsh_opts(OPTS_COMMON, c->complete, fp);
            if (!strcmp(c->complete, "file")) fputs(" \\\n      '*:file:_files'", fp);
            else if (strcmp(c->name, "version")) fputs(" \\\n      ':argument: '", fp);
            fputs(" ;;\n", fp);
        }
        fputs("  esac\n}\n_edgr \"$@\"\n", fp);
        return ferror(fp) ? -1 : 0;
    }
    return -1;
}

static int write_one(const char *dir, const char *sub, const char *file, const cmddef *c,
                     const char *shell)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/%s/%s", dir, sub, file);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "edgr: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int r = shell ? cli_print_completion(shell, fp) : cli_print_man(c, fp);
    if (fclose(fp) != 0) r = -1;
    if (r) fprintf(stderr, "edgr: %s: write error\n", path);
    return r;
}

int cli_write_docs(const char *dir)
{
    mkdir(dir, 0777);
    int r = write_one(dir, "man1", "edgr.1", NULL, NULL);
    for (size_t i = 0; CLI_COMMANDS[i]; i++) {
        char name[64];
        snprintf(name, sizeof name, "edgr-%s.1", CLI_COMMANDS[i]->name);
        r |= write_one(dir, "man1", name, CLI_COMMANDS[i], NULL);
    }
    r |= write_one(dir, "bash", "edgr", NULL, "bash");
    r |= write_one(dir, "zsh", "_edgr", NULL, "zsh");
    return r ? -1 : 0;
}
