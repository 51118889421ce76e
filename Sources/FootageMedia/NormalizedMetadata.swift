/// FootageMedia's reading of a file's metadata: the fields an investigator asks about first, each with
/// the tag it came from, and warnings that say what the metadata means. JSON keys are snake_case.
public struct NormalizedMetadata: Sendable, Codable, Equatable {
    /// When the file says it was made, UTC ISO 8601 (`2017-06-21T14:05:09Z`).
    public var creationTime: String?
    /// The tag `creationTime` came from: `com.apple.quicktime.creationdate`, `creation_time`, `date`,
    /// or a stream's, as `streams[0].creation_time`.
    public var creationTimeTag: String?
    /// Where the file says it was made, parsed from ISO 6709.
    public var location: Location?
    public var make: String?
    public var model: String?
    /// Recording software, e.g. the phone's OS version (`com.apple.quicktime.software`, `software`).
    public var software: String?
    /// The muxing software of the container (`encoder`), e.g. "Lavf58.76.100".
    public var encoder: String?
    public var title: String?
    /// Distinct stream `handler_name` values, in stream order.
    public var handlerNames: [String]
    /// Display rotation of the first video stream in degrees (counter-clockwise positive), if any.
    public var displayRotation: Double?
    /// The streams whose packets are encrypted, and how; nil when none is (the key is then left out of the JSON,
    /// so the probe of an ordinary file reads as it always did).
    public var encryptedStreams: [EncryptedStream]?
    /// What the metadata means for an investigator, one sentence each.
    public var warnings: [String]

    /// One encrypted stream: its index and how it is encrypted.
    public struct EncryptedStream: Sendable, Codable, Equatable {
        public var stream: Int
        public var scheme: String
        public var keyID: String

        enum CodingKeys: String, CodingKey {
            case stream, scheme
            case keyID = "key_id"
        }

        public init(stream: Int, _ encryption: StreamEncryption) {
            self.stream = stream
            self.scheme = encryption.scheme
            self.keyID = encryption.keyID
        }
    }

    /// A location with its source.
    public struct Location: Sendable, Codable, Equatable {
        public var latitude: Double
        public var longitude: Double
        public var altitude: Double?
        /// The tag it came from, e.g. `com.apple.quicktime.location.ISO6709`.
        public var tag: String
        /// The tag's text as written.
        public var raw: String

        public init(latitude: Double, longitude: Double, altitude: Double?, tag: String, raw: String) {
            self.latitude = latitude
            self.longitude = longitude
            self.altitude = altitude
            self.tag = tag
            self.raw = raw
        }
    }

    enum CodingKeys: String, CodingKey {
        case location, make, model, software, encoder, title, warnings
        case creationTime = "creation_time"
        case creationTimeTag = "creation_time_tag"
        case handlerNames = "handler_names"
        case displayRotation = "display_rotation"
        case encryptedStreams = "encrypted_streams"
    }

    public init(
        creationTime: String? = nil, creationTimeTag: String? = nil, location: Location? = nil,
        make: String? = nil, model: String? = nil, software: String? = nil, encoder: String? = nil,
        title: String? = nil, handlerNames: [String] = [], displayRotation: Double? = nil,
        encryptedStreams: [EncryptedStream]? = nil, warnings: [String] = []
    ) {
        self.creationTime = creationTime
        self.creationTimeTag = creationTimeTag
        self.location = location
        self.make = make
        self.model = model
        self.software = software
        self.encoder = encoder
        self.title = title
        self.handlerNames = handlerNames
        self.displayRotation = displayRotation
        self.encryptedStreams = encryptedStreams
        self.warnings = warnings
    }
}
