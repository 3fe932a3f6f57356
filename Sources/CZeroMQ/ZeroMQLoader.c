// ZeroMQLoader: libzmq opened by the kernel when it starts (dlopen), not by the dynamic loader at every start
// of drift. libzmq and the twelve libraries it brings (Kerberos, libsodium, OpenPGM, NORM, ...) cost every
// `drift run` about 1.5 ms of a 10 ms start-up, measured with a program that only links them; only
// `drift kernel` uses them. A machine without libzmq then runs everything but the kernel, which says so.
#include "CZeroMQ.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define DRIFT_ZMQ_POINTER(type, name, parameters, arguments) static type (*loaded_##name) parameters;
DRIFT_ZMQ_FUNCTIONS(DRIFT_ZMQ_POINTER)

#define DRIFT_ZMQ_FORWARD(type, name, parameters, arguments) \
    type drift_zmq_##name parameters { return loaded_##name arguments; }
DRIFT_ZMQ_FUNCTIONS(DRIFT_ZMQ_FORWARD)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    // Debian's runtime package (libzmq5) has only the versioned name; the unversioned one comes with -dev.
    void *library = dlopen("libzmq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libzmq.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(failure, sizeof failure, "cannot open libzmq (Debian: apt-get install libzmq5): %s", dlerror());
        return;
    }
#define DRIFT_ZMQ_RESOLVE(type, name, parameters, arguments) \
    loaded_##name = (type (*) parameters) dlsym(library, "zmq_" #name); \
    if (!loaded_##name) { \
        snprintf(failure, sizeof failure, "libzmq has no zmq_" #name " (too old?)"); \
        return; \
    }
    DRIFT_ZMQ_FUNCTIONS(DRIFT_ZMQ_RESOLVE)
}

const char *drift_zmq_load(void) {
    pthread_once(&once, load);
    return failure[0] ? failure : NULL;
}
