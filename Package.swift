// swift-tools-version:6.0
import PackageDescription

// Layers (lower never imports higher): LedeText → LedeArticles → LedeAnalysis → LedeSession → LedeEngine → LedeShell → lede.
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
        .systemLibrary(name: "CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "LedeText", resources: [.copy("Resources")]),
        .target(name: "LedeArticles", dependencies: ["LedeText", "CLibXML2"]),
        .target(name: "LedeAnalysis", dependencies: ["LedeText", "LedeArticles"], resources: [.copy("Resources")]),
        .target(name: "LedeSession", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis"], resources: [.copy("session.schema.json")]),
        .target(name: "LedeEngine", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis", "LedeSession"]),
        .target(name: "LedeShell", dependencies: [
            "LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "LedeEngine", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fetching pages and feeds (issue 15): libcurl's multi interface, robots.txt, politeness, feeds.
        .target(name: "LedeWeb", dependencies: ["LedeText", "LedeArticles", "CLibCurl", "CLibXML2"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        // A 127.0.0.1-only HTTP/1.1 server for tests, benchmarks and the capture example.
        .target(name: "LoopbackHTTPServer", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "lede-demo-server", dependencies: ["LoopbackHTTPServer"],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "lede-fetch-bench", dependencies: ["LedeWeb", "LedeArticles", "LoopbackHTTPServer"],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "lede", dependencies: [
            "LedeShell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"]),
        .testTarget(name: "LedeArticlesTests", dependencies: ["LedeArticles"]),
        .testTarget(name: "LedeAnalysisTests", dependencies: ["LedeAnalysis"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeSessionTests", dependencies: ["LedeSession"]),
        .testTarget(name: "LedeEngineTests", dependencies: ["LedeEngine"]),
        .testTarget(name: "LedeShellTests", dependencies: ["LedeShell"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
        .testTarget(name: "LedeWebTests", dependencies: ["LedeWeb", "LedeArticles", "LoopbackHTTPServer"],
                    swiftSettings: [.swiftLanguageMode(.v6)]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (Fuzz/Targets, run by Scripts/fuzz): only when LEDE_FUZZ is set, built with --sanitize=fuzzer
// (libFuzzer supplies main), so the default build never sees them.
if Context.environment["LEDE_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "lede-fuzz", dependencies: ["LedeShell", "LedeWeb"], path: "Fuzz/Targets",
                                             swiftSettings: [.swiftLanguageMode(.v6)]))
}
