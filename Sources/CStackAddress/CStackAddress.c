// The header holds the only function, inlined where it is used; SwiftPM needs a source file here.
#include "CStackAddress.h"
