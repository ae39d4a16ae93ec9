import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public enum ByteCount {
    public static func format(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1 << 20 { return String(format: "%.1f KB", Double(n) / 1024) }
        if n < 1 << 30 { return String(format: "%.1f MB", Double(n) / 1048576) }
        return String(format: "%.1f GB", Double(n) / 1073741824)
    }
}
