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
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int accession_parse(const char *s, size_t n, char out[ACCESSION_LEN + 1])
{
    if (n == 20 && s[10] == '-' && s[13] == '-' && digits(s, 10) && digits(s + 11, 2) &&
        digits(s + 14, 6)) {
        memcpy(out, s, 20);
    } else if (n == 18 && digits(s, 18)) {
        memcpy(out, s, 10);
        out[10] = '-';
        memcpy(out + 11, s + 10, 2);
        out[13] = '-';
        memcpy(out + 14, s + 12, 6);
    } else {
        return 0;
    }
    out[20] = 0;
    return 1;
}

int store_key_parse(const char *s, char out[STORE_KEY_LEN + 1])
{
    size_t n = strlen(s);
    if (accession_parse(s, n, out)) return 1;
    size_t p = sizeof SHA_KEY_PREFIX - 1;
    if (n != p + SHA_KEY_HEX || strncasecmp(s, SHA_KEY_PREFIX, p) != 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)s[i]);
        if (i >= p && !isxdigit((unsigned char)c)) return 0;
        out[i] = c;
    }
    out[n] = 0;
    return 1;
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
