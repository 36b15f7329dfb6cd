#ifndef CZLIBSHIM_H
#define CZLIBSHIM_H
#include <zlib.h>
#include <stddef.h>
#include <stdint.h>

/// CRC-32 of a buffer, continuing from `crc` (0 to start).
static inline uint32_t CZlibShim_crc32(uint32_t crc, const void *bytes, size_t count) {
    return (uint32_t)crc32_z((uLong)crc, (const Bytef *)bytes, (z_size_t)count);
}

/// `inflateInit2` is a macro; Swift cannot call it directly.
static inline int CZlibShim_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// `deflateInit2` is a macro; Swift cannot call it directly.
static inline int CZlibShim_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
/// `inflate` with Z_NO_FLUSH.
static inline int CZlibShim_inflate(z_streamp stream) { return inflate(stream, Z_NO_FLUSH); }

/// `deflate` with the given flush mode.
static inline int CZlibShim_deflate(z_streamp stream, int flush) { return deflate(stream, flush); }
#endif
