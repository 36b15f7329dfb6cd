#include "CAllocatorShim.h"

#include <malloc.h>

int CAllocatorShim_map_blocks_from(int threshold) {
    // Setting the threshold also turns off glibc's raising of it.
    return mallopt(M_MMAP_THRESHOLD, threshold);
}
