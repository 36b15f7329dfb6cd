// Every OpenCV call lives here, inside try/catch: no C++ exception crosses into Swift.
#include "COpenCVShim.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

struct COpenCVShim_Cascade {
    cv::CascadeClassifier classifier;
    // detectMultiScale keeps per-image state in the classifier: one image at a time.
    std::mutex lock;
};

static void COpenCVShim_copy(const char *text, char *problem, size_t problem_size) {
    if (problem == nullptr || problem_size == 0) return;
    std::strncpy(problem, text, problem_size - 1);
    problem[problem_size - 1] = 0;
}

extern "C" COpenCVShim_Cascade *COpenCVShim_load(const char *path, char *problem, size_t problem_size) {
    COpenCVShim_copy("", problem, problem_size);
    try {
        // The scanner already measures photos on every core: OpenCV's own threads would only compete with it.
        cv::setNumThreads(1);
        COpenCVShim_Cascade *cascade = new (std::nothrow) COpenCVShim_Cascade();
        if (cascade == nullptr) {
            COpenCVShim_copy("out of memory", problem, problem_size);
            return nullptr;
        }
        if (!cascade->classifier.load(path) || cascade->classifier.empty()) {
            COpenCVShim_copy("not a cascade OpenCV can load", problem, problem_size);
            delete cascade;
            return nullptr;
        }
        return cascade;
    } catch (const std::exception &error) {
        COpenCVShim_copy(error.what(), problem, problem_size);
    } catch (...) {
        COpenCVShim_copy("OpenCV failed", problem, problem_size);
    }
    return nullptr;
}

extern "C" void COpenCVShim_release(COpenCVShim_Cascade *cascade) { delete cascade; }

extern "C" int COpenCVShim_detect(COpenCVShim_Cascade *cascade, const unsigned char *grey, int width, int height,
                                  int stride, double scale_factor, int min_neighbors, int min_size,
                                  int work_short_side, COpenCVShim_Rect *out, int capacity) {
    if (cascade == nullptr || grey == nullptr || width <= 0 || height <= 0 || stride < width) return -1;
    try {
        // A header over the caller's pixels: nothing is copied, nothing is written.
        cv::Mat image(height, width, CV_8UC1, const_cast<unsigned char *>(grey), (size_t)stride);
        double shrink = 1.0;
        cv::Mat work = image;
        int shorter = std::min(width, height);
        if (work_short_side > 0 && shorter > work_short_side) {
            shrink = (double)work_short_side / (double)shorter;
            cv::resize(image, work, cv::Size(), shrink, shrink, cv::INTER_AREA);
        }
        int wanted = std::max(1, (int)(min_size * shrink));
        std::vector<cv::Rect> found;
        {
            std::lock_guard<std::mutex> guard(cascade->lock);
            cascade->classifier.detectMultiScale(work, found, scale_factor > 1.0 ? scale_factor : 1.1,
                                                 min_neighbors > 0 ? min_neighbors : 3, 0, cv::Size(wanted, wanted));
        }
        for (cv::Rect &rect : found) {
            rect = cv::Rect((int)(rect.x / shrink), (int)(rect.y / shrink), (int)(rect.width / shrink),
                            (int)(rect.height / shrink)) & cv::Rect(0, 0, width, height);
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const cv::Rect &a, const cv::Rect &b) { return a.area() > b.area(); });
        int count = (int)found.size();
        for (int index = 0; index < count && index < capacity && out != nullptr; index++) {
            out[index].x = found[index].x;
            out[index].y = found[index].y;
            out[index].width = found[index].width;
            out[index].height = found[index].height;
        }
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" int COpenCVShim_window_width(COpenCVShim_Cascade *cascade) {
    if (cascade == nullptr) return 0;
    try {
        return cascade->classifier.getOriginalWindowSize().width;
    } catch (...) {
        return 0;
    }
}

extern "C" const char *COpenCVShim_version(void) { return CV_VERSION; }
