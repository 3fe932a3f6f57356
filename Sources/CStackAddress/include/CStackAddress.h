// The native stack address of the running function, for the interpreter's stack guard (LargeStack).
// Written in C because Swift can only take an address by making a local variable addressable, which
// puts a stack-protector check into every function that inlines the guard — every interpreted call.
#ifndef C_STACK_ADDRESS_H
#define C_STACK_ADDRESS_H

#include <stdint.h>

static inline uintptr_t drift_stack_address(void) {
    return (uintptr_t)__builtin_frame_address(0);
}

#endif
