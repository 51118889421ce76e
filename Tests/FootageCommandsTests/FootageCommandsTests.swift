import Testing
@testable import FootageCommands
