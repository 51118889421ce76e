import Foundation

/// Web addresses written into documents a publisher posts (ClaimReview, MediaReview, PROV): only `http` and `https`.
///
/// A URL comes from an analyst's flag, a sidecar or an article's front matter, and a page that renders a
/// `javascript:` or `data:` address as a link runs it when a reader clicks. Anything but an absolute http(s) address
/// with a host is left out of the document.
public enum WebAddress {
    public static func http(_ text: String?) -> String? {
        guard let text, let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        return text
    }
}
