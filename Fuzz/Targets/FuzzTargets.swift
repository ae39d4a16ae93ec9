/// One fuzz target: takes the fuzzer's bytes and drives one part of lede with them. A crash, a sanitizer report or
/// a time-out is a finding; errors thrown by lede are expected answers to bad input.
protocol FuzzTarget: AnyObject {
    func run(_ bytes: UnsafeBufferPointer<UInt8>)
}

enum FuzzTargets {
    static let names = ["commands", "textdump", "html", "json", "session", "feed", "page", "archive"]

    /// The process's one target, set once by `LLVMFuzzerInitialize` before any input runs (libFuzzer runs inputs
    /// on one thread).
    nonisolated(unsafe) static var current: FuzzTarget?

    static func make(_ name: String) -> FuzzTarget? {
        switch name {
        case "commands": return CommandsTarget()
        case "textdump": return TextDumpTarget()
        case "html": return HTMLTarget()
        case "json": return JSONTarget()
        case "session": return SessionTarget()
        case "feed": return FeedTarget()
        case "page": return PageTarget()
        case "archive": return ArchiveTarget()
        default: return nil
        }
    }
}
