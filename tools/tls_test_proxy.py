#!/usr/bin/env python3
"""A TLS front for the test Spark Connect server, as a cluster puts one before its plain gRPC port.

    python3 tools/tls_test_proxy.py DIR LISTEN_PORT TARGET_PORT

Makes a throw-away certificate authority and a certificate for `localhost` in DIR (ca.pem is what a client
trusts, through SSL_CERT_FILE), then accepts TLS on 127.0.0.1:LISTEN_PORT offering HTTP/2 (ALPN "h2", which gRPC
clients require) and forwards the decrypted bytes to 127.0.0.1:TARGET_PORT until it is killed. Prints "ready" once
it listens. Needs the `openssl` command and only Python's standard library.
"""
import asyncio
import os
import ssl
import subprocess
import sys

directory, listen_port, target_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(directory, exist_ok=True)


def openssl(*arguments):
    subprocess.run(["openssl", *arguments], cwd=directory, check=True, capture_output=True)


openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=Drift test CA")
openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
with open(os.path.join(directory, "names.cnf"), "w") as names:
    names.write("subjectAltName=DNS:localhost\n")
openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
        "-days", "2", "-extfile", "names.cnf")

context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(os.path.join(directory, "server.pem"), os.path.join(directory, "server.key"))
context.set_alpn_protocols(["h2"])


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def forward(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer), return_exceptions=True)


async def main():
    server = await asyncio.start_server(forward, "127.0.0.1", listen_port, ssl=context)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
