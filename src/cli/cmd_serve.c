/* edgr serve: the store over HTTP (src/serve/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "serve.h"

int cmd_serve_main(int argc, char **argv)
{
    const cmddef *def = cli_command("serve");
    serve_config c = {.db = "edgr.db", .host = "127.0.0.1", .port = 8080};
    static char host[64];
    optparser p;
    opt_init(&p, def, argc, argv, 2);
    const char *v;
    int id;
    while ((id = opt_next(&p, &v)) != OPT_DONE) {
        switch (id) {
        case OPT_ERROR: return EXIT_USAGE;
        case OPT_HELP: cli_print_help(def, stdout); return finish_output(EXIT_OK);
        case OPT_ARG: return cli_usage("serve", "takes no arguments (the store is --db FILE)");
        case OPT_DB: c.db = v; break;
        case OPT_QUIET: c.quiet = 1; break;
        case OPT_LISTEN: {
            const char *colon = strrchr(v, ':');
            long port = colon ? parse_count(colon + 1, 0, 65535) : -1;
            if (!colon || port < 0 || (size_t)(colon - v) >= sizeof host || colon == v)
                return cli_usage("serve", "--listen takes HOST:PORT (127.0.0.1:8080; port 0: any free one), not '%s'", v);
            memcpy(host, v, (size_t)(colon - v));
            host[colon - v] = '\0';
            c.host = host, c.port = (unsigned)port;
            break;
        }
        case OPT_THREADS: {
            long n = parse_count(v, 1, 256);
            if (n < 0) return cli_usage("serve", "--threads takes a number from 1 to 256, not '%s'", v);
            c.threads = (unsigned)n;
            break;
        }
        case OPT_IDLE: {
            long n = parse_count(v, 1, 3600);
            if (n < 0) return cli_usage("serve", "--idle-timeout takes seconds from 1 to 3600, not '%s'", v);
            c.idle_seconds = (unsigned)n;
            break;
        }
        default: return cli_usage("serve", "option not handled");
        }
    }
    return serve_run(&c);
}
