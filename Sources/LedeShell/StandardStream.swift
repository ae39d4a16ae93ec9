#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard output or error with `write(2)`: a closed pipe (EPIPE, when SIGPIPE is ignored as under
/// systemd) is reported to the caller instead of trapping, as Foundation's FileHandle does.
enum StandardStream {
    /// Writes all of `text`; false when the stream is closed or failed.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
