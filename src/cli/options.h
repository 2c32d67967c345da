/* The CLI's option tables: one per command, as data (name, short name,
 * argument, help).  The parser, --help, the man pages and the shell
 * completions are all made from them, so they cannot disagree. */
#ifndef EDGR_CLI_OPTIONS_H
#define EDGR_CLI_OPTIONS_H

#include <stdio.h>

/* Option ids: one per option across all commands (a command's table says
 * which of them it takes). */
enum opt_id {
    OPT_DONE = 0, /* no more arguments */
    OPT_ARG,      /* a positional argument (value in *val) */
    OPT_ERROR,    /* a usage error, already said on stderr */
    OPT_HELP,
    OPT_COLOR,
    OPT_PRETTY,
    OPT_QUIET,
    OPT_JOBS,
    OPT_RAW,
    OPT_DB,
    OPT_OUTPUT,
    OPT_DOC,
    OPT_TABLES,
    OPT_ITEM,
    OPT_JSON,
    OPT_REPLACE,
    OPT_BATCH_MB,
    OPT_FORM,
    OPT_CIK,
    OPT_COMPANY,
    OPT_FROM,
    OPT_TO,
    OPT_DOC_TYPE,
    OPT_SORT,
    OPT_LIMIT,
    OPT_OFFSET,
    OPT_TEXT,
    OPT_FILES_FROM,
    OPT_ACCESSION,
    OPT_MAX_DOC,
    OPT_USER_AGENT,
    OPT_BASE_URL,
    OPT_RATE,
    OPT_CACHE,
    OPT_KIND,
    OPT_UNCAPPED,
    OPT_DAILY,
    OPT_DRY_RUN,
    OPT_RESUME,
    OPT_KEEP,
    OPT_TEST_WAITS,
    OPT_DATA_URL,
    OPT_ALL_OR_NOTHING,
    OPT_SOURCE_PATH,
    OPT_CONCEPT,
    OPT_DIMENSIONS,
    OPT_FORMAT,
    OPT_FILINGS,
    OPT_OWNER,
    OPT_CODE,
    OPT_PERIOD,
    OPT_MANAGER,
    OPT_LISTEN,
    OPT_THREADS,
    OPT_IDLE,
};

typedef struct optdef {
    const char *name;  /* long name without "--" */
    char short_name;   /* 0 for none */
    const char *arg;   /* the value's name ("N", "FILE"), NULL for a flag */
    const char *values;/* the values it takes, space separated, or NULL */
    int id;
    const char *help;  /* may hold '\n' (continued lines) */
} optdef;

typedef struct cmddef {
    const char *name;
    const char *synopsis; /* after "edgr NAME "; several lines for several forms */
    const char *summary;  /* one line, for 'edgr --help' */
    const char *about;    /* what it does: paragraphs */
    const optdef *opts;   /* ends with {0} */
    const char *examples; /* one command a line */
    const char *status;   /* what the exit status means for it, or NULL */
    const char *complete; /* what positional arguments complete to: "file", "none" */
} cmddef;

extern const cmddef *const CLI_COMMANDS[]; /* NULL-terminated */
const cmddef *cli_command(const char *name);

/* Walks argv[start..argc): options of c's table, positional arguments,
 * "--" (all after are positional) and "-" (positional). */
typedef struct optparser {
    const cmddef *c;
    int argc;
    char **argv;
    int i;
    int only_args;
    char shortbuf[3];
} optparser;
void opt_init(optparser *p, const cmddef *c, int argc, char **argv, int start);
/* Returns an option id, OPT_ARG, OPT_DONE, or OPT_ERROR (said on stderr
 * with the "Try 'edgr CMD --help'" line).  *val is the option's value. */
int opt_next(optparser *p, const char **val);
/* "edgr CMD: MESSAGE\nTry 'edgr CMD --help' for more information." on
 * stderr; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Generated text. */
int cli_print_help(const cmddef *c, FILE *fp);     /* c NULL: edgr's own */
int cli_print_man(const cmddef *c, FILE *fp);      /* c NULL: edgr(1) */
int cli_print_completion(const char *shell, FILE *fp); /* "bash" or "zsh"; -1 if unknown */
/* Writes DIR/man1/edgr*.1, DIR/bash/edgr and DIR/zsh/_edgr; 0 or -1. */
int cli_write_docs(const char *dir);

#endif
