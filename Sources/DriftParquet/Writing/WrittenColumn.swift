// WrittenColumn: how one Drift column is stored in a Parquet file: numbers as DOUBLE, strings as UTF-8
// BYTE_ARRAY (STRING), booleans as BOOLEAN, datetimes as INT64 TIMESTAMP(micros, UTC), dates as INT32 DATE and
// durations as INT64 TIME(micros) — and OPTIONAL only when it holds a missing value.
import DriftCore

struct WrittenColumn: Sendable {
    let name: String
    let column: Column
    let physical: PhysicalType
    let logical: LogicalType?
    let converted: ConvertedType?
    let isOptional: Bool

    init(name: String, column: Column) throws(ParquetError) {
        self.name = name
        self.column = column
        isOptional = column.missingCount > 0
        switch column {
        case .numeric: (physical, logical, converted) = (.double, nil, nil)
        case .text: (physical, logical, converted) = (.byteArray, .string, .utf8)
        case .boolean: (physical, logical, converted) = (.boolean, nil, nil)
        case .time(let times):
            switch times.kind {
            case .datetime: (physical, logical, converted) = (.int64, .timestamp(utc: true, unit: .micros), .timestampMicros)
            case .date: (physical, logical, converted) = (.int32, .date, .date)
            case .duration:
                // Parquet has no duration type; TIME (the time of day) holds durations from 0 up to a day.
                if let range = times.presentRange, range.first < 0 || range.last >= Micros.day {
                    throw ParquetError("column '\(name)' holds durations outside 0 to 24 hours, which Parquet cannot store (its TIME type is a time of day); convert them to numbers first (x / seconds(1))")
                }
                (physical, logical, converted) = (.int64, .time(utc: false, unit: .micros), nil)
            }
        }
    }

    /// The column's element of the file's schema.
    var schemaElement: SchemaElement {
        var element = SchemaElement()
        element.type = physical.rawValue
        element.repetition = (isOptional ? Repetition.optional : .required).rawValue
        element.name = name
        element.convertedType = converted?.rawValue
        element.logicalType = logical
        return element
    }
}
