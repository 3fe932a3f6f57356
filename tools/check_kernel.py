#!/usr/bin/env python3
"""Checks `drift kernel` against Jupyter's own client libraries. Run from the package root after a build:

    python3 tools/check_kernel.py [path/to/drift]

It installs the kernel spec into a temporary prefix, then
- runs jupyter_kernel_test's KernelTests (the reference harness for kernels) against it;
- executes every workshop notebook written by `drift notebook -o ...ipynb` with nbclient, and
  examples/notebook.drift converted by Jupytext, checking the SVG figures come back cell by cell;
- sends hostile messages: a wrong key, no signature, malformed JSON, an oversize frame (each gets no
  reply, is logged, and the kernel goes on), and pings the heartbeat;
- interrupts a 1M-row read_csv by SIGINT and by interrupt_request, and an endless loop by interrupt_request
  (a KeyboardInterrupt error, and the next cell still sees the earlier variables; the read_csv tests are
  skipped when a release build has read the file before the interrupt), aborts the cells queued behind a failing one, and shuts
  the kernel down and restarts it.

Needs jupyter_client, jupyter_kernel_test, nbclient, nbformat, jupytext and pyzmq (CI installs them in a
throw-away virtual environment). Prints "kernel: N passed, N failed, N skipped" and exits 1 on a failure.
"""
import glob, hashlib, hmac, json, os, subprocess, sys, tempfile, time, unittest, uuid

drift = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/drift")
root = os.getcwd()
work = tempfile.mkdtemp(prefix="drift-kernel-check-")
subprocess.run([drift, "kernel", "install", "--prefix", work], check=True, stdout=subprocess.DEVNULL)
os.environ["JUPYTER_PATH"] = os.path.join(work, "share", "jupyter")
os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(work, "runtime")

import jupyter_client, jupyter_kernel_test, nbclient, nbformat, jupytext, zmq  # noqa: E402  (after JUPYTER_PATH)

SAMPLE = os.path.join(root, "examples", "data", "credit_reference.csv")


class DriftKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "drift"
    language_name = "drift"
    file_extension = ".drift"
    code_hello_world = 'print("hello, world")'
    # Drift programs have no standard error: errors are `error` messages, tested below.
    completion_samples = [{"text": "read_cs", "matches": {"read_csv"}}, {"text": "ks_te", "matches": {"ks_test"}}]
    complete_code_samples = ["1 + 2", "let x = 3", "fn f(x) {\n  x * 2\n}"]
    incomplete_code_samples = ["fn f(x) {", "let v = [1, 2,", '"an open string']
    invalid_code_samples = ["1 +* 2", "let = 3"]
    code_generate_error = "nope + 1"
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "hist([1, 2, 2, 3])", "mime": "image/svg+xml"},
        {"code": f'read_csv("{SAMPLE}") |> head(2)', "mime": "text/html"},
        {"code": "ks_test([1, 2, 3, 4], [2, 3, 4, 5])", "mime": "text/markdown"},
    ]
    code_display_data = [
        {"code": "show(hist([1, 2, 3]))", "mime": "image/svg+xml"},
        {"code": f'show(read_csv("{SAMPLE}") |> head(3))', "mime": "text/html"},
    ]
    code_history_pattern = "6 ?*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "mean"


def svg_counts(notebook):
    """The number of SVG outputs of each code cell, in order."""
    return [sum("image/svg+xml" in output.get("data", {}) for output in cell.get("outputs", []))
            for cell in notebook.cells if cell.cell_type == "code"]


class NotebookTests(unittest.TestCase):
    def execute(self, notebook, directory):
        # The kernel runs in the notebook's directory, as Jupyter runs it and as `drift notebook` resolves
        # the script's relative paths.
        client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="drift",
                                         resources={"metadata": {"path": os.path.join(root, directory)}})
        client.execute()
        return notebook

    def test_workshop_notebooks_run_under_the_kernel(self):
        shipped = (["examples/notebook.drift", "examples/pharmacy.drift"] + sorted(glob.glob("examples/workshop/*.drift"))
                   + sorted(glob.glob("examples/workshop/solutions/*.drift")))
        for script in shipped:
            with self.subTest(script=script):
                target = os.path.join(work, os.path.basename(script).replace(".drift", ".ipynb"))
                subprocess.run([drift, "notebook", script, "-o", target], check=True, capture_output=True)
                written = nbformat.read(target, as_version=4)
                expected = svg_counts(written)
                self.assertGreater(sum(expected), 0, "the written notebook has no figures")
                executed = self.execute(written, os.path.dirname(script))  # nbclient raises CellExecutionError on an error
                self.assertEqual(svg_counts(executed), expected)
                info = executed.metadata.language_info
                self.assertEqual((info.name, info.file_extension), ("drift", ".drift"))

    def test_a_script_converted_by_jupytext_runs(self):
        with open("examples/notebook.drift") as script:
            notebook = jupytext.reads(script.read(), fmt="py:percent")
        notebook.metadata["kernelspec"] = {"name": "drift", "display_name": "Drift", "language": "drift"}
        self.assertGreater(sum(svg_counts(self.execute(notebook, "examples"))), 0)


class KernelProcessTests(unittest.TestCase):
    """Messages a client with the right key would never send, interrupts and restarts."""

    def setUp(self):
        self.log = open(os.path.join(work, f"kernel-{uuid.uuid4().hex}.log"), "w+")
        self.km = jupyter_client.KernelManager(kernel_name="drift")
        self.km.start_kernel(stderr=self.log)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)
        self.log.close()

    def run_cell(self, code, timeout=60):
        self.kc.execute(code)
        return self.kc.get_shell_msg(timeout=timeout)["content"]

    def raw_shell(self):
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        info = self.km.get_connection_info()
        socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        return socket

    def frames(self, key, content=b"{}", signature=None):
        header = json.dumps({"msg_id": uuid.uuid4().hex, "msg_type": "kernel_info_request", "session": "x",
                             "username": "x", "date": "", "version": "5.3"}).encode()
        parts = [header, b"{}", b"{}", content]
        if signature is None:
            signature = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()
        return [b"<IDS|MSG>", signature] + parts

    def assert_no_reply_and_alive(self, frames, logged):
        socket = self.raw_shell()
        socket.send_multipart(frames)
        self.assertEqual(socket.poll(1500), 0, "the kernel answered a message it should have dropped")
        socket.close()
        self.assertEqual(self.kc.kernel_info(reply=True, timeout=30)["content"]["status"], "ok")
        self.log.seek(0)
        self.assertIn(logged, self.log.read())

    def test_dropped_messages(self):
        key = self.km.session.key
        self.assert_no_reply_and_alive(self.frames(b"the-wrong-key"), "missing or wrong signature")
        self.assert_no_reply_and_alive(self.frames(key, signature=b""), "missing or wrong signature")
        self.assert_no_reply_and_alive(self.frames(key, content=b'{"code": '), "is not a JSON object")
        self.assert_no_reply_and_alive(self.frames(key, content=b"{" + b" " * (17 << 20) + b"}"), "")
        # A correctly signed request still gets its answer.
        socket = self.raw_shell()
        socket.send_multipart(self.frames(key))
        self.assertEqual(socket.poll(30000), zmq.POLLIN)
        socket.close()

    def test_heartbeat_echoes(self):
        socket = zmq.Context.instance().socket(zmq.REQ)
        socket.linger = 0
        info = self.km.get_connection_info()
        socket.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
        socket.send(b"ping")
        self.assertEqual(socket.poll(10000), zmq.POLLIN)
        self.assertEqual(socket.recv(), b"ping")
        socket.close()

    def large_csv(self):
        path = os.path.join(work, "million.csv")
        if not os.path.exists(path):
            with open(path, "w") as out:
                out.write("x,y,z\n" + "1.5,-2.25,0.125\n" * 1_000_000)
        return path

    def interrupted(self, interrupt, code, what, may_finish_first=False):
        """Runs `code` (which defines `big`), interrupts it after 0.3 s and checks the session goes on; skips when
        `code` may end on its own and did before the interrupt."""
        self.assertEqual(self.run_cell("let kept = 7")["status"], "ok")
        self.kc.execute(code)
        time.sleep(0.3)
        if may_finish_first and self.kc.shell_channel.msg_ready():
            # A release build reads the million rows in less than the wait; the loop test still runs.
            self.assertEqual(self.kc.get_shell_msg(timeout=10)["content"]["status"], "ok")
            self.skipTest("read_csv finished before the interrupt (a release build): nothing left to interrupt")
        asked = time.monotonic()
        interrupt()
        reply = self.kc.get_shell_msg(timeout=60)["content"]
        stopped = time.monotonic() - asked
        self.assertEqual((reply["status"], reply["ename"]), ("error", "KeyboardInterrupt"))
        # The issue asks for half a second; a loaded CI machine running a debug build gets more room.
        self.assertLess(stopped, 1.5, f"{what} stopped {stopped:.2f} s after the interrupt")
        print(f"  interrupt stopped {what} in {stopped:.2f} s", file=sys.stderr)
        self.assertEqual(self.run_cell("kept")["status"], "ok")
        self.assertEqual(self.run_cell("big")["status"], "error")

    def read_large_csv(self):
        return f'let big = read_csv("{self.large_csv()}")'

    def test_sigint_stops_read_csv_and_keeps_the_session(self):
        self.interrupted(self.km.interrupt_kernel, self.read_large_csv(), "read_csv", may_finish_first=True)

    def test_interrupt_request_stops_read_csv_and_keeps_the_session(self):
        self.interrupted(self.request_interrupt, self.read_large_csv(), "read_csv", may_finish_first=True)
        self.assertEqual(self.kc.control_channel.get_msg(timeout=10)["msg_type"], "interrupt_reply")

    def test_interrupt_request_stops_a_loop_and_keeps_the_session(self):
        self.interrupted(self.request_interrupt, "fn spin() { let n = 0; while true { n = n + 1 }; n }\nlet big = spin()", "a loop")
        self.assertEqual(self.kc.control_channel.get_msg(timeout=10)["msg_type"], "interrupt_reply")

    def request_interrupt(self):
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request", {}))

    def test_cells_queued_behind_a_failure_are_aborted(self):
        # Run All: the first cell reads for a while, then fails as it runs (a check-time error would fail it before
        # the two behind it have arrived); they are queued by then.
        ids = [self.kc.execute(f'let rows = read_csv("{self.large_csv()}")\nrows.nope'), self.kc.execute("let after = 1"),
               self.kc.execute("after")]
        replies = {}
        while len(replies) < 3:
            reply = self.kc.get_shell_msg(timeout=60)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual([replies[i] for i in ids], ["error", "aborted", "aborted"])
        self.assertEqual(self.run_cell("1 + 1")["status"], "ok")

    def test_restart_and_shutdown(self):
        self.assertEqual(self.run_cell("let before = 1")["status"], "ok")
        self.km.restart_kernel()
        self.kc.wait_for_ready(timeout=60)
        self.assertEqual(self.run_cell("before")["status"], "error")  # a fresh session
        started = time.monotonic()
        self.km.shutdown_kernel()
        self.assertFalse(self.km.is_alive())
        # A kernel that ignored shutdown_request would be killed after jupyter_client's 5 s wait.
        self.assertLess(time.monotonic() - started, 4)


if __name__ == "__main__":
    suite = unittest.TestSuite()
    for case in [DriftKernelTests, NotebookTests, KernelProcessTests]:
        suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(case))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"kernel: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed, {len(result.skipped)} skipped")
    sys.exit(1 if failed else 0)
