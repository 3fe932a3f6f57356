// SourceEncoding: a script file that is not UTF-8 (often Latin-1 from an old editor) is reported like
// any other error, at the line and column of its first bad byte, instead of being read with the bytes
// silently replaced.

public enum SourceEncoding {
    /// The rendered error for the first byte sequence of `bytes` that is not UTF-8, or nil when all of
    /// it is UTF-8.
    public static func invalidUTF8Report(_ bytes: [UInt8], name: String) -> String? {
        invalidUTF8Diagnostic(bytes, name: name)?.rendered()
    }

    /// The error `invalidUTF8Report` renders.
    static func invalidUTF8Diagnostic(_ bytes: [UInt8], name: String) -> Diagnostic? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return nil
            case .error:
                let file = SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
                // The prefix is valid, so its length is the same offset in the decoded text.
                let location = SourceLocation(file: file, offset: String(decoding: bytes[..<offset], as: UTF8.self).utf8.count)
                let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
                return Diagnostic("the file is not UTF-8 text (byte \(byte) here); save it as UTF-8", at: location)
            }
        }
    }
}
