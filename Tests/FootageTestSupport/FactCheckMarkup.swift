import Foundation

/// The fields Google's fact-check markup requires and recommends of a `ClaimReview` (its structured-data
/// documentation for ClaimReview): what a publisher's page needs for the review to be shown.
public enum FactCheckMarkup {
    /// The problems of one ClaimReview object: a required field missing, or a recommended one of `itemReviewed`.
    public static func problems(_ review: [String: Any]) -> [String] {
        var found: [String] = []
        let id = review["@id"] as? String ?? "a ClaimReview"
        func missing(_ what: String) { found.append("\(id): no \(what)") }
        if (review["claimReviewed"] as? String)?.isEmpty != false { missing("claimReviewed") }
        if let url = review["url"] as? String {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                found.append("\(id): url \(url) is no web page")
            }
        } else {
            missing("url")
        }
        if let author = review["author"] as? [String: Any] {
            if (author["name"] as? String)?.isEmpty != false { missing("author.name") }
            if !["Organization", "Person"].contains(author["@type"] as? String ?? "") { missing("author @type") }
        } else {
            missing("author")
        }
        if let rating = review["reviewRating"] as? [String: Any] {
            let numeric = ["ratingValue", "bestRating", "worstRating"].allSatisfy { rating[$0] is NSNumber }
            if !numeric && (rating["alternateName"] as? String)?.isEmpty != false {
                missing("reviewRating ratingValue/bestRating/worstRating or alternateName")
            }
            if let value = (rating["ratingValue"] as? NSNumber)?.doubleValue,
                let best = (rating["bestRating"] as? NSNumber)?.doubleValue,
                let worst = (rating["worstRating"] as? NSNumber)?.doubleValue, !(worst <= value && value <= best)
            {
                found.append("\(id): ratingValue \(value) outside \(worst)…\(best)")
            }
        } else {
            missing("reviewRating")
        }
        if (review["datePublished"] as? String)?.isEmpty != false { missing("datePublished") }
        // Recommended: the claim reviewed, with where it appeared.
        if let item = review["itemReviewed"] as? [String: Any] {
            if item["@type"] as? String != "Claim" { found.append("\(id): itemReviewed is not a Claim") }
            if item["appearance"] == nil && item["firstAppearance"] == nil { missing("itemReviewed appearance") }
            if let author = item["author"] as? [String: Any], (author["name"] as? String)?.isEmpty != false {
                missing("itemReviewed.author.name")
            }
        } else {
            missing("itemReviewed")
        }
        return found
    }
}
