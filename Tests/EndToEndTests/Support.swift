import Foundation

/// The built `lede` binary (next to the test bundle) and helpers to run it.
enum Lede {
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        // The test bundle may sit inside a .xctest folder.
        while !FileManager.default.isExecutableFile(atPath: dir + "/lede"), dir.count > 1 {
            dir = (dir as NSString).deletingLastPathComponent
        }
        return dir + "/lede"
    }()

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var samples: String { packageRoot + "/Scripts/samples" }

    /// An environment with no user configuration: temporary XDG folders, no colour, no pager.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PAGER": "", "NO_COLOR": "1",
        ]
        // A sanitizer build's child processes keep the options Scripts/sanitize chose (else ASan's leak check,
        // which the Swift runtime's caches trip, fails every run).
        let inherited = ProcessInfo.processInfo.environment
        for key in ["ASAN_OPTIONS", "TSAN_OPTIONS", "LEDE_SANITIZER"] { if let v = inherited[key] { env[key] = v } }
        for (k, v) in extra { env[k] = v }
        return env
    }

    struct Run { var status: Int32; var out: String; var err: String }

    static func run(_ args: [String], stdin: String? = nil, cwd: String? = nil, env: [String: String]? = nil) throws -> Run {
        let home = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = env ?? environment(home: home)
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = outBox.data
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() -> String {
        let d = NSTemporaryDirectory() + "lede-e2e-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
