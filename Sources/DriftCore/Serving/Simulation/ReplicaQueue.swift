// ReplicaQueue: the load side of a serving simulation. Requests queue first-come first-served for the
// serving replicas (the model servers, or the batch store for lookups); each takes the service time on the
// first replica free, so latency is the wait plus the service time. With autoscaling, every 10 seconds the
// replica count is set for the last 10 seconds' arrival rate at 70% utilisation, between the plan's
// replicas and its maximum: added replicas serve only `delay` after they are asked for (but are paid from
// then), and idle replicas are released after 5 minutes of lower demand.

struct LoadOutcome {
    var spikeLatencies = LatencyHistogram()
    var overSLO = 0
    var replicasMax = 0
    /// Per timeline step.
    var steps: [Step]

    struct Step {
        var requests = 0
        var latencies = LatencyHistogram()
        var busySeconds = 0.0
        var replicaSeconds = 0.0
        var replicasMax = 0
    }

    var requests: Int { steps.reduce(0) { $0 + $1.requests } }
    var latencies: LatencyHistogram { steps.reduce(into: LatencyHistogram()) { $0.merge($1.latencies) } }
    var replicaSeconds: Double { steps.reduce(0) { $0 + $1.replicaSeconds } }
    var busySeconds: Double { steps.reduce(0) { $0 + $1.busySeconds } }
}

struct ReplicaQueue {
    static let tick = 10.0
    static let targetUtilisation = 0.7
    static let scaleDownTicks = 30

    let plan: ServingPlan
    let serviceSeconds: Double
    let spikes: [TrafficPlan.Spike]
    let start: Int64
    let end: Int64
    let grid: TimelineGrid

    /// Serves every request of `arrivals` (instants in [start, end), in order).
    func serve(_ arrivals: inout some IteratorProtocol<Int64>) throws -> LoadOutcome {
        var outcome = LoadOutcome(steps: Array(repeating: LoadOutcome.Step(), count: grid.count))
        var freeAt = Array(repeating: 0.0, count: plan.replicas)
        var nextTick = 0.0, arrivedSinceTick = 0, lowTicks = 0
        let delay = Double(plan.autoscale?.delay ?? 0) / Double(Micros.second)
        let slo = plan.sloMilliseconds / 1000
        let span = Double(end - start) / Double(Micros.second)


        /// Pays for the replicas over the next tick and, with autoscaling, resizes for the last tick's rate.
        func runTick(at now: Double) {
            if let autoscale = plan.autoscale {
                let rate = Double(arrivedSinceTick) / Self.tick
                let wanted = min(autoscale.max, max(plan.replicas, Int((rate * serviceSeconds / Self.targetUtilisation).rounded(.up))))
                if wanted > freeAt.count {
                    freeAt += Array(repeating: now + delay, count: wanted - freeAt.count)
                    lowTicks = 0
                } else if wanted < freeAt.count {
                    lowTicks += 1
                    if lowTicks >= Self.scaleDownTicks {
                        freeAt.sort()
                        while freeAt.count > wanted, let last = freeAt.last, last <= now { freeAt.removeLast() }
                        lowTicks = 0
                    }
                } else {
                    lowTicks = 0
                }
            }
            arrivedSinceTick = 0
            let index = grid.index(of: start + Int64(now * Double(Micros.second)))
            outcome.steps[index].replicaSeconds += Double(freeAt.count) * min(Self.tick, span - now)
            outcome.steps[index].replicasMax = max(outcome.steps[index].replicasMax, freeAt.count)
            outcome.replicasMax = max(outcome.replicasMax, freeAt.count)
        }

        var handled = 0
        while let instant = arrivals.next() {
            let arrival = Double(instant - start) / Double(Micros.second)
            while nextTick <= arrival {
                runTick(at: nextTick)
                nextTick += Self.tick
            }
            handled += 1
            if handled % 65_536 == 0 { try Cancellation.check() }
            arrivedSinceTick += 1
            var replica = 0
            for index in 1..<freeAt.count where freeAt[index] < freeAt[replica] { replica = index }
            let finish = max(arrival, freeAt[replica]) + serviceSeconds
            freeAt[replica] = finish
            let latency = finish - arrival
            let index = grid.index(of: instant)
            outcome.steps[index].latencies.add(latency)
            outcome.steps[index].requests += 1
            outcome.steps[index].busySeconds += serviceSeconds
            if latency > slo { outcome.overSLO += 1 }
            if spikes.contains(where: { $0.contains(instant) }) { outcome.spikeLatencies.add(latency) }
        }
        while nextTick < span {
            runTick(at: nextTick)
            nextTick += Self.tick
        }
        return outcome
    }
}
