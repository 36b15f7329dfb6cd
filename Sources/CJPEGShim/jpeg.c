// The setjmp, the error_exit that longjmps back to it, and every libjpeg call that can fail live here:
// a longjmp must never cross Swift frames.
#include "CJPEGShim.h"
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
#include <stdlib.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    CJPEGShim_Facts *facts;
    int warnings;
} CJPEGShim_ErrorManager;

typedef struct {
    struct jpeg_progress_mgr pub;
    int max_scans;
} CJPEGShim_Progress;

static void CJPEGShim_record(j_common_ptr cinfo) {
    CJPEGShim_ErrorManager *err = (CJPEGShim_ErrorManager *)cinfo->err;
    if (err->facts->message_code == 0) {
        err->facts->message_code = err->pub.msg_code;
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        strncpy(err->facts->message, text, sizeof(err->facts->message) - 1);
        err->facts->message[sizeof(err->facts->message) - 1] = 0;
    }
}

static void CJPEGShim_error_exit(j_common_ptr cinfo) {
    CJPEGShim_record(cinfo);
    longjmp(((CJPEGShim_ErrorManager *)cinfo->err)->jump, 1);
}

/// Warnings (level < 0) are corrupt data: libjpeg would otherwise fill the rest of the image with grey.
static void CJPEGShim_emit_message(j_common_ptr cinfo, int level) {
    if (level < 0) {
        ((CJPEGShim_ErrorManager *)cinfo->err)->warnings++;
        CJPEGShim_record(cinfo);
    }
}

static void CJPEGShim_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void CJPEGShim_progress(j_common_ptr cinfo) {
    CJPEGShim_Progress *progress = (CJPEGShim_Progress *)cinfo->progress;
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > progress->max_scans) {
            ERREXIT1(cinfo, JERR_NOT_COMPILED, d->input_scan_number); /* any fatal code: the text is replaced in Swift */
        }
    }
}

static void CJPEGShim_inspect_internal(const unsigned char *data, size_t size, int decode, int scale_denom,
                       unsigned long long max_pixels, int max_scans, int chroma_threshold,
                       int orientation, int quality, CJPEGShim_Facts *out, CJPEGShim_Thumbnail *thumbnail,
                       int min_short_side, CJPEGShim_Grey *grey);

void CJPEGShim_free(void *pointer) { free(pointer); }

/* a × b × c into *out; 0 when a factor is 0 or the product does not fit in size_t. Dimensions come from the
 * file: every allocation size made of them goes through here, never through an unchecked product. */
static int CJPEGShim_size(size_t a, size_t b, size_t c, size_t *out) {
    size_t ab;
    if (a == 0 || b == 0 || c == 0) return 0;
    if (__builtin_mul_overflow(a, b, &ab) || __builtin_mul_overflow(ab, c, out)) return 0;
    return 1;
}

/* Where source (x, y) of a w × h image lands when displayed with EXIF `orientation`. */
static void CJPEGShim_place(int orientation, int w, int h, int x, int y, int *tx, int *ty) {
    switch (orientation) {
    case 2: *tx = w - 1 - x; *ty = y; break;
    case 3: *tx = w - 1 - x; *ty = h - 1 - y; break;
    case 4: *tx = x; *ty = h - 1 - y; break;
    case 5: *tx = y; *ty = x; break;
    case 6: *tx = h - 1 - y; *ty = x; break;
    case 7: *tx = h - 1 - y; *ty = w - 1 - x; break;
    case 8: *tx = y; *ty = w - 1 - x; break;
    default: *tx = x; *ty = y; break;
    }
}

/* Turns a one-sample-a-pixel plane upright into `grey` (which owns the result). */
static void CJPEGShim_upright_grey(const unsigned char *plane, int w, int h, int orientation, CJPEGShim_Grey *grey) {
    int swap = orientation >= 5 && orientation <= 8;
    int ow = swap ? h : w, oh = swap ? w : h;
    size_t bytes;
    if (w <= 0 || h <= 0 || !CJPEGShim_size((size_t)ow, (size_t)oh, 1, &bytes)) return;
    unsigned char *upright = malloc(bytes);
    if (upright == NULL) return;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int tx, ty;
            CJPEGShim_place(orientation, w, h, x, y, &tx, &ty);
            upright[(size_t)ty * ow + tx] = plane[(size_t)y * w + x];
        }
    }
    grey->pixels = upright;
    grey->width = ow;
    grey->height = oh;
}

/* Encodes `pixels` (w x h x comps, in `space`) after turning it upright for EXIF `orientation`. */
static void CJPEGShim_encode(const unsigned char *pixels, int w, int h, int comps, J_COLOR_SPACE space,
                             int orientation, int quality, CJPEGShim_Thumbnail *thumbnail) {
    int swap = orientation >= 5 && orientation <= 8;
    int ow = swap ? h : w, oh = swap ? w : h;
    size_t bytes;
    if (w <= 0 || h <= 0 || comps <= 0 || comps > 4 || !CJPEGShim_size((size_t)ow, (size_t)oh, (size_t)comps, &bytes))
        return;
    unsigned char *upright = malloc(bytes);
    if (upright == NULL) return;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int tx, ty;
            CJPEGShim_place(orientation, w, h, x, y, &tx, &ty);
            memcpy(upright + ((size_t)ty * ow + tx) * comps, pixels + ((size_t)y * w + x) * comps, (size_t)comps);
        }
    }
    struct jpeg_compress_struct cinfo;
    CJPEGShim_ErrorManager err;
    CJPEGShim_Facts scratch;
    memset(&cinfo, 0, sizeof(cinfo));
    memset(&err, 0, sizeof(err));
    memset(&scratch, 0, sizeof(scratch));
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = CJPEGShim_error_exit;
    err.pub.emit_message = CJPEGShim_emit_message;
    err.pub.output_message = CJPEGShim_output_message;
    err.facts = &scratch;
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        free(upright);
        return;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_size);
    cinfo.image_width = (JDIMENSION)ow;
    cinfo.image_height = (JDIMENSION)oh;
    cinfo.input_components = comps;
    cinfo.in_color_space = space;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = upright + (size_t)cinfo.next_scanline * ow * comps;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    free(upright);
    thumbnail->bytes = buffer;
    thumbnail->size = buffer_size;
    thumbnail->width = ow;
    thumbnail->height = oh;
}

void CJPEGShim_encode_rgb(const unsigned char *rgb, int width, int height, int quality,
                          CJPEGShim_Thumbnail *out) {
    memset(out, 0, sizeof(*out));
    CJPEGShim_encode(rgb, width, height, 3, JCS_RGB, 1, quality, out);
}

void CJPEGShim_inspect(const unsigned char *data, size_t size, int decode, int scale_denom,
                       unsigned long long max_pixels, int max_scans, int chroma_threshold,
                       CJPEGShim_Facts *out) {
    if (decode) {
        CJPEGShim_inspect_with_thumbnail(data, size, scale_denom, max_pixels, max_scans, chroma_threshold, 1, 0, out, NULL);
        return;
    }
    CJPEGShim_inspect_internal(data, size, 0, scale_denom, max_pixels, max_scans, chroma_threshold, 1, 0, out, NULL,
                               0, NULL);
}

void CJPEGShim_inspect_with_thumbnail(const unsigned char *data, size_t size, int scale_denom,
                                      unsigned long long max_pixels, int max_scans, int chroma_threshold,
                                      int orientation, int quality, CJPEGShim_Facts *out,
                                      CJPEGShim_Thumbnail *thumbnail) {
    CJPEGShim_inspect_internal(data, size, 1, scale_denom, max_pixels, max_scans, chroma_threshold, orientation,
                               quality, out, thumbnail, 0, NULL);
}

void CJPEGShim_inspect_pictures(const unsigned char *data, size_t size, int scale_denom, int min_short_side,
                                unsigned long long max_pixels, int max_scans, int chroma_threshold, int orientation,
                                int quality, CJPEGShim_Facts *out, CJPEGShim_Thumbnail *thumbnail,
                                CJPEGShim_Grey *grey) {
    CJPEGShim_inspect_internal(data, size, 1, scale_denom, max_pixels, max_scans, chroma_threshold, orientation,
                               quality, out, thumbnail, min_short_side, grey);
}

static void CJPEGShim_inspect_internal(const unsigned char *data, size_t size, int decode, int scale_denom,
                       unsigned long long max_pixels, int max_scans, int chroma_threshold,
                       int orientation, int quality, CJPEGShim_Facts *out, CJPEGShim_Thumbnail *thumbnail,
                       int min_short_side, CJPEGShim_Grey *grey) {
    memset(out, 0, sizeof(*out));
    out->trailing_bytes = -1;
    out->chroma_fraction = -1;

    struct jpeg_decompress_struct cinfo;
    CJPEGShim_ErrorManager err;
    CJPEGShim_Progress progress;
    memset(&cinfo, 0, sizeof(cinfo));
    memset(&err, 0, sizeof(err));
    memset(&progress, 0, sizeof(progress));
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = CJPEGShim_error_exit;
    err.pub.emit_message = CJPEGShim_emit_message;
    err.pub.output_message = CJPEGShim_output_message;
    err.facts = out;
    progress.pub.progress_monitor = CJPEGShim_progress;
    progress.max_scans = max_scans > 0 ? max_scans : 1000;

    /* volatile: modified between setjmp and a possible longjmp. */
    volatile JSAMPARRAY rows = NULL;
    unsigned char *volatile kept = NULL;
    unsigned char *volatile plane = NULL;
    if (thumbnail != NULL) memset(thumbnail, 0, sizeof(*thumbnail));
    if (grey != NULL) memset(grey, 0, sizeof(*grey));
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        free(kept);
        free(plane);
        return;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress.pub;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    out->header_read = 1;
    out->width = (int)cinfo.image_width;
    out->height = (int)cinfo.image_height;
    out->components = cinfo.num_components;
    out->color_space = (int)cinfo.jpeg_color_space;
    out->progressive = cinfo.progressive_mode ? 1 : 0;
    if ((unsigned long long)cinfo.image_width * (unsigned long long)cinfo.image_height > max_pixels) {
        out->too_large = 1;
        jpeg_destroy_decompress(&cinfo);
        return;
    }
    if (!decode) {
        jpeg_destroy_decompress(&cinfo);
        return;
    }
    out->decode_attempted = 1;
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int)(scale_denom > 0 ? scale_denom : 1);
    if (grey != NULL && min_short_side > 0) {
        JDIMENSION shorter = cinfo.image_width < cinfo.image_height ? cinfo.image_width : cinfo.image_height;
        while (cinfo.scale_denom > 1 && shorter / cinfo.scale_denom < (JDIMENSION)min_short_side) cinfo.scale_denom /= 2;
    }
    cinfo.dct_method = JDCT_IFAST;
    cinfo.do_fancy_upsampling = FALSE;
    cinfo.do_block_smoothing = FALSE;
    int measure_chroma = cinfo.jpeg_color_space == JCS_YCbCr;
    if (measure_chroma) {
        cinfo.out_color_space = JCS_YCbCr; /* no colour conversion: chroma is what we measure */
    }
    jpeg_start_decompress(&cinfo);
    /* Chroma is read as three samples a pixel: only a three-component output has them. */
    if (cinfo.output_components != 3) measure_chroma = 0;
    size_t stride, kept_bytes;
    if (!CJPEGShim_size(cinfo.output_width, (size_t)cinfo.output_components, 1, &stride) || stride > (JDIMENSION)-1) {
        out->too_large = 1;
        jpeg_destroy_decompress(&cinfo);
        return;
    }
    rows = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)stride, 1);
    /* CMYK and YCCK (libjpeg gives CMYK for both) are kept as RGB: a contact sheet shows print files too. Adobe's
       files (with an APP14 marker, as Photoshop and Pillow write them) store the inks inverted. */
    int cmyk = cinfo.output_components == 4 && cinfo.out_color_space == JCS_CMYK;
    int inverted = cinfo.saw_Adobe_marker;
    size_t kept_stride = stride;
    if (cmyk && !CJPEGShim_size(cinfo.output_width, 3, 1, &kept_stride)) cmyk = 0;
    int keep = thumbnail != NULL && (cinfo.output_components == 1 || cinfo.output_components == 3 || cmyk);
    if (keep && CJPEGShim_size(kept_stride, cinfo.output_height, 1, &kept_bytes)) kept = malloc(kept_bytes);
    /* Luminance: Y as decoded (YCbCr is not converted), the grey sample, or Rec. 601 weights of RGB or inks. */
    size_t plane_bytes;
    int luma_source = cinfo.output_components == 1 || cinfo.output_components == 3 || cmyk;
    if (grey != NULL && luma_source && CJPEGShim_size(cinfo.output_width, cinfo.output_height, 1, &plane_bytes))
        plane = malloc(plane_bytes);
    unsigned long long sampled = 0, colourful = 0;
    while (cinfo.output_scanline < cinfo.output_height) {
        if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) {
            break;
        }
        if (kept != NULL && cmyk) {
            unsigned char *target = kept + (size_t)(cinfo.output_scanline - 1) * kept_stride;
            JSAMPROW row = rows[0];
            for (JDIMENSION x = 0; x < cinfo.output_width; x++) {
                unsigned int k = inverted ? row[4 * x + 3] : 255u - row[4 * x + 3];
                for (int c = 0; c < 3; c++) {
                    unsigned int ink = inverted ? row[4 * x + c] : 255u - row[4 * x + c];
                    target[3 * x + c] = (unsigned char)((ink * k + 127u) / 255u);
                }
            }
        } else if (kept != NULL) {
            memcpy(kept + (size_t)(cinfo.output_scanline - 1) * stride, rows[0], stride);
        }
        if (plane != NULL) {
            unsigned char *target = plane + (size_t)(cinfo.output_scanline - 1) * cinfo.output_width;
            JSAMPROW row = rows[0];
            for (JDIMENSION x = 0; x < cinfo.output_width; x++) {
                if (cinfo.output_components == 1 || cinfo.out_color_space == JCS_YCbCr) {
                    target[x] = row[x * (JDIMENSION)cinfo.output_components];
                } else {
                    unsigned int r, g, b;
                    if (cmyk) {
                        unsigned int k = inverted ? row[4 * x + 3] : 255u - row[4 * x + 3];
                        r = ((inverted ? row[4 * x] : 255u - row[4 * x]) * k + 127u) / 255u;
                        g = ((inverted ? row[4 * x + 1] : 255u - row[4 * x + 1]) * k + 127u) / 255u;
                        b = ((inverted ? row[4 * x + 2] : 255u - row[4 * x + 2]) * k + 127u) / 255u;
                    } else {
                        r = row[3 * x];
                        g = row[3 * x + 1];
                        b = row[3 * x + 2];
                    }
                    target[x] = (unsigned char)((77u * r + 150u * g + 29u * b + 128u) >> 8);
                }
            }
        }
        if (measure_chroma) {
            JSAMPROW row = rows[0];
            for (JDIMENSION x = 0; x < cinfo.output_width; x++) {
                int cb = (int)row[3 * x + 1] - 128, cr = (int)row[3 * x + 2] - 128;
                if (cb < 0) cb = -cb;
                if (cr < 0) cr = -cr;
                sampled++;
                if (cb + cr > chroma_threshold) colourful++;
            }
        }
    }
    jpeg_finish_decompress(&cinfo);
    if (measure_chroma && sampled > 0) {
        out->chroma_fraction = (double)colourful / (double)sampled;
    }
    out->decodes = err.warnings == 0 && out->message_code == 0;
    if (out->decodes && cinfo.src != NULL) {
        out->trailing_bytes = (long long)cinfo.src->bytes_in_buffer;
    }
    int width = (int)cinfo.output_width, height = (int)cinfo.output_height, comps = cinfo.output_components;
    J_COLOR_SPACE space = cinfo.out_color_space;
    if (cmyk) {
        comps = 3;
        space = JCS_RGB;
    }
    jpeg_destroy_decompress(&cinfo);
    if (kept != NULL && out->decodes) {
        CJPEGShim_encode(kept, width, height, comps, space, orientation, quality, thumbnail);
    }
    free(kept);
    if (plane != NULL && out->decodes) {
        CJPEGShim_upright_grey(plane, width, height, orientation, grey);
    }
    free(plane);
}
