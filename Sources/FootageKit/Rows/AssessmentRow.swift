import FootageCatalog
import Foundation

/// The analyst's judgement of what a clip is (`assess`, and `show`'s `assessments`, oldest first).
public struct AssessmentRow: Encodable, Sendable {
    public var id: Int64?
    public var clipId: Int64
    public var clipSha256: String
    /// `original`, `decontextualized`, `edited`, `transformed`, `staged` or `satire`.
    public var category: AssessmentCategory
    /// The schema.org `MediaAuthenticityCategory` member the category stands for.
    public var schemaOrg: String?
    public var note: String?
    public var createdAt: String
    public var createdBy: String

    public init(_ assessment: AssessmentRecord) {
        id = assessment.id
        clipId = assessment.clipId
        clipSha256 = assessment.clipSha256
        category = assessment.category
        schemaOrg = assessment.category.schemaOrgName
        note = assessment.note
        createdAt = assessment.createdAt
        createdBy = assessment.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, category, note
        case clipId = "clip_id"
        case clipSha256 = "clip_sha256"
        case schemaOrg = "schema_org"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}
