// SimulationArguments: how the serving simulator's builtins read lengths of time ("1h", a duration, or 0
// for none), instants, and records of options ({max: 8, delay: "2m"}), with errors that name the option.
import DriftCore

extension Arguments {
    /// A fixed length of time in microseconds: a period such as "5s" or "1h" (not months), a positive
    /// duration, or, when `allowZero`, 0 or null for none.
    func length(_ name: String, default fallback: Int64, allowZero: Bool = false) throws -> Int64 {
        guard let value = optional(nil, name) else { return fallback }
        switch value {
        case .null where allowZero: return 0
        case .number(0) where allowZero: return 0
        case .time(let time) where allowZero && time.kind == .duration && time.micros == 0: return 0
        default:
            guard case .fixed(let micros) = try periodArgument(self, nil, name) else {
                throw BuiltinError("argument '\(name)' must be a fixed length such as \"1h\" or \"30d\", not months")
            }
            return micros
        }
    }

    /// The named argument as the arguments of an options record, checking that it names only `allowed` keys.
    func options(_ name: String, allowed: [String]) throws -> Arguments? {
        switch optional(nil, name) {
        case nil, .null?: return nil
        case .record(let record)?: return try Arguments(options: record, of: name, allowed: allowed, at: location)
        case let other?: throw mismatch(name, expected: "a record such as {\(allowed.map { "\($0): …" }.joined(separator: ", "))}", got: other)
        }
    }

    /// A record's fields as named arguments, for the typed accessors.
    init(options record: Record, of name: String, allowed: [String], at location: SourceLocation) throws {
        if let unknown = record.keys.first(where: { !allowed.contains($0) }) {
            throw BuiltinError("\(name) has no option '\(unknown)'\(Suggestion.hint(for: unknown, among: allowed)); options: \(allowed.joined(separator: ", "))")
        }
        self.init(positional: [], named: record.fields.map { (label: $0, value: $1) }, at: location)
    }
}
