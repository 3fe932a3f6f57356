// CompletionTests: aligning the REPL's candidates with readline's word, whichever start they replace from.
import Testing
@testable import drift

@Suite struct CompletionTests {
    /// readline's word start for `line` with the cursor at its end.
    private func wordStart(_ line: String) -> Int {
        let breaks = Set(Completion.wordBreakCharacters.utf8)
        return line.utf8.count - line.utf8.reversed().prefix { !breaks.contains($0) }.count
    }

    private func replacements(_ candidates: [String], _ line: String) -> [String] {
        Completion.replacements(for: candidates, line: line, cursor: line.utf8.count, wordStart: wordStart(line))
    }

    @Test func fieldCandidatesWithOrWithoutTheirPrefix() {
        #expect(replacements(["df.col1", "df.col2"], "x = df.co") == ["df.col1", "df.col2"])
        #expect(replacements(["col1", "col2"], "x = df.co") == ["df.col1", "df.col2"])
        #expect(replacements(["col1"], "x = df.") == ["df.col1"])
    }

    @Test func plainNames() {
        #expect(replacements(["mean", "median"], "print(me") == ["mean", "median"])
        #expect(replacements(["mean"], "") == ["mean"])
    }

    @Test func candidatesReachingBeforeTheWord() {
        // `/` and `:` break words, so readline's word is `tr` and `he`.
        #expect(replacements(["data/train.csv"], "read_csv(\"data/tr") == ["train.csv"])
        #expect(replacements([":help"], ":he") == ["help"])
    }

    @Test func nonASCIIText() {
        #expect(replacements(["größe"], "x.grö") == ["x.größe"])
    }

    @Test func commonPrefix() {
        #expect(Completion.commonPrefix(of: ["df.col1", "df.col2", "df.count"]) == "df.co")
        #expect(Completion.commonPrefix(of: ["a"]) == "a")
        #expect(Completion.commonPrefix(of: []) == "")
    }
}
