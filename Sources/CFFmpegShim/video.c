#include "CFFmpegShim.h"

#include "library.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define IO_BUFFER 65536

struct CFFmpegShim_Video {
    CFFmpegShim_Input input;
    CFFmpegShim_Limits limits;
    uint64_t position;
    struct timespec deadline;
    AVIOContext *io;
    AVFormatContext *format;
    AVCodecContext *codec;
    const AVCodec *decoder;
    AVPacket *packet;
    AVFrame *frame;
    /// The last frame before the one wanted, while decoding forward.
    AVFrame *spare;
    /// A frame found late, held while an earlier keyframe is tried.
    AVFrame *held;
    /// 1 while the decoder sits on the way forward from a keyframe, the last frame given at `forward_at`.
    int forward;
    int64_t forward_at;
    /// Since the decoder was last flushed: whether a keyframe packet was given to it, and at what time
    /// (AV_NOPTS_VALUE: unknown); whether it has put out a picture it found to be a keyframe. A frame before both
    /// refers to pictures the decoder never had (HEVC fills them in grey and says nothing): `mark_unanchored`.
    int key_sent;
    int64_t key_sent_at;
    int key_shown;
    struct SwsContext *scaler;
    int stream;
    int rotation;
    double duration;
};

static void say(char *out, size_t size, const char *text) {
    if (out != NULL && size > 0) snprintf(out, size, "%s", text);
}

static void say_error(char *out, size_t size, const char *what, int code) {
    char reason[AV_ERROR_MAX_STRING_SIZE] = {0};
    ff.av_strerror(code, reason, sizeof reason);
    if (out != NULL && size > 0) snprintf(out, size, "%s: %s", what, reason);
}

static int expired(const CFFmpegShim_Video *video) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > video->deadline.tv_sec ||
           (now.tv_sec == video->deadline.tv_sec && now.tv_nsec >= video->deadline.tv_nsec);
}

static int interrupt(void *opaque) { return expired((const CFFmpegShim_Video *)opaque); }

static int read_packet(void *opaque, uint8_t *buffer, int size) {
    CFFmpegShim_Video *video = opaque;
    // The demuxer checks no interrupt while it parses the header (a fragment index of thousands of items walked
    // for every 'trun' took 16 s): past the time limit, no more bytes.
    if (expired(video)) return AVERROR_EXIT;
    if (video->position >= video->input.size) return AVERROR_EOF;
    uint64_t left = video->input.size - video->position;
    int want = size;
    if ((uint64_t)want > left) want = (int)left;
    int got = video->input.read_at(video->input.context, video->position, buffer, want);
    if (got < 0) return AVERROR(EIO);
    if (got == 0) return AVERROR_EOF;
    if (got > want) got = want;
    video->position += (uint64_t)got;
    return got;
}

static int64_t seek(void *opaque, int64_t offset, int whence) {
    CFFmpegShim_Video *video = opaque;
    if (expired(video)) return AVERROR_EXIT;
    int64_t size = video->input.size > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)video->input.size;
    int64_t base;
    switch (whence & ~AVSEEK_FORCE) {
    case AVSEEK_SIZE: return size;
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = (int64_t)video->position; break;
    case SEEK_END: base = size; break;
    default: return -1;
    }
    if ((offset > 0 && base > INT64_MAX - offset) || (offset < 0 && base < INT64_MIN - offset)) return -1;
    int64_t target = base + offset;
    if (target < 0 || target > size) return -1;
    video->position = (uint64_t)target;
    return target;
}

/// Whether each box of the index (the top level; within moov, trak, mdia, minf, stbl, dinf, edts, mvex, moof, traf,
/// mfra) ends within the box around it, `budget` boxes at most; else 0 with the reason. FFmpeg reads on past a box
/// that claims more than there is, parsing what follows as boxes for seconds without a read that could stop it
/// (fuzzing found inputs taking 7 and 16 s). A last 'mdat' running past the end, a recording cut short, is let
/// through; a box smaller than its header ends the look, as it ends FFmpeg's. The look honours the video's time limit
/// (checked every 64 boxes): a fragmented MP4 of thousands of tiny fragments is tens of thousands of box headers,
/// each one read, and on a slow medium reading them all took seconds past the limit before FFmpeg was even called.
static int boxes_fit(const CFFmpegShim_Video *video, const CFFmpegShim_Input *input, uint64_t start, uint64_t end,
                     int depth, int *budget, char *problem, size_t problem_size) {
    static const char *const containers[] = {"moov", "trak", "mdia", "minf", "stbl", "dinf",
                                             "edts", "mvex", "moof", "traf", "mfra"};
    uint64_t at = start;
    while (end > at && end - at >= 8) {
        if (--*budget < 0) return 1;
        if (*budget % 64 == 0 && expired(video)) {
            say(problem, problem_size, "time limit reached reading the container");
            return 0;
        }
        uint8_t head[16];
        if (input->read_at(input->context, at, head, 8) != 8) return 1;
        uint64_t size = (uint64_t)head[0] << 24 | (uint64_t)head[1] << 16 | (uint64_t)head[2] << 8 | head[3];
        uint64_t header = 8;
        if (size == 1) {
            if (end - at < 16 || input->read_at(input->context, at + 8, head + 8, 8) != 8) return 1;
            size = 0;
            for (int i = 8; i < 16; i++) size = size << 8 | head[i];
            header = 16;
        } else if (size == 0) {
            size = end - at;
        }
        if (size < header) return 1;
        if (size > end - at) {
            if (depth == 0 && memcmp(head + 4, "mdat", 4) == 0) return 1;
            char type[5] = {0};
            for (int i = 0; i < 4; i++) type[i] = head[4 + i] >= 0x20 && head[4 + i] < 0x7F ? (char)head[4 + i] : '?';
            snprintf(problem, problem_size, "container: box '%s' at byte %llu runs past the end of %s", type,
                     (unsigned long long)at, depth == 0 ? "the file" : "the box around it");
            return 0;
        }
        if (depth < 8) {
            for (size_t i = 0; i < sizeof containers / sizeof *containers; i++) {
                if (memcmp(head + 4, containers[i], 4) != 0) continue;
                if (!boxes_fit(video, input, at + header, at + size, depth + 1, budget, problem, problem_size)) {
                    return 0;
                }
                break;
            }
        }
        at += size;
    }
    return 1;
}

/// The clockwise rotation of the display matrix, snapped to a multiple of 90 (else 0).
static int rotation_of(const AVStream *stream) {
    const uint8_t *matrix = ff.av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, NULL);
    if (matrix == NULL) return 0;
    double angle = ff.av_display_rotation_get((const int32_t *)matrix);
    if (isnan(angle)) return 0;
    // FFmpeg gives the counter-clockwise angle.
    long turned = lround(-angle);
    turned %= 360;
    if (turned < 0) turned += 360;
    return turned % 90 == 0 ? (int)turned : 0;
}

CFFmpegShim_Video *CFFmpegShim_open(const CFFmpegShim_Input *input, const CFFmpegShim_Limits *limits,
                                    CFFmpegShim_Info *info) {
    memset(info, 0, sizeof *info);
    if (!CFFmpegShim_load(info->problem, sizeof info->problem)) {
        info->status = CFFMPEGSHIM_UNAVAILABLE;
        return NULL;
    }
    CFFmpegShim_Video *video = calloc(1, sizeof *video);
    if (video == NULL) {
        info->status = 1;
        say(info->problem, sizeof info->problem, "out of memory");
        return NULL;
    }
    video->input = *input;
    video->limits = *limits;
    video->stream = -1;
    video->key_sent_at = AV_NOPTS_VALUE;
    clock_gettime(CLOCK_MONOTONIC, &video->deadline);
    double whole = floor(limits->seconds > 0 ? limits->seconds : 1);
    video->deadline.tv_sec += (time_t)whole;
    video->deadline.tv_nsec += (long)((limits->seconds - whole) * 1e9);
    if (video->deadline.tv_nsec >= 1000000000L) {
        video->deadline.tv_sec += 1;
        video->deadline.tv_nsec -= 1000000000L;
    }
    unsigned char *buffer = ff.av_malloc(IO_BUFFER);
    video->io = buffer ? ff.avio_alloc_context(buffer, IO_BUFFER, 0, video, read_packet, NULL, seek) : NULL;
    video->format = ff.avformat_alloc_context();
    video->packet = ff.av_packet_alloc();
    video->frame = ff.av_frame_alloc();
    video->spare = ff.av_frame_alloc();
    video->held = ff.av_frame_alloc();
    if (video->io == NULL || video->format == NULL || video->packet == NULL || video->frame == NULL ||
        video->spare == NULL || video->held == NULL) {
        if (video->io == NULL) ff.av_free(buffer);
        info->status = 1;
        say(info->problem, sizeof info->problem, "out of memory");
        CFFmpegShim_close(video);
        return NULL;
    }
    video->format->pb = video->io;
    video->format->flags |= AVFMT_FLAG_CUSTOM_IO;
    video->format->interrupt_callback.callback = interrupt;
    video->format->interrupt_callback.opaque = video;
    video->format->probesize = 1 << 20;
    int budget = 100000;
    if (!boxes_fit(video, input, 0, input->size, 0, &budget, info->problem, sizeof info->problem)) {
        info->status = 2;
        CFFmpegShim_close(video);
        return NULL;
    }
    AVDictionary *options = NULL;
    ff.av_dict_set(&options, "format_whitelist", "mov,mp4,m4a,3gp,3g2,mj2", 0);
    const AVInputFormat *mov = ff.av_find_input_format("mov");
    int code = ff.avformat_open_input(&video->format, "", mov, &options);
    ff.av_dict_free(&options);
    if (code < 0) {
        // avformat_open_input frees the context on failure.
        video->format = NULL;
        info->status = 2;
        if (expired(video)) {
            say(info->problem, sizeof info->problem, "time limit reached reading the container");
        } else {
            say_error(info->problem, sizeof info->problem, "container", code);
        }
        CFFmpegShim_close(video);
        return NULL;
    }
    const AVCodec *decoder = NULL;
    video->stream = ff.av_find_best_stream(video->format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (video->stream < 0 || decoder == NULL) {
        info->status = 3;
        say(info->problem, sizeof info->problem,
            video->stream == AVERROR_DECODER_NOT_FOUND ? "no decoder for the picture's codec" : "no picture track");
        CFFmpegShim_close(video);
        return NULL;
    }
    AVStream *stream = video->format->streams[video->stream];
    AVCodecParameters *parameters = stream->codecpar;
    snprintf(info->decoder, sizeof info->decoder, "%s", decoder->name);
    info->width = parameters->width;
    info->height = parameters->height;
    // MPEG-4 part 2 and H.263 in MP4/MOV leave the size to the decoder (0×0 until it reads the stream's headers):
    // then the decoder's own pixel limit (max_pixels, below) and convert's bounds hold instead.
    if (parameters->width < 0 || parameters->height < 0 || parameters->width > limits->max_side ||
        parameters->height > limits->max_side ||
        (long long)parameters->width * (long long)parameters->height > limits->max_pixels) {
        info->status = 4;
        snprintf(info->problem, sizeof info->problem, "picture of %d×%d refused (at most %d a side, %lld pixels)",
                 parameters->width, parameters->height, limits->max_side, limits->max_pixels);
        CFFmpegShim_close(video);
        return NULL;
    }
    video->codec = ff.avcodec_alloc_context3(decoder);
    if (video->codec == NULL || ff.avcodec_parameters_to_context(video->codec, parameters) < 0) {
        info->status = 1;
        say(info->problem, sizeof info->problem, "cannot set up the decoder");
        CFFmpegShim_close(video);
        return NULL;
    }
    video->codec->thread_count = 1;
    // Frames are looked at shrunk to a few hundred pixels: the deblocking filter's work (a fifth of H.264's
    // decoding) cannot show there, and decoding errors are flagged without it.
    video->codec->skip_loop_filter = AVDISCARD_ALL;
    video->codec->max_pixels = limits->max_pixels;
    video->codec->pkt_timebase = stream->time_base;
    AVDictionary *codec_options = NULL;
    if (limits->decoders != NULL) ff.av_dict_set(&codec_options, "codec_whitelist", limits->decoders, 0);
    code = ff.avcodec_open2(video->codec, decoder, &codec_options);
    ff.av_dict_free(&codec_options);
    if (code < 0) {
        info->status = 5;
        say_error(info->problem, sizeof info->problem, decoder->name, code);
        CFFmpegShim_close(video);
        return NULL;
    }
    video->decoder = decoder;
    video->rotation = rotation_of(stream);
    if (stream->duration > 0 && stream->time_base.den > 0) {
        video->duration = (double)stream->duration * av_q2d(stream->time_base);
    } else if (video->format->duration > 0) {
        video->duration = (double)video->format->duration / AV_TIME_BASE;
    }
    info->rotation = video->rotation;
    info->duration = video->duration;
    return video;
}

/// Writes the frame, shrunk to fit `long_side` and turned by the rotation, into `out`.
static int convert(CFFmpegShim_Video *video, const AVFrame *frame, int long_side, int want_rgb, CFFmpegShim_Frame *out,
                   char *problem, size_t problem_size) {
    int width = frame->width, height = frame->height;
    if (width <= 0 || height <= 0 || width > video->limits.max_side || height > video->limits.max_side) {
        say(problem, problem_size, "decoded frame of impossible size");
        return -1;
    }
    // The picture as displayed: the sample aspect ratio widens it.
    double display_width = width;
    if (frame->sample_aspect_ratio.num > 0 && frame->sample_aspect_ratio.den > 0) {
        double ratio = av_q2d(frame->sample_aspect_ratio);
        if (ratio > 0.1 && ratio < 10) display_width = width * ratio;
    }
    double scale = (double)long_side / (display_width > height ? display_width : height);
    if (scale > 1) scale = 1;
    int w = (int)lround(display_width * scale), h = (int)lround(height * scale);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    video->scaler = ff.sws_getCachedContext(video->scaler, width, height, frame->format, w, h, AV_PIX_FMT_RGB24,
                                         SWS_AREA, NULL, NULL, NULL);
    if (video->scaler == NULL) {
        say(problem, problem_size, "cannot convert the decoded frame");
        return -1;
    }
    size_t pixels = (size_t)w * (size_t)h;
    // swscale may write past a row's end (SIMD): rows are padded and aligned, with a spare row.
    int stride = (w * 3 + 63) & ~63;
    unsigned char *rgb = malloc((size_t)stride * (size_t)(h + 1) + 64);
    unsigned char *upright = malloc(pixels * 3);
    unsigned char *grey = malloc(pixels);
    if (rgb == NULL || upright == NULL || grey == NULL) {
        free(rgb), free(upright), free(grey);
        say(problem, problem_size, "out of memory");
        return -1;
    }
    uint8_t *planes[4] = {rgb, NULL, NULL, NULL};
    int strides[4] = {stride, 0, 0, 0};
    if (ff.sws_scale(video->scaler, (const uint8_t *const *)frame->data, frame->linesize, 0, height, planes, strides) !=
        h) {
        free(rgb), free(upright), free(grey);
        say(problem, problem_size, "cannot convert the decoded frame");
        return -1;
    }
    int rotation = video->rotation;
    int ow = (rotation == 90 || rotation == 270) ? h : w, oh = (rotation == 90 || rotation == 270) ? w : h;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int tx = x, ty = y;
            switch (rotation) {
            case 90: tx = h - 1 - y; ty = x; break;
            case 180: tx = w - 1 - x; ty = h - 1 - y; break;
            case 270: tx = y; ty = w - 1 - x; break;
            default: break;
            }
            memcpy(upright + ((size_t)ty * ow + tx) * 3, rgb + (size_t)y * stride + (size_t)x * 3, 3);
        }
    }
    free(rgb);
    for (size_t i = 0; i < pixels; i++) {
        const unsigned char *p = upright + i * 3;
        grey[i] = (unsigned char)((299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000);
    }
    out->width = ow;
    out->height = oh;
    out->grey = grey;
    if (want_rgb) {
        out->rgb = upright;
    } else {
        free(upright);
        out->rgb = NULL;
    }
    if (frame->decode_error_flags & FF_DECODE_ERROR_MISSING_REFERENCE) {
        out->damaged = CFFMPEGSHIM_DAMAGED_NO_KEYFRAME;
    } else if (frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT) != 0) {
        out->damaged = CFFMPEGSHIM_DAMAGED_DECODING;
    } else {
        out->damaged = 0;
    }
    return 0;
}

static double seconds_of(const CFFmpegShim_Video *video, int64_t timestamp) {
    if (timestamp == AV_NOPTS_VALUE) return -1;
    return (double)timestamp * av_q2d(video->format->streams[video->stream]->time_base);
}

/// Whether the decoder found `frame` to be a keyframe (one that refers to no other).
static int is_key(const AVFrame *frame) {
#if LIBAVUTIL_VERSION_INT >= AV_VERSION_INT(58, 7, 100)
    return (frame->flags & AV_FRAME_FLAG_KEY) != 0;
#else
    return frame->key_frame != 0;
#endif
}

/// Empties the decoder, as before decoding from another place: no keyframe has been given to it since.
static void restart(CFFmpegShim_Video *video) {
    ff.avcodec_flush_buffers(video->codec);
    video->key_sent = 0;
    video->key_sent_at = AV_NOPTS_VALUE;
    video->key_shown = 0;
}

/// Notes a packet about to be given to the decoder: the first keyframe since it was flushed.
static void note_packet(CFFmpegShim_Video *video, const AVPacket *packet) {
    if (video->key_sent || (packet->flags & AV_PKT_FLAG_KEY) == 0) return;
    video->key_sent = 1;
    video->key_sent_at = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
}

/// Marks the frame just received as missing its reference (FFmpeg's FF_DECODE_ERROR_MISSING_REFERENCE) when it
/// came before any keyframe since the decoder was flushed: neither a keyframe packet at or before its time was
/// given to the decoder, nor did the decoder put out a picture of its own that it found to be a keyframe. A clip
/// cut between two keyframes, or one whose first keyframe comes late, starts with such pictures: H.264's decoder
/// holds them back (or flags them corrupt), HEVC's fills what they refer to in grey and gives them unflagged, and
/// they were measured as the clip's picture (the clip passed, grey, without a word).
static void mark_unanchored(CFFmpegShim_Video *video, AVFrame *frame) {
    if (is_key(frame)) video->key_shown = 1;
    if (video->key_shown) return;
    // Pictures shown before the keyframe given (a decoder hands them out once it has the keyframe) came from the
    // packets before it; of a keyframe or picture of unknown time, the picture is taken to follow it.
    int64_t at = frame->best_effort_timestamp;
    if (video->key_sent && (video->key_sent_at == AV_NOPTS_VALUE || at == AV_NOPTS_VALUE || at >= video->key_sent_at)) {
        return;
    }
    frame->decode_error_flags |= FF_DECODE_ERROR_MISSING_REFERENCE;
}

/// Receives one frame into video->frame (1) or none (0): with `keyframes_only`, the first keyframe read (then the
/// decoder is drained: flush it before reuse); else the first frame whose time is at or after `target` (stream
/// ticks), frames that no other frame refers to skipped, or the last frame before the end or the packet budget —
/// 2 when it is the first frame the decoder gave and lies past `target` (none showed before the time asked for).
static int decode_one(CFFmpegShim_Video *video, int keyframes_only, int64_t target, char *problem,
                      size_t problem_size) {
    int packets = 0, sent_key = 0, kept = 0, drained = 0;
    video->codec->skip_frame = keyframes_only ? AVDISCARD_NONKEY : AVDISCARD_NONREF;
    for (;;) {
        int code = ff.avcodec_receive_frame(video->codec, video->frame);
        if (code == 0) {
            mark_unanchored(video, video->frame);
            int64_t at = video->frame->best_effort_timestamp;
            if (keyframes_only || at == AV_NOPTS_VALUE || at >= target) {
                return !keyframes_only && !kept && at > target ? 2 : 1;
            }
            ff.av_frame_unref(video->spare);
            ff.av_frame_move_ref(video->spare, video->frame);
            kept = 1;
            continue;
        }
        if (code == AVERROR_EOF || (code == AVERROR(EAGAIN) && drained)) break;
        if (code != AVERROR(EAGAIN)) {
            say_error(problem, problem_size, video->decoder->name, code);
            break;
        }
        if (expired(video)) {
            say(problem, problem_size, "time limit reached");
            break;
        }
        if (sent_key || packets >= video->limits.max_packets_per_frame) {
            if (!keyframes_only && kept && packets >= video->limits.max_packets_per_frame) break;
            // Drain: the decoder gives what it holds.
            ff.avcodec_send_packet(video->codec, NULL);
            drained = 1;
            continue;
        }
        code = ff.av_read_frame(video->format, video->packet);
        if (code < 0) {
            if (code != AVERROR_EOF) say_error(problem, problem_size, "reading", code);
            ff.avcodec_send_packet(video->codec, NULL);
            drained = 1;
            continue;
        }
        if (video->packet->stream_index != video->stream) {
            ff.av_packet_unref(video->packet);
            continue;
        }
        packets++;
        int key = (video->packet->flags & AV_PKT_FLAG_KEY) != 0;
        if (!keyframes_only || key) {
            note_packet(video, video->packet);
            code = ff.avcodec_send_packet(video->codec, video->packet);
            if (code < 0 && code != AVERROR(EAGAIN)) say_error(problem, problem_size, video->decoder->name, code);
            if (keyframes_only && key) sent_key = 1;
        }
        ff.av_packet_unref(video->packet);
    }
    if (keyframes_only || !kept) return 0;
    ff.av_frame_unref(video->frame);
    ff.av_frame_move_ref(video->frame, video->spare);
    video->forward = 0;
    return 1;
}

/// The time of the keyframe at or before `target` by the demuxer's index, or AV_NOPTS_VALUE.
static int64_t keyframe_before(CFFmpegShim_Video *video, int64_t target) {
    AVStream *stream = video->format->streams[video->stream];
    const AVIndexEntry *entry = ff.avformat_index_get_entry_from_timestamp(stream, target, AVSEEK_FLAG_BACKWARD);
    return entry == NULL ? AV_NOPTS_VALUE : entry->timestamp;
}

int CFFmpegShim_frame_at(CFFmpegShim_Video *video, double fraction, double after_seconds, int long_side,
                         int want_rgb, CFFmpegShim_Frame *out, char *problem, size_t problem_size) {
    memset(out, 0, sizeof *out);
    say(problem, problem_size, "");
    if (long_side < 8 || long_side > 4096) long_side = 320;
    if (!(fraction >= 0 && fraction <= 1)) fraction = 0;
    AVStream *stream = video->format->streams[video->stream];
    int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    double ticks = video->duration * fraction / av_q2d(stream->time_base);
    int64_t target = start + (ticks > 0 && ticks < 9e18 ? (int64_t)ticks : 0);
    double origin = seconds_of(video, start);
    int64_t key = keyframe_before(video, target);
    // The index holds decoding times: a keyframe decoded before the start is shown at it.
    double key_seconds = key == AV_NOPTS_VALUE ? -1 : fmax(0, seconds_of(video, key) - origin);
    int got = 0, sought = 0;
    if (video->forward && (key == AV_NOPTS_VALUE || key <= video->forward_at) && target > video->forward_at) {
        // No keyframe since the last frame decoded on the way forward (or none at all): go on from there.
        got = decode_one(video, 0, target, problem, problem_size);
        // The end came first (a time past the last frame): from the keyframe again, to the last frame.
        if (!got && problem != NULL && problem_size > 0 && problem[0] == 0) video->forward = 0;
    } else {
        // A keyframe since (or a time before) the last frame decoded: from a keyframe again. (The decoder was
        // left on the way forward, and no frame was looked for: a stream whose keyframes do not decode alone
        // failed every time after the first.)
        video->forward = 0;
    }
    if (!got && !video->forward) {
        sought = 1;
        // The keyframe alone when it is new (one decode); else the frames from it up to the time; a stream whose
        // keyframes are not marked as such gets the second way too. Without a keyframe before the time in the
        // index (a sync-sample table naming none in range), the frames from the start up to the time: the first
        // frame read would otherwise stand for every time asked for.
        int first = key == AV_NOPTS_VALUE || (after_seconds >= 0 && key_seconds >= 0 && key_seconds <= after_seconds);
        for (int attempt = first ? 1 : 0; attempt < 2 && !got; attempt++) {
            if (expired(video)) {
                say(problem, problem_size, "time limit reached");
                break;
            }
            if (ff.av_seek_frame(video->format, video->stream, target, AVSEEK_FLAG_BACKWARD) < 0) {
                ff.av_seek_frame(video->format, video->stream, start, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
            }
            restart(video);
            video->forward = 0;
            got = decode_one(video, attempt == 0, target, problem, problem_size);
            if (got && attempt == 0) {
                restart(video);
            } else if (got) {
                video->forward = 1;
            }
        }
    }
    if (sought && (got == 0 || got == 2) && key != AV_NOPTS_VALUE && !expired(video)) {
        // Nothing showed from the keyframe by the time asked for: an intra-refresh stream marks where a refresh
        // starts as a keyframe, and its pictures show once the refresh is done. From the keyframe before it, the
        // time asked for is reached refreshed; the late frame is kept unless that gives one.
        int64_t earlier = keyframe_before(video, key - 1);
        if (earlier != AV_NOPTS_VALUE && earlier < key &&
            ff.av_seek_frame(video->format, video->stream, earlier, AVSEEK_FLAG_BACKWARD) >= 0) {
            if (got) ff.av_frame_move_ref(video->held, video->frame);
            restart(video);
            video->forward = 0;
            say(problem, problem_size, "");
            int again = decode_one(video, 0, target, problem, problem_size);
            if (again) {
                ff.av_frame_unref(video->held);
                got = again;
                video->forward = 1;
            } else if (got) {
                ff.av_frame_unref(video->frame);
                ff.av_frame_move_ref(video->frame, video->held);
                say(problem, problem_size, "");
            }
        }
    }
    if (!got) {
        restart(video);
        video->forward = 0;
        if (problem != NULL && problem_size > 0 && problem[0] == 0) say(problem, problem_size, "no frame decodes");
        return -1;
    }
    int64_t at = video->frame->best_effort_timestamp;
    if (video->forward && at != AV_NOPTS_VALUE) video->forward_at = at;
    out->seconds = at == AV_NOPTS_VALUE ? -1 : seconds_of(video, at) - origin;
    int code = convert(video, video->frame, long_side, want_rgb, out, problem, problem_size);
    ff.av_frame_unref(video->frame);
    return code;
}

void CFFmpegShim_decode_all(CFFmpegShim_Video *video, CFFmpegShim_Deep *out) {
    memset(out, 0, sizeof *out);
    out->error_seconds = -1;
    AVStream *stream = video->format->streams[video->stream];
    int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    double origin = seconds_of(video, start);
    if (ff.av_seek_frame(video->format, video->stream, start, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY) < 0) {
        ff.avio_seek(video->io, 0, SEEK_SET);
    }
    restart(video);
    video->forward = 0;
    video->codec->skip_frame = AVDISCARD_DEFAULT;
    // Damage stops the decoder instead of being hidden by concealment; H.264 gives the frames it cannot recover
    // (no keyframe before them) marked corrupt instead of dropping them unsaid.
    video->codec->err_recognition |= AV_EF_EXPLODE | AV_EF_CRCCHECK | AV_EF_BITSTREAM;
    video->codec->flags2 |= AV_CODEC_FLAG2_SHOW_ALL;
    double last = 0, first_packet = -1;
    int draining = 0;
#define FAIL(at, text)                                                                                               \
    do {                                                                                                             \
        if (out->error_seconds < 0) {                                                                                \
            out->error_seconds = (at) < 0 ? last : (at);                                                             \
            snprintf(out->error, sizeof out->error, "%s", text);                                                     \
        }                                                                                                            \
    } while (0)
    for (;;) {
        if (expired(video)) {
            out->reached_seconds = last;
            return;
        }
        if (!draining) {
            int code = ff.av_read_frame(video->format, video->packet);
            if (code < 0) {
                if (code != AVERROR_EOF) {
                    char reason[AV_ERROR_MAX_STRING_SIZE] = {0};
                    ff.av_strerror(code, reason, sizeof reason);
                    if (expired(video)) {
                        out->reached_seconds = last;
                        return;
                    }
                    FAIL(-1, reason);
                }
                ff.avcodec_send_packet(video->codec, NULL);
                draining = 1;
            } else if (video->packet->stream_index != video->stream) {
                ff.av_packet_unref(video->packet);
                continue;
            } else {
                out->packets++;
                double at = seconds_of(video, video->packet->pts != AV_NOPTS_VALUE ? video->packet->pts
                                                                                   : video->packet->dts);
                if (at >= 0) at -= origin;
                if (at > last) last = at;
                if (first_packet < 0 && at >= 0) first_packet = at;
                code = ff.avcodec_send_packet(video->codec, video->packet);
                ff.av_packet_unref(video->packet);
                if (code < 0 && code != AVERROR(EAGAIN)) {
                    char reason[AV_ERROR_MAX_STRING_SIZE] = {0};
                    ff.av_strerror(code, reason, sizeof reason);
                    FAIL(at, reason);
                }
            }
        }
        for (;;) {
            int code = ff.avcodec_receive_frame(video->codec, video->frame);
            if (code == AVERROR(EAGAIN)) break;
            if (code == AVERROR_EOF) {
                // Packets but not one picture: the decoder dropped them all (a stream without a keyframe).
                if (out->frames == 0 && out->packets > 0) FAIL(first_packet, "no frame decodes");
                out->finished = 1;
                out->reached_seconds = last;
                return;
            }
            if (code < 0) {
                char reason[AV_ERROR_MAX_STRING_SIZE] = {0};
                ff.av_strerror(code, reason, sizeof reason);
                FAIL(-1, reason);
                if (draining) {
                    out->finished = 1;
                    out->reached_seconds = last;
                    return;
                }
                break;
            }
            out->frames++;
            double at = seconds_of(video, video->frame->best_effort_timestamp);
            if (at >= 0) at -= origin;
            // The first picture shown must stand on its own: a stream cut after its keyframe starts with pictures
            // that refer to ones not in the file (decoders fill them in grey, or drop them).
            if (out->frames == 1 && !is_key(video->frame)) FAIL(at, "the stream does not start with a keyframe");
            if (video->frame->decode_error_flags != 0 || (video->frame->flags & AV_FRAME_FLAG_CORRUPT) != 0) {
                FAIL(at, "damaged frame");
            }
            ff.av_frame_unref(video->frame);
        }
    }
#undef FAIL
}

void CFFmpegShim_close(CFFmpegShim_Video *video) {
    if (video == NULL) return;
    ff.sws_freeContext(video->scaler);
    ff.av_frame_free(&video->frame);
    ff.av_frame_free(&video->spare);
    ff.av_frame_free(&video->held);
    ff.av_packet_free(&video->packet);
    ff.avcodec_free_context(&video->codec);
    if (video->format != NULL) ff.avformat_close_input(&video->format);
    if (video->io != NULL) {
        ff.av_freep(&video->io->buffer);
        ff.avio_context_free(&video->io);
    }
    free(video);
}

void CFFmpegShim_free(void *pointer) { free(pointer); }

static char version_text[128];
static pthread_once_t version_once = PTHREAD_ONCE_INIT;
static void make_version(void) {
    char problem[sizeof version_text - 32] = {0};
    if (!CFFmpegShim_load(problem, sizeof problem)) {
        snprintf(version_text, sizeof version_text, "FFmpeg not loaded (%s)", problem);
        return;
    }
    unsigned f = ff.avformat_version(), c = ff.avcodec_version(), s = ff.swscale_version();
    snprintf(version_text, sizeof version_text, "libavformat %u.%u.%u, libavcodec %u.%u.%u, libswscale %u.%u.%u",
             f >> 16, (f >> 8) & 255, f & 255, c >> 16, (c >> 8) & 255, c & 255, s >> 16, (s >> 8) & 255, s & 255);
}
const char *CFFmpegShim_version(void) {
    pthread_once(&version_once, make_version);
    return version_text;
}
