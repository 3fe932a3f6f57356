// Core builtins: printing, conversion, help, JSON, and functions over any value.
import DriftCore
import Foundation

let coreBuiltins: [Builtin] = [
    Builtin(
        "print(values...)",
        doc: "Writes its arguments separated by spaces, then a new line. Strings print without quotes; other values print as the REPL shows them.",
        example: #"print("rows:", nrow(df))"#
    ) { arguments, interpreter in
        interpreter.output(joinedText(arguments.positional.map(Renderer.plainText), separator: " ") + "\n")
        return .null
    },
    Builtin(
        "show(values...)",
        doc: "Displays each value as the REPL shows a result: a table for a dataframe, a chart for a histogram or plot, a card for a test result. In a notebook every shown value becomes its own output, so one cell can show several figures (print would give their text).",
        example: "show(hist(reference.age), hist(current.age))"
    ) { arguments, interpreter in
        for value in arguments.positional { interpreter.show(value) }
        return .null
    },
    Builtin(
        "str(x)",
        doc: "The text form of a value: numbers in their shortest exact form, strings unchanged. On a vector, converts each element (missing stays missing).",
        example: #"str(0.1 + 0.2)  # "0.30000000000000004""#
    ) { arguments, _ in
        let value = try arguments.required(0, "x")
        if case .vector(let column) = value {
            // One string per element, straight into a string column: checked against the memory limit
            // first (up to 64 bytes each with the column's index of distinct strings), and Ctrl-C is
            // polled as they are made.
            try MemoryLimit.reserve(64 * Double(column.count), for: "str of \(column.count) values")
            var texts = TextColumnBuilder(capacity: column.count)
            for row in 0..<column.count {
                if row & 0xFFF == 0xFFF { try Cancellation.check() }
                let element = column.element(at: row)
                texts.append(element.isNull ? nil : Renderer.plainText(element))
            }
            return .vector(.text(texts.column))
        }
        return .string(Renderer.plainText(value))
    },
    Builtin(
        "num(x)",
        doc: "Converts to a number: a string is read with the grammar read_csv uses for numbers (a decimal number with an optional sign and exponent, spaces around it allowed, inf/infinity/nan in any case; no hexadecimal or digit separators), an error if it is not one; true/false become 1/0. On a vector, converts each element; unreadable strings become missing.",
        example: #"num("2.5") * 2  # 5"#
    ) { arguments, _ in
        let value = try arguments.required(0, "x")
        switch value {
        case .number: return value
        case .bool(let flag): return .number(flag ? 1 : 0)
        case .null: return .null
        case .string(let text):
            guard let number = NumberParser.parse(text) else { throw BuiltinError("cannot read \(Renderer.quote(text)) as a number") }
            return .number(number)
        case .vector(.numeric): return value
        case .vector(.boolean(let column)):
            return .vector(.numeric(NumericColumn(column.values.map { $0 < 0 ? .nan : Double($0) })))
        case .vector(.text(let column)):
            return .vector(.numeric(NumericColumn((0..<column.codes.count).map { column[$0].flatMap(NumberParser.parse) ?? .nan })))
        default:
            throw arguments.mismatch("x", expected: "a string, boolean or vector", got: value)
        }
    },
    Builtin(
        "type(x)",
        doc: "The kind of a value as a string: \"number\", \"string\", \"numeric vector\", \"dataframe\", \"record\", …",
        example: "type([1, 2])  # \"numeric vector\""
    ) { arguments, _ in
        return .string(try arguments.required(0, "x").kindName)
    },
    Builtin(
        "len(x)",
        doc: "The number of elements of a vector or list, characters of a string, fields of a record, or rows of a dataframe.",
        example: "len([3, 1, 2])  # 3"
    ) { arguments, _ in
        let value = try arguments.required(0, "x")
        switch value {
        case .vector(let column): return .number(Double(column.count))
        case .list(let items): return .number(Double(items.count))
        case .string(let text): return .number(Double(text.count))
        case .record(let record): return .number(Double(record.count))
        case .frame(let frame): return .number(Double(frame.rowCount))
        default: throw arguments.mismatch("x", expected: "a vector, list, string, record or dataframe", got: value)
        }
    },
    Builtin(
        "keys(r)",
        doc: "The field names of a record (or the column names of a dataframe), as a string vector.",
        example: "keys({a: 1, b: 2})  # [\"a\", \"b\"]"
    ) { arguments, _ in
        let value = try arguments.required(0, "r")
        switch value {
        case .record(let record): return .vector(.text(TextColumn(record.keys)))
        case .frame(let frame): return .vector(.text(TextColumn(frame.names)))
        case .object(let object): return .vector(.text(TextColumn(object.fieldNames)))
        default: throw arguments.mismatch("r", expected: "a record", got: value)
        }
    },
    Builtin(
        "map(xs, f)",
        doc: "Calls f on each element of a vector or list and collects the results (a vector when they are all numbers, strings or booleans, otherwise a list).",
        example: "map([1, 2, 3], x => x * 10)  # [10, 20, 30]"
    ) { arguments, interpreter in
        let collection = try arguments.required(0, "xs")
        let function = try arguments.function(1, "f")
        guard let elements = collection.elements else {
            throw arguments.mismatch("xs", expected: "a vector or list", got: collection)
        }
        var results: [Value] = []
        results.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            // A builtin function called per element never reaches the interpreter's own interrupt checks.
            if index & 0xFFF == 0xFFF { try Cancellation.check() }
            results.append(try function.call(Arguments(positional: [element], at: arguments.location), interpreter, at: arguments.location))
        }
        return Value.collection(results)
    },
    Builtin(
        "json(x)",
        doc: "The value as JSON text: records become objects, vectors and lists arrays, missing values and NaN null, dataframes an array of row objects.",
        example: #"json({a: 1, b: [1, null]})  # "{\"a\":1,\"b\":[1,null]}""#
    ) { arguments, _ in
        return .string(try JSON.encode(try arguments.required(0, "x")))
    },
    Builtin(
        "help(name)",
        doc: "Shows the documentation of a builtin or standard-library function: its signature, what it does and an example. With no name, lists every function.",
        example: #"help("quantile")"#
    ) { arguments, interpreter in
        let name: String?
        switch arguments.optional(0, "name") {
        case .string(let text)?: name = text
        case .function(let function)?: name = function.name
        case nil: name = nil
        case let other?: throw arguments.mismatch("name", expected: "a function name", got: other)
        }
        interpreter.output(Help.text(for: name, interpreter: interpreter) + "\n")
        return .null
    },
    Builtin(
        "clock()",
        doc: "Seconds on a monotonic clock counted from an arbitrary start (unaffected by changes to the system time): the difference of two readings is the time the code between them took.",
        example: "let start = clock(); sum(range(1000000)); clock() - start"
    ) { _, _ in
        .number(ProcessInfo.processInfo.systemUptime)
    },
]
