// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // For the fuzz package in Fuzz/.
        .library(name: "DossierInspect", targets: ["DossierInspect"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The only places C is touched.
        .target(name: "CJPEGShim", linkerSettings: [.linkedLibrary("jpeg")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CZlibShim", linkerSettings: [.linkedLibrary("z")]),
        // Faces through OpenCV's Haar cascades (Debian's libopencv-objdetect-dev): C++ behind a plain C header. Only
        // core, imgproc and objdetect are linked.
        .target(
            name: "COpenCVShim",
            cxxSettings: [.unsafeFlags(["-I/usr/include/opencv4"])],
            linkerSettings: [
                .linkedLibrary("opencv_objdetect"), .linkedLibrary("opencv_imgproc"), .linkedLibrary("opencv_core"),
            ]),
        // Video frames through FFmpeg's libraries (Debian's libavformat-dev, libavcodec-dev, libswscale-dev,
        // libavutil-dev): C behind a plain C header; the caller hands it the bytes. Compiled against their headers
        // but not linked: the shim opens them at the first video (library.c), so that a run without one does not
        // pay for loading them.
        .target(name: "CFFmpegShim", linkerSettings: [.linkedLibrary("dl")]),
        // Owns every libxml2 call; its public header has plain C types only (libxml's pull in ICU).
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),

        .target(name: "DossierCore"),
        // Reading and writing files safely: raw paths, bounded and chunked reads, atomic output.
        .target(
            name: "DossierFiles", dependencies: ["DossierCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "DossierInspect",
            dependencies: [
                "DossierCore", "DossierFiles", "CJPEGShim", "CXMLShim", "CZlibShim", "COpenCVShim", "CFFmpegShim",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "DossierRules",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierInspect", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "DossierReport",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierRules", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Bundles as they come in, read where they lie: unit folders and zips on a drive, plain zips, sealed zips
        // (verified: the bag's layout and fingerprint). Reading a bundle needs nothing that writes one.
        .target(
            name: "DossierBundles",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierInspect", "DossierRules",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Writing zips: the zip writer (zlib's deflate), a folder packed as received, which files are stored.
        .target(name: "DossierPacking", dependencies: ["DossierCore", "DossierFiles", "DossierInspect", "CZlibShim"]),
        .target(
            name: "DossierSeal",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierInspect", "DossierRules", "DossierReport", "DossierBundles",
                "DossierPacking",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The office's intake: bundles from a drive into an archive, with a ledger in SQLite (GRDB).
        .target(
            name: "DossierIntake",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierInspect", "DossierRules", "DossierBundles", "DossierPacking",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The one API every front end calls (check, seal, verify, intake, inspect, init, rendering).
        .target(
            name: "DossierKit",
            dependencies: [
                "DossierCore", "DossierFiles", "DossierInspect", "DossierRules", "DossierReport", "DossierBundles",
                "DossierSeal", "DossierIntake",
            ]),
        // `dossier serve`: the same library as a local web app on 127.0.0.1 (Hummingbird).
        .target(
            name: "DossierServe",
            dependencies: [
                "DossierKit", "DossierCore", "DossierFiles", "DossierInspect", "DossierRules", "DossierReport",
                "DossierBundles", "DossierIntake", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The command line: parse, call DossierKit, render, exit.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit", "DossierCore", "DossierInspect", "DossierRules", "DossierSeal", "DossierIntake",
                "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Paths, temporary folders and a process runner shared by the test targets.
        // Its zips are written with dossier's own writer (DossierPacking's ZipWriter).
        .target(
            name: "DossierTestSupport", dependencies: ["DossierFiles", "DossierInspect", "DossierPacking"],
            path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(
            name: "DossierFilesTests",
            dependencies: ["DossierFiles", "DossierTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "DossierInspectTests", dependencies: ["DossierInspect", "DossierFiles", "DossierTestSupport"]),
        .testTarget(
            name: "DossierRulesTests",
            dependencies: [
                "DossierRules", "DossierFiles", "DossierInspect", "DossierBundles", "DossierSeal", "DossierPacking",
                "DossierIntake", "DossierTestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The golden files are read (and, with DOSSIER_UPDATE_GOLDEN=1, written) in the checkout, not as resources.
        .testTarget(
            name: "DossierReportTests", dependencies: ["DossierReport", "DossierRules", "DossierTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "DossierBundlesTests",
            dependencies: ["DossierBundles", "DossierRules", "DossierInspect", "DossierTestSupport"]),
        .testTarget(
            name: "DossierPackingTests",
            dependencies: ["DossierPacking", "DossierFiles", "DossierInspect", "DossierTestSupport"]),
        .testTarget(
            name: "DossierSealTests",
            dependencies: [
                "DossierSeal", "DossierPacking", "DossierBundles", "DossierFiles", "DossierRules", "DossierInspect",
                "DossierTestSupport",
            ]),
        .testTarget(
            name: "DossierIntakeTests",
            dependencies: [
                "DossierIntake", "DossierBundles", "DossierSeal", "DossierFiles", "DossierRules", "DossierInspect",
                "DossierTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "DossierServeTests",
            dependencies: ["DossierServe", "DossierRules", "DossierTestSupport"]),
        .testTarget(
            name: "DossierKitTests",
            dependencies: [
                "DossierKit", "DossierCore", "DossierRules", "DossierSeal", "DossierIntake", "DossierTestSupport",
            ]),
        .testTarget(
            name: "dossierTests",
            dependencies: ["DossierTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
