// JupyterLanguage: how Drift names itself to Jupyter — the `language_info` a kernel reports and an
// `.ipynb` file records, and the default kernel spec name. `drift notebook -o x.ipynb` and
// `drift kernel` use the same values, so a written notebook re-runs under the installed kernel.

public enum JupyterLanguage {
    /// The language's version: `drift --version` and the kernel report it.
    public static let version = "0.1.0"
    /// The name `drift kernel install` gives the kernel spec unless told otherwise.
    public static let kernelName = "drift"
    public static let displayName = "Drift"
    public static let mimeType = "text/x-drift"
    public static let fileExtension = ".drift"
    /// No Pygments lexer or CodeMirror mode for Drift ships with Jupyter: code shows as plain text.
    public static let pygmentsLexer = "text"
    public static let codeMirrorMode = "text/plain"

    /// The `language_info` record of a notebook and of `kernel_info_reply`.
    public static var languageInfo: [String: String] {
        [
            "name": "drift", "version": version, "mimetype": mimeType, "file_extension": fileExtension,
            "pygments_lexer": pygmentsLexer, "codemirror_mode": codeMirrorMode,
        ]
    }

    /// A notebook's `kernelspec`: the kernel installed under `kernelName`.
    public static var kernelSpec: [String: String] {
        ["name": kernelName, "display_name": displayName, "language": "drift"]
    }
}
