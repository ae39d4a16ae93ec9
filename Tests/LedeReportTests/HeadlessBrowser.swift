import Foundation

/// Chromium run headless on a local file, bounded in time, with its own profile folder; every process it
/// started is gone when a call returns. Any network request goes to a closed local port.
struct HeadlessBrowser {
    let path: String

    /// `chromium` on the PATH (or `LEDE_CHROMIUM`); nil when there is none.
    static let found: HeadlessBrowser? = {
        let env = ProcessInfo.processInfo.environment
        if let given = env["LEDE_CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) { return HeadlessBrowser(path: given) }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessBrowser(path: candidate) }
        }
        return nil
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String; var leftovers: [Int32] }

    /// Runs the browser with `arguments` after the common headless ones, at most `seconds` (then killed).
    func run(_ arguments: [String], seconds: Int = 180) throws -> Run {
        let work = NSTemporaryDirectory() + "lede-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work + "/profile", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/stdout", err = work + "/stderr"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(seconds), path,
                             "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                             "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
                             "--disable-default-apps", "--no-pings", "--hide-scrollbars", "--mute-audio",
                             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                             "--enable-logging=stderr", "--v=0", "--user-data-dir=\(work)/profile"] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let leftovers = HeadlessBrowser.processes(mentioning: work)
        // Ours alone (found by the profile folder only they name), by id.
        for pid in leftovers { kill(pid, SIGKILL) }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "", leftovers: leftovers)
    }

    /// Processes whose command line holds `marker`, after a short wait for exiting children.
    static func processes(mentioning marker: String) -> [Int32] {
        var found: [Int32] = []
        for attempt in 0..<20 {
            found = []
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = Int32(entry), let cmd = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
                if String(decoding: cmd, as: UTF8.self).contains(marker) { found.append(pid) }
            }
            if found.isEmpty || attempt == 19 { break }
            usleep(100_000)
        }
        return found
    }

    /// The page's console lines (Chromium logs each console message and uncaught error as `CONSOLE`).
    static func consoleLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    }
}
