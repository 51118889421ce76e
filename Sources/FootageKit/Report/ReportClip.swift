import FootageCatalog
import FootageCore
import Foundation

/// One clip's section of a report: what it is and where it came from (every acquisition record in full), the
/// analyst's assessment, the metadata warnings, the keyframes inside its linked ranges and its contact sheets. Its
/// full SHA-256 and ledger events are in the appendix.
struct ReportClip {
    let index: SnapshotIndex
    let images: ReportImages

    func section(_ clip: ClipRecord) -> HTML {
        let id = clip.id
        let links = index.linksByClip[id] ?? []
        let source: HTML = index.nameSource(of: id).map { " <span class=\"muted\">(\($0))</span>" } ?? .empty
        return """
            <section class="clip" id="clip-\(clip.sha256)">
            <div class="kicker">Clip <span class="hash">\(String(clip.sha256.prefix(16)))</span></div>
            <h3>\(index.name(of: id))\(source)</h3>
            \(assessment(id))
            <table class="meta">\(facts(clip))</table>
            \(acquisitions(id))
            \(warnings(clip))
            \(keyframes(clip, links: links))
            \(sheets(id))
            </section>
            """
    }

    private func facts(_ clip: ClipRecord) -> HTML {
        let id = clip.id
        let streams = index.streams[id] ?? []
        var rows: [(StaticString, HTML)] = [
            (
                "SHA-256",
                "<span class=\"mono\">\(String(clip.sha256.prefix(16)))…</span> <span class=\"muted\">(in full in the appendix)</span>"
            ),
            (
                "Created (file metadata)",
                clip.creationTime.map { (time: String) -> HTML in
                    "\(time) <span class=\"muted\">(from \(clip.creationTimeSource ?? "?"))</span>"
                }
                    ?? "not in the file"
            ),
            ("Location (file metadata)", location(clip)),
            (
                "Duration",
                "\(TimeText.format(clip.duration ?? 0)) "
                    + "<span class=\"muted\">(\(clip.duration.map { String($0) } ?? "unknown") s)</span>"
            ),
            ("Format", "\(clip.formatName ?? "unknown"), \(Self.bytes(clip.size))"),
            ("Streams", streams.map { "<div>\(Self.stream($0))</div>" as HTML }.joined()),
        ]
        let camera = [clip.make, clip.model].compactMap { $0 }.joined(separator: " ")
        if !camera.isEmpty { rows.append(("Camera", "\(camera)")) }
        if let software = clip.software { rows.append(("Software / encoder", "\(software)")) }
        if let credentials = index.credentials[id] {
            rows.append(("Content Credentials", "\(CredentialsRow(credentials).text)"))
        }
        for location in index.locations[id] ?? [] {
            rows.append(
                (
                    "Seen at",
                    "<span class=\"mono\">\(location.path)</span> "
                        + "<span class=\"muted\">(\(location.kind), \(location.firstSeen))</span>"
                ))
        }
        rows.append(("Registered", "\(clip.registeredAt) by \(clip.registeredBy)"))
        return rows.map { "<tr><th>\(HTML(stringLiteral: $0.0))</th><td>\($0.1)</td></tr>" as HTML }.joined()
    }

    /// Every acquisition record of the clip, each field in full: who published it where and when, who retrieved it
    /// from where and when, and what the platform's sidecar said.
    private func acquisitions(_ clipId: Int64) -> HTML {
        let records = index.acquisitions[clipId] ?? []
        guard !records.isEmpty else {
            return "<p class=\"muted\">No acquisition record: where this clip came from is not recorded.</p>"
        }
        let rows = records.enumerated().map { number, a -> HTML in
            func value(_ text: String?) -> HTML { text.map { "\($0)" } ?? "<span class=\"muted\">–</span>" }
            var platformSaid: [HTML] = []
            if let site = a.platformExtractor { platformSaid.append("\(site)") }
            if let id = a.platformVideoId { platformSaid.append("id \(id)") }
            if let who = a.platformUploader ?? a.platformChannel { platformSaid.append("uploader \(who)") }
            if let title = a.platformTitle { platformSaid.append("title “\(title)”") }
            if let url = a.platformUrl { platformSaid.append(HTML.link(url)) }
            if let sidecar = a.sidecarSha256 {
                platformSaid.append("sidecar <span class=\"mono\">\(String(sidecar.prefix(8)))</span>")
            }
            return """
                <tr><td>\(number + 1)</td><td>\(value(a.publisher))</td><td>\(value(a.platform))</td>\
                <td>\(a.url.map(HTML.link) ?? value(nil))</td>\
                <td class="nowrap">\(uploaded(a))</td>\
                <td>\(value(a.retrieved ?? a.platformRetrievedAt))<br>\(a.retrievedBy.map { "by \($0)" as HTML } ?? .empty)</td>\
                <td>\(a.note.map { "“\($0)”" as HTML } ?? .empty)\
                \(platformSaid.isEmpty ? HTML.empty : "<div class=\"muted\">Platform said: \(platformSaid.joined(separator: "; "))</div>")\
                <div class="muted">recorded \(a.recordedAt) by \(a.recordedBy)</div></td></tr>
                """
        }
        return """
            <h4>Acquisition records (\(records.count))</h4>
            <table class="grid acq"><thead><tr><th>#</th><th>Publisher</th><th>Platform</th><th>URL</th>\
            <th>Uploaded</th><th>Retrieved</th><th>Notes</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// When the clip was published: the analyst's date and the platform's time, each said to be whose.
    private func uploaded(_ a: AcquisitionRecord) -> HTML {
        var parts: [HTML] = []
        if let time = a.published { parts.append("\(time) <span class=\"muted\">(analyst)</span>") }
        if let time = a.platformUploadTime { parts.append("\(time) <span class=\"muted\">(platform’s time)</span>") }
        return parts.isEmpty ? "<span class=\"muted\">–</span>" : parts.joined(separator: "<br>")
    }

    private func location(_ clip: ClipRecord) -> HTML {
        guard let lat = clip.latitude, let lon = clip.longitude else { return "not in the file" }
        let altitude = clip.altitude.map { String(format: ", %.1f m", $0) } ?? ""
        return
            "\(String(format: "%.5f, %.5f", lat, lon) + altitude) "
            + "<span class=\"muted\">(from \(clip.locationSource ?? "?"))</span>"
    }

    static func stream(_ s: StreamRecord) -> String {
        let size = s.width.flatMap { w in s.height.map { "\(w)×\($0)" } }
        let parts = [
            s.codecType, s.codecName, s.profile, size, s.pixFmt, s.frameRate.map { "\($0) fps" },
            s.sampleRate.map { "\($0) Hz" }, s.channelLayout, s.rotation.map { "rotated \(Int($0))°" },
        ]
        return "#\(s.streamIndex) " + parts.compactMap { $0 }.joined(separator: ", ")
    }

    static func bytes(_ count: Int64) -> String {
        count >= 1_000_000
            ? String(format: "%.1f MB", Double(count) / 1e6) : String(format: "%.0f KB", Double(count) / 1e3)
    }

    private func assessment(_ clipId: Int64) -> HTML {
        guard let latest = index.assessment(of: clipId) else {
            return "<div class=\"assessment muted\">Not assessed (footage assess)</div>"
        }
        let label = latest.category.label
        return """
            <div class="assessment">Assessment: \(label)\
            <span class="muted"> — \(latest.createdBy), \(latest.createdAt)\
            \(latest.note.map { ": “" + $0 + "”" } ?? "")</span></div>
            """
    }

    private func warnings(_ clip: ClipRecord) -> HTML {
        let list = clip.warningList
        guard !list.isEmpty else { return "<p class=\"muted\">No metadata warnings.</p>" }
        return "<h4>Metadata warnings</h4><ul class=\"warnings\">\(list.map { "<li>\($0)</li>" as HTML })</ul>"
    }

    /// The keyframes inside any standing linked range, once each, with the links they fall in.
    private func keyframes(_ clip: ClipRecord, links: [LinkRecord]) -> HTML {
        let standing = links.filter { !$0.isRetracted }
        guard !standing.isEmpty else { return .empty }
        let frames = (index.keyframes[clip.id] ?? []).filter { frame in
            standing.contains {
                frame.time >= $0.start - Catalog.rangeSlack && frame.time <= $0.end + Catalog.rangeSlack
            }
        }
        let ranges = standing.map { "\($0.shortID) \(TimeText.format($0.start))–\(TimeText.format($0.end))" }
            .joined(separator: ", ")
        guard !frames.isEmpty else {
            return """
                <h4>Keyframes in the linked ranges</h4><p class="muted">No keyframes extracted inside \(ranges); \
                run <code>footage keyframes</code> on this clip.</p>
                """
        }
        let figures = frames.map { frame -> HTML in
            let inLinks = standing.filter {
                frame.time >= $0.start - Catalog.rangeSlack && frame.time <= $0.end + Catalog.rangeSlack
            }
            .map(\.shortID).joined(separator: " ")
            let caption: HTML =
                "<b>\(TimeText.format(frame.time))</b> \(inLinks)<br>"
                + "<span class=\"mono pdq\">pdq \(String(frame.pdq.prefix(8)))</span>"
            return images.figure(
                path: frame.path, sha256: frame.sha256, alt: "Keyframe at \(TimeText.format(frame.time))",
                caption: caption)
        }
        return """
            <h4>Keyframes in the linked ranges (\(frames.count); \(ranges))</h4>
            <div class="frames">\(figures)</div>
            """
    }

    private func sheets(_ clipId: Int64) -> HTML {
        let sheets = (index.extractions[clipId] ?? []).compactMap { e in
            e.sheetPath.map { (e, $0, e.sheetSha256 ?? "") }
        }
        guard !sheets.isEmpty else { return .empty }
        let figures = sheets.map { extraction, path, sha in
            images.figure(
                path: path, sha256: sha, alt: "Contact sheet (\(extraction.mode))",
                caption: "Contact sheet: \(extraction.mode) keyframes, \(extraction.createdAt)", css: "sheet")
        }
        return "<h4>Contact sheet</h4>\(figures)"
    }
}
