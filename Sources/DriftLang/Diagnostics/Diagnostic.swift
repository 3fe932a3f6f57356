// Diagnostic: one error with its place, rendered as `FILE:LINE:COL: error: message`, the source line,
// a caret under the spot, for runtime errors inside functions the Drift call stack, and for errors
// inside an imported file the imports that led there.

public struct Diagnostic: Error, Sendable {
    public let message: String
    let location: SourceLocation?
    /// Innermost call first: the functions that were running, and where each was called from.
    var callStack: [(function: String, location: SourceLocation)] = []
    /// For an error inside an imported file: the imports that led there, innermost first.
    var importedFrom: [SourceLocation] = []

    init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// 1-based line of the error, when it has a place.
    public var line: Int? { location?.line }

    /// Longer call stacks (runaway recursion) show their innermost and outermost calls only.
    static let shownFrames = 12

    public func rendered() -> String {
        guard let location else { return "error: \(message)\n" }
        let (line, column) = location.file.lineAndColumn(of: location.offset)
        let excerpt = SourceExcerpt(line: location.file.lineText(line), column: column)
        var text = "\(location.file.name):\(line):\(column): error: \(message)\n"
        text += "  \(excerpt.text)\n"
        text += "  " + excerpt.caretPadding + "^\n"
        for (index, frame) in callStack.enumerated() {
            if callStack.count > Diagnostic.shownFrames, index >= Diagnostic.shownFrames - 3, index < callStack.count - 3 {
                if index == Diagnostic.shownFrames - 3 { text += "  ... \(callStack.count - Diagnostic.shownFrames) more calls ...\n" }
                continue
            }
            let (callLine, callColumn) = frame.location.file.lineAndColumn(of: frame.location.offset)
            text += "  in \(frame.function), called at \(frame.location.file.name):\(callLine):\(callColumn)\n"
        }
        for place in importedFrom {
            let (importLine, importColumn) = place.file.lineAndColumn(of: place.offset)
            text += "  imported from \(place.file.name):\(importLine):\(importColumn)\n"
        }
        return text
    }
}
