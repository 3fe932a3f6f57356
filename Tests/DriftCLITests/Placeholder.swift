import Testing

@Test func placeholderDriftCLITests() {}
