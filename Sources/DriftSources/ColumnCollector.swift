// ColumnCollector: builds one typed Drift column from database values arriving row by row. The declared type
// picks the kind up front; a value that does not fit (SQLite lets any column hold any value) widens the column
// along boolean -> numeric -> text, or time -> text, converting the values collected so far, so nothing is lost.
// A date column that meets a timestamp becomes a datetime column (its days are their midnights); a declared
// time column whose first value is a number (an epoch) is a number column.
import DriftCore

struct ColumnCollector {
    enum Kind: Equatable {
        case undetermined, boolean, numeric, text
        case time(TimeKind)

        /// The kind that holds values of both kinds.
        func widened(to other: Kind) -> Kind {
            switch (self, other) {
            case (.undetermined, _): other
            case (_, .undetermined): self
            case (.time(let a), .time(let b)): a == b ? self : (a == .duration || b == .duration ? .text : .time(.datetime))
            case (.time, _), (_, .time), (.text, _), (_, .text): .text
            case (.numeric, _), (_, .numeric): .numeric
            default: .boolean
            }
        }
    }

    private(set) var kind: Kind
    private var missingBeforeKind = 0
    private var flags: [Int8] = []
    private var numbers: [Double] = []
    private var times: [Int64] = []
    private var text = TextColumnBuilder()

    init(kind: Kind) {
        self.kind = kind
    }

    mutating func appendMissing() {
        switch kind {
        case .undetermined: missingBeforeKind += 1
        case .boolean: flags.append(-1)
        case .numeric: numbers.append(.nan)
        case .time: times.append(TimeValue.missing)
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

    /// A string; in a time column, one that is an ISO 8601 date or timestamp is kept as a time.
    mutating func append(_ string: String) {
        if case .time(let timeKind) = kind, timeKind != .duration, let parsed = ISOTime.parse(string) {
            append(TimeValue(micros: parsed.micros, kind: parsed.hasTime ? .datetime : .date))
            return
        }
        widen(to: .text)
        text.append(string)
    }

    mutating func append(_ time: TimeValue) {
        widen(to: .time(time.kind))
        if case .time = kind {
            times.append(time.micros)
        } else {
            text.append(ISOTime.text(time))
        }
    }

    /// The finished column; one that never saw a value (all NULL, or no rows) and declared no type is numeric.
    func column() -> Column {
        switch kind {
        case .undetermined: .numeric(NumericColumn([Double](repeating: .nan, count: missingBeforeKind)))
        case .boolean: .boolean(BoolColumn(raw: flags))
        case .numeric: .numeric(NumericColumn(numbers))
        case .time(let timeKind): .time(TimeColumn(times, kind: timeKind))
        case .text: .text(text.column)
        }
    }

    /// Moves to the kind that holds both the current kind and `target`, converting what was collected.
    private mutating func widen(to target: Kind) {
        if case .time = kind, target != kind, !times.contains(where: { $0 != TimeValue.missing }) {
            // A time column that has held only NULLs so far takes the kind of its first value (epoch numbers).
            missingBeforeKind = times.count
            times = []
            kind = .undetermined
        }
        let next = kind.widened(to: target)
        guard next != kind else { return }
        switch (kind, next) {
        case (.undetermined, _), (.time, .time):
            break
        case (.boolean, .numeric):
            numbers = flags.map { $0 < 0 ? .nan : Double($0) }
        case (.boolean, _):
            for flag in flags { text.append(flag < 0 ? nil : flag == 1 ? "true" : "false") }
        case (.time(let timeKind), _):
            for micros in times { text.append(micros == TimeValue.missing ? nil : ISOTime.text(TimeValue(micros: micros, kind: timeKind))) }
        default:
            for number in numbers { text.append(number.isNaN ? nil : CSVWriter.formatted(number)) }
        }
        let missing = missingBeforeKind
        let kept = kind
        kind = next
        missingBeforeKind = 0
        flags = []
        if next != .numeric { numbers = [] }
        if case .time = kept, case .time = next {} else { times = [] }
        for _ in 0..<missing { appendMissing() }
    }
}
