// ExplanationObject: a few plain sentences about a result, shown as a paragraph (not a quoted string).

final class ExplanationObject: DriftObject {
    let text: String

    init(_ text: String) { self.text = text }

    var kindName: String { "explanation" }
    var fieldNames: [String] { ["text"] }
    func field(_ name: String) -> Value? { name == "text" ? .string(text) : nil }

    func render(to renderer: inout Renderer) {
        renderer.text(text.hasSuffix("\n") ? text : text + "\n")
    }
}
