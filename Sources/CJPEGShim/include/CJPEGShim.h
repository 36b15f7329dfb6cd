#ifndef CJPEGSHIM_H
#define CJPEGSHIM_H
#include <stddef.h>
#include <stdint.h>

/// What one pass of libjpeg over a JPEG in memory measured. All fields are set by `CJPEGShim_inspect`.
typedef struct {
    /// 1 when the header (SOF) was read.
    int header_read;
    int width;
    int height;
    int components;
    /// libjpeg's J_COLOR_SPACE of the file (1 gray, 2 RGB, 3 YCbCr, 4 CMYK, 5 YCCK).
    int color_space;
    int progressive;
    /// 1 when the header claims more pixels than the caller's bound: nothing was decoded.
    int too_large;
    /// 1 when every scan decoded with no error and no corrupt-data warning.
    int decodes;
    /// 1 when decoding was asked for and attempted.
    int decode_attempted;
    /// Bytes after the end-of-image marker (valid when `decodes` is 1), else -1.
    long long trailing_bytes;
    /// Fraction (0...1) of sampled pixels with visible chroma; -1 when not measured (not YCbCr).
    double chroma_fraction;
    /// libjpeg's message code of the first error or warning, 0 if none.
    int message_code;
    /// libjpeg's text of the first error or warning.
    char message[160];
} CJPEGShim_Facts;

/// A small JPEG made from the reduced-scale decode (for contact sheets). Free `bytes` with CJPEGShim_free.
typedef struct {
    unsigned char *bytes;
    unsigned long size;
    int width;
    int height;
} CJPEGShim_Thumbnail;

/// The luminance of the reduced-scale decode, turned upright for EXIF orientation (for looking at what the picture
/// shows: faces, exposure). Free `pixels` with CJPEGShim_free.
typedef struct {
    unsigned char *pixels;
    int width;
    int height;
} CJPEGShim_Grey;

/// Frees memory the shim returned.
void CJPEGShim_free(void *pointer);

/// Like CJPEGShim_inspect; when `thumbnail` is not NULL and the image decodes (grey, YCbCr or RGB), also encodes
/// the decoded reduced-scale image, turned upright for EXIF `orientation` (1–8), as a JPEG of `quality`.
void CJPEGShim_inspect_with_thumbnail(const unsigned char *data, size_t size, int scale_denom,
                                      unsigned long long max_pixels, int max_scans, int chroma_threshold,
                                      int orientation, int quality, CJPEGShim_Facts *out,
                                      CJPEGShim_Thumbnail *thumbnail);

/// Like CJPEGShim_inspect_with_thumbnail (`thumbnail` may be NULL: no thumbnail); when `grey` is not NULL and the
/// image decodes, also returns its luminance, upright. The scale is made finer than 1/`scale_denom` (never
/// coarser) while the shorter side would be under `min_short_side` pixels, so that a small photo still shows a face.
void CJPEGShim_inspect_pictures(const unsigned char *data, size_t size, int scale_denom, int min_short_side,
                                unsigned long long max_pixels, int max_scans, int chroma_threshold, int orientation,
                                int quality, CJPEGShim_Facts *out, CJPEGShim_Thumbnail *thumbnail,
                                CJPEGShim_Grey *grey);

/// Encodes `width` × `height` RGB pixels (3 bytes each, rows packed) as a JPEG of `quality` (a video's poster
/// frame); `out->bytes` is NULL when that failed. Free it with CJPEGShim_free.
void CJPEGShim_encode_rgb(const unsigned char *rgb, int width, int height, int quality,
                          CJPEGShim_Thumbnail *out);

/// Reads the header and, when `decode` is non-zero, decodes the whole image at 1/`scale_denom` scale
/// (1, 2, 4 or 8), counting any corrupt-data warning as a failure. `max_pixels` bounds width × height
/// before any allocation; `max_scans` bounds the number of progressive scans. Never longjmps out.
void CJPEGShim_inspect(const unsigned char *data, size_t size, int decode, int scale_denom,
                       unsigned long long max_pixels, int max_scans, int chroma_threshold,
                       CJPEGShim_Facts *out);

#endif
