import FootageCatalog
import FootageMatching
import FootageMedia
import FootageWorkers
import Foundation

/// `footage fingerprint` and the fingerprint step of `footage register`: samples a clip's frames, PDQ-hashes them
/// with their dihedral variants inside any bars, and stores the fingerprint in the catalogue with a
/// `clip.fingerprint` ledger event. A recomputation replaces the stored fingerprint and is its own event.
public enum FingerprintJob {
    public struct Options: Sendable {
        /// Frames sampled per second (`--fingerprint-rate`, `--rate`).
        public var rate = FingerprintJob.defaultRate
        public var analyst: String
        /// Seconds allowed for decoding one clip.
        public var timeout = 3600.0
        /// Keep a fingerprint the clip already has (registration; see `Catalog.store`) instead of replacing it.
        public var keepExisting = false
        /// Decoder threads: 0 for FFmpeg's choice; `FingerprintSampler.decoderThreads(filesAtOnce:)` when several
        /// clips are fingerprinted at once.
        public var decoderThreads = 0
        public init(analyst: String) { self.analyst = analyst }
    }

    public struct Result: Sendable {
        public var clip: ClipRecord
        /// Nil when the clip was skipped (it has no video).
        public var frameCount: Int?
        public var usableCount: Int?
        public var replaced = false
        /// The ledger event's sequence number.
        public var event: Int64?
        /// Said to the analyst when the fingerprint cannot match anything, or why the clip was skipped.
        public var note: String?
    }

    /// Frames a second a fingerprint samples unless told otherwise: four, so that a copy trimmed at any fraction of a
    /// second has samples within an eighth of a second of the original's, and a two-second excerpt has eight. At one a
    /// second, trims between two samples and fast camera motion lost the match, and every clip under about three
    /// seconds was unmatchable (Benchmarks/RESULTS.md, "Finding the same footage").
    public static let defaultRate = 4.0

    /// The note for a fingerprint with no usable frame.
    public static let tooDarkNote = "fingerprint: every sampled frame is too dark or flat to compare (quality < 50)"

    /// Samples a file (no catalogue involved) into fingerprint frames with their variants.
    public static func sample(path: String, rate: Double, timeout: Double = 3600, decoderThreads: Int = 0) throws
        -> [FingerprintFrame]
    {
        try sample(file: MediaFile(path: path), rate: rate, timeout: timeout, decoderThreads: decoderThreads)
    }

    /// `sample(path:…)` of an open file, read through its descriptor.
    static func sample(file: MediaFile, rate: Double, timeout: Double = 3600, decoderThreads: Int = 0) throws
        -> [FingerprintFrame]
    {
        try MediaRunner.sampleFingerprint(file: file, rate: rate, timeout: timeout, threads: decoderThreads)
            .samples.map(FingerprintFrame.init)
    }

    /// Fingerprints a registered clip. The file is opened once and checked against the clip's SHA-256 through that
    /// descriptor, which the sampling then reads (`ClipFile`), so the fingerprint comes from exactly the registered
    /// bytes. A clip without video is skipped with a note; a file that cannot be decoded, or that changes meanwhile,
    /// throws, and nothing is stored.
    public static func run(clip: ClipRecord, catalog: Catalog, options: Options) throws -> Result {
        try run(clip: clip, catalog: catalog, options: options, source: nil)
    }

    /// `run`, reading `source` when the caller has the clip's file open already (`register`).
    static func run(clip: ClipRecord, catalog: Catalog, options: Options, source: ClipFile?) throws -> Result {
        let source = try source ?? ClipFile.open(clip, catalog: catalog)
        let sampling: FingerprintSampling
        do {
            sampling = try MediaRunner.sampleFingerprint(
                file: source.file, rate: options.rate, timeout: options.timeout,
                threads: options.decoderThreads)
        } catch let error as MediaError
            where error.kind == .notMedia && (error.reason ?? "").hasPrefix("no video stream")
        {
            return Result(clip: clip, note: "fingerprint: skipped, \(error.reason ?? "no video stream")")
        }
        let frames = sampling.samples.map(FingerprintFrame.init)
        let usable = frames.filter { $0.quality >= MatchRule.standard.minimumQuality }.count
        let packed = FingerprintPacking.pack(frames)
        let crops = Set(sampling.samples.map(\.content))
        let details: [String: JSONValue] = [
            "footage_version": .string(FootageVersion.string), "libav": .string(MediaRunner.library.versionInfo),
            "source_path": .string(source.path), "stream_index": .int(Int64(sampling.streamIndex)),
            "picture": .string("\(sampling.pictureWidth)x\(sampling.pictureHeight)"),
            "cropped_frames": .int(
                Int64(
                    sampling.samples.filter {
                        $0.content.width < sampling.pictureWidth || $0.content.height < sampling.pictureHeight
                    }.count)),
            "distinct_crops": .int(Int64(crops.count)),
            "decode_errors": .int(Int64(sampling.decodeErrors)),
        ]
        let record = FingerprintRecord(
            clipId: clip.id, rate: options.rate, frameCount: frames.count, usableCount: usable,
            frames: packed.frames, variants: packed.variants, centres: packed.centres, strips: packed.strips,
            details: details)
        let stored = try catalog.store(
            record, sha256: clip.sha256, actor: options.analyst,
            keepingExisting: options.keepExisting)
        // Stored matches rest on the fingerprint they were found with: after a recomputation they are found again
        // (kept, updated with an event if anything changed, or removed with an event if they no longer hold).
        if stored?.replaced == true, try !catalog.matches(clipId: clip.id).isEmpty {
            _ = try MatchJob.match(clip: clip, catalog: catalog, options: MatchJob.Options(analyst: options.analyst))
        }
        return Result(
            clip: clip, frameCount: frames.count, usableCount: usable, replaced: stored?.replaced ?? false,
            event: stored?.event.seq, note: note(frameCount: frames.count, usableCount: usable))
    }

    /// What to tell the analyst about a fingerprint that can match little or nothing.
    public static func note(frameCount: Int, usableCount: Int) -> String? {
        let minimum = MatchRule.standard.candidateFrames
        if usableCount == 0 { return tooDarkNote }
        if usableCount < minimum {
            return "fingerprint: only \(usableCount) usable frame\(usableCount == 1 ? "" : "s") of \(frameCount); "
                + "at least \(minimum) are needed to match (the clip is too short, dark or flat)"
        }
        return nil
    }
}

extension FingerprintFrame {
    /// A frame from the sampler's output, keeping all seven variants, the centre and the strip hashes (as they are
    /// and mirrored).
    init(_ sample: FingerprintSample) {
        self.init(
            time: sample.time, dihedrals: sample.hashes, quality: sample.quality, centre: sample.centre,
            strips: sample.strips, mirroredStrips: sample.mirroredStrips)
    }
}
