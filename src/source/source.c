/*
 * Reading a stored filing's bytes again (source.h): a plain file at its
 * offset with stdio, a member of an archive (tar, zip, a compressed single
 * file, which libarchive reads as its raw format) by skipping to the
 * offset in the member's stream.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "source.h"

static char *from_file(const edgr_source *src, char *out, char *msg, size_t msglen)
{
    FILE *f = fopen(src->path, "rb");
    if (!f || fseeko(f, (off_t)src->offset, SEEK_SET)) {
        snprintf(msg, msglen, "%s: cannot open the source of this filing: %s", src->path, strerror(errno));
        if (f) fclose(f);
        free(out);
        return NULL;
    }
    size_t got = fread(out, 1, (size_t)src->length, f);
    fclose(f);
    if (got != src->length) {
        snprintf(msg, msglen, "%s: %llu: the source ends %llu bytes short of the filing stored from it: it changed since",
                 src->path, (unsigned long long)(src->offset + got), (unsigned long long)(src->length - got));
        free(out);
        return NULL;
    }
    return out;
}

static char *from_archive(const edgr_source *src, char *out, char *msg, size_t msglen)
{
    struct archive *a = archive_read_new();
    if (!a) {
        free(out);
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    archive_read_support_format_raw(a);
    struct archive_entry *e;
    int h = archive_read_open_filename(a, src->path, 1 << 16);
    int found = 0;
    while (h == ARCHIVE_OK && (h = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        const char *m = archive_entry_pathname(e);
        /* a single compressed file is one stream, whatever its name */
        if (archive_format(a) != ARCHIVE_FORMAT_RAW && (!m || strcmp(m, src->member))) continue;
        found = 1;
        char skip[1 << 14];
        uint64_t left = src->offset;
        while (left) {
            la_ssize_t k = archive_read_data(a, skip, left < sizeof skip ? (size_t)left : sizeof skip);
            if (k <= 0) break;
            left -= (uint64_t)k;
        }
        size_t got = 0;
        while (!left && got < src->length) {
            la_ssize_t k = archive_read_data(a, out + got, (size_t)src->length - got);
            if (k <= 0) break;
            got += (size_t)k;
        }
        if (left || got != src->length) {
            snprintf(msg, msglen, "%s: member %s ends before the filing stored from it: it changed since", src->path,
                     src->member);
            found = -1;
        }
        break;
    }
    if (!found)
        snprintf(msg, msglen, h == ARCHIVE_EOF ? "%s: member %s is no longer in the archive" : "%s: cannot read the archive: %s",
                 src->path, h == ARCHIVE_EOF ? src->member : archive_error_string(a));
    archive_read_free(a);
    if (found == 1) return out;
    free(out);
    return NULL;
}

char *source_read_all(const edgr_source *src, size_t *len, char *msg, size_t msglen)
{
    *len = 0;
    if (!src->path || !strcmp(src->path, "<stdin>")) {
        snprintf(msg, msglen, "this filing was read from standard input, whose bytes are not kept");
        return NULL;
    }
    if (src->length > SOURCE_READ_MAX) {
        snprintf(msg, msglen, "this filing is %llu bytes, over the %llu served whole", (unsigned long long)src->length,
                 (unsigned long long)SOURCE_READ_MAX);
        return NULL;
    }
    char *out = malloc(src->length ? (size_t)src->length : 1);
    if (!out) {
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    out = src->member ? from_archive(src, out, msg, msglen) : from_file(src, out, msg, msglen);
    if (out) *len = (size_t)src->length;
    return out;
}
