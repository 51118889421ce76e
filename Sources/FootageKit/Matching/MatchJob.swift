import FootageCatalog
import FootageCore
import FootageMatching
import FootageMedia
import FootageWorkers
import Foundation

/// `footage match`: finds catalogued clips that share footage, through the frame hash index (candidates) and the
/// clip matcher (confirmation, offset, segments), and records each match with a `clips.match` ledger event.
public enum MatchJob {
    public struct Options: Sendable {
        public var rule = MatchRule.standard
        /// When above the stored rate, the query clip is sampled again from its file at this rate (dense sampling):
        /// a copy trimmed between two samples then still has frames within a fraction of a second of the query's.
        public var queryRate: Double? = MatchJob.defaultQueryRate
        public var analyst: String
        /// Whether to record what was found (false for a dry look).
        public var records = true
        public init(analyst: String) { self.analyst = analyst }
    }

    /// The query rate `footage match REF` uses unless told otherwise (see the README's "Finding the same footage").
    public static let defaultQueryRate: Double? = 4

    /// One clip found to share footage with another. `match` is oriented from `clip` (A) to `other` (B).
    public struct Found: Sendable {
        public var clip: ClipRecord
        public var other: ClipRecord
        public var match: ClipMatch
        /// Whether the catalogue's record changed (a new match, or different shares, offset or segments).
        public var changed: Bool
        /// Where the two clips overlap at the match's offset (see `MatchJob.overlap`).
        public var overlap: MatchSegment?
    }

    /// The stretch over which two clips overlap at `offset`: what they share if all of it is the same footage. The
    /// matched segments are the parts where sampled frames confirm it; footage the hash cannot follow (noise,
    /// water, heavy compression) may leave gaps in them but still lies inside this window.
    public static func overlap(offset: Double, durationA: Double?, durationB: Double?) -> MatchSegment? {
        guard let durationA, let durationB, durationA > 0, durationB > 0 else { return nil }
        let start = max(0, -offset)
        let end = min(durationA, durationB - offset)
        guard end > start else { return nil }
        return MatchSegment(aStart: start, aEnd: end, bStart: start + offset, bEnd: end + offset)
    }

    /// Every other clip sharing footage with `clip`, strongest first. Stored matches of the clip that no longer
    /// hold are removed (each with an event).
    /// - Throws: `WorkflowError.noFingerprint` when the clip has no fingerprint.
    public static func match(clip: ClipRecord, catalog: Catalog, options: Options) throws -> [Found] {
        guard let stored = try FingerprintJob.load(clip: clip, catalog: catalog) else {
            throw WorkflowError.noFingerprint(clip: clip.sha256)
        }
        var queryRate = stored.rate
        var query = stored.frames
        if let dense = options.queryRate, dense > stored.rate {
            let source = try ClipFile.open(clip, catalog: catalog)
            query = try FingerprintJob.sample(file: source.file, rate: dense)
            queryRate = dense
        }
        let others = try catalog.allFingerprintFrames().filter { $0.clipId != clip.id }
        // Unpacked once, for the index and for confirming its candidates.
        let unpacked = try others.map { (clipID: $0.clipId, frames: try FingerprintPacking.unpack($0)) }
        let index = FrameHashIndex(clips: unpacked)
        let byID = Dictionary(uniqueKeysWithValues: zip(others, unpacked).map { ($0.clipId, ($0, $1.frames)) })
        var found: [Found] = []
        for candidate in index.candidateClips(for: query, rule: options.rule) {
            guard let (entry, frames) = byID[candidate] else { continue }
            var rule = options.rule
            rule.samplingInterval = 1 / min(queryRate, entry.rate)
            guard let match = matchPhases(query, rate: queryRate, frames, rate: entry.rate, rule: rule) else {
                continue
            }
            let other = try catalog.clip(id: candidate)
            let changed = options.records ? try record(match, clip, other, rule: rule, catalog, options) : false
            found.append(
                Found(
                    clip: clip, other: other, match: match, changed: changed,
                    overlap: overlap(offset: match.offset, durationA: clip.duration, durationB: other.duration)))
        }
        if options.records {
            let kept = Set(found.map { $0.other.id })
            for stale in try catalog.matches(clipId: clip.id) {
                let other = stale.clipA == clip.id ? stale.clipB : stale.clipA
                if !kept.contains(other) {
                    try catalog.removeMatch(clipA: stale.clipA, clipB: stale.clipB, actor: options.analyst)
                }
            }
        }
        return found.sorted { ($0.match.matchedFrames, $1.other.id) > ($1.match.matchedFrames, $0.other.id) }
    }

    /// Every pair of catalogued clips that share footage, each once (A the clip registered first).
    public static func matchAll(catalog: Catalog, options: Options) throws -> [Found] {
        let stored = try catalog.allFingerprintFrames()
        let frames = try stored.map { try FingerprintPacking.unpack($0) }
        let index = FrameHashIndex(clips: zip(stored, frames).map { (clipID: $0.clipId, frames: $1) })
        var pairs = Set<Pair>()
        for (position, entry) in stored.enumerated() {
            // The query's variants too, so that mirrored and rotated copies are proposed.
            let withVariants =
                try FingerprintJob.load(clip: catalog.clip(id: entry.clipId), catalog: catalog)?.frames
                ?? frames[position]
            for candidate in index.candidateClips(for: withVariants, rule: options.rule) where candidate != entry.clipId
            {
                pairs.insert(Pair(entry.clipId, candidate))
            }
        }
        let position = Dictionary(uniqueKeysWithValues: stored.enumerated().map { ($1.clipId, $0) })
        var found: [Found] = []
        var confirmed = Set<Pair>()
        // Pairs come sorted by A: A's record and its frames with their variants are read once for all its pairs.
        var current: (clip: ClipRecord, frames: [FingerprintFrame])?
        for pair in pairs.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            guard let i = position[pair.a], let j = position[pair.b] else { continue }
            if current?.clip.id != pair.a {
                let clip = try catalog.clip(id: pair.a)
                current = (clip, try FingerprintJob.load(clip: clip, catalog: catalog)?.frames ?? frames[i])
            }
            let (clipA, a) = current!
            var rule = options.rule
            rule.samplingInterval = max(1 / stored[i].rate, 1 / stored[j].rate)
            guard let match = ClipMatcher.match(a, frames[j], rule: rule) else { continue }
            let clipB = try catalog.clip(id: pair.b)
            confirmed.insert(pair)
            let changed =
                options.records
                ? try record(match, clipA, clipB, rule: rule, catalog, options, keepingStronger: true) : false
            found.append(
                Found(
                    clip: clipA, other: clipB, match: match, changed: changed,
                    overlap: overlap(offset: match.offset, durationA: clipA.duration, durationB: clipB.duration)))
        }
        if options.records {
            for stale in try catalog.allMatches() where !confirmed.contains(Pair(stale.clipA, stale.clipB)) {
                try catalog.removeMatch(clipA: stale.clipA, clipB: stale.clipB, actor: options.analyst)
            }
        }
        return found
    }

    /// Two files compared without a catalogue.
    public struct Comparison: Sendable {
        public var match: ClipMatch?
        /// Where the files overlap at the match's offset, their durations taken as one sampling interval past their
        /// last sampled frame.
        public var overlap: MatchSegment?
        /// What to tell the analyst about each side's fingerprint (too short, dark or flat), if anything.
        public var notes: [String]
    }

    /// Compares two files without a catalogue, the first sampled at `options.queryRate` when that is denser.
    public static func compare(_ first: String, _ second: String, rate: Double, options: Options) throws -> Comparison {
        let queryRate = max(rate, options.queryRate ?? rate)
        // The two files are decoded at once (in two media workers when isolated): on two cores this halves the wait.
        let requests = [(first, queryRate), (second, rate)]
        // Started before the threads are: while this process has one thread, its workers are forked from it.
        MediaRunner.prewarm(2)
        let sampled = Parallel.map(2, jobs: 2) { index in
            Result {
                try FingerprintJob.sample(
                    path: requests[index].0, rate: requests[index].1,
                    decoderThreads: FingerprintSampler.decoderThreads(filesAtOnce: 2))
            }
        }
        let a = try sampled[0].get()
        let b = try sampled[1].get()
        var rule = options.rule
        rule.samplingInterval = 1 / rate
        var notes: [String] = []
        for (path, frames) in [(first, a), (second, b)] {
            let usable = frames.filter { $0.quality >= rule.minimumQuality }.count
            if let note = FingerprintJob.note(frameCount: frames.count, usableCount: usable) {
                notes.append("\(path): \(note)")
            }
        }
        let match = matchPhases(a, rate: queryRate, b, rate: rate, rule: rule)
        let window = match.flatMap {
            overlap(
                offset: $0.offset, durationA: a.last.map { $0.time + 1 / queryRate },
                durationB: b.last.map { $0.time + 1 / rate })
        }
        return Comparison(match: match, overlap: window, notes: notes)
    }

    /// Matches a query sampled at `rate` against frames sampled at a lower or equal `rate`: the query is split into
    /// its phases at the other's rate (two for 2/s against 1/s: the frames at whole and at half seconds), each phase
    /// is matched, and the strongest match is kept. Shares stay those of one sample per interval on each side, and
    /// a copy trimmed between two samples is matched by the phase nearest its frames.
    public static func matchPhases(
        _ query: [FingerprintFrame], rate queryRate: Double, _ other: [FingerprintFrame], rate otherRate: Double,
        rule: MatchRule
    ) -> ClipMatch? {
        let phases = max(1, Int((queryRate / otherRate + 1e-6).rounded(.down)))
        guard phases > 1 else { return ClipMatcher.match(query, other, rule: rule) }
        var best: ClipMatch?
        for phase in 0..<phases {
            let subset = query.filter { Int(($0.time * queryRate + 1e-6).rounded(.down)) % phases == phase }
            guard let match = ClipMatcher.match(subset, other, rule: rule) else { continue }
            if let current = best,
                (match.matchedFrames, -match.meanDistance) <= (current.matchedFrames, -current.meanDistance)
            {
                continue
            }
            best = match
        }
        return best
    }

    /// Stores a match with the smaller clip id as A. Returns whether the record changed. `keepingStronger` leaves a
    /// stored match alone when it is the same match (offset within a sampling interval, same transform) measured
    /// with more matching frames, as `match REF` finds with dense sampling.
    private static func record(
        _ match: ClipMatch, _ clip: ClipRecord, _ other: ClipRecord, rule: MatchRule,
        _ catalog: Catalog, _ options: Options, keepingStronger: Bool = false
    ) throws -> Bool {
        let oriented = clip.id < other.id ? match : match.reversed
        if keepingStronger,
            let existing = try catalog.matches(clipId: clip.id).first(where: {
                $0.clipA == min(clip.id, other.id) && $0.clipB == max(clip.id, other.id)
            }), existing.transform == oriented.transform,
            abs(existing.offset - oriented.offset) <= rule.samplingInterval,
            existing.matchedFrames > oriented.matchedFrames
        {
            return false
        }
        let record = NewMatch(
            clipA: min(clip.id, other.id), clipB: max(clip.id, other.id),
            shareA: oriented.shareOfA, shareB: oriented.shareOfB, offset: oriented.offset,
            transform: oriented.transform,
            segments: .array(oriented.segments.map(\.jsonValue)), matchedFrames: oriented.matchedFrames,
            meanDistance: oriented.meanDistance, rule: rule.jsonValue)
        return try catalog.record(record, actor: options.analyst).changed
    }

    private struct Pair: Hashable {
        var a: Int64
        var b: Int64
        init(_ first: Int64, _ second: Int64) { (a, b) = (min(first, second), max(first, second)) }
    }
}

extension MatchSegment {
    var jsonValue: JSONValue {
        ["a_start": .double(aStart), "a_end": .double(aEnd), "b_start": .double(bStart), "b_end": .double(bEnd)]
    }

    init(json: JSONValue) {
        self.init(
            aStart: json["a_start"]?.doubleValue ?? 0, aEnd: json["a_end"]?.doubleValue ?? 0,
            bStart: json["b_start"]?.doubleValue ?? 0, bEnd: json["b_end"]?.doubleValue ?? 0)
    }
}

extension MatchRule {
    var jsonValue: JSONValue {
        [
            "minimum_quality": .int(Int64(minimumQuality)), "maximum_distance": .int(Int64(maximumDistance)),
            "minimum_share": .double(minimumShare), "minimum_frames": .int(Int64(minimumFrames)),
            "sampling_interval": .double(samplingInterval),
        ]
    }
}
