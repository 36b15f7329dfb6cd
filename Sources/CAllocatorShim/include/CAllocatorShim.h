#ifndef CALLOCATORSHIM_H
#define CALLOCATORSHIM_H
// glibc's allocator set for the way dossier uses memory: blocks of a few MB (photos held while measured, zip
// entries) allocated on one thread and freed on another, thousands of times in a run.

#ifdef __cplusplus
extern "C" {
#endif

/// Blocks of `threshold` bytes or more are mapped on their own and given back to the system when freed. glibc's
/// default starts at 128 KiB but raises the threshold to the size of the first such block freed (up to 32 MiB), so
/// that later photo-sized blocks come from the heap and stay resident after they are freed. Returns 1 when set.
int CAllocatorShim_map_blocks_from(int threshold);

#ifdef __cplusplus
}
#endif
#endif
