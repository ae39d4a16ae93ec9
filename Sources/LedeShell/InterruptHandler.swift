import Foundation
import LedeText
import LedeSession
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT sets the cancellation flag that long-running commands poll; it never kills the process.
enum InterruptHandler {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Cancellation.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0   // no SA_RESTART: el_gets must return EINTR so Ctrl-C clears the line
        sigaction(SIGINT, &action, nil)
    }
}
