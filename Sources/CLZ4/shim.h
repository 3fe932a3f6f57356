// CLZ4 shim: LZ4 (Parquet's LZ4_RAW, the raw block format) (Debian's liblz4-dev), a codec the Parquet reader decompresses pages with.
#include <lz4.h>
