import FootageCatalog
import FootageMedia
import FootageWorkers
import Foundation

extension FingerprintJob {
    /// Fingerprints the clips `refs` name, `jobs` at a time, and calls `report` with each one's outcome as it
    /// finishes, one call at a time. Returns how many failed.
    public static func run(
        refs: [String], catalog: Catalog, options: Options, jobs: Int,
        report: @escaping @Sendable (String, Swift.Result<Result, any Error>) -> Void
    ) -> Int {
        let filesAtOnce = JobCount.bounded(jobs, items: refs.count)
        var settings = options
        settings.decoderThreads = FingerprintSampler.decoderThreads(filesAtOnce: filesAtOnce)
        // Started before the threads are: while this process has one thread, its workers are forked from it.
        MediaRunner.prewarm(filesAtOnce)
        let each = settings
        return Batch.run(refs.count, jobs: filesAtOnce) { index in
            try run(clip: catalog.clip(matching: refs[index]), catalog: catalog, options: each)
        } report: { index, outcome in
            report(refs[index], outcome)
        }
    }
}
