import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `lede` on a pseudo-terminal, as a person at a terminal would: type keys, read the screen bytes.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var output = [UInt8]()
    /// Where the next `expect` starts looking.
    private var mark = 0

    /// pty creation and spawn are serialised: pty fds must not leak into another test's child.
    private static let spawnLock = NSLock()

    init(arguments: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 30) throws {
        PseudoTerminal.spawnLock.lock()
        defer { PseudoTerminal.spawnLock.unlock() }
        // posix_openpt/grantpt/unlockpt are not imported into Swift: do the same with /dev/ptmx ioctls.
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard m >= 0 else { throw PTYError("cannot open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        guard ioctl(m, TIOCSPTLCK, &unlock) == 0, ioctl(m, TIOCGPTN, &number) == 0 else {
            close(m); throw PTYError("cannot unlock the pseudo-terminal")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(m, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opening the slave after setsid makes it the child's controlling terminal, so ^C raises SIGINT.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(); sigemptyset(&noSignals)
        var allSignals = sigset_t(); sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        let POSIX_SPAWN_SETSID: Int32 = 0x80   // not imported into Swift
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([Lede.binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, Lede.binary, &actions, &attributes, argv, envp)
        guard rc == 0 else { close(m); throw PTYError("posix_spawn failed: \(rc)") }
        master = m
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Reads whatever the program printed within `timeout` seconds.
    @discardableResult
    func pump(_ timeout: Double) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        output.append(contentsOf: buffer[0..<n])
        return true
    }

    /// Waits until `text` appears in the output after the last match; returns the output up to it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 20, _ comment: String = "") throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(needle, from: mark) {
                let seen = String(decoding: output[mark..<range.upperBound], as: UTF8.self)
                mark = range.upperBound
                return seen
            }
            if Date() > deadline {
                throw PTYError("timed out waiting for \(text.debugDescription) \(comment); screen so far: \(String(decoding: output[mark...], as: UTF8.self).debugDescription)")
            }
            pump(0.1)
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, output.count - start >= needle.count else { return nil }
        var i = start
        while i + needle.count <= output.count {
            if output[i] == needle[0] && Array(output[i..<i + needle.count]) == needle { return i..<i + needle.count }
            i += 1
        }
        return nil
    }

    /// libedit prints the prompt before switching the terminal to raw mode: wait for that before typing.
    func waitForRawMode(timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isCanonical { return }
            pump(0.02)
        }
        throw PTYError("terminal never left canonical mode")
    }

    var isCanonical: Bool {
        var t = termios()
        tcgetattr(master, &t)
        return t.c_lflag & tcflag_t(ICANON) != 0
    }

    var echoes: Bool {
        var t = termios()
        tcgetattr(master, &t)
        return t.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Types text at the prompt (after making sure the editor is in raw mode).
    func type(_ keys: String) throws {
        try waitForRawMode()
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Sends bytes without waiting for raw mode (e.g. Ctrl-C while a command runs).
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the program to exit and returns its status, or nil on time-out.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            pump(0.05)
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
        }
        return nil
    }
}

struct PTYError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
