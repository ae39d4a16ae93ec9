import CLibXML2
import LedeText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the metadata reader wants of an element's text.
enum HTMLTextCapture { case none, title, jsonLD }
