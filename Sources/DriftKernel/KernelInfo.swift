// KernelInfo: what `kernel_info_reply` says about the kernel — protocol version, implementation,
// `language_info` (the same record `drift notebook -o x.ipynb` writes), a banner and help links to the
// documentation of the checkout the binary was built from, when it is there.
import DriftLang
import Foundation

extension KernelInfoReply {
    static var drift: KernelInfoReply {
        KernelInfoReply(
            implementationVersion: JupyterLanguage.version,
            languageInfo: JupyterLanguage.languageInfo,
            banner: "Drift \(JupyterLanguage.version): a scripting language for investigating model drift.\n"
                + "help() lists the builtins; help(\"name\") or Shift-Tab on a name shows one.",
            helpLinks: helpLinks)
    }

    /// The docs directory of the source tree this file was compiled from.
    private static let documentation = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs")

    private static var helpLinks: [HelpLink] {
        [("Drift language", "language.md"), ("Drift kernel", "kernel.md")].compactMap { text, page in
            let url = documentation.appendingPathComponent(page)
            return FileManager.default.fileExists(atPath: url.path) ? HelpLink(text: text, url: url.absoluteString) : nil
        }
    }
}
