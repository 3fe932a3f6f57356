// The stop flag every long loop polls (DriftCore's Cancellation), in C so that a poll is one load of a
// global the code addresses directly: a Swift global of another module is reached through an accessor
// function, a call at every interpreted call and loop step.
#ifndef C_STOP_FLAG_H
#define C_STOP_FLAG_H

#include <stdatomic.h>

/// 0 while nothing asked to stop, else the reason's code.
extern _Atomic unsigned char drift_stop_flag;

static inline unsigned char drift_stop_reason(void) {
    return atomic_load_explicit(&drift_stop_flag, memory_order_relaxed);
}

/// Sets the reason unless one is set already (async-signal-safe: one lock-free compare-and-exchange).
static inline void drift_request_stop(unsigned char reason) {
    unsigned char none = 0;
    atomic_compare_exchange_strong_explicit(&drift_stop_flag, &none, reason, memory_order_relaxed, memory_order_relaxed);
}

static inline void drift_clear_stop(void) {
    atomic_store_explicit(&drift_stop_flag, 0, memory_order_relaxed);
}

#endif
