// ValueStorage: the shared element buffer behind lists and records, and the one place a deeply
// nested value is freed. Swift frees an array of values recursively, one native stack frame group per
// nesting level, so `x = [x]` repeated a few million times overflowed any stack when `x` was dropped.
// A storage being freed instead takes its nested lists and records apart level by level with an
// explicit work list: only storages that nothing else references are opened, so a shared subvalue is
// left to its other owners and each storage is visited at most once.
final class ValueStorage {
    var items: [Value]

    init(_ items: [Value]) { self.items = items }

    /// Makes `storage` its holder's own before a change: copies it when anything else holds it too.
    static func makeUnique(_ storage: inout ValueStorage) {
        if !isKnownUniquelyReferenced(&storage) { storage = ValueStorage(storage.items) }
    }

    deinit {
        guard items.contains(where: \.holdsStorage) else { return }
        // Moved, not copied, into the work list: a second reference would keep the nested storages
        // from looking unreferenced.
        var work: [[Value]] = [[]]
        swap(&work[0], &items)
        ValueStorage.release(&work)
    }

    /// Frees the arrays in `work` and every list or record reachable only through them, without recursion.
    private static func release(_ work: inout [[Value]]) {
        while var batch = work.popLast() {
            for index in batch.indices where batch[index].holdsStorage {
                var storage: ValueStorage
                switch batch[index] {
                case .list(let list): storage = list.storage
                case .record(let record): storage = record.storage
                default: continue
                }
                batch[index] = .null
                if isKnownUniquelyReferenced(&storage), storage.items.contains(where: \.holdsStorage) {
                    var nested: [Value] = []
                    swap(&nested, &storage.items)
                    work.append(nested)
                }
            }
        }
    }
}

extension Value {
    /// Whether the value is a list or a record, the kinds that can nest without bound.
    var holdsStorage: Bool {
        switch self {
        case .list, .record: return true
        default: return false
        }
    }
}
