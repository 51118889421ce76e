import Foundation

/// Reads a saved news page: metadata from `<head>` (Open Graph, `<meta>`, canonical link, JSON-LD) and
/// the body text of the page's `<article>` (the longest one), else its `<main>`, else its `<body>`.
///
/// Nothing inside `script`, `style`, `nav`, `header`, `footer`, `aside`, `noscript`, `template`, `form`
/// (and the other non-content elements in `excluded`) reaches the body, nor does any attribute (so `alt`
/// text, `onerror` handlers and `title` tooltips never do). JSON-LD is parsed as data, never run.
/// Nesting is tracked on a stack bounded at `maximumDepth`; text nested deeper is ignored.
enum HTMLArticleReader {
    static let maximumDepth = 256
    static let maximumArticles = 64

    static let excluded: Set<String> = [
        "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form",
        "svg", "math", "iframe", "object", "embed", "canvas", "button", "select", "textarea", "figcaption",
        "dialog", "video", "audio", "picture", "head",
    ]
    /// Void elements never have content or an end tag.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "image",
    ]
    /// Inline elements are not tracked at all: they neither break text nor change what is excluded.
    static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "font", "label", "big", "tt",
        "strike", "ins", "del", "nobr", "img", "br", "wbr",
    ]
    /// Elements that may appear in `<head>`; any other start tag ends an unclosed head.
    static let headElements: Set<String> = [
        "head", "title", "meta", "link", "style", "script", "base", "noscript", "template",
    ]
    static let lineElements: Set<String> = ["li", "dt", "dd", "tr", "option"]
    /// Elements that the start of another block closes implicitly when they are on top of the stack.
    static let selfNesting: Set<String> = ["p", "li", "dt", "dd", "option", "tr", "td", "th"]

    private struct State {
        var stack: [String] = []
        /// How many elements of each name are open, so that an end tag with no open element costs nothing.
        var openCounts: [String: Int] = [:]
        var excludedDepth = 0
        var overflow = 0
        var mainIndex: Int? = nil
        var articleIndex: Int? = nil
        var h1Index: Int? = nil
        var document = BodyTextBuilder()
        var main = BodyTextBuilder()
        var articles: [BodyTextBuilder] = []
        var h1 = BodyTextBuilder()
        var h1Done = false
        var title: String? = nil
        var meta: [String: String] = [:]
        var canonical: String? = nil
        var firstTime: String? = nil
        var jsonLD: [String] = []

        var collecting: Bool { excludedDepth == 0 && overflow == 0 }

        mutating func breakAll(paragraph: Bool) {
            if paragraph {
                document.paragraphBreak()
                main.paragraphBreak()
                h1.paragraphBreak()
                if !articles.isEmpty { articles[articles.count - 1].paragraphBreak() }
            } else {
                document.lineBreak()
                main.lineBreak()
                h1.lineBreak()
                if !articles.isEmpty { articles[articles.count - 1].lineBreak() }
            }
        }

        mutating func appendText(_ text: String) {
            if h1Index != nil, !h1Done, overflow == 0 { h1.append(text) }
            guard collecting else { return }
            document.append(text)
            if mainIndex != nil { main.append(text) }
            if articleIndex != nil, !articles.isEmpty { articles[articles.count - 1].append(text) }
        }

        mutating func push(_ name: String) {
            if stack.count >= HTMLArticleReader.maximumDepth {
                overflow += 1
                return
            }
            switch name {
            case "main" where mainIndex == nil: mainIndex = stack.count
            case "article" where articleIndex == nil && articles.count < HTMLArticleReader.maximumArticles:
                articleIndex = stack.count
                articles.append(BodyTextBuilder())
            case "h1" where h1Index == nil && !h1Done: h1Index = stack.count
            default: break
            }
            if HTMLArticleReader.excluded.contains(name) { excludedDepth += 1 }
            openCounts[name, default: 0] += 1
            stack.append(name)
        }

        /// Pops elements down to and including the one at `position`.
        mutating func pop(to position: Int) {
            while stack.count > position, let name = stack.popLast() {
                openCounts[name, default: 1] -= 1
                if HTMLArticleReader.excluded.contains(name) { excludedDepth -= 1 }
                if mainIndex == stack.count { mainIndex = nil }
                if articleIndex == stack.count { articleIndex = nil }
                if h1Index == stack.count {
                    h1Index = nil
                    h1Done = !h1.isEmpty
                }
            }
        }

        func isOpen(_ name: String) -> Bool { (openCounts[name] ?? 0) > 0 }

        /// Closes the innermost open `name` and everything inside it. The search from the top costs as
        /// many steps as elements it pops, so it is linear over the document.
        mutating func close(_ name: String) {
            if overflow > 0 {
                overflow -= 1
                return
            }
            guard isOpen(name), let position = stack.lastIndex(of: name) else { return }
            pop(to: position)
        }
    }

    /// - Parameter readsJSONLD: false when reading HTML found inside JSON-LD, so that nesting stays bounded.
    static func read(_ text: String, readsJSONLD: Bool = true) -> ArticleFields {
        var state = State()
        var tokenizer = HTMLTokenizer(text)
        while let token = tokenizer.next() {
            switch token {
            case .text(let scalars):
                state.appendText(HTMLEntities.decode(scalars))
            case .rawText(let element, let content):
                handleRawText(element: element, content: content, state: &state)
            case .startTag(let name, let attributes, let selfClosing):
                handleStart(name: name, attributes: attributes, selfClosing: selfClosing, state: &state)
            case .endTag(let name):
                handleEnd(name: name, state: &state)
            case .ignorable:
                continue
            }
        }
        if !readsJSONLD { state.jsonLD = [] }
        return fields(from: state)
    }

    private static func handleRawText(element: String, content: ArraySlice<Unicode.Scalar>, state: inout State) {
        switch element {
        case "title":
            if state.title == nil, !state.isOpen("svg") {
                state.title = HTMLEntities.decode(content).nonBlank
            }
        case "script":
            if state.stack.last == "script-ld" { state.jsonLD.append(String(String.UnicodeScalarView(content))) }
        default:
            break
        }
    }

    private static func handleStart(name: String, attributes: [HTMLAttribute], selfClosing: Bool, state: inout State) {
        func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        switch name {
        case "meta":
            if let content = attribute("content")?.nonBlank {
                for key in [attribute("property"), attribute("name"), attribute("itemprop")].compactMap({ $0 }) {
                    let lowered = key.lowercased()
                    if state.meta[lowered] == nil { state.meta[lowered] = content }
                }
            }
        case "link":
            let rel = attribute("rel")?.lowercased().split(separator: " ") ?? []
            if rel.contains("canonical"), state.canonical == nil { state.canonical = attribute("href")?.nonBlank }
        case "time":
            if state.firstTime == nil, state.collecting { state.firstTime = attribute("datetime")?.nonBlank }
        case "br":
            state.breakAll(paragraph: false)
        default:
            break
        }
        if inline.contains(name) || void.contains(name) { return }
        if !headElements.contains(name), state.isOpen("head"), let head = state.stack.lastIndex(of: "head") {
            state.pop(to: head)
        }
        if let top = state.stack.last, selfNesting.contains(top),
            top == name || (top == "p" && !lineElements.contains(name))
        {
            state.pop(to: state.stack.count - 1)
        }
        if name == "script" {
            let type = attribute("type")?.lowercased() ?? ""
            // Marked so that its raw text is kept as data; it is excluded like any script.
            state.push(type.contains("ld+json") ? "script-ld" : "script")
            if selfClosing { state.pop(to: state.stack.count - 1) }
            return
        }
        state.breakAll(paragraph: !lineElements.contains(name) && !["td", "th"].contains(name))
        if selfClosing && !HTMLTokenizer.rawTextElements.contains(name) { return }
        state.push(name)
    }

    private static func handleEnd(name: String, state: inout State) {
        if name == "br" {
            state.breakAll(paragraph: false)
            return
        }
        if inline.contains(name) || void.contains(name) { return }
        if name == "script", state.stack.last == "script-ld" {
            state.pop(to: state.stack.count - 1)
            return
        }
        if name == "p", !state.isOpen("p") {
            state.breakAll(paragraph: true)
            return
        }
        state.close(name)
        state.breakAll(paragraph: !lineElements.contains(name) && !["td", "th"].contains(name))
    }

    private static func fields(from state: State) -> ArticleFields {
        let meta = state.meta
        var fields = ArticleFields()
        fields.url = state.canonical
        for script in state.jsonLD {
            if let found = try? JSONLDArticleReader.read(Data(script.utf8)) { fields.fillGaps(from: found) }
        }
        let ldBody = fields.body
        fields.body = ""
        var open = ArticleFields()
        open.headline = meta["og:title"] ?? meta["twitter:title"]
        open.standfirst = meta["og:description"] ?? meta["description"] ?? meta["twitter:description"]
        open.url = meta["og:url"]
        open.outlet = meta["og:site_name"] ?? meta["application-name"]
        open.published =
            meta["article:published_time"] ?? meta["datepublished"] ?? meta["date"]
            ?? meta["pubdate"] ?? meta["publish-date"] ?? meta["dc.date"] ?? meta["dc.date.issued"]
            ?? meta["parsely-pub-date"] ?? meta["sailthru.date"] ?? state.firstTime
        let metaAuthors = [meta["author"], meta["article:author"]].compactMap { $0 }
            .filter { !$0.hasPrefix("http://") && !$0.hasPrefix("https://") }
        open.authors = metaAuthors.isEmpty ? [] : [metaAuthors[0]]
        fields.fillGaps(from: open)
        if fields.headline.isBlank { fields.headline = state.h1.build().nonBlank ?? state.title }
        let article = state.articles.map { $0.build() }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
        let main = state.main.build()
        if let article, !article.isEmpty {
            fields.body = article
        } else if !main.isEmpty {
            fields.body = main
        } else {
            fields.body = state.document.build()
        }
        if fields.body.isEmpty { fields.body = ldBody }
        return fields
    }
}
