// ParquetSchema: the footer's depth-first schema list made into the table's columns. A top-level leaf that is
// not repeated is a column Drift reads; a top-level group (list, map, struct) or repeated field is nested and
// is skipped by name. Walked without recursion, so a hostile schema cannot overflow the stack.

struct ParquetSchema {
    /// A column Drift can read: a top-level, non-repeated leaf.
    struct Leaf {
        var element: SchemaElement
        /// Its position among all leaves, which is its position in every row group's column chunks.
        var chunkIndex: Int
        var isOptional: Bool
        var name: String { element.name }
    }

    /// A nested top-level field, skipped: its name and what it is ("a list", "a map", "a struct").
    struct Nested {
        var name: String
        var kind: String
    }

    var leaves: [Leaf] = []
    var nested: [Nested] = []
    /// The number of leaf columns, nested ones included (the column chunks per row group).
    var leafCount = 0

    init(_ elements: [SchemaElement]) throws(ParquetError) {
        let root = elements[0]
        let topLevel = Int(root.childCount ?? 0)
        guard topLevel >= 0, topLevel < elements.count else {
            throw ParquetError("the schema's root declares \(topLevel) fields but the schema lists \(elements.count - 1)")
        }
        var position = 1
        for _ in 0..<topLevel {
            guard position < elements.count else { throw ParquetError("the schema ends before its last field") }
            let element = elements[position]
            let children = Int(element.childCount ?? 0)
            let repeated = element.repetition == Repetition.repeated.rawValue
            if children == 0, element.type != nil, !repeated {
                leaves.append(Leaf(element: element, chunkIndex: leafCount, isOptional: element.repetition == Repetition.optional.rawValue))
                leafCount += 1
                position += 1
            } else {
                nested.append(Nested(name: element.name, kind: Self.kind(of: element, repeated: repeated)))
                position = try skipSubtree(elements, from: position)
            }
        }
        guard position == elements.count else {
            throw ParquetError("the schema lists \(elements.count - position) elements after its last field")
        }
    }

    /// The position after the subtree at `start`, counting its leaves (the column chunks it has).
    private mutating func skipSubtree(_ elements: [SchemaElement], from start: Int) throws(ParquetError) -> Int {
        var position = start
        var pending = 1
        while pending > 0 {
            guard position < elements.count else { throw ParquetError("the schema ends inside the field '\(elements[start].name)'") }
            let children = Int(elements[position].childCount ?? 0)
            guard children >= 0, children <= elements.count - position - 1 else {
                throw ParquetError("the schema element '\(elements[position].name)' declares \(children) children, more than the schema holds")
            }
            if children == 0, elements[position].type != nil { leafCount += 1 }  // an empty group has no chunk
            pending += children - 1
            position += 1
        }
        return position
    }

    private static func kind(of element: SchemaElement, repeated: Bool) -> String {
        if element.logicalType == .list || element.convertedType == ConvertedType.list.rawValue { return "a list" }
        if element.logicalType == .map || element.convertedType == ConvertedType.map.rawValue
            || element.convertedType == ConvertedType.mapKeyValue.rawValue { return "a map" }
        if repeated { return "a repeated field" }
        return "a struct"
    }
}
