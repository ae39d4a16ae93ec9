import Foundation
import Testing
import LedeArticles
@testable import LedeSession
#if canImport(Glibc)
import Glibc
#endif

/// Writes never destroy what is at the target when it is not a regular file, never follow a planted link, and
/// clean up what a killed writer left (issue 17, writes that can destroy or lose data).
@Suite final class AtomicFileTests {
    let dir: String = {
        let d = NSTemporaryDirectory() + "lede-atomic-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    func refusal(_ path: String) -> String? {
        do { try AtomicFile.write(Data("new".utf8), to: path); return nil } catch { return "\(error)" }
    }

    @Test func aSymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        try "precious".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/real.json")
        #expect(refusal(dir + "/link.json") == "\(dir)/link.json: cannot write (is a symbolic link, not a regular file; left as it is)")
        #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "precious")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == dir + "/real.json")
        // A dangling link too: writing would have created the file it names.
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: dir + "/elsewhere.json")
        #expect(refusal(dir + "/dangling.json")?.contains("is a symbolic link") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere.json"))
        #expect(entries() == ["dangling.json", "link.json", "real.json"])
    }

    @Test func fifosFoldersAndDevicesAreRefused() throws {
        #expect(mkfifo(dir + "/fifo", 0o644) == 0)
        #expect(refusal(dir + "/fifo")?.hasSuffix("cannot write (is a FIFO, not a regular file; left as it is)") == true)
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        #expect(refusal(dir + "/folder")?.contains("is a folder") == true)
        // A copy of /dev/null (only root may make one): replaced by a regular file before the fix.
        if mknod(dir + "/null", S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {   // major 1, minor 3
            #expect(refusal(dir + "/null")?.contains("is a device, not a regular file") == true)
            var info = stat()
            #expect(lstat(dir + "/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        } else {
            print("skipped the device case: mknod needs root")
        }
        #expect(!entries().contains { $0.contains(".tmp-") })
    }

    @Test func aLinkPlantedAtTheOldTemporaryNameIsNotFollowed() throws {
        try "victim".write(toFile: dir + "/victim", atomically: false, encoding: .utf8)
        // The name writes used before: `.NAME.tmp-PID`.
        try FileManager.default.createSymbolicLink(atPath: dir + "/.s.json.tmp-\(getpid())", withDestinationPath: dir + "/victim")
        try AtomicFile.write(Data("session".utf8), to: dir + "/s.json")
        #expect(try String(contentsOfFile: dir + "/victim", encoding: .utf8) == "victim")
        #expect(try String(contentsOfFile: dir + "/s.json", encoding: .utf8) == "session")
    }

    @Test func temporaryNamesAreNotPredictable() {
        let names = (0..<50).map { _ in AtomicFile.temporaryName(for: "s.json") }
        #expect(Set(names).count == 50)
        #expect(names.allSatisfy { $0.hasPrefix(".s.json.tmp-\(getpid())-") })
    }

    @Test func whatAKilledWriterLeftIsRemovedByTheNextWrite() throws {
        // A process that has ended: its pid names no writer any more.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run(); child.waitUntilExit()
        let dead = child.processIdentifier
        let stale = ".s.json.tmp-\(dead)-k3x9", live = ".s.json.tmp-\(getpid())-a1", other = ".t.json.tmp-\(dead)-b2"
        let odd = [".s.json.tmp-\(dead)", ".s.json.tmp-x-1", "s.json.tmp-\(dead)-c3"]
        for name in [stale, live, other] + odd { try "partial".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        try AtomicFile.write(Data("whole".utf8), to: dir + "/s.json")
        #expect(entries() == ([live, other, "s.json"] + odd).sorted())
        // A folder export cleans every name at once.
        AtomicFile.removeStaleTemporaries(in: dir)
        #expect(entries() == ([live, "s.json"] + odd).sorted())
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let path = dir + "/private.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        try AtomicFile.write(Data("new".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try AtomicFile.write(Data("fresh".utf8), to: dir + "/fresh.json")
        let fresh = try FileManager.default.attributesOfItem(atPath: dir + "/fresh.json")[.posixPermissions] as? Int
        let mask = umask(0o022); umask(mask)
        #expect(fresh == 0o644 & ~Int(mask))
    }

    @Test func aNonUTF8FileNameIsWrittenUnderItsOwnBytes() throws {
        let name = [UInt8]("caf".utf8) + [0xE9] + [UInt8](".json".utf8)
        let path = dir + "/" + (name + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { RawPath.decode($0.baseAddress!) } }
        try AtomicFile.write(Data("x".utf8), to: path)
        let listed = try #require(opendir(dir))
        defer { closedir(listed) }
        var found = false
        while let entry = readdir(listed) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if bytes == name { found = true }
        }
        #expect(found)
    }
}
