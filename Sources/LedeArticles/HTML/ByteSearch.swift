import CLibXML2
import Foundation

/// Substring search on UTF-8 bytes (Foundation's `contains` goes through NSString, far slower in hot loops).
func bytesContain<Haystack: RandomAccessCollection>(_ haystack: Haystack, _ needle: [UInt8]) -> Bool
    where Haystack.Element == UInt8, Haystack.Index == Int {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    let first = needle[0]
    var i = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while i <= last {
        if haystack[i] == first {
            var k = 1
            while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        i += 1
    }
    return false
}
