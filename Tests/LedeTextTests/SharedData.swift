import Foundation

/// Locates `<package root>/../shared`, the team's data folder; tests that need it skip when it is absent.
enum SharedData {
    static let root: URL = {
        // Tests/LedeTextTests/SharedData.swift → package root is three levels up.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func url(_ relative: String) -> URL? {
        let u = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }

    static var isPresent: Bool { url("testdata") != nil }
}
