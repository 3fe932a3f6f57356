// SparkLiteral: a bound parameter as a Spark Connect literal expression: numbers as LONG or DOUBLE, text as
// STRING, booleans as BOOLEAN, null as a NULL-typed literal. Spark binds them to the query's `:name` markers.
import DriftSources

enum SparkLiteral {
    static func expression(_ value: SQLValue) -> Spark_Connect_Expression {
        var literal = Spark_Connect_Expression.Literal()
        switch value {
        case .null:
            var type = Spark_Connect_DataType()
            type.null = Spark_Connect_DataType.NULL()
            literal.null = type
        case .integer(let number): literal.long = number
        case .real(let number): literal.double = number
        case .text(let text): literal.string = text
        case .boolean(let flag): literal.boolean = flag
        }
        var expression = Spark_Connect_Expression()
        expression.literal = literal
        return expression
    }

    /// The named arguments of a query whose placeholders are the Spark dialect's `:p1`, `:p2` ….
    static func arguments(_ values: [SQLValue]) -> [String: Spark_Connect_Expression] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { (SQLDialect.sparkParameterName($0), expression($1)) })
    }
}
