import FootageCatalog
import Foundation

/// `footage seal`: a checkpoint of the ledger for the analyst to publish or send elsewhere, so that anyone holding it
/// can later ask `footage verify --since` whether the ledger has only been appended to since.
public enum Sealing {
    /// Checks the chain, then records and returns the seal. A broken chain is not sealed: the checkpoint would
    /// vouch for the tampering.
    public static func seal(_ catalog: Catalog, analyst: String) throws -> SealRecord {
        if let problem = try catalog.ledgerProblems().first {
            throw WorkflowError.brokenChain(problem)
        }
        return try catalog.seal(actor: analyst)
    }
}
