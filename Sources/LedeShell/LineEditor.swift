import Foundation
import CLibEdit
import LedeArticles
#if canImport(Glibc)
import Glibc
#endif

/// Interactive line editing over libedit's native API: emacs keys by default, ~/.editrc honoured,
/// persistent history (mode 0600, consecutive duplicates dropped), and context-aware TAB completion.
final class LineEditor {
    enum Read: Equatable { case line(String), endOfFile, interrupted }

    private let el: OpaquePointer
    private let hist: OpaquePointer
    private let historyPath: String?
    private let output: UnsafeMutablePointer<FILE>
    unowned let shell: Shell
    /// The prompt libedit asks for through a C callback; kept alive here.
    fileprivate var promptBuffer: UnsafeMutablePointer<CChar>

    init?(shell: Shell, historyPath: String?) {
        // libedit drops every non-ASCII byte without a UTF-8 locale.
        if setlocale(LC_CTYPE, "") == nil || !String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        // With stdout redirected (`lede | tee log`) editing still works on stderr.
        output = isatty(1) == 1 ? lede_stdout() : lede_stderr()
        guard let el = el_init("lede", lede_stdin(), output, lede_stderr()), let hist = lede_history_init(2000) else { return nil }
        self.el = el
        self.hist = hist
        self.shell = shell
        self.historyPath = historyPath
        promptBuffer = strdup("lede> ")
        lede_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        lede_el_set_prompt_esc(el, { el in
            guard let el, let data = lede_el_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }, 1)
        lede_el_set_editor(el, "emacs")
        lede_el_set_signal(el, 1)
        lede_el_set_hist(el, hist)
        lede_el_addfn(el, "lede-complete", "complete the word before the cursor", { el, _ in
            guard let el, let data = lede_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        })
        lede_el_bind(el, "^I", "lede-complete")
        lede_el_bind(el, "^R", "em-inc-search-prev")
        el_source(el, nil)   // ~/.editrc: users may `bind -v` for vi mode
        if let historyPath {
            lede_history_load(hist, historyPath)
        }
    }

    deinit {
        saveHistory()
        el_end(el)
        history_end(hist)
        free(promptBuffer)
    }

    func setPrompt(_ prompt: String) {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
    }

    func readLine(prompt: String) -> Read {
        setPrompt(prompt)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(el, &count) else {
            if count == -1 && errno == EINTR { return .interrupted }
            return .endOfFile
        }
        // A file name typed or pasted with bytes that are not UTF-8 keeps them (RawPath).
        var line = RawPath.decode(raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    func addHistory(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        lede_history_enter(hist, line)
    }

    /// History entries, oldest first.
    func entries() -> [String] {
        var out: [String] = []
        var p = lede_history_last(hist)
        while let s = p {
            var line = String(cString: s)
            if line.hasSuffix("\n") { line.removeLast() }
            out.append(line)
            p = lede_history_prev(hist)
        }
        return out
    }

    func saveHistory() {
        guard let historyPath else { return }
        let dir = RawPath.parent(of: historyPath)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Create with 0600 before libedit writes, so history is never readable by others.
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { fchmod(fd, 0o600); close(fd) }
        lede_history_save(hist, historyPath)
    }

    var columns: Int { max(20, Int(lede_el_columns(el))) }

    // MARK: completion

    fileprivate func complete() -> UInt8 {
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer).bindMemory(to: UInt8.self), as: UTF8.self)
        let completion = Completer.complete(before, shell: shell)
        let candidates = completion.candidates
        if candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            let word = candidates[0]
            let rest = String(word.dropFirst(completion.partial.count))
            // A name with control characters or bidirectional overrides is never typed into the line, where the
            // terminal would act on it: the safe part goes in, and the name is listed with those characters visible.
            let safe = LineEditor.safePrefix(rest)
            insertEscaped(safe)
            if safe.unicodeScalars.count < rest.unicodeScalars.count {
                list(candidates)
                return UInt8(CC_REDISPLAY)
            }
            // A finished word gets a separating space; a folder stays open for the next TAB.
            if !word.hasSuffix("/") { _ = el_insertstr(el, " ") }
            return UInt8(CC_REFRESH)
        }
        let common = LineEditor.safePrefix(completion.commonPrefix)
        if common.count > completion.partial.count {
            insertEscaped(String(common.dropFirst(completion.partial.count)))
            return UInt8(CC_REFRESH)
        }
        list(candidates)
        return UInt8(CC_REDISPLAY)
    }

    /// Ambiguous: the candidates in columns under the line (file names and values made visible), then the line again.
    private func list(_ candidates: [String]) {
        let shown = candidates.map { name -> String in
            let last: String
            if let slash = name.dropLast().lastIndex(of: "/") { last = String(name[name.index(after: slash)...]) } else { last = name }
            return Sanitizer.clean(last, keepNewlines: false)
        }
        let width = (shown.map { TextWidth.of($0) }.max() ?? 0) + 2
        let perRow = max(1, columns / width)
        // More than a screenful: ask first, as bash does.
        let rows = (shown.count + perRow - 1) / perRow
        if rows > max(1, shell.terminal.size.rows - 2) {
            fputs("\nDisplay all \(shown.count) possibilities? (y or n) ", output)
            fflush(output)
            var c: CChar = 0
            var answer = false
            while el_getc(el, &c) == 1 {
                let ch = Character(Unicode.Scalar(UInt8(bitPattern: c)))
                if ch == "y" || ch == "Y" || ch == " " { answer = true; break }
                if ch == "n" || ch == "N" || ch == "\u{7F}" || ch == "\u{03}" || ch == "\u{07}" || ch == "\r" || ch == "\n" { break }
            }
            if !answer { fputs("\n", output); fflush(output); return }
        }
        var text = "\n"
        for (i, s) in shown.enumerated() {
            text += TextWidth.pad(s, to: width, .left)
            if (i + 1) % perRow == 0 || i == shown.count - 1 { text += "\n" }
        }
        fputs(text, output)
        fflush(output)
    }

    /// The text up to the first character the sanitiser would change.
    static func safePrefix(_ s: String) -> String {
        guard let bad = s.unicodeScalars.firstIndex(where: Sanitizer.needsWork) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars[..<bad]))
    }

    private func insertEscaped(_ s: String) {
        let escaped = s.replacingOccurrences(of: " ", with: "\\ ")
        _ = el_insertstr(el, escaped)
    }
}
