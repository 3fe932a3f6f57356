// ColumnCollector: builds one typed Drift column from database values arriving row by row. The declared type
// picks the kind up front; a value that does not fit (SQLite lets any column hold any value) widens the column
// along boolean -> numeric -> text, converting the values collected so far, so nothing is lost.
import DriftCore

struct ColumnCollector {
    enum Kind: Int, Comparable {
        case undetermined, boolean, numeric, text
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    private(set) var kind: Kind
    private var missingBeforeKind = 0
    private var flags: [Int8] = []
    private var numbers: [Double] = []
    private var text = TextColumnBuilder()

    init(kind: Kind) {
        self.kind = kind
    }

    mutating func appendMissing() {
        switch kind {
        case .undetermined: missingBeforeKind += 1
        case .boolean: flags.append(-1)
        case .numeric: numbers.append(.nan)
        case .text: text.append(nil)
        }
    }

    mutating func append(_ flag: Bool) {
        widen(to: .boolean)
        switch kind {
        case .boolean: flags.append(flag ? 1 : 0)
        case .numeric: numbers.append(flag ? 1 : 0)
        default: text.append(flag ? "true" : "false")
        }
    }

    mutating func append(_ number: Double) {
        widen(to: .numeric)
        if kind == .numeric {
            numbers.append(number)
        } else {
            text.append(number.isNaN ? nil : CSVWriter.formatted(number))
        }
    }

    mutating func append(_ string: String) {
        widen(to: .text)
        text.append(string)
    }

    /// The finished column; one that never saw a value (all NULL, or no rows) and declared no type is numeric.
    func column() -> Column {
        switch kind {
        case .undetermined: .numeric(NumericColumn([Double](repeating: .nan, count: missingBeforeKind)))
        case .boolean: .boolean(BoolColumn(raw: flags))
        case .numeric: .numeric(NumericColumn(numbers))
        case .text: .text(text.column)
        }
    }

    /// Moves to `target` if it is wider than the current kind, converting what was collected.
    private mutating func widen(to target: Kind) {
        guard kind < target else { return }
        switch (kind, target) {
        case (.undetermined, _):
            break
        case (.boolean, .numeric):
            numbers = flags.map { $0 < 0 ? .nan : Double($0) }
        case (.boolean, _):
            for flag in flags { text.append(flag < 0 ? nil : flag == 1 ? "true" : "false") }
        default:
            for number in numbers { text.append(number.isNaN ? nil : CSVWriter.formatted(number)) }
        }
        let missing = missingBeforeKind
        kind = target
        missingBeforeKind = 0
        flags = []
        if target != .numeric { numbers = [] }
        for _ in 0..<missing { appendMissing() }
    }
}
