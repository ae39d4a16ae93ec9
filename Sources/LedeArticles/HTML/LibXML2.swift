import CLibXML2

/// libxml2 must be initialised once, on one thread, before threads use it: its first parser context otherwise
/// creates the library's global locks and random seed from whichever worker gets there first, and two workers
/// doing so at once deadlock (`xmlRMutexLock ← __xmlRandom ← xmlDictCreate`).
enum LibXML2 {
    static let initialised: Void = { xmlInitParser() }()
}
