import Foundation
@testable import LedeArticles

/// The JSON/JSONL loader: records, wrappers, field lookups (`--field` overrides picked by the first byte), numbers
/// beyond a Double, bad lines; through the format detection of a `.json` or `.jsonl` file.
final class JSONTarget: FuzzTarget {
    static let overrides: [[String: String]] = [[:], ["text": "body.content"], ["title": "meta.title", "source": "publisher.name"],
                                                ["text": "a"], ["date": "x.y.z"]]

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        var options = LoadOptions()
        options.fieldOverrides = Self.overrides[Int(first >> 1) % Self.overrides.count]
        let data = Data(bytes.dropFirst())
        let path = first & 1 == 0 ? "fuzz.json" : "fuzz.jsonl"
        if let docs = try? DocumentParser.parse(data: data, path: path, options: options) {
            for doc in docs { _ = doc.body.count; _ = doc.metadata.published }
        }
        if let text = String(validating: bytes.dropFirst(), as: UTF8.self) {
            _ = try? JSONRecordParser.parse(text, path: path, options: options, linesHint: first & 1 == 1)
        }
    }
}
