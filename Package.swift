// swift-tools-version:6.0
import PackageDescription

// Layers (lower never imports higher): LedeText → LedeArticles → LedeAnalysis → LedeSession → LedeShell → lede.
let package = Package(
    name: "lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(name: "LedeText", resources: [.copy("Resources")]),
        .target(name: "LedeArticles", dependencies: ["LedeText", "CLibXML2"]),
        .target(name: "LedeAnalysis", dependencies: ["LedeText", "LedeArticles"], resources: [.copy("Resources")]),
        .target(name: "LedeArchive", dependencies: ["LedeText", "LedeArticles", "CSQLite", "CZstd"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "LedeSession", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis"], resources: [.copy("session.schema.json")]),
        .target(name: "LedeShell", dependencies: [
            "LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lede", dependencies: [
            "LedeShell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks the archive library (Scripts/bench/archive.sh) and is the child process of its fault tests.
        .executableTarget(name: "lede-archive-tool", dependencies: ["LedeArchive", "LedeArticles", "LedeText"],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"]),
        .testTarget(name: "LedeArticlesTests", dependencies: ["LedeArticles"]),
        .testTarget(name: "LedeArchiveTests", dependencies: ["LedeArchive", "LedeArticles", "CSQLite", "lede-archive-tool"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "LedeAnalysisTests", dependencies: ["LedeAnalysis"]),
        .testTarget(name: "LedeSessionTests", dependencies: ["LedeSession"]),
        .testTarget(name: "LedeShellTests", dependencies: ["LedeShell"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
    ],
    swiftLanguageModes: [.v5]
)
