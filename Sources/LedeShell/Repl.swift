import Foundation
import LedeText
import LedeSession
#if canImport(Glibc)
import Glibc
#endif

/// The interactive loop: prompt, edit, run, repeat. Ctrl-C clears the line or cancels the running command;
/// Ctrl-D on an empty line leaves (asking once when results are unsaved).
enum Repl {
    static func run(shell: Shell, historyPath: String?) {
        guard let editor = LineEditor(shell: shell, historyPath: historyPath) else {
            shell.warn("line editing unavailable; reading plain lines")
            _ = shell.runLines(AnyIterator { readLine(strippingNewline: true) }.lazy.map { $0 }, source: "<stdin>")
            return
        }
        shell.historySource = { editor.entries() }
        // Questions (`drop all`) are read through the editor: stdio and libedit must not share stdin.
        shell.lineReader = { prompt in
            if case .line(let text) = editor.readLine(prompt: prompt) { return text }
            return nil
        }
        defer { shell.lineReader = nil }
        let color = shell.terminal.colorEnabled(shell.settings.color)
        // \1 marks the invisible escape sequences for libedit (EL_PROMPT_ESC).
        let prompt = color ? "\u{1}\u{1B}[1;36m\u{1}lede>\u{1}\u{1B}[0m\u{1} " : "lede> "
        let continuation = color ? "\u{1}\u{1B}[2m\u{1}  ...>\u{1}\u{1B}[0m\u{1} " : "  ...> "
        var pending: String?
        var eofWarned = false
        while !shell.quitRequested {
            let read = editor.readLine(prompt: pending == nil ? prompt : continuation)
            switch read {
            case .interrupted:
                // Ctrl-C at the prompt abandons the line (and any continuation).
                pending = nil
                Cancellation.reset()
                shell.writeErr("\n")
                continue
            case .endOfFile:
                if pending != nil { pending = nil; shell.writeErr("\n"); continue }
                if shell.log.unsaved > 0 && !eofWarned && !shell.quitWarned {
                    eofWarned = true
                    shell.writeErr("\n\(Format.plural(shell.log.unsaved, "result")) not saved ('save FILE' keeps them); press Ctrl-D again to quit.\n")
                    continue
                }
                shell.writeErr("\n")
                editor.saveHistory()
                return
            case .line(let text):
                var line = text
                if let p = pending { line = LineSyntax.join(p, line) }
                if LineSyntax.continues(line) { pending = line; continue }
                pending = nil
                eofWarned = false
                editor.addHistory(line.replacingOccurrences(of: "\\\n", with: " "))
                shell.run(line)
                editor.saveHistory()
            }
        }
        editor.saveHistory()
    }
}
