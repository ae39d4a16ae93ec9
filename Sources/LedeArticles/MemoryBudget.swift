import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How much memory loading one file may take, and whether it is there. Parsing and tokenising a file holds at most
/// `bytesPerFileByte` times its (decompressed) size at the peak (measured about 5.5× for a text dump and 6.4× for
/// one JSON record of 100 MB; docs/faults.md). A file whose estimate exceeds the memory available is refused with
/// one line instead of growing until the system kills lede; large files are parsed one at a time (`gate`).
public struct MemoryBudget: Sendable {
    public static let bytesPerFileByte = 8
    /// Files from this size on are checked and parsed one at a time.
    public static let largeFile = 16 << 20

    /// The bytes available to lede; nil: read them from the system each time (MemAvailable, and the cgroup limit).
    public var availableOverride: Int?

    public init(available: Int? = nil) { availableOverride = available }

    /// Memory free for this process now: the smaller of the kernel's MemAvailable and the room left under the
    /// cgroup's memory.max; nil when neither can be read.
    public func available() -> Int? {
        if let availableOverride { return availableOverride }
        var best: Int?
        if let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
            best = kb * 1024
        }
        if let max = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let limit = Int(max.trimmingCharacters(in: .whitespacesAndNewlines)),
           let current = (try? String(contentsOfFile: "/sys/fs/cgroup/memory.current", encoding: .utf8))
               .flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
            best = Swift.min(best ?? Int.max, Swift.max(0, limit - current))
        }
        return best
    }

    /// The largest file (in bytes) that can be loaded now.
    public func largestLoadable() -> Int? {
        available().map { $0 / Self.bytesPerFileByte }
    }

    /// Why a file of `size` bytes cannot be loaded now, or nil when it can (or memory cannot be known).
    public func refusal(forFileOf size: Int) -> String? {
        guard size >= Self.largeFile, let available = available() else { return nil }
        let needed = size.multipliedReportingOverflow(by: Self.bytesPerFileByte)
        guard needed.overflow || needed.partialValue > available else { return nil }
        return "file is \(ByteCount.format(size)); loading it needs about \(needed.overflow ? "more than 8 EB" : ByteCount.format(needed.partialValue)) of memory and \(ByteCount.format(available)) is available; skipped"
    }
}
