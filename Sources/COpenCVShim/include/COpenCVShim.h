#ifndef COPENCVSHIM_H
#define COPENCVSHIM_H
// A plain C face of OpenCV's Haar cascade detector (OpenCV 4 has no C API): Swift never sees C++.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A loaded cascade. Safe to use from several threads: detection is serialised inside.
typedef struct COpenCVShim_Cascade COpenCVShim_Cascade;

/// One detection, in pixels of the image searched.
typedef struct {
    int x;
    int y;
    int width;
    int height;
} COpenCVShim_Rect;

/// Loads the cascade XML at `path`; NULL when it cannot be read or is not a cascade (the reason, if any, is written
/// to `problem`, at most `problem_size` bytes with the NUL). Never throws.
COpenCVShim_Cascade *COpenCVShim_load(const char *path, char *problem, size_t problem_size);

/// Releases a cascade from COpenCVShim_load.
void COpenCVShim_release(COpenCVShim_Cascade *cascade);

/// Finds objects in an 8-bit grey image of `width` × `height` pixels, rows `stride` bytes apart. Writes at most
/// `capacity` rectangles, largest first, in the image's pixels, and returns how many were found (possibly more than
/// `capacity`), or -1 when OpenCV failed. Objects smaller than `min_size` pixels are not looked for. When
/// `work_short_side` is above 0 and the shorter side is longer, the search runs on a copy shrunk to it (pixel area
/// averaging): the cost falls with the square of the scale.
int COpenCVShim_detect(COpenCVShim_Cascade *cascade, const unsigned char *grey, int width, int height, int stride,
                       double scale_factor, int min_neighbors, int min_size, int work_short_side,
                       COpenCVShim_Rect *out, int capacity);

/// The width in pixels of the window the cascade was trained on: the smallest object it finds (0 on failure).
int COpenCVShim_window_width(COpenCVShim_Cascade *cascade);

/// OpenCV's version, as "4.6.0".
const char *COpenCVShim_version(void);

#ifdef __cplusplus
}
#endif
#endif
