import Synchronization

/// Process-wide cancellation flag: set by the shell's SIGINT handler, polled by long loops.
public enum Cancellation {
    private static let flag = Atomic<Bool>(false)

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
    public static func request() { flag.store(true, ordering: .relaxed) }
    public static func reset() { flag.store(false, ordering: .relaxed) }

    /// Throws `CancellationError` when the user asked to stop the running command.
    public static func check() throws {
        if flag.load(ordering: .relaxed) { throw CancelledError() }
    }
}
