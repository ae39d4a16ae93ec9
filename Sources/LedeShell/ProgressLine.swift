import Foundation
import LedeText
import LedeSession

/// A line on the terminal (stderr) that reports a long load's progress, redrawn at most ten times a second
/// and only once the work has taken half a second.
public final class ProgressLine: Sendable {
    private struct State { var lastDraw = Date.distantPast; var drawn = false }
    private let start = Date()
    private let state = Locked(State())
    private let write: @Sendable (String) -> Void

    init(write: @escaping (String) -> Void) {
        // Written from worker threads; the shell's error stream is a plain write(2) on stderr.
        nonisolated(unsafe) let write = write
        self.write = { write($0) }
    }

    public func update(_ done: Int, _ bytes: Int, _ total: Int, phase: String = "loading") {
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        state.withLock { state in
            guard elapsed > 0.5, now.timeIntervalSince(state.lastDraw) > 0.1 else { return }
            state.lastDraw = now
            state.drawn = true
            let rate = Double(bytes) / 1_048_576 / elapsed
            let eta = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
            if phase == "loading" {
                write(String(format: "\r\u{1B}[Kloading %@/%@ files, %.1f MB/s, ETA %.0f s", Format.int(done), Format.int(total), rate, eta))
            } else {
                write("\r\u{1B}[K\(phase) \(Format.int(done))/\(Format.int(total)) articles")
            }
        }
    }

    public func finish() {
        state.withLock { state in if state.drawn { write("\r\u{1B}[K") } }
    }
}
