#include "library.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

CFFmpegShim_Functions ff;

// The sonames of the versions compiled against: "libavformat.so.59" and so on.
#define SONAME(library, MAJOR) "lib" #library ".so." AV_STRINGIFY(MAJOR)
static const char *const sonames[] = {
    SONAME(avutil, LIBAVUTIL_VERSION_MAJOR),
    SONAME(swscale, LIBSWSCALE_VERSION_MAJOR),
    SONAME(avcodec, LIBAVCODEC_VERSION_MAJOR),
    SONAME(avformat, LIBAVFORMAT_VERSION_MAJOR),
};
enum { lib_avutil, lib_swscale, lib_avcodec, lib_avformat, library_count };

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[200];

static void *open_library(const char *soname) {
    const char *folder = getenv("DOSSIER_FFMPEG_LIBDIR");
    if (folder == NULL || folder[0] == 0) return dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    char path[4096];
    int length = snprintf(path, sizeof path, "%s/%s", folder, soname);
    if (length < 0 || (size_t)length >= sizeof path) return NULL;
    return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

static void load(void) {
    void *handles[library_count] = {0};
    for (int index = 0; index < library_count; index++) {
        handles[index] = open_library(sonames[index]);
        if (handles[index] == NULL) {
            const char *reason = dlerror();
            snprintf(failure, sizeof failure, "%s", reason != NULL ? reason : sonames[index]);
            return;
        }
    }
    // Handles stay open for the life of the process: the functions are used until it ends.
#define CFFMPEGSHIM_LOOKUP(library, name)                                                                              \
    ff.name = (__typeof__(name) *)dlsym(handles[lib_##library], #name);                                                \
    if (ff.name == NULL) {                                                                                             \
        snprintf(failure, sizeof failure, "%s: no %s", sonames[lib_##library], #name);                                 \
        return;                                                                                                        \
    }
    CFFMPEGSHIM_FUNCTIONS(CFFMPEGSHIM_LOOKUP)
#undef CFFMPEGSHIM_LOOKUP
    ff.av_log_set_level(AV_LOG_QUIET);
    loaded = 1;
}

int CFFmpegShim_load(char *problem, size_t problem_size) {
    pthread_once(&once, load);
    if (!loaded && problem != NULL && problem_size > 0) snprintf(problem, problem_size, "%s", failure);
    return loaded;
}
