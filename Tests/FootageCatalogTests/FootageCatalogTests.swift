import Testing
@testable import FootageCatalog
