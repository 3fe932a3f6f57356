// CSnappy shim: Snappy, Parquet's default codec (Debian's libsnappy-dev), a codec the Parquet reader decompresses pages with.
#include <snappy-c.h>
