/*
 * The bytes of a stored filing, read again from where it was ingested (the
 * edgr_source the store recorded: a file, or a member of an archive, and
 * the byte range in it).  For front ends that serve the original bytes
 * (edgr serve's Archives paths); libarchive reads the archives.
 */
#ifndef EDGR_SOURCE_H
#define EDGR_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "edgr/store.h"

/* The most source_read_all reads: a larger filing is refused, not held. */
#define SOURCE_READ_MAX ((uint64_t)256 << 20)

/*
 * All `src->length` bytes of the filing (malloc'd; the caller frees), or
 * NULL with the reason in msg: standard input (its bytes are not kept), a
 * file or member gone, shorter than it was, or over SOURCE_READ_MAX.
 */
char *source_read_all(const edgr_source *src, size_t *len, char *msg, size_t msglen);

#endif
