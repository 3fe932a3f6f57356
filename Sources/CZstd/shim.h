// CZstd shim: Zstandard (Debian's libzstd-dev), a codec the Parquet reader decompresses pages with.
#include <zstd.h>
