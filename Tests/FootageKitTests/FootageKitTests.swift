import Testing
@testable import FootageKit
