import Foundation
import ArgumentParser
import LedeText
import LedeArticles
import LedeSession
import LedeEngine

enum OutputFile {
    static func write(_ text: String, to path: String, append: Bool) throws {
        if append, let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } else {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
