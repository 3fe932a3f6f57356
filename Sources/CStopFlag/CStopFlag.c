// The flag itself; the header's inline functions read and write it.
#include "CStopFlag.h"

_Atomic unsigned char drift_stop_flag = 0;
