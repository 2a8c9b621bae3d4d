#ifndef HEAPSTATS_H
#define HEAPSTATS_H
#include <stddef.h>

/// Bytes allocated through malloc and not yet freed (glibc mallinfo2: in-use arena bytes
/// plus mmapped blocks), after malloc_trim has returned free pages to the system.
size_t heapstats_live_bytes(void);

#endif
