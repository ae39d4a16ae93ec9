import CZstd
import Foundation

/// The raw bytes of a file as the archive keeps them: zstd-compressed (level 1, the fastest: see
/// docs/archive.md for the measurements against zlib), or as they are when compression would not make them
/// smaller (already-compressed files, tiny files).
public struct RawCopy: Sendable, Equatable {
    public enum Codec: String, Sendable { case zstd, none }
    /// The fingerprint of the original bytes.
    public var hash: Fingerprint
    /// The original size in bytes.
    public var size: Int
    public var codec: Codec
    /// The stored bytes; nil in a reference to bytes the archive already holds (found by `hash`).
    public var data: [UInt8]?

    public init(hash: Fingerprint, size: Int, codec: Codec, data: [UInt8]?) {
        self.hash = hash; self.size = size; self.codec = codec; self.data = data
    }

    /// Compresses `bytes` (hashing them too unless the hash is given) with a compressor of the caller's.
    public static func make(_ bytes: UnsafeRawBufferPointer, hash: Fingerprint? = nil, compressor: RawCompressor) -> RawCopy {
        let hash = hash ?? Fingerprint.of(bytes)
        if let data = compressor.compress(bytes) {
            return RawCopy(hash: hash, size: bytes.count, codec: .zstd, data: data)
        }
        return RawCopy(hash: hash, size: bytes.count, codec: .none, data: [UInt8](bytes))
    }

    public static func make(_ bytes: [UInt8]) -> RawCopy { bytes.withUnsafeBytes { make($0, compressor: RawCompressor()) } }

    /// A reference to bytes the archive already holds.
    public static func reference(hash: Fingerprint, size: Int) -> RawCopy {
        RawCopy(hash: hash, size: size, codec: .none, data: nil)
    }

    /// The original bytes, or nil when the stored data does not decompress to `size` bytes.
    public func original() -> [UInt8]? {
        guard let data else { return nil }
        switch codec {
        case .none: return data.count == size ? data : nil
        case .zstd:
            var out = [UInt8](repeating: 0, count: size)
            let n = out.withUnsafeMutableBytes { o in data.withUnsafeBytes { i in ZSTD_decompress(o.baseAddress, o.count, i.baseAddress, i.count) } }
            return ZSTD_isError(n) == 0 && n == size ? out : nil
        }
    }
}

/// A zstd compression context, reused from file to file: a fresh context per call costs more than compressing
/// a 2 KB article. One thread at a time.
public final class RawCompressor {
    private let context: OpaquePointer
    private let level: Int32
    private var buffer: [UInt8] = []

    public init(level: Int32 = 1) {
        context = ZSTD_createCCtx()
        self.level = level
    }

    deinit { ZSTD_freeCCtx(context) }

    /// The compressed bytes, or nil when they would not be smaller.
    func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let bound = ZSTD_compressBound(bytes.count)
        if buffer.count < bound { buffer = [UInt8](repeating: 0, count: bound) }
        let n = buffer.withUnsafeMutableBytes { o in
            ZSTD_compressCCtx(context, o.baseAddress, o.count, bytes.baseAddress, bytes.count, level)
        }
        guard ZSTD_isError(n) == 0, n < bytes.count else { return nil }
        return Array(buffer[0..<n])
    }
}
