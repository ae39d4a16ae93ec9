import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends long output through `$PAGER` (default `less -FRX`), only on a terminal and only when the
/// output is taller than the screen; `set pager off` or an empty `$PAGER` turns it off.
enum Pager {
    static func show(_ text: String, shell: Shell) {
        guard shell.terminal.stdoutIsTTY, shell.settings.pager != .off, let command = command(shell.terminal.environment) else {
            shell.writeOut(text); return
        }
        let rows = shell.terminal.size.rows
        var lines = 0
        for b in text.utf8 where b == 0x0A { lines += 1; if lines >= rows - 1 { break } }
        guard lines >= rows - 1 else { shell.writeOut(text); return }
        fflush(nil)
        guard let pipe = popen(command, "w") else { shell.writeOut(text); return }
        // The pager reads until we close; ignore SIGPIPE if the user quits it early.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = text.withCString { fputs($0, pipe) }
        pclose(pipe)
        signal(SIGPIPE, previous)
    }

    static func command(_ env: [String: String]) -> String? {
        if let pager = env["PAGER"] { return pager.trimmingCharacters(in: .whitespaces).isEmpty ? nil : pager }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/less") ? "less -FRX" : nil
    }
}
