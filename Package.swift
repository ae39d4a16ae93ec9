// swift-tools-version:6.0
import PackageDescription

// Layers (lower never imports higher): LedeText → LedeArticles → LedeAnalysis → LedeSession → LedeEngine → LedeReport → LedeShell → lede.
// LedeArchive (the SQLite archive) and LedeWeb (fetching) sit beside LedeSession: they know articles, not sessions,
// and the engine is the first layer that uses them.
let package = Package(
    name: "lede",
    products: [
        .executable(name: "lede", targets: ["lede"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libcurl, opened with dlopen at the first fetch (Sources/CLibCurl/include/lede_curl.h).
        .target(name: "CLibCurl", linkerSettings: [.linkedLibrary("dl")]),
        // libstemmer-dev has no pkg-config file: the modulemap links "stemmer" itself.
        .systemLibrary(name: "CLibStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "LedeText", dependencies: ["CLibStemmer"], resources: [.copy("Resources")]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(name: "LedeArticles", dependencies: ["LedeText", "CLibXML2"]),
        .target(name: "LedeAnalysis", dependencies: ["LedeText", "LedeArticles"], resources: [.copy("Resources")]),
        .target(name: "LedeArchive", dependencies: ["LedeText", "LedeArticles", "CSQLite", "CZstd"]),
        .target(name: "LedeSession", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis"], resources: [.copy("session.schema.json")]),
        .target(name: "LedeEngine", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "LedeArchive", "LedeWeb"]),
        // The HTML report (issue 19): the engine's report data as one self-contained page with inline SVG charts.
        .target(name: "LedeReport", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "LedeEngine"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(name: "LedeShell", dependencies: [
            "LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "LedeEngine", "LedeReport", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fetching pages and feeds (issue 15): libcurl's multi interface, robots.txt, politeness, feeds.
        .target(name: "LedeWeb", dependencies: ["LedeText", "LedeArticles", "CLibCurl", "CLibXML2"]),
        // A 127.0.0.1-only HTTP/1.1 server for tests, benchmarks and the capture example.
        .target(name: "LoopbackHTTPServer", dependencies: ["LedeText"]),
        .executableTarget(name: "lede-demo-server", dependencies: ["LoopbackHTTPServer"]),
        .executableTarget(name: "lede-fetch-bench", dependencies: ["LedeWeb", "LedeArticles", "LoopbackHTTPServer"]),
        .executableTarget(name: "lede", dependencies: [
            "LedeShell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks the archive library (Scripts/bench/archive.sh) and is the child process of its fault tests.
        .executableTarget(name: "lede-archive-tool", dependencies: ["LedeArchive", "LedeArticles", "LedeText"]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeArticlesTests", dependencies: ["LedeArticles"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeArchiveTests", dependencies: ["LedeArchive", "LedeArticles", "CSQLite", "lede-archive-tool"]),
        .testTarget(name: "LedeAnalysisTests", dependencies: ["LedeAnalysis"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeSessionTests", dependencies: ["LedeSession"]),
        .testTarget(name: "LedeEngineTests", dependencies: ["LedeEngine", "LedeArchive", "LedeWeb", "LoopbackHTTPServer"]),
        .testTarget(name: "LedeShellTests", dependencies: ["LedeShell", "LedeArchive"]),
        .testTarget(name: "LedeReportTests", dependencies: ["LedeReport", "LedeEngine", "LedeAnalysis"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede", "LedeArchive", "CSQLite", "LoopbackHTTPServer"]),
        .testTarget(name: "LedeWebTests", dependencies: ["LedeWeb", "LedeArticles", "LoopbackHTTPServer"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (Fuzz/Targets, run by Scripts/fuzz): only when LEDE_FUZZ is set, built with --sanitize=fuzzer
// (libFuzzer supplies main), so the default build never sees them.
if Context.environment["LEDE_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "lede-fuzz", dependencies: ["LedeShell", "LedeWeb", "LedeArchive"], path: "Fuzz/Targets",
                                             swiftSettings: [.swiftLanguageMode(.v6)]))
}
