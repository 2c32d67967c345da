/* Accession numbers as the CLI takes them, and the keys of stored bare
 * documents.
 *
 * An accession number is accepted with or without its dashes
 * (0001144204-17-013452 or 000114420417013452) wherever one is taken, and
 * always written dashed.  A bare document (an .htm saved from a filing
 * folder, no SEC header) takes its accession from its path when the path
 * holds one: a file name that begins with one (0001144204-17-013452.txt,
 * 0001144204-17-013452-index.htm) or a folder named by one, as EDGAR's
 * archive names them (edgar/data/1279704/000114420417013452/x.htm).
 * Without any, it is keyed "sha256:" + the first 20 hex digits of the
 * SHA-256 of its bytes: the colon and the letters keep such keys apart from
 * every accession number, dashed or not.
 */
#include <string.h>

#include "cli.h"

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* The library reads both (edgr_accession_normalize): one parser for the
 * CLI and the store's look-ups. */
int accession_parse(const char *s, size_t n, char out[ACCESSION_LEN + 1])
{
    char key[EDGR_KEY_SIZE];
    if (!edgr_accession_normalize(s, n, 0, key)) return 0;
    memcpy(out, key, ACCESSION_LEN + 1);
    return 1;
}

int store_key_parse(const char *s, char out[STORE_KEY_LEN + 1])
{
    return edgr_accession_normalize(s, strlen(s), EDGR_ACCESSION_KEYS, out);
}

int accession_from_path(const char *path, char out[ACCESSION_LEN + 1])
{
    size_t end = strlen(path);
    int file = 1;
    while (end > 0) {
        while (end > 0 && path[end - 1] == '/') end--;
        size_t start = end;
        while (start > 0 && path[start - 1] != '/') start--;
        const char *c = path + start;
        size_t n = end - start;
        /* the file's name may go on after the number (.txt, -index.htm);
         * a folder's name is the number alone */
        if (n >= 20 && accession_parse(c, 20, out) && (n == 20 || (file && (c[20] == '.' || c[20] == '-'))))
            return 1;
        if (n >= 18 && digits(c, 18) && (n == 18 || (file && (c[18] == '.' || c[18] == '-'))) &&
            accession_parse(c, 18, out))
            return 1;
        end = start;
        file = 0;
    }
    return 0;
}
