import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What libxml2's HTML parser reports, in document order: implied and auto-closed elements included, so the
/// events are exactly those libxml2 builds its own tree from — without the cost of building and freeing one
/// (a node, name and attribute allocations per element, a text node per run: about a third of the time of
/// loading a folder of pages when the extractor walked a DOM).
protocol HTMLEventSink: AnyObject {
    func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: HTMLAttributes)
    func endElement()
    /// Text and raw-text (<script>, <style>) content; the bytes are valid during the call only.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}
