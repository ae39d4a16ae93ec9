import CLibXML2

/// libxml2 must be initialised once, on one thread, before threads use it: its first parser context otherwise
/// creates the library's global locks and random seed from whichever worker gets there first, and two workers
/// doing so at once deadlock (`xmlRMutexLock ← __xmlRandom ← xmlDictCreate`).
///
/// Its errors are not printed: with the parsers' NOERROR options some still went to stderr (a page's invalid bytes
/// in its declared charset printed "encoding error : input conversion failed…" over the prompt). lede reports
/// what it finds in its own words; the handler is set for this thread and, as the default, for every other.
public enum LibXML2 {
    public static let initialised: Void = {
        xmlInitParser()
        xmlSetStructuredErrorFunc(nil, ignore)
        xmlThrDefSetStructuredErrorFunc(nil, ignore)
    }()

    private static let ignore: xmlStructuredErrorFunc = { _, _ in }
}
