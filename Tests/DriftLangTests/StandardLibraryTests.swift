// The standard library the binary runs is exactly what is in stdlib/, and every function there has help.
import DriftLang
import Foundation
import Testing

@Test func embeddedStandardLibraryMatchesStdlibFolder() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("stdlib")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".drift") }.sorted()
    #expect(Session.standardLibrary.map(\.name).sorted() == files)
    #expect(Session.standardLibrary.first?.name == "prelude.drift", "the prelude loads first")
    for (name, source) in Session.standardLibrary {
        let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        #expect(source == onDisk, "stdlib/\(name) differs from the embedded copy")
    }
}

@Test func standardLibraryLoadsCleanlyAndIsDocumented() throws {
    var printed = ""
    let session = Session { printed += $0 }
    #expect(printed.isEmpty, "loading the prelude printed: \(printed)")
    for (_, source) in Session.standardLibrary {
        for line in source.split(separator: "\n") where line.hasPrefix("fn ") {
            let name = String(line.dropFirst(3).prefix { $0 != "(" })
            let help = try #require(session.help(name))
            #expect(help.hasPrefix(name + "("), "help for \(name): \(help)")
        }
    }
}
