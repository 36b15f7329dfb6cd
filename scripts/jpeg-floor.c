/* The least work libjpeg-turbo can do to prove a JPEG decodes: entropy decoding only, with no inverse DCT, no
 * upsampling and no colour conversion (jpeg_skip_scanlines hands each MCU to the entropy decoder and discards the
 * coefficients), beside a 1/8-scale decode (what `jpeginfo -c` 1.7 does). For `make bench`: it prints the
 * milliseconds per photo of both, in one process, so that no process start-up is counted.
 * Usage: jpeg-floor FILE.jpg ...
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <jpeglib.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Decodes `data` at 1/8 scale, or entropy-decodes it only; returns the seconds taken and counts warnings. */
static double decode(const unsigned char *data, unsigned long size, int entropy_only, long *warnings) {
    struct jpeg_decompress_struct info;
    struct jpeg_error_mgr errors;
    double start = now();
    info.err = jpeg_std_error(&errors);
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, size);
    jpeg_read_header(&info, TRUE);
    info.scale_num = 1;
    info.scale_denom = entropy_only ? 1 : 8;
    jpeg_start_decompress(&info);
    JSAMPARRAY row = (*info.mem->alloc_sarray)((j_common_ptr)&info, JPOOL_IMAGE,
                                               info.output_width * info.output_components, info.rec_outbuf_height);
    /* Skipping to the very end would skip the entropy decoding too: keep the last row. */
    if (entropy_only) jpeg_skip_scanlines(&info, info.output_height - 1);
    while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, info.rec_outbuf_height);
    jpeg_finish_decompress(&info);
    *warnings += errors.num_warnings;
    jpeg_destroy_decompress(&info);
    return now() - start;
}

int main(int argc, char **argv) {
    double scaled = 0, entropy = 0;
    long warnings = 0;
    for (int index = 1; index < argc; index++) {
        FILE *file = fopen(argv[index], "rb");
        if (!file) { perror(argv[index]); return 2; }
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        rewind(file);
        unsigned char *data = malloc(size);
        if (fread(data, 1, size, file) != (size_t)size) { perror(argv[index]); return 2; }
        fclose(file);
        scaled += decode(data, size, 0, &warnings);
        entropy += decode(data, size, 1, &warnings);
        free(data);
    }
    printf("%.2f %.2f %ld\n", scaled * 1000 / (argc - 1), entropy * 1000 / (argc - 1), warnings);
    return 0;
}
