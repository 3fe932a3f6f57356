// CZlib shim: zlib (Debian's zlib1g-dev), for the Parquet reader's GZIP codec and the CRC-32 page checksums.
#include <zlib.h>
