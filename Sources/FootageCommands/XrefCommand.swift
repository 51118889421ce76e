import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

struct XrefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xref",
        abstract:
            "Cross-reference: an article's claims with their evidence, a clip's claims, or one claim's evidence chain.",
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
        switch try CatalogSubject.resolve(subject, in: catalog) {
        case .article(let article): try printArticle(CrossReference.article(catalog, article))
        case .claim(let claim): try printClaim(CrossReference.chain(catalog, claim))
        case .clip(let clip): try printClip(CrossReference.report(catalog, clip))
        }
    }

    private func printArticle(_ report: CrossReference.ArticleReport) {
        if output.json {
            for claim in report.claims { Output.row(XrefClaimRow(claim)) }
            return
        }
        let article = report.article
        let meta = [article.outlet, article.published, article.author].compactMap { $0 }.map(Output.safe)
        Output.line(
            "\(article.shortID)  \(Output.safe(article.headline))"
                + (meta.isEmpty ? "" : "  (\(meta.joined(separator: ", ")))"))
        if let url = article.url { Output.line("    \(Output.safe(url))") }
        for entry in report.claims { XrefText.claim(entry) }
        let unlinked = report.unlinked
        Output.line("")
        Output.line(
            "\(report.claims.count - unlinked.count) of \(report.claims.count) claims have evidence; "
                + (unlinked.isEmpty ? "none without." : "without: \(unlinked.map(\.shortID).joined(separator: ", "))"))
    }

    private func printClaim(_ chain: CrossReference.ClaimChain) {
        if output.json { return Output.row(ClaimChainRow(chain)) }
        Output.line("\(chain.article.shortID)  \(Output.safe(chain.article.headline))")
        XrefText.claim(chain.entry)
        Output.line("")
        Output.line("ledger")
        for e in chain.events {
            Output.line(
                "  \(e.seq)  \(e.time)  \(Output.safe(e.actor))  \(e.action) \(e.subject)  "
                    + "\(Output.short(e.hash)) ← \(Output.short(e.prevHash))")
        }
    }

    private func printClip(_ report: CrossReference.ClipReport) {
        if output.json {
            for item in report.evidence {
                Output.row(XrefClipRow(item, review: report.review(of: item.evidence.link.claimId)))
            }
            for (evidence, via) in report.linksOnOthers {
                Output.row(
                    XrefClipRow(linkOnOther: evidence, via: via, review: report.review(of: evidence.link.claimId)))
            }
            return
        }
        Output.line("clip \(report.clip.sha256)")
        if report.evidence.isEmpty { Output.line("  no claims linked to this clip yet") }
        for item in report.evidence {
            let evidence = item.evidence
            Output.line(
                "  \(evidence.article.shortID) \(evidence.claim.shortID) \(report.review(of: evidence.claim.id).status.rawValue)  "
                    + Output.safe(report.review(of: evidence.claim.id).text(of: evidence.claim)))
            Output.line("      " + XrefText.linkLine(evidence))
            for same in item.sameFootage { Output.line("        " + SharedFootageOutput.line(same)) }
        }
        for (evidence, via) in report.linksOnOthers {
            Output.line(
                "  \(evidence.article.shortID) \(evidence.claim.shortID) \(report.review(of: evidence.claim.id).status.rawValue)  "
                    + Output.safe(report.review(of: evidence.claim.id).text(of: evidence.claim)))
            Output.line("      via clip \(Output.short(via.shared.other.sha256)) " + XrefText.linkLine(evidence))
            Output.line(
                "        same footage here: \(TimeText.format(via.segment.bStart))–"
                    + "\(TimeText.format(via.segment.bEnd))")
        }
        SharedFootageOutput.print(report.shared)
    }
}

enum XrefText {
    static func claim(_ entry: CrossReference.ClaimEntry) {
        let claim = entry.claim
        let review = entry.review
        Output.line("")
        Output.line(
            "\(claim.shortID) \(review.status.rawValue) [\(claim.kindList.joined(separator: ","))] "
                + Output.safe(review.text(of: claim)))
        reviewLines(review, claim)
        for item in entry.evidence {
            Output.line("    " + linkLine(item))
            for same in entry.sameFootage[item.link.id] ?? [] {
                Output.line("        " + SharedFootageOutput.line(same))
            }
        }
        if entry.standing.isEmpty {
            Output.line("    no evidence yet")
            for candidate in entry.candidates {
                Output.line(
                    "    candidate: clip \(Output.short(candidate.clip.sha256)) (\(Output.safe(candidate.reason)))")
            }
        }
    }

    /// The claim's review: its status, the verdict that stands or the dismissal, and the text it was made with
    /// once an edit replaced it.
    static func reviewLines(_ review: ClaimReviewState, _ claim: ClaimRecord) {
        if let verdict = review.verdict, let rating = verdict.rating {
            Output.line(
                "    verdict: \(rating.label) (\(rating.ratingValue)/\(VerdictRating.best)) by "
                    + "\(Output.safe(verdict.createdBy)) at \(verdict.createdAt): \(Output.safe(verdict.note ?? ""))")
        }
        if let dismissal = review.dismissal {
            Output.line(
                "    dismissed by \(Output.safe(dismissal.createdBy)) at \(dismissal.createdAt): "
                    + Output.safe(dismissal.note ?? ""))
        }
        if let original = review.originalText(of: claim) { Output.line("    extracted as: \(Output.safe(original))") }
    }

    static func linkLine(_ item: LinkEvidence) -> String {
        let link = item.link
        let source = [item.publisher, item.platform].compactMap { $0 }.map(Output.safe).joined(separator: " / ")
        let hashes = link.keyframesValue.arrayItems.compactMap { $0["pdq"]?.stringValue?.prefix(8) }.prefix(3)
        let stance = link.stance.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        var line =
            "\(stance) \(link.shortID)  clip \(Output.short(link.clipSha256)) "
            + "\(TimeText.format(link.start))–\(TimeText.format(link.end))  \(link.confidence)"
        if !source.isEmpty { line += "  \(source)" }
        if let c2pa = item.c2pa { line += "  c2pa \(c2pa)" }
        if link.keyframesValue.arrayCount > 0 {
            line += "  keyframes \(link.keyframesValue.arrayCount) (pdq \(hashes.joined(separator: " "))…)"
        }
        if let note = link.note { line += "  “\(Output.safe(note))”" }
        if let retracted = link.retractedAt { line += "  RETRACTED \(retracted)" }
        return line
    }
}
