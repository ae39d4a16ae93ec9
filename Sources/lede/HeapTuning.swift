#if canImport(Glibc)
import Glibc
#endif

/// The process's heap settings, chosen by the executable (a library never changes them). A load allocates
/// hundreds of MB in small pieces; glibc grows its heaps by the request plus M_TOP_PAD (128 KB by default), one
/// syscall each time, so a 64 MB pad cuts the system time of large loads (the pad is address space, not
/// resident memory). Fast bins are turned off (M_MXFAST 0; each thread's cache still serves small blocks): the
/// first large allocation after a parallel phase otherwise walks every small block the workers freed.
/// Figures in docs/benchmarks.md.
enum HeapTuning {
    static func apply() {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not export: look it up instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2, maxFast: Int32 = 1     // M_TOP_PAD, M_MXFAST
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(maxFast, 0)
        #endif
    }
}
