import ArgumentParser
import Foundation
import LedeShell

/// The `lede` executable: command-line arguments only; everything else is in LedeShell.
struct Lede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "An interactive shell for analysing news articles.",
        discussion: """
        With a terminal and no script, lede is interactive. Otherwise it runs the script files, the -c commands \
        (in order), or the commands on stdin. Exit status: 0 all commands succeeded, 1 a command failed, 2 usage error.
        """,
        version: Shell.version)

    @Argument(help: "Script files to run (a script may start with #!/usr/bin/env lede).") var scripts: [String] = []
    @Option(name: .customShort("f"), help: "A script file to run (repeatable).") var files: [String] = []
    @Option(name: .customShort("c"), help: "A command to run (repeatable, run in order).") var commands: [String] = []
    @Option(name: .customShort("i"), help: "Run this script, then stay interactive (repeatable).") var interactive: [String] = []
    @Flag(help: "Print each command's result as one JSON line.") var json = false
    @Option(help: "Write the session file here at exit.") var save: String?
    @Flag(name: .customLong("no-init"), help: "Skip $XDG_CONFIG_HOME/lede/init.lede.") var noInit = false
    @Flag(help: "Stop at the first failed command.") var bail = false
    @Option(help: "Open (or create) this archive first: what is loaded and fetched is stored in it.") var archive: String?

    func run() throws {
        var options = LaunchOptions()
        options.scripts = scripts + files
        options.commands = commands
        options.interactiveScripts = interactive
        options.json = json
        options.savePath = save
        options.noInit = noInit
        options.bail = bail
        options.archivePath = archive
        Launcher.run(options)
    }
}

HeapTuning.apply()
do {
    var command = try Lede.parseAsRoot(Launcher.arguments)
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Lede.exitCode(for: error)
    if code == .success { Lede.exit(withError: error) }
    // Usage errors: one line and status 2, as documented.
    Launcher.writeError("lede: \(Lede.message(for: error))\n(see 'lede --help')\n")
    Foundation.exit(2)
}
