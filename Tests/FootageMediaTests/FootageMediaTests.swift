import Testing
@testable import FootageMedia
