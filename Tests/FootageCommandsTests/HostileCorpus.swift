import FootageCore  // SplitMix64: a seed names the same corpus on every machine
import Foundation

/// The hostile media corpus, generated from the sample clips into a temporary folder, in three subfolders:
/// `damaged/` (each sample cut at many offsets, with bytes flipped by a seeded generator, with its first or last
/// bytes zeroed), `absurd/` (`AbsurdMedia`) and `disguised/` (`DisguisedMedia`). Beside the corpus, in `private/`,
/// lie a secret file and a neighbouring video that the disguised files point at: no output of footage, and nothing
/// it stores, may hold the secret's token.
struct HostileCorpus: Sendable {
    /// How much of each kind of damage a sample gets.
    struct Scale: Sendable {
        var cuts: Int
        var flips: Int
        /// Of the flipped copies, how many per sample also go through the steps that decode every picture.
        var decoded: Int

        /// `FOOTAGE_HOSTILE_COUNT` byte-flipped copies per sample (default 60, which keeps `swift test` quick), a
        /// quarter as many cuts, a thirtieth decoded; a stress run sets hundreds or thousands.
        static var standard: Scale {
            let count = max(ProcessInfo.processInfo.environment["FOOTAGE_HOSTILE_COUNT"].flatMap { Int($0) } ?? 60, 1)
            return Scale(cuts: max(count / 4, 1), flips: count, decoded: max(count / 30, 1))
        }
    }

    /// The generator's seed: `FOOTAGE_HOSTILE_SEED`, else a fixed one, so that a failure names a file that can be
    /// made again.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FOOTAGE_HOSTILE_SEED"].flatMap { UInt64($0) } ?? 0x466F_6F74_6167_6531
    }

    let root: URL
    var folder: URL { root.appendingPathComponent("corpus") }
    let secret: URL
    /// Written only into `secret`; finding it anywhere else is a leak.
    let token: String
    let files: [URL]
    let scale: Scale

    /// The files worth decoding picture by picture: every absurd and disguised one, and of the damaged ones the first
    /// `scale.decoded` flipped copies and the copy with its last 4 KiB zeroed (where the phone clip keeps its index).
    var decodingSubset: [URL] {
        let decoded = Set((0..<scale.decoded).map { "flip-\($0)" } + ["zero-last-4096"])
        return files.filter { file in
            guard file.deletingLastPathComponent().lastPathComponent == "damaged" else { return true }
            let name = (file.lastPathComponent as NSString).deletingPathExtension
            return decoded.contains { name.hasSuffix("-" + $0) }
        }
    }

    /// Writes the corpus under `root`; `port` is the loopback listener's.
    static func make(in root: URL, scale: Scale, port: UInt16) throws -> HostileCorpus {
        let samples = FootageBinary.samples
        let manager = FileManager.default
        let hidden = root.appendingPathComponent("private")
        for name in ["private", "corpus/damaged", "corpus/absurd", "corpus/disguised"] {
            try manager.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let token = "FOOTAGE-SECRET-\(UUID().uuidString)"
        let secret = hidden.appendingPathComponent("secret-notes.txt")
        // In FFmpeg's metadata format: a reader tricked into opening it would show the token as a title.
        try Data(";FFMETADATA1\ntitle=\(token)\ncomment=\(token)\n\(token)\n".utf8).write(to: secret)
        let neighbour = hidden.appendingPathComponent("neighbour.mov")
        try manager.copyItem(at: samples.appendingPathComponent("handheld-rotated.mov"), to: neighbour)

        var files: [URL] = []
        func write(_ bytes: [UInt8], _ folder: String, _ name: String) throws {
            let file = root.appendingPathComponent("corpus/\(folder)/\(name)")
            try Data(bytes).write(to: file)
            files.append(file)
        }
        var generator = SplitMix64(seed: seed)
        for sample in ["ministry-upload.mp4", "pentagon-release.webm", "handheld-rotated.mov", "checkpoint-cctv.ts"] {
            let bytes = try AbsurdMedia.bytes(samples.appendingPathComponent(sample))
            for (name, damaged) in damagedCopies(of: bytes, named: sample, scale: scale, using: &generator) {
                try write(damaged, "damaged", name)
            }
        }
        for (name, bytes) in try AbsurdMedia.variants(samples: samples) { try write(bytes, "absurd", name) }
        let disguised = try DisguisedMedia.variants(secret: secret, neighbour: neighbour, port: port, samples: samples)
        for (name, bytes) in disguised { try write(bytes, "disguised", name) }
        return HostileCorpus(root: root, secret: secret, token: token, files: files, scale: scale)
    }

    /// Cut at the first bytes and container boundaries and at random offsets; 1 to 16 bytes flipped, half the time
    /// among the first or last 64 KiB where headers and indexes lie; the first or last bytes zeroed.
    static func damagedCopies(
        of bytes: [UInt8], named name: String, scale: Scale,
        using generator: inout SplitMix64
    ) -> [(String, [UInt8])] {
        let stem = (name as NSString).deletingPathExtension, suffix = (name as NSString).pathExtension
        var result: [(String, [UInt8])] = []
        var cuts: Set<Int> = [0, 1, 4, 8, 12, 16, 100, 188, 512, 4096]
        while cuts.count < 10 + scale.cuts { cuts.insert(Int.random(in: 1..<bytes.count, using: &generator)) }
        for cut in cuts.sorted() { result.append(("\(stem)-cut-\(cut).\(suffix)", Array(bytes.prefix(cut)))) }
        let edge = min(65536, bytes.count)
        for index in 0..<scale.flips {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...16, using: &generator) {
                let position: Int
                if Bool.random(using: &generator) {
                    let offset = Int.random(in: 0..<edge, using: &generator)
                    position = Bool.random(using: &generator) ? offset : bytes.count - 1 - offset
                } else {
                    position = Int.random(in: 0..<bytes.count, using: &generator)
                }
                copy[position] ^= UInt8.random(in: 1...255, using: &generator)
            }
            result.append(("\(stem)-flip-\(index).\(suffix)", copy))
        }
        for count in [8, 16, 188, 512, 4096, 65536] {
            var first = bytes, last = bytes
            first.replaceSubrange(0..<count, with: repeatElement(0, count: count))
            last.replaceSubrange((bytes.count - count)..., with: repeatElement(0, count: count))
            result.append(("\(stem)-zero-first-\(count).\(suffix)", first))
            result.append(("\(stem)-zero-last-\(count).\(suffix)", last))
        }
        return result
    }

    /// The corpus file a line of footage's output is about: the longest corpus path the line starts with.
    func file(named line: Substring) -> URL? {
        files.filter { line.hasPrefix($0.path + ": ") }.max { $0.path.count < $1.path.count }
    }

    /// Every file under `folder` (recursively) whose bytes contain the secret token.
    func filesHoldingTheToken(under folder: URL) -> [String] {
        let needle = Data(token.utf8)
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.map { folder.appendingPathComponent($0).path }.filter { path in
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            return data.range(of: needle) != nil
        }
    }
}
