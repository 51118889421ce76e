import FootageCatalog
import FootageCore
import FootageMatching
import FootageMedia
import FootageWorkers
import Foundation

/// `footage match`: finds catalogued clips that share footage, through the frame hash index (candidates) and the
/// clip matcher (confirmation, offset, segments), and keeps each match as evidence (`MatchKeeping`).
///
/// One answer however it is asked: `match`, `match REF` and `match FILE FILE` compare the same stored (or, for files,
/// equally sampled) fingerprints with the same matcher, which compares a pair in one order whichever clip is asked
/// about; the pairs a clip has stored are measured again whether or not the index proposes them; and what is
/// printed is what the catalogue holds for the pair afterwards.
public enum MatchJob {
    public struct Options: Sendable {
        public var rule = MatchRule.standard
        public var analyst: String
        /// Whether to record what was found (false for a dry look).
        public var records = true
        public init(analyst: String) { self.analyst = analyst }
    }

    /// One clip found to share footage with another. `match` is oriented from `clip` (A) to `other` (B).
    public struct Found: Sendable {
        public var clip: ClipRecord
        public var other: ClipRecord
        public var match: ClipMatch
        /// Whether the catalogue's record changed (a new match, a stronger one, or one measured again after a
        /// fingerprint was recomputed).
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

    /// A clip's stored fingerprint, variants included, and the SHA-256 of its data (what a match rests on).
    struct Side: Sendable {
        var clip: ClipRecord
        var rate: Double
        var frames: [FingerprintFrame]
        var dataSha256: String

        init(clip: ClipRecord, rate: Double, frames: [FingerprintFrame], dataSha256: String) {
            (self.clip, self.rate, self.frames, self.dataSha256) = (clip, rate, frames, dataSha256)
        }

        init?(_ clip: ClipRecord, catalog: Catalog) throws {
            guard let record = try catalog.fingerprint(clipId: clip.id) else { return nil }
            self.clip = clip
            rate = record.rate
            frames = try FingerprintPacking.unpack(record, clip: clip.sha256)
            dataSha256 = record.dataSha256
        }
    }

    /// Every other clip sharing footage with `clip`, strongest first: the index's candidates and the clip's stored
    /// matches, each measured and kept (`MatchKeeping`).
    /// - Throws: `WorkflowError.noFingerprint` when the clip has no fingerprint.
    public static func match(clip: ClipRecord, catalog: Catalog, options: Options) throws -> [Found] {
        guard let query = try Side(clip, catalog: catalog) else { throw WorkflowError.noFingerprint(clip: clip.sha256) }
        let others = try catalog.allFingerprintFrames().filter { $0.clipId != clip.id }
        let index = FrameHashIndex(
            clips: try others.map { (clipID: $0.clipId, frames: try FingerprintPacking.unpack($0)) })
        var partners = Set(index.candidateClips(for: query.frames, rule: options.rule))
        for stored in try catalog.matches(clipId: clip.id, includingWithdrawn: true) {
            partners.insert(stored.clipA == clip.id ? stored.clipB : stored.clipA)
        }
        var found: [Found] = []
        for partner in partners.sorted() {
            guard let other = try Side(catalog.clip(id: partner), catalog: catalog) else { continue }
            if let item = try decide(query, other, catalog: catalog, options: options) { found.append(item) }
        }
        return found.sorted { ($0.match.matchedFrames, $1.other.id) > ($1.match.matchedFrames, $0.other.id) }
    }

    /// Every pair of catalogued clips that share footage, each once (A the clip registered first): the pairs the
    /// index proposes for any clip, and every stored pair.
    ///
    /// Each fingerprint is read and unpacked once; the index is searched clip by clip on all cores, and the pairs are
    /// measured on all cores too, then kept one after the other in pair order (the catalogue has one writer).
    public static func matchAll(catalog: Catalog, options: Options) throws -> [Found] {
        var sides: [Int64: Side] = [:]
        for record in try catalog.allFingerprints() {
            let clip = try catalog.clip(id: record.clipId)
            sides[clip.id] = Side(
                clip: clip, rate: record.rate, frames: try FingerprintPacking.unpack(record, clip: clip.sha256),
                dataSha256: record.dataSha256)
        }
        let clips = sides.values.sorted { $0.clip.id < $1.clip.id }.map { (clipID: $0.clip.id, frames: $0.frames) }
        let index = FrameHashIndex(clips: clips)
        var pairs = Set(index.candidatePairs(clips: clips, rule: options.rule).map { Pair($0.a, $0.b) })
        for match in try catalog.allMatches(includingWithdrawn: true) { pairs.insert(Pair(match.clipA, match.clipB)) }
        let ordered = pairs.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.compactMap { pair -> (Side, Side)? in
            guard let a = sides[pair.a], let b = sides[pair.b] else { return nil }
            return (a, b)
        }
        let rule = options.rule
        let measured = Parallel.map(ordered.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { position in
            measure(ordered[position].0, ordered[position].1, rule: rule)
        }
        var found: [Found] = []
        for ((a, b), measured) in zip(ordered, measured) {
            if let item = try keep(measured, a, b, catalog: catalog, options: options) { found.append(item) }
        }
        return found
    }

    /// Measures one pair and keeps what it finds; the answer is what the catalogue holds for the pair afterwards
    /// (or, in a dry look, what was measured), seen from `a`.
    private static func decide(_ a: Side, _ b: Side, catalog: Catalog, options: Options) throws -> Found? {
        try keep(measure(a, b, rule: options.rule), a, b, catalog: catalog, options: options)
    }

    /// The pair's match under `rule` at the coarser of the two sampling rates, and that rule.
    private static func measure(_ a: Side, _ b: Side, rule: MatchRule) -> (match: ClipMatch?, rule: MatchRule) {
        var rule = rule
        rule.samplingInterval = max(1 / a.rate, 1 / b.rate)
        return (ClipMatcher.match(a.frames, b.frames, rule: rule), rule)
    }

    /// Keeps a measured pair (`MatchKeeping`) and answers with what the catalogue then holds, seen from `a`.
    private static func keep(
        _ measurement: (match: ClipMatch?, rule: MatchRule), _ a: Side, _ b: Side, catalog: Catalog, options: Options
    ) throws -> Found? {
        let (measured, rule) = measurement
        var answer = measured
        var changed = false
        if options.records {
            let (first, second) = a.clip.id < b.clip.id ? (a, b) : (b, a)
            let oriented = a.clip.id < b.clip.id ? measured : measured?.reversed
            let kept = try MatchKeeping.keep(oriented, first, second, rule: rule, catalog: catalog, options: options)
            changed = kept.changed
            guard let record = kept.record, record.fields.holds else { return nil }
            var held = ClipMatch(record)
            // The alignments besides the dominant one are not stored: shown when this run measured what is held.
            if kept.measuredIsHeld, let oriented { held.otherAlignments = oriented.otherAlignments }
            answer = a.clip.id < b.clip.id ? held : held.reversed
        }
        guard let answer else { return nil }
        return Found(
            clip: a.clip, other: b.clip, match: answer, changed: changed,
            overlap: overlap(offset: answer.offset, durationA: a.clip.duration, durationB: b.clip.duration))
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

    /// Compares two files without a catalogue, both sampled at `rate` as `register` samples them.
    public static func compare(_ first: String, _ second: String, rate: Double, options: Options) throws -> Comparison {
        // The two files are decoded at once (in two media workers when isolated): on two cores this halves the wait.
        let paths = [first, second]
        // Started before the threads are: while this process has one thread, its workers are forked from it.
        MediaRunner.prewarm(2)
        let sampled = Parallel.map(2, jobs: 2) { index in
            Result {
                try FingerprintJob.sample(
                    path: paths[index], rate: rate,
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
        let match = ClipMatcher.match(a, b, rule: rule)
        let window = match.flatMap {
            overlap(
                offset: $0.offset, durationA: a.last.map { $0.time + 1 / rate },
                durationB: b.last.map { $0.time + 1 / rate })
        }
        return Comparison(match: match, overlap: window, notes: notes)
    }

    struct Pair: Hashable {
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
