import Testing

@Test func placeholderDriftLangTests() {}
