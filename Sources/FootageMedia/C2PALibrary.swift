import CC2PA
import Foundation

/// The C2PA reference library's C interface (`libc2pa_c.so`), found and loaded once per process on first use.
///
/// It is not linked (see `CC2PA.h`): footage runs without it, and then says that C2PA was not checked. Where it is
/// looked for, in order:
/// - the path in `FOOTAGE_C2PA_LIBRARY`, when that is set (and only there: a path that is not there means "not
///   checked", which is how tests and benchmarks hide the library);
/// - the c2pa-python wheel in a `.build-venv` folder beside or above the footage executable (what `make demo` and
///   `make test` install: `.build-venv/lib/python3.*/site-packages/c2pa/libs/libc2pa_c.so`);
/// - the wheel installed for the system's Python (`/usr/local/lib/python3.*/dist-packages/…`).
/// Never the current directory: a library is code, and a folder of evidence is not a place to take code from.
public enum C2PALibrary {
    /// The environment variable that names the library's path.
    public static let environmentVariable = "FOOTAGE_C2PA_LIBRARY"

    /// The library's version ("c2pa-c-ffi/0.91.3 c2pa-rs/0.91.3") once loaded; nil when it cannot be.
    public static var version: String? { try? loaded.get() }

    /// Why the library cannot be used, in words; nil when it can.
    public static var unavailableReason: String? {
        if case .failure(let failure) = loaded { return failure.reason }
        return nil
    }

    struct Unavailable: Error {
        let reason: String
    }

    /// Settings given to the library before any reading: a manifest is untrusted input, and must not make footage
    /// reach the network (a remote manifest's URL, a certificate's OCSP responder).
    static let settings = #"{"verify":{"remote_manifest_fetch":false,"ocsp_fetch":false}}"#

    /// Loads the library once: its version, or why it could not be loaded.
    static let loaded: Result<String, Unavailable> = {
        guard let path = locate() else {
            return .failure(
                Unavailable(
                    reason: "the C2PA library (libc2pa_c.so from the c2pa-python wheel) was not found; "
                        + "set \(environmentVariable) to its path"))
        }
        var message = [CChar](repeating: 0, count: 512)
        guard cc2pa_load(path, &message, message.count) == 0 else {
            return .failure(Unavailable(reason: String(nulTerminated: message)))
        }
        guard c2pa_load_settings(settings, "json") == 0 else {
            return .failure(Unavailable(reason: "the C2PA library refused footage's settings: \(takeError())"))
        }
        guard let text = c2pa_version() else { return .success("unknown") }
        defer { c2pa_string_free(text) }
        return .success(String(cString: text))
    }()

    /// The library's last error on this thread, taken and freed.
    static func takeError() -> String {
        guard let text = c2pa_error() else { return "unknown error" }
        defer { c2pa_string_free(text) }
        return String(cString: text)
    }

    /// The path to load: `FOOTAGE_C2PA_LIBRARY` when set, else the first wheel found (see the type's summary).
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment[environmentVariable] {
            return FileManager.default.fileExists(atPath: given) ? given : nil
        }
        var folders: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<6 where folder.path != "/" {
                folders.append(folder.appendingPathComponent(".build-venv/lib"))
                folder.deleteLastPathComponent()
            }
        }
        folders += ["/usr/local/lib", "/usr/lib"].map { URL(fileURLWithPath: $0) }
        for folder in folders {
            let pythons = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for python in pythons.sorted().reversed() where python.hasPrefix("python3") {
                for packages in ["site-packages", "dist-packages"] {
                    let path = folder.appendingPathComponent("\(python)/\(packages)/c2pa/libs/libc2pa_c.so").path
                    if FileManager.default.fileExists(atPath: path) { return path }
                }
            }
        }
        return nil
    }
}
