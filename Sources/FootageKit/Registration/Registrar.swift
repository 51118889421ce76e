import FootageCatalog
import FootageCore
import FootageMedia
import FootageWorkers
import Foundation
import Synchronization

/// Registers footage files: hash, probe, acquisition record, optional evidentiary copy, one transaction per file.
public struct Registrar: Sendable {
    /// What the analyst says about where the files came from (`--source`, `--platform`, …).
    public struct Acquisition: Sendable {
        public var publisher: String?
        public var platform: String?
        public var url: String?
        public var published: String?
        public var retrieved: String?
        public var note: String?
        /// `--info-json`: a sidecar named explicitly (else `NAME.info.json` beside each file is used).
        public var infoJSON: String?
        /// False (`--no-sidecar`): no sidecar is looked for or read, so that one that is refused does not keep its
        /// media file from being registered.
        public var readsSidecars = true
        public init() {}

        var isEmpty: Bool { [publisher, platform, url, published, retrieved, note].allSatisfy { $0 == nil } }
    }

    public struct Options: Sendable {
        public var acquisition = Acquisition()
        public var analyst: String
        public var copy = false
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// `--keyframes`: extract keyframes of each clip once it is registered.
        public var keyframes: KeyframeJob.Options?
        /// Compute each clip's video fingerprint once it is registered (unless it has one); nil skips it.
        public var fingerprint: FingerprintJob.Options?
        public init(analyst: String) { self.analyst = analyst }
    }

    /// One line of `register`'s output.
    public struct Outcome: Sendable {
        public enum Status: String, Sendable { case registered, known, error, skipped }
        public var path: String
        public var status: Status
        public var sha256: String?
        public var message: String?
        public var clip: NewClip?
        public var addedLocations: [String] = []
        public var copyPath: String?
        public var events: [Int64] = []
        /// With `--keyframes`: how many keyframes the clip has from this extraction.
        public var keyframes: Int?
        /// With a fingerprint step: how many frames the clip's fingerprint has, when one was computed.
        public var fingerprintFrames: Int?
        /// Things the analyst should know that are not failures (a fingerprint that cannot match, a skipped step).
        public var notes: [String] = []
        /// The file failed because its sidecar was refused (`SidecarError`): registering without it would succeed.
        public var sidecarRefused = false
        /// What the file's C2PA manifest store said.
        public var credentials: ContentCredentials?
    }

    public let catalog: Catalog
    public let options: Options

    public init(catalog: Catalog, options: Options) {
        self.catalog = catalog
        self.options = options
    }

    /// Starts the media workers a `register` of `paths` will use, so that they load FFmpeg while this process opens
    /// the catalogue and lists the files: one per file when only files are given, else `jobs` (`JobCount`), but no
    /// more than the cores can start at once (those beyond would wait for a core; the pool starts them when needed).
    public static func prewarm(for paths: [String], jobs: Int) {
        // A folder (or a path that is not there) holds a number of files not known yet.
        let countKnown = paths.allSatisfy { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        MediaRunner.prewarm(min(JobCount.bounded(jobs, items: countKnown ? paths.count : jobs), max(1, cores)))
    }

    /// Registers every file under `paths`, `options.jobs` files at a time. `report` is called once per file, as each
    /// finishes, from one thread at a time. Returns how many files ended in each status.
    @discardableResult
    public func register(_ paths: [String], report: @escaping @Sendable (Outcome) -> Void) -> Summary {
        let tally = Tally()
        let report: @Sendable (Outcome) -> Void = { outcome in
            tally.add(outcome.status)
            report(outcome)
        }
        let entries = FileEnumerator.expand(paths)
        var files: [String] = []
        for entry in entries {
            switch entry {
            case .file(let path): files.append(path)
            case .skipped(let path, let reason): report(Outcome(path: path, status: .skipped, message: reason))
            }
        }
        let work = files
        let reporter = Serial(report)
        var batch = options
        let lanes = JobCount.bounded(options.jobs, items: files.count)
        batch.fingerprint?.decoderThreads = FingerprintSampler.decoderThreads(filesAtOnce: lanes)
        let registrar = Registrar(catalog: catalog, options: batch)
        // When nothing but the probe needs a media worker, each lane opens the next file and asks its worker for its
        // probe before recording the last one, so that the worker probes while this process writes to the catalogue
        // (the wait for each answer was a fifth of isolated `register`'s time on small files). Keyframes and
        // fingerprints need the lane's worker after recording: then the next file is asked for after.
        let asksAhead = batch.keyframes == nil && batch.fingerprint == nil
        let queue = WorkQueue(count: work.count)
        Parallel.forEach(lanes, jobs: lanes) { _ in
            func startNext() -> (Int, PendingTask)? {
                queue.next().map { ($0, MediaRunner.startInspection(path: work[$0])) }
            }
            var current = startNext()
            while let (index, pending) = current {
                let inspection = Result { try pending.inspection() }
                if asksAhead { current = startNext() }
                reporter.send(registrar.registerOne(work[index], inspection: inspection.get))
                if !asksAhead { current = startNext() }
            }
        }
        return tally.current
    }

    /// Registers one file; never throws: failures become an `error` outcome naming the file and the reason.
    public func registerOne(_ path: String) -> Outcome {
        registerOne(path) { try MediaRunner.inspect(path: path) }
    }

    /// `registerOne` with the file's hash and probe from `inspection`, and the file they were read from, which the
    /// keyframe and fingerprint steps read too. A file `fetched` lies in a temporary folder: its evidentiary copy is
    /// its only location, and the acquisition records the fetch.
    func registerOne(
        _ path: String, inspection inspect: () throws -> (inspection: MediaInspection, file: MediaFile),
        fetched: Fetched? = nil
    ) -> Outcome {
        do {
            let (inspection, file) = try inspect()
            let source = ClipFile(registered: file, sha256: inspection.sha256)
            var acquisition = try acquisitionRecord(for: path, fetched: fetched)
            var locations: [(path: String, kind: LocationKind)] = fetched == nil ? [(path, .original)] : []
            var copyPath: String?
            if options.copy || fetched != nil {
                let media = try CatalogFolders.makingMedia(of: catalog)
                copyPath = try EvidenceCopy.store(path, sha256: inspection.sha256, in: media)
                locations.append((copyPath!, .copy))
            }
            if acquisition?.isEmpty == true { acquisition = nil }
            let registration = ClipMapping.registration(inspection, locations: locations, acquisition: acquisition)
            let result = try catalog.register(registration, actor: options.analyst)
            var outcome = Outcome(
                path: path, status: result.status == .registered ? .registered : .known,
                sha256: result.sha256, clip: registration.clip, addedLocations: result.addedLocations,
                copyPath: copyPath, events: result.events)
            outcome.credentials = inspection.credentials
            if let keyframes = options.keyframes {
                // The clip is registered either way; a keyframe failure is reported on its line.
                do {
                    let clip = try catalog.clip(matching: result.sha256)
                    outcome.keyframes = try KeyframeJob.run(
                        clip: clip, catalog: catalog, options: keyframes, source: source
                    ).frames.count
                } catch {
                    outcome.status = .error
                    outcome.message = "\(path): registered, but keyframes failed: \(FootageErrors.message(error))"
                }
            }
            if let fingerprint = options.fingerprint, outcome.status != .error {
                do {
                    outcome = try fingerprintStep(outcome, fingerprint, source: source)
                } catch {
                    outcome.status = .error
                    outcome.message = "\(path): registered, but fingerprint failed: \(FootageErrors.message(error))"
                }
            }
            return outcome
        } catch {
            var outcome = Outcome(path: path, status: .error, message: FootageErrors.message(error, path: path))
            outcome.sidecarRefused = error is SidecarError
            return outcome
        }
    }

    /// Fingerprints a newly registered clip, or a known one that has no fingerprint yet.
    private func fingerprintStep(_ outcome: Outcome, _ fingerprint: FingerprintJob.Options, source: ClipFile) throws
        -> Outcome
    {
        var outcome = outcome
        let clip = try catalog.clip(matching: outcome.sha256 ?? outcome.path)
        let hasOne = try catalog.hasFingerprint(clipId: clip.id)
        guard outcome.status == .registered || !hasOne else { return outcome }
        let result = try FingerprintJob.run(clip: clip, catalog: catalog, options: fingerprint, source: source)
        outcome.fingerprintFrames = result.frameCount
        if let event = result.event { outcome.events.append(event) }
        if let note = result.note { outcome.notes.append(note) }
        return outcome
    }

    private func acquisitionRecord(for path: String, fetched: Fetched?) throws -> NewAcquisition? {
        let given = options.acquisition
        let sidecarPath = fetched?.sidecar ?? (given.readsSidecars ? given.infoJSON ?? YtDlpSidecar.besides(path) : nil)
        if given.isEmpty && sidecarPath == nil && fetched == nil { return nil }
        var record = NewAcquisition()
        record.publisher = given.publisher
        record.platform = given.platform
        record.url = given.url
        record.published = given.published
        record.retrieved = given.retrieved
        record.retrievedBy = options.analyst
        record.note = given.note
        if let sidecarPath {
            try YtDlpSidecar.read(path: URL(fileURLWithPath: sidecarPath).standardizedFileURL.path).fill(&record)
        }
        fetched?.fill(&record)
        return record
    }
}

/// Calls a callback from one thread at a time.
final class Serial<Value>: Sendable {
    private let lock = Mutex(())
    private let body: @Sendable (Value) -> Void
    init(_ body: @escaping @Sendable (Value) -> Void) { self.body = body }
    func send(_ value: Value) {
        lock.withLock { _ in body(value) }
    }
}
