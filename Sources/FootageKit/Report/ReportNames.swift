import FootageCatalog
import FootageCore

/// How the report names a clip wherever it appears (page one, the timeline, the evidence tables): its title, else its
/// publisher, platform and short hash, so that two releases of one publisher can be told apart.
extension SnapshotIndex {
    /// `Ministry upload`, or `Iraqi Ministry of Defence · YouTube · e34b8944` for a clip without a title.
    func name(of clipId: Int64) -> String {
        if let title = anyTitle(of: clipId) { return title }
        let hash = anyClip(clipId).map { String($0.sha256.prefix(8)) }
        let parts = [publisher(of: clipId), platform(of: clipId), hash].compactMap { $0 }
        return parts.isEmpty ? "clip" : parts.joined(separator: " · ")
    }

    /// Where the clip's name came from, for people: the analyst's title, the file's or the platform's.
    func nameSource(of clipId: Int64) -> String? {
        if givenTitles[clipId] != nil || matches.otherTitles[clipId] != nil { return "title given by the analyst" }
        if anyClip(clipId)?.title != nil { return "the file's title tag" }
        if anyAcquisitions(of: clipId).contains(where: { $0.platformTitle != nil }) { return "the platform's title" }
        return nil
    }
}

extension ReportPage {
    /// A clip's name as a link to its section (when the report has one) with its short hash beside it.
    func clipName(_ clipId: Int64) -> HTML {
        let name = index.name(of: clipId)
        guard let clip = index.anyClip(clipId) else { return "\(name)" }
        let short = String(clip.sha256.prefix(8))
        if index.clips[clipId] == nil {
            return "\(name) <span class=\"mono muted nowrap\">\(short)</span>"
        }
        return "<a href=\"#clip-\(clip.sha256)\">\(name)</a> <span class=\"mono muted nowrap\">\(short)</span>"
    }
}
