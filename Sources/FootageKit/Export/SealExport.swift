import FootageCatalog
import FootageCore
import FootageTimestamps
import Foundation

/// `footage export --format seal -o FOLDER`: every seal's line and every time-stamp token kept with one, as files
/// another tool checks without footage:
///
/// - `seal-N.txt`: seal N's line, exactly the bytes the authorities signed the SHA-256 of (no line end);
/// - `seal-N-tsa-M.tst`: token M over it, as the authority sent it (DER, a CMS ContentInfo: a token, not a response);
/// - `seal-N-tsa-M-certs.pem`: the certificates the token carries (the signer's, and any chain);
/// - `ca.pem`: the authority certificates kept in the catalogue (`seal --tsa-ca`).
///
/// `openssl ts -verify -data seal-N.txt -in seal-N-tsa-M.tst -token_in -CAfile ca.pem -untrusted
/// seal-N-tsa-M-certs.pem` checks a token as `footage verify` does, apart from the nonce, which only the request knew.
public enum SealExport {
    public struct Result: Sendable {
        public var files: [ExportFileRow]
        /// The openssl command for each token, and what the reader should know.
        public var notes: [String]
    }

    public static func write(_ catalog: Catalog, to folder: URL) throws -> Result {
        let seals = try catalog.seals()
        let timestamps = Dictionary(grouping: try catalog.sealTimestamps(), by: \.sealId)
        let authorities = try catalog.timestampAuthorities()
        try ExportFiles.makeFolder(folder)
        var rows: [ExportFileRow] = []
        var notes: [String] = []
        func put(_ data: Data, _ name: String, table: String) throws -> URL {
            let target = folder.appendingPathComponent(name)
            try ExportFiles.write(data, to: target)
            rows.append(
                ExportFileRow(
                    path: target.path, format: CatalogExport.Format.seal.rawValue, table: table, bytes: data.count,
                    sha256: Hashing.sha256Hex(data)))
            return target
        }
        var caFile: URL?
        if !authorities.isEmpty {
            let pem = AuthorityCertificates.pem(authorities.map { Array($0.certificate) })
            caFile = try put(Data(pem.utf8), "ca.pem", table: "ca")
        }
        for seal in seals {
            let line = try put(Data(seal.checkpoint.description.utf8), "seal-\(seal.id).txt", table: "seal")
            for timestamp in timestamps[seal.id] ?? [] {
                let base = "seal-\(seal.id)-tsa-\(timestamp.id)"
                let token = try put(timestamp.token, base + ".tst", table: "token")
                let carried = (try? TimestampToken(der: Array(timestamp.token)))?.certificates ?? []
                var command =
                    "openssl ts -verify -data \(line.path) -in \(token.path) -token_in -CAfile "
                    + (caFile?.path ?? "CA.pem")
                if !carried.isEmpty {
                    let certs = try put(
                        Data(AuthorityCertificates.pem(carried).utf8), base + "-certs.pem", table: "certificates")
                    command += " -untrusted \(certs.path)"
                }
                notes.append("seal \(seal.id), time-stamp by \(timestamp.authority): \(command)")
            }
        }
        if seals.isEmpty { notes.append("no seal is recorded: run `footage seal --tsa URL` first") }
        if caFile == nil && !timestamps.isEmpty {
            notes.append(
                "no authority certificate is kept in the catalogue: give openssl the authority's CA certificate as "
                    + "CA.pem (and `footage seal --tsa URL --tsa-ca FILE` keeps it next time)")
        }
        return Result(files: rows, notes: notes)
    }
}
