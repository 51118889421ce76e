// swift-tools-version:6.0
import PackageDescription

// The modules and what each may import (`Sources/MODULE/MODULE.docc/MODULE.md` says what each owns):
//
//   footage → FootageCommands → FootageKit → FootageWorkers → FootageMedia → CFFmpeg, CC2PA
//                                          → FootageMatching → FootageMedia
//                                          → FootageArticles
//                                          → FootageTimestamps → SwiftASN1, X509 (swift-certificates)
//                                          → FootageCatalog → GRDB
//   and every module above → FootageCore (Foundation and Crypto only).
//
// Nothing below knows anything above it.

// Pixel loops (PDQ, scaling, rotation) are 20-50x slower unoptimised, and the test suite hashes every frame of the
// reference clips, so `make test` builds FootageMedia optimised in debug builds too. It asks for that through the
// environment rather than always: a package whose targets carry unsafe flags cannot be used as a versioned
// dependency, and FootageKit is a library product.
let optimiseMediaInDebug: [SwiftSetting] =
    Context.environment["FOOTAGE_OPTIMISE_MEDIA"] == "1" ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "footage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "footage", targets: ["footage"]),
        .library(name: "FootageKit", targets: ["FootageKit"]),
        .library(name: "FootageArticles", targets: ["FootageArticles"]),
        .library(name: "FootageMatching", targets: ["FootageMatching"]),
        .library(name: "FootageWorkers", targets: ["FootageWorkers"]),
        .library(name: "FootageMedia", targets: ["FootageMedia"]),
        .library(name: "FootageCatalog", targets: ["FootageCatalog"]),
        .library(name: "FootageCore", targets: ["FootageCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // RFC 3161 timestamps of seals: DER types (swift-asn1) and certificates and their chains (swift-certificates).
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    ],
    targets: [
        // FFmpeg's C headers from Debian (libavformat-dev & co., in the default include path); the libraries are
        // loaded with dlopen on first use rather than linked, so that commands which only read the catalogue
        // start without loading FFmpeg (see Sources/CFFmpeg/include/CFFmpeg.h and the README).
        .target(name: "CFFmpeg", linkerSettings: [.linkedLibrary("dl")]),
        // The C2PA reference library's C interface, declared by footage and loaded with dlopen on first use from the
        // c2pa-python wheel (Sources/CC2PA/include/CC2PA.h; README, "Content Credentials"): footage runs without it.
        .target(name: "CC2PA", linkerSettings: [.linkedLibrary("dl")]),
        // fork, prctl and descriptor passing for the media workers' fork server, which Swift cannot call.
        .target(name: "CProcess"),
        .target(name: "FootageCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "FootageMedia",
            dependencies: ["CFFmpeg", "CC2PA", "FootageCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: optimiseMediaInDebug
        ),
        .target(
            name: "FootageCatalog",
            dependencies: [
                "FootageCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "FootageArticles", dependencies: ["FootageCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "FootageMatching", dependencies: ["FootageCore", "FootageMedia"]),
        .target(name: "FootageWorkers", dependencies: ["FootageCore", "FootageMedia", "CProcess"]),
        // RFC 3161 time-stamp requests, responses and tokens, and their offline check (`seal --tsa`, `verify`).
        .target(
            name: "FootageTimestamps",
            dependencies: [
                "FootageCore",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "FootageKit",
            dependencies: [
                "FootageCore", "FootageMedia", "FootageCatalog", "FootageArticles", "FootageMatching", "FootageWorkers",
                "FootageTimestamps",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FootageCommands",
            dependencies: [
                "FootageKit", "FootageCore", "FootageMedia", "FootageCatalog", "FootageArticles", "FootageMatching",
                "FootageWorkers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "footage", dependencies: ["FootageCommands"]),
        // Measurements `make bench` runs beside the tools people use instead (Benchmarks/): the hash index, PDQ alone,
        // worker message coding. Kept out of the shipped libraries.
        .executableTarget(
            name: "footage-bench",
            dependencies: [
                "FootageCore", "FootageMedia", "FootageMatching", "FootageWorkers", "FootageCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer entry points for the text parsers (`make fuzz` builds it with -sanitize=fuzzer); a normal build
        // makes a tool that replays a corpus through the same entry points.
        .executableTarget(
            name: "footage-fuzz",
            dependencies: [
                "FootageCore", "FootageArticles", "FootageKit", "FootageMedia", "FootageCatalog", "FootageWorkers",
            ]
        ),
        // What the test suites share: the repository's samples and fixtures, the reference data, temporary folders and
        // catalogues, running tools (ffmpeg) and processes, a listener that counts connections, fingerprint fixtures.
        .target(
            name: "FootageTestSupport",
            dependencies: ["FootageCore", "FootageMedia", "FootageMatching", "FootageCatalog"],
            path: "Tests/FootageTestSupport"
        ),
        .testTarget(name: "FootageCoreTests", dependencies: ["FootageCore", "FootageTestSupport"]),
        .testTarget(name: "FootageMediaTests", dependencies: ["FootageMedia", "FootageCore", "FootageTestSupport"]),
        .testTarget(
            name: "FootageCatalogTests",
            dependencies: [
                "FootageCatalog", "FootageCore", "FootageTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "FootageArticlesTests", dependencies: ["FootageArticles", "FootageCore", "FootageTestSupport"]
        ),
        .testTarget(name: "FootageMatchingTests", dependencies: ["FootageMatching", "FootageMedia", "FootageCore"]),
        .testTarget(
            name: "FootageWorkersTests",
            dependencies: ["FootageWorkers", "FootageMedia", "FootageCore", "FootageTestSupport"]
        ),
        .testTarget(
            name: "FootageKitTests",
            dependencies: [
                "FootageKit", "FootageMedia", "FootageCatalog", "FootageMatching", "FootageArticles", "FootageCore",
                "FootageTestSupport",
            ]
        ),
        .testTarget(
            name: "FootageCommandsTests", dependencies: ["FootageCommands", "FootageCore", "FootageTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
