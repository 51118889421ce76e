import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation
import FootageCore

struct XrefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xref",
        abstract: "Cross-reference: an article's claims with their evidence, a clip's claims, or one claim's evidence chain.",
        discussion: """
            ARTICLE (A3): every claim with its evidence (clip, publisher, range, stance, confidence, keyframe \
            hashes), the claims with no evidence, and candidate clips for claims that refer to footage. \
            CLAIM (C17): the claim's full evidence chain with the ledger events behind it. \
            REF (a clip): every claim in every article that the clip bears on.
            """)

    @Argument(help: "An article (A3), a claim (C17) or a clip (SHA-256 prefix or path).") var subject: String
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        if trimmed.first.map({ "Aa".contains($0) }) == true, ShortID.article.id(in: trimmed) != nil,
           let article = try? catalog.article(matching: trimmed) {
            try printArticle(catalog, article)
        } else if trimmed.first.map({ "Cc".contains($0) }) == true, ShortID.claim.id(in: trimmed) != nil,
                  let claim = try? catalog.claim(matching: trimmed) {
            try printClaim(catalog, claim)
        } else {
            try printClip(catalog, try catalog.clip(matching: trimmed))
        }
    }

    private func printArticle(_ catalog: Catalog, _ article: ArticleRecord) throws {
        let report = try CrossReference.article(catalog, article)
        if output.json {
            for entry in report.claims {
                var row = XrefJSON.claim(entry)
                row["article"] = .string(article.shortID)
                Output.json(.object(row))
            }
            return
        }
        let meta = [article.outlet, article.published, article.author].compactMap { $0 }.map(Output.safe)
        Output.line("\(article.shortID)  \(Output.safe(article.headline))" + (meta.isEmpty ? "" : "  (\(meta.joined(separator: ", ")))"))
        if let url = article.url { Output.line("    \(Output.safe(url))") }
        for entry in report.claims { XrefText.claim(entry) }
        let unlinked = report.unlinked
        Output.line("")
        Output.line("\(report.claims.count - unlinked.count) of \(report.claims.count) claims have evidence; "
            + (unlinked.isEmpty ? "none without." : "without: \(unlinked.map(\.shortID).joined(separator: ", "))"))
    }

    private func printClaim(_ catalog: Catalog, _ claim: ClaimRecord) throws {
        let entry = try CrossReference.claim(catalog, claim)
        let article = try catalog.article(matching: "A\(claim.articleId)")
        var events = try catalog.ledgerEvents(subject: claim.shortID)
        for link in entry.evidence { events += try catalog.ledgerEvents(subject: link.link.shortID) }
        events.sort { $0.seq < $1.seq }
        if output.json {
            var row = XrefJSON.claim(entry)
            row["article"] = .string(article.shortID)
            row["headline"] = .string(article.headline)
            row["events"] = .array(events.map { .object(["seq": .int($0.seq), "time": .string($0.time),
                "actor": .string($0.actor), "action": .string($0.action.rawValue), "subject": .string($0.subject),
                "hash": .string($0.hash), "prev_hash": .string($0.prevHash)]) })
            Output.json(.object(row))
            return
        }
        Output.line("\(article.shortID)  \(Output.safe(article.headline))")
        XrefText.claim(entry)
        Output.line("")
        Output.line("ledger")
        for e in events {
            Output.line("  \(e.seq)  \(e.time)  \(Output.safe(e.actor))  \(e.action) \(e.subject)  \(Output.short(e.hash)) ← \(Output.short(e.prevHash))")
        }
    }

    private func printClip(_ catalog: Catalog, _ clip: ClipRecord) throws {
        let evidence = try CrossReference.clip(catalog, clip)
        let shared = try SharedFootage.of(clip, catalog: catalog)
        if output.json {
            for item in evidence {
                var row = XrefJSON.link(item)
                row["same_footage"] = SharedFootageOutput.correspondingJSON(shared, from: item.link.start, to: item.link.end)
                row["claim"] = .string(item.claim.shortID)
                row["claim_text"] = .string(item.claim.text)
                row["article"] = .string(item.article.shortID)
                row["headline"] = .string(item.article.headline)
                Output.json(.object(row))
            }
            return
        }
        Output.line("clip \(clip.sha256)")
        if evidence.isEmpty { Output.line("  no claims linked to this clip yet") }
        for item in evidence {
            Output.line("  \(item.article.shortID) \(item.claim.shortID)  \(Output.safe(item.claim.text))")
            Output.line("      " + XrefText.linkLine(item))
            for line in SharedFootageOutput.correspondingLines(shared, from: item.link.start, to: item.link.end) {
                Output.line("        " + line)
            }
        }
        try SharedFootageOutput.printLinksOnOthers(shared, catalog: catalog)
        SharedFootageOutput.print(shared)
    }
}

enum XrefJSON {
    static func claim(_ entry: CrossReference.ClaimEntry) -> [String: JSONValue] {
        let claim = entry.claim
        return [
            "id": .string(claim.shortID), "text": .string(claim.text), "kinds": .array(claim.kindList.map(JSONValue.string)),
            "attribution": .optional(claim.attribution), "details": claim.detailsValue,
            "evidence": .array(entry.evidence.map { .object(link($0)) }),
            "has_evidence": .bool(!entry.standing.isEmpty),
            "candidates": .array(entry.candidates.map { .object(["sha256": .string($0.clip.sha256), "reason": .string($0.reason)]) }),
        ]
    }

    static func link(_ item: LinkEvidence) -> [String: JSONValue] {
        var row = LinkJSON.row(item.link)
        row["clip_title"] = .optional(item.clip.title)
        row["clip_duration"] = .optional(item.clip.duration)
        row["publisher"] = .optional(item.publisher)
        row["platform"] = .optional(item.platform)
        return row
    }
}

enum XrefText {
    static func claim(_ entry: CrossReference.ClaimEntry) {
        let claim = entry.claim
        Output.line("")
        Output.line("\(claim.shortID) [\(claim.kindList.joined(separator: ","))] \(Output.safe(claim.text))")
        for item in entry.evidence { Output.line("    " + linkLine(item)) }
        if entry.standing.isEmpty {
            Output.line("    no evidence yet")
            for candidate in entry.candidates {
                Output.line("    candidate: clip \(Output.short(candidate.clip.sha256)) (\(Output.safe(candidate.reason)))")
            }
        }
    }

    static func linkLine(_ item: LinkEvidence) -> String {
        let link = item.link
        let source = [item.publisher, item.platform].compactMap { $0 }.map(Output.safe).joined(separator: " / ")
        let hashes = link.keyframesValue.arrayItems.compactMap { $0["pdq"]?.stringValue?.prefix(8) }.prefix(3)
        let stance = link.stance.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        var line = "\(stance) \(link.shortID)  clip \(Output.short(link.clipSha256)) "
            + "\(TimeText.format(link.start))–\(TimeText.format(link.end))  \(link.confidence)"
        if !source.isEmpty { line += "  \(source)" }
        if link.keyframesValue.arrayCount > 0 {
            line += "  keyframes \(link.keyframesValue.arrayCount) (pdq \(hashes.joined(separator: " "))…)"
        }
        if let note = link.note { line += "  “\(Output.safe(note))”" }
        if let retracted = link.retractedAt { line += "  RETRACTED \(retracted)" }
        return line
    }
}
