// GroupedFrameObject: a dataframe split by key columns (`group_by`), ready for `aggregate` and
// `map_groups`. Shows its groups: the key values and the rows in each.
import DriftCore

final class GroupedFrameObject: DriftObject {
    let frame: DataFrame
    let grouping: Grouping

    init(_ frame: DataFrame, by keys: [String]) throws {
        self.frame = frame
        grouping = try Grouping(frame, by: keys)
    }

    var kindName: String { "grouped dataframe" }
    var fieldNames: [String] { ["frame", "keys", "groups"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "frame": return .frame(frame)
        case "keys": return .vector(.text(TextColumn(grouping.keys.names)))
        case "groups": return .number(Double(grouping.groupCount))
        default: return nil
        }
    }

    /// The key values of each group with its row count in a column `name`, which no key may have.
    func sizes(named name: String) -> DataFrame {
        DataFrame(validNames: grouping.keys.names + [name], columns: grouping.keys.columns + [grouping.sizes()])
    }

    /// The rows of group g as a frame.
    func rows(of group: Int) -> DataFrame {
        frame.gathering(Array(grouping.rows(of: group)))
    }

    func render(to renderer: inout Renderer) {
        let keys = grouping.keys.names.joined(separator: ", ")
        renderer.text("grouped dataframe: \(counted(grouping.groupCount, "group")) by \(keys), \(counted(frame.rowCount, "row"))\n")
        renderer.value(.frame(sizes(named: grouping.keys.names.contains("rows") ? "n_rows" : "rows")))
    }
}
