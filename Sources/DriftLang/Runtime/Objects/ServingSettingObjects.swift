// ServingSettingObjects: the serving simulator's settings as Drift values — a strategy made by online(),
// offline() or triggered(), and the traffic made by traffic() — that show what they will simulate.
import DriftCore

final class ServingPlanObject: DriftObject {
    let plan: ServingPlan

    init(_ plan: ServingPlan) { self.plan = plan }

    var kindName: String { "serving strategy" }
    var fieldNames: [String] { ["name", "kind"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "name": return .string(plan.name)
        case "kind": return .string(plan.kind.rawValue)
        default: return nil
        }
    }

    /// "online: updates every 1h; 2 replicas, autoscaling to 8 after 2m; …"
    var summary: String {
        var parts: [String] = []
        switch plan.kind {
        case .online:
            parts.append("scores each request, model updated every \(DurationText.text(plan.every))")
            if plan.featureLag > 0 { parts.append("features \(DurationText.text(plan.featureLag)) behind") }
        case .offline, .triggered:
            parts.append("batch every \(DurationText.text(plan.every)) on the last \(DurationText.text(plan.window))")
            if plan.kind == .triggered { parts.append("and when the detector fires") }
            if case .segmentMean(let column) = plan.fallback { parts.append("new entities get their \(column)'s mean") } else { parts.append("new entities get the prior") }
        }
        var capacity = counted(plan.replicas, "replica")
        if let autoscale = plan.autoscale { capacity += ", autoscaling to \(autoscale.max) after \(DurationText.text(autoscale.delay))" }
        parts.append(capacity)
        parts.append("\(NumberFormat.shortest(plan.overheadMilliseconds)) ms overhead per request, SLO \(NumberFormat.shortest(plan.sloMilliseconds)) ms")
        return "\(plan.name) (\(plan.kind.rawValue)): " + parts.joined(separator: "; ")
    }

    func render(to renderer: inout Renderer) { renderer.text(summary + "\n") }
}

final class TrafficObject: DriftObject {
    let traffic: TrafficPlan

    init(_ traffic: TrafficPlan) { self.traffic = traffic }

    var kindName: String { "traffic" }
    var fieldNames: [String] { ["rate_per_s"] }

    func field(_ name: String) -> Value? { name == "rate_per_s" ? .number(traffic.ratePerSecond) : nil }

    func render(to renderer: inout Renderer) {
        var text = "traffic: Poisson arrivals at \(NumberFormat.compact(traffic.ratePerSecond, digits: 4)) requests/s"
        if Set(traffic.dailyProfile).count > 1 {
            text += " × the hour's profile (\(NumberFormat.compact(traffic.dailyProfile.min() ?? 0, digits: 3)) to \(NumberFormat.compact(traffic.dailyProfile.max() ?? 0, digits: 3)))"
        }
        for spike in traffic.spikes {
            text += "; ×\(NumberFormat.compact(spike.factor, digits: 4)) for \(DurationText.text(spike.length)) from \(ISOTime.text(TimeValue(micros: spike.at, kind: .datetime)))"
        }
        renderer.text(text + "\n")
    }
}
