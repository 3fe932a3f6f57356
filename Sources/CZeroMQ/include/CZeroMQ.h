// CZeroMQ: the libzmq calls the Jupyter kernel makes (zmq.h from Debian's libzmq3-dev), each as
// drift_zmq_<name>, which calls libzmq's zmq_<name> once drift_zmq_load has opened the library.
#ifndef DRIFT_CZEROMQ_H
#define DRIFT_CZEROMQ_H

#include <zmq.h>

/// Every libzmq function the kernel calls: X(return type, name without zmq_, parameters, arguments).
#define DRIFT_ZMQ_FUNCTIONS(X) \
    X(int, errno, (void), ()) \
    X(const char *, strerror, (int error), (error)) \
    X(void *, ctx_new, (void), ()) \
    X(int, ctx_term, (void *context), (context)) \
    X(int, ctx_shutdown, (void *context), (context)) \
    X(void *, socket, (void *context, int type), (context, type)) \
    X(int, close, (void *socket), (socket)) \
    X(int, bind, (void *socket, const char *endpoint), (socket, endpoint)) \
    X(int, setsockopt, (void *socket, int option, const void *value, size_t length), (socket, option, value, length)) \
    X(int, send, (void *socket, const void *bytes, size_t length, int flags), (socket, bytes, length, flags)) \
    X(int, poll, (zmq_pollitem_t *items, int count, long timeout), (items, count, timeout)) \
    X(int, proxy, (void *frontend, void *backend, void *capture), (frontend, backend, capture)) \
    X(int, msg_init, (zmq_msg_t *message), (message)) \
    X(int, msg_recv, (zmq_msg_t *message, void *socket, int flags), (message, socket, flags)) \
    X(int, msg_close, (zmq_msg_t *message), (message)) \
    X(void *, msg_data, (zmq_msg_t *message), (message)) \
    X(size_t, msg_size, (const zmq_msg_t *message), (message)) \
    X(int, msg_more, (const zmq_msg_t *message), (message))

#define DRIFT_ZMQ_DECLARE(type, name, parameters, arguments) type drift_zmq_##name parameters;
DRIFT_ZMQ_FUNCTIONS(DRIFT_ZMQ_DECLARE)
#undef DRIFT_ZMQ_DECLARE

/// Opens libzmq and finds every function above, once; NULL when that worked, else what went wrong.
/// Call it before any drift_zmq_ function.
const char *drift_zmq_load(void);

#endif
