// FileAccess: a path's identity. Two spellings of one file (`lib/../a.drift`, a link to it, an absolute
// path) have one canonical path, so a module imported through each is still one module.

extension FileAccess {
    /// The absolute path with `..` and symbolic links resolved, relative paths taken against
    /// `baseDirectory`, as safe mode compares them. Reads nothing; a path that does not exist is
    /// resolved as far as it exists.
    public static func canonicalPath(_ path: String) -> String {
        AccessPolicy.resolve(resolved(path))
    }
}
