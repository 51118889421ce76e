/// The tool's version, recorded in every ledger event that depends on how the tool computes things.
public enum FootageVersion {
    public static let string = "0.1.0"
}
