// DurationText: how a length of time prints — the largest units first, zero units left out, as a person writes
// it (`7d`, `1d 12h`, `2h 30m`, `1m 30.5s`, `-3h`, `0s`).

public enum DurationText {
    public static func text(_ micros: Int64) -> String {
        if micros == 0 { return "0s" }
        let sign = micros < 0 ? "-" : ""
        var rest = micros.magnitude
        var parts: [String] = []
        for (unit, suffix) in [(Micros.day, "d"), (Micros.hour, "h"), (Micros.minute, "m")] {
            let count = rest / UInt64(unit)
            if count > 0 { parts.append("\(count)\(suffix)") }
            rest %= UInt64(unit)
        }
        if rest > 0 {
            let seconds = rest / UInt64(Micros.second), fraction = rest % UInt64(Micros.second)
            var text = String(seconds)
            if fraction > 0 {
                var digits = ISOTime.padded(Int64(fraction), 6)
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
            parts.append(text + "s")
        }
        return sign + parts.joined(separator: " ")
    }
}
