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
        // libstemmer-dev has no pkg-config file: the modulemap links "stemmer" itself.
        .systemLibrary(name: "CLibStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "LedeText", dependencies: ["CLibStemmer"], resources: [.copy("Resources")]),
        .target(name: "LedeArticles", dependencies: ["LedeText", "CLibXML2"]),
        .target(name: "LedeAnalysis", dependencies: ["LedeText", "LedeArticles"], resources: [.copy("Resources")]),
        .target(name: "LedeSession", dependencies: ["LedeText", "LedeArticles", "LedeAnalysis"], resources: [.copy("session.schema.json")]),
        .target(name: "LedeShell", dependencies: [
            "LedeText", "LedeArticles", "LedeAnalysis", "LedeSession", "CLibEdit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lede", dependencies: [
            "LedeShell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeArticlesTests", dependencies: ["LedeArticles"]),
        .testTarget(name: "LedeAnalysisTests", dependencies: ["LedeAnalysis"]),
        .testTarget(name: "LedeSessionTests", dependencies: ["LedeSession"]),
        .testTarget(name: "LedeShellTests", dependencies: ["LedeShell"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lede"]),
    ],
    swiftLanguageModes: [.v5]
)
