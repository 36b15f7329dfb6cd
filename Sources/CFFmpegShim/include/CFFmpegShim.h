#ifndef CFFMPEGSHIM_H
#define CFFMPEGSHIM_H
// A plain C face of FFmpeg's libavformat, libavcodec and libswscale (Debian's): open an MP4/MOV held anywhere (the
// caller reads its bytes), decode a few frames as small upright pictures, or decode every frame and say where the
// first error is. Everything read is untrusted: dimensions, time and packets are bounded, nothing is written.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Reads up to `size` bytes at `offset` of the video into `buffer`; returns how many (0 at the end), or -1.
typedef int (*CFFmpegShim_ReadAt)(void *context, uint64_t offset, uint8_t *buffer, int size);

/// Where the video's bytes come from.
typedef struct {
    void *context;
    CFFmpegShim_ReadAt read_at;
    uint64_t size;
} CFFmpegShim_Input;

/// Bounds on one video.
typedef struct {
    /// Pictures wider or taller than this, or of more pixels than `max_pixels`, are refused before decoding.
    int max_side;
    long long max_pixels;
    /// Wall-clock seconds for everything done with the video after opening it (opening included).
    double seconds;
    /// Packets read for one sampled frame at most.
    int max_packets_per_frame;
    /// Decoders allowed ("h264,hevc,…"); others are refused.
    const char *decoders;
} CFFmpegShim_Limits;

/// `CFFmpegShim_Info.status` when FFmpeg's libraries cannot be loaded (they are opened at the first video, from the
/// system's library path or from the folder DOSSIER_FFMPEG_LIBDIR names); `problem` says why.
#define CFFMPEGSHIM_UNAVAILABLE 6

/// What opening found. `problem` is set (and the open failed) when `status` is not 0.
typedef struct {
    int status;
    char problem[160];
    /// The decoder's name ("h264") and the picture as coded.
    char decoder[32];
    int width;
    int height;
    /// Clockwise rotation the display matrix asks for, a multiple of 90 (a tilted matrix counts as 0).
    int rotation;
    double duration;
} CFFmpegShim_Info;

/// One decoded frame, shrunk to fit `long_side` and turned upright. Free `grey` and `rgb` with CFFmpegShim_free.
typedef struct {
    double seconds;
    int width;
    int height;
    /// Luminance (BT.601 weights of the RGB), `width` × `height` bytes.
    unsigned char *grey;
    /// RGB, 3 bytes a pixel, when asked for; else NULL.
    unsigned char *rgb;
    /// 0, or how the frame is damaged (CFFMPEGSHIM_DAMAGED_…).
    int damaged;
} CFFmpegShim_Frame;

/// `CFFmpegShim_Frame.damaged`: the decoder flagged the frame (its bytes did not decode cleanly: concealed,
/// corrupt).
#define CFFMPEGSHIM_DAMAGED_DECODING 1
/// The frame came before any keyframe the decoder was given since it last started (a clip cut between keyframes,
/// or whose first keyframe comes late): it refers to pictures the decoder never had, which HEVC fills in grey.
#define CFFMPEGSHIM_DAMAGED_NO_KEYFRAME 2

/// What decoding every frame found.
typedef struct {
    long long frames;
    long long packets;
    /// Time of the first decoding error in seconds (-1: none); its message.
    double error_seconds;
    char error[160];
    /// 1 when every packet was read and decoded; 0 when the time limit stopped it (`error_seconds` is then -1
    /// unless an error came first) — `reached_seconds` says how far it got.
    int finished;
    double reached_seconds;
} CFFmpegShim_Deep;

typedef struct CFFmpegShim_Video CFFmpegShim_Video;

/// Opens the video of `input` (MP4/MOV only); NULL with `info->status` and `info->problem` set when it cannot be.
CFFmpegShim_Video *CFFmpegShim_open(const CFFmpegShim_Input *input, const CFFmpegShim_Limits *limits,
                                    CFFmpegShim_Info *info);

/// Decodes the frame at `fraction` (0–1) of the duration, shrunk to fit `long_side` pixels and turned upright, with
/// RGB when `want_rgb`: the keyframe at or before that time (one decode) when it lies after `after_seconds` (-1:
/// any), else the frame at that time, decoded from the keyframe (frames nothing refers to are skipped). Returns 0,
/// or -1 with `problem` set.
int CFFmpegShim_frame_at(CFFmpegShim_Video *video, double fraction, double after_seconds, int long_side,
                         int want_rgb, CFFmpegShim_Frame *out, char *problem, size_t problem_size);

/// Decodes every frame of the video stream from the start, within the time limit. Errors: what the decoder says,
/// a frame it marks as damaged, a first picture that is not a keyframe (a stream cut after its keyframe), packets
/// that give no picture at all.
void CFFmpegShim_decode_all(CFFmpegShim_Video *video, CFFmpegShim_Deep *out);

void CFFmpegShim_close(CFFmpegShim_Video *video);
void CFFmpegShim_free(void *pointer);

/// The libraries' versions, as "libavformat 59.27.100, libavcodec 59.37.100, libswscale 6.7.100".
const char *CFFmpegShim_version(void);

#ifdef __cplusplus
}
#endif
#endif
