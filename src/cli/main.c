/* edgr: the command-line tool.  Subcommands, options and help. */
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"

static const command COMMANDS[] = {
    {"parse", cmd_parse_run, 0, 1},
    {"header", cmd_parse_run, EDGR_PARSE_HEADER_ONLY, 1},
    {"docs", cmd_docs_run, 0, 1},
    {"cat", cmd_cat_run, 0, 1},
    {"extract", cmd_extract_run, 0, 0},
    {"text", cmd_text_run, 0, 1},
    {"items", cmd_items_run, 0, 1},
    {"facts", cmd_facts_run, 0, 1},
    {"xbrl", cmd_xbrl_run, 0, 1},
    {"ownership", cmd_ownership_run, 0, 1},
    {"holdings", cmd_ownership_run, 0, 1},
};

/* Commands with their own option parsing (the store's); -1 if `name` is
 * not one of them. */
static int run_own_main(const char *name, int argc, char **argv)
{
    if (!strcmp(name, "ingest")) return cmd_ingest_main(argc, argv);
    if (!strcmp(name, "search")) return cmd_search_main(argc, argv);
    if (!strcmp(name, "show")) return cmd_show_main(argc, argv);
    if (!strcmp(name, "company")) return cmd_company_main(argc, argv);
    if (!strcmp(name, "facts-of")) return cmd_facts_of_main(argc, argv);
    if (!strcmp(name, "frames")) return cmd_frames_main(argc, argv);
    if (!strcmp(name, "insiders")) return cmd_insiders_main(argc, argv);
    if (!strcmp(name, "holders")) return cmd_holders_main(argc, argv);
    if (!strcmp(name, "serve")) return cmd_serve_main(argc, argv);
    if (!strcmp(name, "fetch")) return cmd_fetch_main(argc, argv);
    return -1;
}

static int print_help(const cmddef *c)
{
    cli_print_help(c, stdout);
    return finish_output(EXIT_OK);
}

static int print_version(void)
{
    printf("edgr %s\n", edgr_version());
    return finish_output(EXIT_OK);
}

/* edgr --man [CMD], --completion bash|zsh, --gen-docs DIR: the manual
 * pages and completions, made from the option tables (the build installs
 * them; see CMakeLists.txt).  -1 if argv[1] is none of these. */
static int generated(int argc, char **argv)
{
    const char *a = argv[1];
    if (!strcmp(a, "--man")) {
        const cmddef *c = argc > 2 ? cli_command(argv[2]) : NULL;
        if (argc > 2 && !c) return cli_usage(NULL, "no manual page for '%s'", argv[2]);
        cli_print_man(c, stdout);
        return finish_output(EXIT_OK);
    }
    if (!strcmp(a, "--completion")) {
        if (argc < 3 || cli_print_completion(argv[2], stdout) < 0)
            return cli_usage(NULL, "--completion takes bash or zsh");
        return finish_output(EXIT_OK);
    }
    if (!strcmp(a, "--gen-docs")) {
        if (argc < 3) return cli_usage(NULL, "--gen-docs needs a directory");
        return cli_write_docs(argv[2]) ? EXIT_STORE : EXIT_OK;
    }
    return -1;
}

static int parse_tables(const char *cmd, const char *v, int *out)
{
    if (!strcmp(v, "text")) *out = 0;
    else if (!strcmp(v, "markdown")) *out = 1;
    else if (!strcmp(v, "tsv")) *out = 2;
    else return cli_usage(cmd, "--tables takes text, markdown or tsv, not '%s'", v);
    return 0;
}

int main(int argc, char **argv);

/* What comes before a command: nothing (usage), --help, help [CMD],
 * version, --version, -V, and --color WHEN (then the command runs as if
 * the option came after it).  -1 if argv[1] is none of these. */
static int top_level(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_help(NULL, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h")) return print_help(NULL);
    if (!strcmp(name, "help")) {
        if (argc < 3) return print_help(NULL);
        const cmddef *c = cli_command(argv[2]);
        if (!c) return cli_usage(NULL, "unknown command '%s'", argv[2]);
        return print_help(c);
    }
    if (!strcmp(name, "version") && argc > 2 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h")))
        return print_help(cli_command("version"));
    if (!strcmp(name, "version") || !strcmp(name, "--version") || !strcmp(name, "-V"))
        return print_version();
    if (!strncmp(name, "--color", 7)) {
        /* edgr --color never CMD ...: the same as after the command */
        const char *v = name[7] == '=' ? name + 8 : argc > 2 ? argv[2] : "";
        int skip = name[7] == '=' ? 1 : 2;
        if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
            return cli_usage(NULL, "--color takes one of auto,always,never, not '%s'", v);
        cli_set_color(!strcmp(v, "always") ? 1 : !strcmp(v, "never") ? 0 : -1);
        if (argc <= skip + 1) return cli_usage(NULL, "%s", "no command");
        argv[skip] = argv[0];
        return main(argc - skip, argv + skip);
    }
    return -1;
}

static const command *find_command(const char *name)
{
    const command *cmd = NULL;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(COMMANDS[i].name, name)) cmd = &COMMANDS[i];
    return cmd;
}

/* The options after the command (its table, def) into o, the other
 * arguments into files.  Stops at the first error or --help: returns its
 * exit code, or -1 when the command is to run. */
static int parse_options(const char *name, const cmddef *def, int argc, char **argv, opts *o, char **files,
                         int *nfiles)
{
    optparser op;
    opt_init(&op, def, argc, argv, 2);
    const char *v;
    int id, rc = -1;
    while (rc < 0 && (id = opt_next(&op, &v)) != OPT_DONE) {
        switch (id) {
        case OPT_ARG: files[(*nfiles)++] = (char *)v; break;
        case OPT_ERROR: rc = EXIT_USAGE; break;
        case OPT_HELP: rc = print_help(def); break;
        case OPT_PRETTY: o->pretty = 1; break;
        case OPT_QUIET: o->quiet = 1; break;
        case OPT_RAW: o->raw = 1; break;
        case OPT_JSON: o->json = 1; break;
        case OPT_DB: o->db = v; break;
        case OPT_OUTPUT: o->out_dir = v; break;
        case OPT_DOC: o->doc_selector = v; break;
        case OPT_ITEM: o->item = v; break;
        case OPT_CONCEPT: o->concept = v; break;
        case OPT_DIMENSIONS: o->xbrl_no_dims = !strcmp(v, "none"); break;
        case OPT_FORMAT: o->xbrl_table = !strcmp(v, "table") ? 1 : -1; break;
        case OPT_FILINGS: o->filings = 1; break;
        case OPT_TABLES:
            if (parse_tables(name, v, &o->tables)) rc = EXIT_USAGE;
            break;
        case OPT_MAX_DOC:
            if (parse_size(v, &o->max_document))
                rc = cli_usage(name, "--max-document-size takes a size (1048576, 64K, 500M, 2G), not '%s'", v);
            break;
        case OPT_JOBS: {
            long n = parse_count(v, 1, 64);
            if (n < 0) rc = cli_usage(name, "--jobs takes a number from 1 to 64, not '%s'", v);
            else o->jobs = (int)n;
            break;
        }
        default: rc = cli_usage(name, "option not handled"); break;
        }
    }
    return rc;
}

/* The arguments as inputs: cat's last one is the document to show (and an
 * accession that is not a file is looked up in the store), extract needs
 * -o, and no input reads standard input unless it is a terminal.  Returns
 * an exit code to stop with, or -1 when the inputs are to be run. */
static int settle_inputs(const char *name, const command *cmd, opts *o, char **files, int *nfiles)
{
    if (cmd->run == cmd_cat_run) {
        if (*nfiles != 2) return cli_usage(name, "%s", "needs a FILE and a SEQ or FILENAME");
        o->doc_selector = files[1];
        *nfiles = 1;
        if (looks_like_accession(files[0]) && access(files[0], F_OK) != 0)
            return finish_output(cat_from_store(o, o->db ? o->db : "edgr.db", files[0]));
    }
    if (cmd->run == cmd_extract_run && (!o->out_dir || !o->out_dir[0])) return cli_usage(name, "%s", "needs -o DIR");
    if (*nfiles == 0) {
        if (isatty(0)) return cli_usage(name, "%s", "no input (give FILE..., or - for standard input)");
        files[(*nfiles)++] = "-";
    }
    /* docs names each filing when there are several inputs or a folder */
    struct stat st;
    o->several = *nfiles > 1 || (strcmp(files[0], "-") && stat(files[0], &st) == 0 && S_ISDIR(st.st_mode));
    return -1;
}

int main(int argc, char **argv)
{
    /* a closed pipe (edgr parse ... | head) is a normal way to stop */
    signal(SIGPIPE, SIG_IGN);
    /* a file size limit (ulimit -f) is a full disk: the write fails with
       EFBIG, said and exit 3, instead of the signal killing the process
       in mid-write (a store's transaction, extract's temporary file) */
    signal(SIGXFSZ, SIG_IGN);
    if (argc > 1 && cli_command(argv[1])) cli_set_command_name(argv[1]);
    int rc = top_level(argc, argv);
    if (rc >= 0) return rc;
    const char *name = argv[1];
    int gen = generated(argc, argv);
    if (gen >= 0) return gen;
    int own = run_own_main(name, argc, argv);
    if (own >= 0) return finish_output(own);
    const command *cmd = find_command(name);
    const cmddef *def = cli_command(name);
    if (!cmd || !def) return cli_usage(NULL, "unknown command '%s'", name);

    opts o = {.jobs = 1};
    o.header_only = (cmd->stream_flags & EDGR_PARSE_HEADER_ONLY) != 0;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_SOME_FAILED;
    rc = parse_options(name, def, argc, argv, &o, files, &nfiles);
    if (rc < 0) rc = settle_inputs(name, cmd, &o, files, &nfiles);
    if (rc < 0) rc = finish_output(run_inputs(cmd, &o, files, nfiles));
    free(files);
    return rc;
}
