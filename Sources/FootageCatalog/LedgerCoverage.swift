/// Which tables the ledger covers, column by column: the one list `verify` replays against.
///
/// Every table of a catalogue is either a projection of the ledger — each of its rows written by an event that
/// carries the row's image (`RowImage`), so that the events alone say what the table must hold — or named below as
/// not evidence, with the reason. Every column of a covered table is in its image. A test reads the schema of a new
/// catalogue and fails when a table or column is on neither list: a column added by a migration must be covered, or
/// said not to be evidence, before it ships.
public enum LedgerCoverage {
    /// A table whose rows are images recorded in the ledger.
    public struct Table: Sendable {
        public let name: String
        /// The columns that identify a row (the primary key; `rowid` for the full-text index).
        public let key: [String]
        /// Every column of the row's image, the key included.
        public let columns: [String]
        /// Columns added by a migration after events first carried row images: left out of the image while they hold
        /// what the migration gave existing rows (NULL, empty text or an empty blob), so that the images recorded
        /// before the migration still describe the rows they wrote.
        public let laterColumns: Set<String>

        init(name: String, key: [String], columns: [String], laterColumns: Set<String> = []) {
            (self.name, self.key, self.columns, self.laterColumns) = (name, key, columns, laterColumns)
        }
    }

    public static let tables: [Table] = [
        Table(
            name: "clip", key: ["id"],
            columns: [
                "id", "sha256", "size", "format_name", "duration", "bit_rate", "width", "height", "video_codec",
                "audio_codec", "frame_rate", "title", "creation_time", "creation_time_source", "latitude", "longitude",
                "altitude", "location_source", "make", "model", "software", "rotation", "warnings", "probe_json",
                "registered_at", "registered_by",
            ]),
        Table(
            name: "stream", key: ["clip_id", "stream_index"],
            columns: [
                "clip_id", "stream_index", "codec_type", "codec_name", "profile", "width", "height", "pix_fmt",
                "frame_rate", "time_base", "duration", "nb_frames", "sample_rate", "channels", "channel_layout",
                "language", "rotation",
            ]),
        Table(name: "tag", key: ["id"], columns: ["id", "clip_id", "scope", "key", "value"]),
        Table(name: "location", key: ["id"], columns: ["id", "clip_id", "path", "kind", "first_seen"]),
        Table(
            name: "acquisition", key: ["id"],
            columns: [
                "id", "clip_id", "publisher", "platform", "url", "published", "retrieved", "retrieved_by", "note",
                "sidecar_path", "sidecar_sha256", "sidecar_json", "platform_url", "platform_extractor",
                "platform_video_id", "platform_uploader", "platform_channel", "platform_upload_time", "platform_title",
                "platform_description", "platform_retrieved_at", "recorded_at", "recorded_by", "fetch_url",
                "fetch_resolved_url", "fetch_media_url", "fetch_tool", "fetch_extractor", "fetched_at",
            ],
            laterColumns: [
                "fetch_url", "fetch_resolved_url", "fetch_media_url", "fetch_tool", "fetch_extractor", "fetched_at",
            ]),
        Table(
            name: "extraction", key: ["id"],
            columns: [
                "id", "clip_id", "mode", "params", "folder", "sheet_path", "sheet_sha256", "created_at", "created_by",
            ]),
        Table(
            name: "keyframe", key: ["id"],
            columns: [
                "id", "extraction_id", "clip_id", "idx", "pts", "time_base", "time", "width", "height", "path",
                "sha256",
                "pdq", "quality", "score",
            ]),
        Table(
            name: "fingerprint", key: ["clip_id"],
            columns: [
                "clip_id", "rate", "frame_count", "usable_count", "frames", "variants", "data_sha256", "details",
                "created_at", "created_by", "centres", "strips",
            ], laterColumns: ["strips"]),
        Table(
            name: "match", key: ["id"],
            columns: [
                "id", "clip_a", "clip_b", "share_a", "share_b", "offset", "transform", "segments", "matched_frames",
                "mean_distance", "rule", "matched_at", "matched_by", "fingerprint_a", "fingerprint_b", "withdrawn_at",
                "withdrawn_by", "withdrawn_reason",
            ], laterColumns: ["fingerprint_a", "fingerprint_b", "withdrawn_at", "withdrawn_by", "withdrawn_reason"]),
        Table(
            name: "article", key: ["id"],
            columns: [
                "id", "sha256", "format", "headline", "standfirst", "url", "outlet", "published", "author", "body",
                "source_path", "imported_at", "imported_by",
            ]),
        Table(
            name: "claim", key: ["id"],
            columns: [
                "id", "article_id", "idx", "text", "start", "end", "kinds", "attribution", "details", "origin",
                "created_at", "created_by",
            ]),
        Table(
            name: "link", key: ["id"],
            columns: [
                "id", "claim_id", "clip_id", "clip_sha256", "start", "end", "stance", "confidence", "note", "keyframes",
                "created_at", "created_by", "retracted_at", "retracted_by", "retraction_note",
            ]),
        Table(
            name: "assessment", key: ["id"],
            columns: ["id", "clip_id", "clip_sha256", "category", "note", "created_at", "created_by"]),
        Table(
            name: "clip_title", key: ["id"],
            columns: ["id", "clip_id", "clip_sha256", "title", "created_at", "created_by"]),
        Table(
            name: "verification", key: ["id"],
            columns: ["id", "time", "ok", "files", "problems", "problem_list", "events", "head"]),
        Table(
            name: "claim_review", key: ["id"],
            columns: [
                "id", "claim_id", "action", "text", "previous_text", "rating", "note", "created_at", "created_by",
            ]),
        Table(name: "reviewer", key: ["id"], columns: ["id", "name", "url", "created_at", "created_by"]),
        Table(name: "review_url", key: ["id"], columns: ["id", "article_id", "url", "created_at", "created_by"]),
        Table(
            name: "credentials", key: ["clip_id"],
            columns: [
                "clip_id", "state", "codes", "reason", "manifest_json", "library", "recorded_at", "recorded_by",
            ]),
        // The full-text index is what `footage search` answers from: a forged entry would show a note or a claim
        // that was never recorded, so its entries are images too.
        Table(name: "search", key: ["rowid"], columns: ["rowid", "kind", "ref", "field", "text"]),
    ]

    /// Tables that are not evidence, and why.
    public static let notEvidence: [String: String] = [
        "ledger": "the events themselves, checked by their hash chain and their canonical form",
        "grdb_migrations": "the migrations applied, checked against footage's own list when the catalogue opens",
        "seal": "checkpoints kept for convenience: the line `footage seal` prints, kept elsewhere, is what proves the"
            + " ledger was only appended to, and `verify` checks every seal kept here against the chain",
        "seal_timestamp": "time-stamp tokens over seals, each checked by its authority's signature, not by the ledger;"
            + " as events they would move the head they cover",
        "timestamp_authority": "authority certificates tokens are checked against; `verify --tsa-ca` checks against"
            + " certificates the reader trusts instead of these",
        "search_config": "FTS5's storage of the search table, checked through that table",
        "search_content": "FTS5's storage of the search table, checked through that table",
        "search_data": "FTS5's storage of the search table, checked through that table",
        "search_docsize": "FTS5's storage of the search table, checked through that table",
        "search_idx": "FTS5's storage of the search table, checked through that table",
    ]

    public static func table(_ name: String) -> Table? { tables.first { $0.name == name } }
}
