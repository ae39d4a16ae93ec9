import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry points for every lede fuzz target, in one binary built by `Scripts/fuzz` with
/// `--sanitize=fuzzer --sanitize=address`. `LEDE_FUZZ_TARGET` names the target (see `FuzzTargets.all`).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    guard let name = ProcessInfo.processInfo.environment["LEDE_FUZZ_TARGET"], let target = FuzzTargets.make(name) else {
        FileHandle.standardError.write(Data("lede-fuzz: set LEDE_FUZZ_TARGET to one of \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
        exit(2)
    }
    FuzzTargets.current = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    FuzzTargets.current?.run(bytes)
    return 0
}
