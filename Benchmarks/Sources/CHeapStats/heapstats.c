#include "heapstats.h"
#include <malloc.h>

size_t heapstats_live_bytes(void) {
    malloc_trim(0);
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}
