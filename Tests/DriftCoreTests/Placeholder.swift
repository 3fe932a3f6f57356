import Testing

@Test func placeholderDriftCoreTests() {}
