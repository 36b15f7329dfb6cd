// swift-tools-version: 6.0
// The fuzz target, kept out of the main package: it has no `main` and links only with libFuzzer.
// Build and run: `make fuzz` (see the Makefile and TECH-NOTES).
import PackageDescription

let package = Package(
    name: "dossier-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "dossier", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzInspect",
            dependencies: [.product(name: "DossierInspect", package: "dossier")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ],
    swiftLanguageModes: [.v6]
)
