import Foundation
@testable import LedeArticles
import LedeText

/// The text-dump parser over any bytes (as a `.txt` file: decoding, UTF-16 detection, block split, jusText, header
/// lines), then the body tokenised into a vocabulary as a load does.
final class TextDumpTarget: FuzzTarget {
    /// One catalog for every input, as one `load` shares it.
    static let options = LoadOptions()

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(bytes)
        guard let docs = try? DocumentParser.parse(data: data, path: "fuzz.txt", options: Self.options) else { return }
        let vocabulary = Vocabulary()
        for doc in docs {
            let text = Tokenizer().tokenize(utf8: doc.bodyUTF8, vocabulary: vocabulary)
            _ = text.tokenCount
            _ = doc.metadata.title
        }
        // The String entry point too, when the bytes are UTF-8.
        if let string = String(validating: bytes, as: UTF8.self) { _ = try? TextDumpParser.parse(string, path: "fuzz.txt") }
    }
}
