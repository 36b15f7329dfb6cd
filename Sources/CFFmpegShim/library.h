#ifndef CFFMPEGSHIM_LIBRARY_H
#define CFFMPEGSHIM_LIBRARY_H
// FFmpeg's libraries, opened at the first video rather than at start: linked at start they cost every run of
// dossier about 28 MB of memory (136 shared libraries, most of them codecs a nomination never holds), whether or not
// the bundle has a video. The functions the shim calls are looked up once and called through `ff`.
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>
#include <stddef.h>

// Every FFmpeg function the shim calls, with the library it comes from (inline functions of the headers, such as
// av_q2d, need no lookup).
#define CFFMPEGSHIM_FUNCTIONS(X)                                                                                       \
    X(avutil, av_dict_free)                                                                                            \
    X(avutil, av_dict_set)                                                                                             \
    X(avutil, av_display_rotation_get)                                                                                 \
    X(avutil, av_frame_alloc)                                                                                          \
    X(avutil, av_frame_free)                                                                                           \
    X(avutil, av_frame_move_ref)                                                                                       \
    X(avutil, av_frame_unref)                                                                                          \
    X(avutil, av_free)                                                                                                 \
    X(avutil, av_freep)                                                                                                \
    X(avutil, av_log_set_level)                                                                                        \
    X(avutil, av_malloc)                                                                                               \
    X(avutil, av_strerror)                                                                                             \
    X(avcodec, av_packet_alloc)                                                                                        \
    X(avcodec, av_packet_free)                                                                                         \
    X(avcodec, av_packet_unref)                                                                                        \
    X(avcodec, avcodec_alloc_context3)                                                                                 \
    X(avcodec, avcodec_flush_buffers)                                                                                  \
    X(avcodec, avcodec_free_context)                                                                                   \
    X(avcodec, avcodec_open2)                                                                                          \
    X(avcodec, avcodec_parameters_to_context)                                                                          \
    X(avcodec, avcodec_receive_frame)                                                                                  \
    X(avcodec, avcodec_send_packet)                                                                                    \
    X(avcodec, avcodec_version)                                                                                        \
    X(avformat, av_find_best_stream)                                                                                   \
    X(avformat, av_find_input_format)                                                                                  \
    X(avformat, av_read_frame)                                                                                         \
    X(avformat, av_seek_frame)                                                                                         \
    X(avformat, av_stream_get_side_data)                                                                               \
    X(avformat, avformat_alloc_context)                                                                                \
    X(avformat, avformat_close_input)                                                                                  \
    X(avformat, avformat_index_get_entry_from_timestamp)                                                               \
    X(avformat, avformat_open_input)                                                                                   \
    X(avformat, avformat_version)                                                                                      \
    X(avformat, avio_alloc_context)                                                                                    \
    X(avformat, avio_context_free)                                                                                     \
    X(avformat, avio_seek)                                                                                             \
    X(swscale, sws_freeContext)                                                                                        \
    X(swscale, sws_getCachedContext)                                                                                   \
    X(swscale, sws_scale)                                                                                              \
    X(swscale, swscale_version)

#define CFFMPEGSHIM_POINTER(library, name) __typeof__(name) *name;
typedef struct {
    CFFMPEGSHIM_FUNCTIONS(CFFMPEGSHIM_POINTER)
} CFFmpegShim_Functions;
#undef CFFMPEGSHIM_POINTER

/// The functions, valid once CFFmpegShim_load has returned 1.
extern CFFmpegShim_Functions ff;

/// Opens the libraries and looks up every function, once for the process; returns 1, or 0 with the reason (the
/// loader's own words) in `problem`. The libraries are those the shim was compiled against (their major versions),
/// from the system's library path, or from the folder named by DOSSIER_FFMPEG_LIBDIR when it is set.
int CFFmpegShim_load(char *problem, size_t problem_size);

#endif
