// ValueList: the elements of a Drift list — an array of values with value semantics (copied on
// write), kept in a ValueStorage so that freeing a deeply nested list never recurses (see there).
public struct ValueList {
    var storage: ValueStorage

    public init() { storage = ValueStorage([]) }

    /// The elements as an array (shares the buffer; no copy until one side changes it).
    public var array: [Value] { storage.items }
}

extension ValueList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.items.count }
    public var count: Int { storage.items.count }
    public var isEmpty: Bool { storage.items.isEmpty }

    public subscript(position: Int) -> Value {
        get { storage.items[position] }
        set {
            ValueStorage.makeUnique(&storage)
            storage.items[position] = newValue
        }
    }

    /// From an array this shares its buffer (no copy until one side changes it).
    public init<S: Sequence>(_ elements: S) where S.Element == Value {
        storage = ValueStorage(Array(elements))
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Value {
        ValueStorage.makeUnique(&storage)
        storage.items.replaceSubrange(subrange, with: newElements)
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        ValueStorage.makeUnique(&storage)
        storage.items.reserveCapacity(minimumCapacity)
    }
}

extension ValueList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self.init(elements) }
}
