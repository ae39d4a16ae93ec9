import Foundation
import Testing

/// libcurl and its thirty-odd libraries are opened at the first fetch, not at every start: the `lede` binary must
/// not link them (a fetch test proves the opening works).
@Suite struct LinkedLibrariesTests {
    @Test func ledeDoesNotLinkLibcurl() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd") else {
            print("skipped: no ldd on this machine"); return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [Lede.binary]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.contains("libc.so"), "ldd printed: \(output)")
        #expect(!output.contains("libcurl"), "lede links libcurl at start-up:\n\(output)")
    }
}
