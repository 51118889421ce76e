import FootageMedia
import Synchronization

/// Says once per command, on stderr, that C2PA was not checked because the C2PA library is missing: every file's
/// state is then "not checked", which must never read as "no manifest".
final class CredentialsNotice: Sendable {
    private let said = Mutex(false)

    func note(_ credentials: ContentCredentials?) {
        guard let credentials, credentials.libraryMissing else { return }
        let first = said.withLock { said in
            defer { said = true }
            return !said
        }
        if first {
            Output.error("C2PA was not checked: \(Output.safe(credentials.reason ?? "no C2PA library"))")
        }
    }
}
