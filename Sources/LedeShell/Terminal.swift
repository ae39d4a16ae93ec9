import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about where output goes: whether stdin/stdout are terminals, and the screen size.
public struct Terminal: Sendable {
    public var stdinIsTTY: Bool
    public var stdoutIsTTY: Bool
    public var environment: [String: String]

    public init(stdinIsTTY: Bool = isatty(0) == 1, stdoutIsTTY: Bool = isatty(1) == 1,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.stdinIsTTY = stdinIsTTY; self.stdoutIsTTY = stdoutIsTTY; self.environment = environment
    }

    public var isInteractive: Bool { stdinIsTTY }

    /// Columns and rows of the terminal on stdout (or stderr), else $COLUMNS, else 100×40.
    public var size: (columns: Int, rows: Int) {
        var ws = winsize()
        for fd in [Int32(1), Int32(2), Int32(0)] where isatty(fd) == 1 {
            if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return (Int(ws.ws_col), Int(ws.ws_row)) }
        }
        let cols = environment["COLUMNS"].flatMap(Int.init) ?? 100
        let rows = environment["LINES"].flatMap(Int.init) ?? 40
        return (cols, rows)
    }

    /// Colour is on for a terminal unless NO_COLOR is set or TERM is dumb; `set color on|off` overrides.
    public func colorEnabled(_ setting: LedeSessionSwitch) -> Bool {
        switch setting {
        case .on: return true
        case .off: return false
        case .auto:
            if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
            if environment["TERM"] == "dumb" { return false }
            return stdoutIsTTY
        }
    }
}

import LedeSession
public typealias LedeSessionSwitch = Settings.Switch
