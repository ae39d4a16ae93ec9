import Foundation
@testable import LedeShell

/// A shell with captured output and no terminal, plus a temporary folder for files.
final class ShellHarness {
    let shell: Shell
    var out = ""
    var err = ""
    let dir: String

    init() {
        shell = Shell(terminal: Terminal(stdinIsTTY: false, stdoutIsTTY: false, environment: ["NO_COLOR": "1"]))
        dir = NSTemporaryDirectory() + "lede-test-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        shell.writeOut = { [unowned self] in self.out += $0 }
        shell.writeErr = { [unowned self] in self.err += $0 }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes a file in the temporary folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs one line and returns what it printed to stdout.
    @discardableResult
    func run(_ line: String) -> (Shell.Outcome, String, String) {
        out = ""; err = ""
        let outcome = shell.run(line)
        return (outcome, out, err)
    }

    static let article = """
    Harbour fire kills 12

    A fire at the harbour killed 12 people on Saturday. Firefighters fought it for six hours.

    "The building had no sprinklers," the fire chief said.
    """
}
