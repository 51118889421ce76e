// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "footage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "footage", targets: ["footage"]),
        .library(name: "FootageKit", targets: ["FootageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // FFmpeg's C headers from Debian (libavformat-dev & co., in the default include path); the libraries are
        // loaded with dlopen on first use rather than linked, so that commands which only read the catalogue
        // start without loading FFmpeg (see Sources/CFFmpeg/include/CFFmpeg.h and the README).
        .target(name: "CFFmpeg", linkerSettings: [.linkedLibrary("dl")]),
        // fork, prctl and descriptor passing for the media workers' fork server, which Swift cannot call.
        .target(name: "CProcess"),
        // The only module that imports CFFmpeg: probe, decode, keyframes, image encode, PDQ, file hashing.
        .target(
            name: "FootageMedia",
            dependencies: ["CFFmpeg", .product(name: "Crypto", package: "swift-crypto")],
            // Pixel loops (PDQ, scaling, rotation) are 20-50x slower unoptimised; the test suite hashes every
            // frame of the reference clips, so this module is optimised in debug builds too.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The only module that speaks SQL.
        .target(
            name: "FootageCatalog",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Workflows over media and catalogue.
        .target(
            name: "FootageKit",
            dependencies: [
                "FootageMedia", "FootageCatalog", "CProcess",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FootageCommands",
            dependencies: [
                "FootageKit", "FootageMedia", "FootageCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "footage", dependencies: ["FootageCommands"]),
        // libFuzzer entry points for the text parsers (`make fuzz` builds it with -sanitize=fuzzer); a normal build
        // makes a tool that replays a corpus through the same entry points.
        .executableTarget(name: "footage-fuzz", dependencies: ["FootageKit", "FootageMedia", "FootageCatalog"]),
        .testTarget(name: "FootageMediaTests", dependencies: ["FootageMedia"]),
        .testTarget(
            name: "FootageCatalogTests",
            dependencies: ["FootageCatalog", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "FootageKitTests", dependencies: ["FootageKit", "FootageMedia", "FootageCatalog"]),
        .testTarget(name: "FootageCommandsTests", dependencies: ["FootageCommands"]),
    ],
    swiftLanguageModes: [.v6]
)
