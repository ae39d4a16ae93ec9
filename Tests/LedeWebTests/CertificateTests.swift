import Foundation
import LedeWeb
import Testing

/// A TLS server with a self-signed certificate, on 127.0.0.1, from the openssl command (skipped without it):
/// certificates are verified, and a failed verification is one TLS error line.
@Suite struct CertificateTests {
    static let openssl = "/usr/bin/openssl"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl), "needs /usr/bin/openssl"))
    func aSelfSignedCertificateIsATLSError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-web-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: Self.openssl)
        make.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1",
                          "-days", "1", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem"]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.openssl)
        // One connection, then it exits; terminated below in any case.
        server.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", dir + "/cert.pem", "-key", dir + "/key.pem", "-www", "-naccept", "1"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
        }
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("ACCEPT"), Date() < deadline {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let port = try #require(text.split(separator: "\n").first { $0.hasPrefix("ACCEPT") }?.split(separator: ":").last.flatMap { Int($0) })

        let result = Fetcher(configuration: testConfiguration { $0.ignoreRobots = true }).fetch(FetchRequest(url: "https://127.0.0.1:\(port)/"))
        guard case .tlsError(let detail)? = result.failure else {
            Issue.record("expected a TLS error, got \(result.summaryLine)")
            return
        }
        #expect(detail.lowercased().contains("certificate"), "\(detail)")
        #expect(!result.summaryLine.contains("\n"))
    }
}
