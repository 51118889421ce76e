import FootageCatalog
import FootageCore
import FootageWorkers
import Foundation

extension Registrar {
    /// What `footage fetch` observed itself about a download: recorded in the acquisition's `fetch_…` fields.
    public struct Fetched: Sendable, Equatable {
        /// The URL the analyst gave.
        public var url: String
        /// The page URL yt-dlp ended at, redirects followed (`webpage_url`).
        public var resolvedURL: String?
        /// The URL of the media yt-dlp downloaded (`url`), when it names one.
        public var mediaURL: String?
        /// `yt-dlp <version>`.
        public var tool: String
        /// yt-dlp's extractor (`extractor_key`).
        public var extractor: String?
        /// When the download finished, UTC ISO 8601.
        public var fetchedAt: String
        /// yt-dlp's `.info.json` in the download folder, read as any sidecar.
        var sidecar: String

        func fill(_ record: inout NewAcquisition) {
            // The sidecar lay in the download folder, which is gone: its bytes are kept, its path would name nothing.
            record.sidecarPath = nil
            record.fetchUrl = url
            record.fetchResolvedUrl = resolvedURL
            record.fetchMediaUrl = mediaURL
            record.fetchTool = tool
            record.fetchExtractor = extractor
            record.fetchedAt = fetchedAt
        }
    }
}

/// `footage fetch`: downloads each URL with yt-dlp into a temporary folder inside the catalogue (`Media/`, under
/// footage's temporary name, so that a kill leaves only what the next run's sweep removes), then registers the file
/// through `Registrar` like any other — the same hostile-input path — keeping it as the clip's evidentiary copy in
/// `Media/` (the download folder is removed either way) and recording the fetch with the acquisition.
///
/// A URL that fails (yt-dlp's own error, a timeout, a download past the size limit, a file that is not media) is one
/// outcome naming the URL and the reason; nothing of it is kept or recorded, and the other URLs go on.
public struct Fetcher: Sendable {
    public struct Options: Sendable {
        public var registration: Registrar.Options
        /// Seconds one download may take before yt-dlp and what it started are killed.
        public var timeout: Double = 1800
        /// The largest download accepted, in bytes.
        public var maximumSize: Int64 = 4 << 30
        public init(registration: Registrar.Options) { self.registration = registration }
    }

    /// One line of `fetch`'s output.
    public struct Outcome: Sendable {
        /// The registration of the download (its `path` is the URL).
        public var registration: Registrar.Outcome
        /// What the fetch observed; nil when yt-dlp failed.
        public var fetched: Registrar.Fetched?
    }

    public let catalog: Catalog
    public let options: Options
    public let ytDlp: YtDlp

    public init(catalog: Catalog, options: Options, ytDlp: YtDlp) {
        (self.catalog, self.options, self.ytDlp) = (catalog, options, ytDlp)
    }

    /// Fetches and registers each URL in turn; `report` is called once per URL.
    @discardableResult
    public func fetch(_ urls: [String], report: (Outcome) -> Void) -> Registrar.Summary {
        var summary = Registrar.Summary()
        for url in urls {
            let outcome = fetchOne(url)
            summary.add(outcome.registration.status)
            report(outcome)
        }
        return summary
    }

    /// Fetches and registers one URL; never throws: a failure is an `error` outcome naming the URL.
    public func fetchOne(_ url: String) -> Outcome {
        func failed(_ reason: String) -> Outcome {
            Outcome(registration: Registrar.Outcome(path: url, status: .error, message: "\(url): \(reason)"))
        }
        guard WebAddress.http(url) != nil else {
            return failed("not an http:// or https:// URL (footage fetch downloads web addresses only)")
        }
        let folder: AtomicFolder
        do {
            folder = try AtomicFolder(in: try CatalogFolders.makingMedia(of: catalog))
        } catch {
            return failed(FootageErrors.message(error))
        }
        // Removed whatever happens (placed never): the download is kept only as the clip's evidentiary copy.
        defer { folder.discard() }
        let limit = options.maximumSize
        let run: BoundedProcess.Result
        do {
            run = try BoundedProcess.run(
                ytDlp.path, ytDlp.arguments(url: url, folder: folder.url.path, maximumSize: limit),
                environment: YtDlp.childEnvironment(ProcessInfo.processInfo.environment, home: folder.url.path),
                directory: folder.url.path, timeout: options.timeout,
                stop: { Self.isPastLimit(folder.folder, limit) })
        } catch {
            return failed("\(error)")
        }
        let fetchedAt = Timestamp.now()
        if run.timedOut {
            return failed("yt-dlp did not finish within \(Int(options.timeout)) s (--timeout); stopped, nothing kept")
        }
        if run.stopped {
            return failed("the download grew larger than \(limit) bytes (--max-size); stopped, nothing kept")
        }
        guard run.status == 0 else {
            let reason = YtDlp.failure(run.output) ?? run.signal.map { "ended by signal \($0)" } ?? "failed"
            return failed("yt-dlp: \(reason); nothing kept")
        }
        let names = (try? folder.folder.names()) ?? []
        let sidecarName = YtDlp.baseName + ".info.json"
        let media = names.filter { name in
            name.hasPrefix(YtDlp.baseName + ".") && name != sidecarName && folder.folder.kind(of: name) == .file
        }
        guard media.count == 1, let file = media.first, !Self.isPartial(file) else {
            if media.isEmpty && run.output.contains("larger than max-filesize") {
                return failed("the download is larger than \(limit) bytes (--max-size); nothing kept")
            }
            if media.isEmpty {
                return failed("yt-dlp downloaded nothing (\(YtDlp.failure(run.output) ?? "no file")); nothing kept")
            }
            return failed("yt-dlp left an incomplete download (\(media.joined(separator: ", "))); nothing kept")
        }
        guard names.contains(sidecarName) else {
            return failed("yt-dlp wrote no .info.json; nothing kept")
        }
        if Self.isPastLimit(folder.folder, limit) {
            return failed("the download is larger than \(limit) bytes (--max-size); nothing kept")
        }
        let path = folder.folder.path(of: file)
        let sidecar = folder.folder.path(of: sidecarName)
        var fetched = Registrar.Fetched(
            url: url, tool: "yt-dlp \(ytDlp.version)", fetchedAt: fetchedAt, sidecar: sidecar)
        if let read = try? YtDlpSidecar.read(path: sidecar) {
            fetched.resolvedURL = read.url
            fetched.extractor = read.extractor
            fetched.mediaURL = YtDlpSidecar.json(read.bytes)?["url"]?.stringValue
        }
        let registrar = Registrar(catalog: catalog, options: options.registration)
        var outcome = registrar.registerOne(path, inspection: { try MediaRunner.inspect(path: path) }, fetched: fetched)
        // The download folder is gone once this returns: messages name the URL instead.
        outcome.path = url
        outcome.message = outcome.message.map {
            $0.replacingOccurrences(of: sidecar, with: "\(url) (its .info.json)").replacingOccurrences(
                of: path, with: url)
        }
        // A clip that was registered has a SHA-256 even when a later step (keyframes, fingerprint) failed.
        let recorded = outcome.sha256 != nil
        if !recorded, let message = outcome.message { outcome.message = message + "; nothing kept" }
        return Outcome(registration: outcome, fetched: recorded ? fetched : nil)
    }

    /// What a download that did not complete leaves: yt-dlp's partial and resume files.
    static func isPartial(_ name: String) -> Bool {
        [".part", ".ytdl", ".temp"].contains { name.hasSuffix($0) } || name.contains(".part-Frag")
    }

    /// Whether the files in `folder` (yt-dlp is told to write there only) hold more than `limit` bytes of media, or
    /// the sidecar more than a sidecar may: a server that does not say the length is stopped so.
    static func isPastLimit(_ folder: FolderHandle, _ limit: Int64) -> Bool {
        var media: Int64 = 0
        for name in (try? folder.names()) ?? [] {
            let size = Int64(folder.status(of: name)?.st_size ?? 0)
            if name == YtDlp.baseName + ".info.json" {
                if size > YtDlpSidecar.maximumSize { return true }
            } else {
                media += size
            }
        }
        return media > limit
    }
}
