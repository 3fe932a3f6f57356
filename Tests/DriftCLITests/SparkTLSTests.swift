// SparkTLSTests: a script reaches Spark Connect over TLS, through the TLS front .ci/run puts before the test server
// (tools/tls_test_proxy.py, with a certificate of a throw-away authority), trusting that authority through
// SSL_CERT_FILE, with the server's bearer token inside the encrypted connection; without the authority it is a
// clear error. Skipped without DRIFT_TEST_SPARK_TLS (the URL) and DRIFT_TEST_SPARK_CA (the authority's PEM file).
import Foundation
import Testing

private let tlsURL = ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK_TLS"]
private let authority = ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK_CA"]

@Test(.enabled(if: tlsURL != nil && authority != nil, "no TLS front for the Spark test server (DRIFT_TEST_SPARK_TLS, DRIFT_TEST_SPARK_CA)"))
func sparkOverTLSTrustsTheAuthorityInSSLCertFile() throws {
    let script = "print(read_sql(\"\(tlsURL ?? "")\", \"SELECT 6 * 7 AS answer\"))"
    let trusted = try DriftBinary.run(["-e", script], environment: ["SSL_CERT_FILE": authority ?? ""])
    #expect(trusted.status == 0, "\(trusted.error)")
    #expect(trusted.output.contains("42"), "\(trusted.output)")

    let untrusted = try DriftBinary.run(["-e", script], environment: ["SSL_CERT_FILE": ""])
    #expect(untrusted.status == 1)
    #expect(untrusted.error.contains("(over TLS: is the server's certificate signed by a trusted authority? SSL_CERT_FILE names a PEM file of others to trust)"),
            "\(untrusted.error)")
}
