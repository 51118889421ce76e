import FootageCatalog
import FootageMatching

/// What `match` does with what it measured for a pair: a match is evidence, so a stored match is never removed or
/// weakened by measuring again — only when a fingerprint it rests on was recomputed is it replaced by the new
/// measurement, or withdrawn when the pair no longer matches, each with a ledger event naming why.
///
/// | stored | measured now | same fingerprints | what happens |
/// |---|---|---|---|
/// | none | a match | – | recorded (`found`) |
/// | withdrawn | a match | – | recorded again, same id (`found again`) |
/// | holds | a stronger match | yes | updated (`stronger`) |
/// | holds | the same, a weaker match, or none | yes | kept as it is, no event |
/// | holds | a match | no | updated (`fingerprint recomputed`) |
/// | holds | none | no | withdrawn, the row kept, with the reason |
///
/// A match stored before matches named their fingerprints (empty) is treated as resting on the current ones: kept
/// unless a stronger measurement is found, never withdrawn by measuring.
enum MatchKeeping {
    struct Kept {
        /// The pair's row after this run, nil when it has none.
        var record: MatchRecord?
        var changed: Bool
        /// Whether the row holds what was measured now (not an earlier measurement kept).
        var measuredIsHeld: Bool
    }

    /// `measured` is oriented from `first` (the smaller clip id) to `second`.
    static func keep(
        _ measured: ClipMatch?, _ first: MatchJob.Side, _ second: MatchJob.Side, rule: MatchRule, catalog: Catalog,
        options: MatchJob.Options
    ) throws -> Kept {
        let existing = try catalog.match(clipA: first.clip.id, clipB: second.clip.id)
        guard let measured else {
            guard let existing, existing.fields.holds, !existing.fields.fingerprintA.isEmpty,
                existing.fields.fingerprintA != first.dataSha256 || existing.fields.fingerprintB != second.dataSha256
            else { return Kept(record: existing, changed: false, measuredIsHeld: false) }
            try catalog.withdrawMatch(
                clipA: first.clip.id, clipB: second.clip.id, fingerprintA: first.dataSha256,
                fingerprintB: second.dataSha256, reason: withdrawal(existing.fields, first, second),
                actor: options.analyst)
            return Kept(
                record: try catalog.match(clipA: first.clip.id, clipB: second.clip.id), changed: true,
                measuredIsHeld: false)
        }
        let candidate = NewMatch(
            clipA: first.clip.id, clipB: second.clip.id, shareA: measured.shareOfA, shareB: measured.shareOfB,
            offset: measured.offset, transform: measured.transform,
            segments: .array(measured.segments.map(\.jsonValue)), matchedFrames: measured.matchedFrames,
            meanDistance: measured.meanDistance, rule: rule.jsonValue, fingerprintA: first.dataSha256,
            fingerprintB: second.dataSha256)
        let reason: Catalog.MatchReason
        if let existing {
            if !existing.fields.holds {
                reason = .foundAgain
            } else if !existing.fields.fingerprintA.isEmpty && !existing.fields.restsOnSameFingerprints(as: candidate) {
                reason = .fingerprintRecomputed
            } else if candidate.isStronger(than: existing.fields) {
                reason = .stronger
            } else {
                return Kept(
                    record: existing, changed: false, measuredIsHeld: existing.fields.isSameFinding(as: candidate))
            }
        } else {
            reason = .found
        }
        let (record, changed) = try catalog.record(candidate, reason: reason, actor: options.analyst)
        return Kept(record: record, changed: changed, measuredIsHeld: true)
    }

    private static func withdrawal(_ stored: NewMatch, _ first: MatchJob.Side, _ second: MatchJob.Side) -> String {
        var recomputed: [String] = []
        if stored.fingerprintA != first.dataSha256 { recomputed.append(String(first.clip.sha256.prefix(12))) }
        if stored.fingerprintB != second.dataSha256 { recomputed.append(String(second.clip.sha256.prefix(12))) }
        return "no longer found after the fingerprint of \(recomputed.joined(separator: " and ")) was recomputed"
    }
}

extension ClipMatch {
    /// A stored match, oriented from its A (the smaller clip id) to its B.
    init(_ record: MatchRecord) {
        self.init(
            shareOfA: record.shareA, shareOfB: record.shareB, offset: record.offset,
            segments: record.segmentsValue.arrayItems.map(MatchSegment.init(json:)),
            matchedFrames: record.matchedFrames, transform: record.transform, meanDistance: record.meanDistance)
    }
}
