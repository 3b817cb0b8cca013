"""Tests of notebooks/execute.py against a fake kernel (tests/fake_kernel.py).

They check what the runner promises: outputs written (also on failure), a clear error
naming notebook and cell, a per-cell timeout, and kernel start-up retry; each test takes
a few seconds. Run: /usr/bin/python3 -m unittest discover -s notebooks/tests
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
EXECUTE = HERE.parent / "execute.py"
FAKE_KERNEL = HERE / "fake_kernel.py"


class ExecuteTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="ecglab-runner-test-"))
        self.out = self.tmp / "out"
        self.hang_marker = self.tmp / "hung-once"
        self._kernel("fake", [])
        self._kernel("fake-hang", ["--hang"])
        self._kernel("fake-hang-once", ["--hang-once", str(self.hang_marker)])
        self._kernel("fake-dies", ["--die", "java.io.UncheckedIOException: /nowhere/lib does not exist"])

    def tearDown(self):
        subprocess.run(["rm", "-rf", str(self.tmp)], check=False)

    def _kernel(self, name, options):
        spec_dir = self.tmp / "jupyter" / "kernels" / name
        spec_dir.mkdir(parents=True)
        spec = {"argv": [sys.executable, str(FAKE_KERNEL), *options, "{connection_file}"],
                "display_name": name, "language": "java"}
        (spec_dir / "kernel.json").write_text(json.dumps(spec))

    def _notebook(self, name, *sources):
        cells = [new_markdown_cell("# test")] + [new_code_cell(s) for s in sources]
        path = self.tmp / f"{name}.ipynb"
        nbformat.write(new_notebook(cells=cells), path)
        return path

    def _run(self, kernel, *notebooks, startup=3, attempts=3, cell_timeout=30):
        env = dict(os.environ, JUPYTER_PATH=str(self.tmp / "jupyter"),
                   JUPYTER_DATA_DIR=str(self.tmp / "jupyter"))
        command = [sys.executable, str(EXECUTE), "--kernel", kernel, "--out-dir", str(self.out),
                   "--startup-timeout", str(startup), "--attempts", str(attempts),
                   "--cell-timeout", str(cell_timeout), "--overall-timeout", "120",
                   *map(str, notebooks)]
        t0 = time.monotonic()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
        return result, time.monotonic() - t0

    def _outputs(self, name):
        nb = nbformat.read(self.out / f"{name}.ipynb", as_version=4)
        return [c.outputs for c in nb.cells if c.cell_type == "code"]

    def test_runs_every_cell_and_writes_notebook_and_html(self):
        nb1 = self._notebook("01-first", "alpha", "beta")
        nb2 = self._notebook("02-second", "gamma")
        result, _ = self._run("fake", nb1, nb2)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        outputs = self._outputs("01-first")
        self.assertEqual([o[0]["text"] for o in outputs], ["ran: alpha\n", "ran: beta\n"])
        self.assertEqual(outputs[1][1]["data"]["text/plain"], "beta")
        self.assertIn("ran: gamma", (self.out / "02-second.html").read_text())
        self.assertIn("01-first: cell 2/2", result.stdout)

    def test_cell_error_fails_naming_notebook_and_cell_and_keeps_partial_output(self):
        nb = self._notebook("03-broken", "fine", "fail the answer is wrong", "never reached")
        result, _ = self._run("fake", nb)
        self.assertEqual(result.returncode, 1)
        self.assertIn("03-broken: cell 2/3", result.stdout)
        self.assertIn("FakeError: the answer is wrong", result.stdout)
        outputs = self._outputs("03-broken")
        self.assertEqual(outputs[0][0]["text"], "ran: fine\n")
        self.assertEqual(outputs[1][0]["output_type"], "error")
        self.assertEqual(outputs[2], [])
        self.assertTrue((self.out / "03-broken.html").is_file())

    def test_cell_timeout_fails(self):
        nb = self._notebook("04-slow", "sleep 30")
        result, seconds = self._run("fake", nb, cell_timeout=2)
        self.assertEqual(result.returncode, 1)
        self.assertIn("04-slow: cell 1/1", result.stdout)
        self.assertIn("timed out after 2s", result.stdout)
        self.assertLess(seconds, 20)

    def test_kernel_that_never_answers_fails_after_all_attempts(self):
        nb = self._notebook("05-hang", "alpha")
        stale = self.out / "05-hang.html"
        stale.parent.mkdir(parents=True)
        stale.write_text("from an earlier run")
        result, seconds = self._run("fake-hang", nb, startup=2, attempts=2)
        self.assertEqual(result.returncode, 2)
        self.assertFalse(stale.exists(), "an earlier run's output must not survive a failed run")
        self.assertEqual(result.stdout.count("kernel not ready"), 2)
        self.assertIn("did not become ready in 2 attempts", result.stdout)
        self.assertLess(seconds, 30)

    def test_kernel_that_hangs_once_is_restarted(self):
        nb = self._notebook("06-flaky", "alpha")
        result, _ = self._run("fake-hang-once", nb, startup=2, attempts=3)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("attempt 1/3", result.stdout)
        self.assertIn("ready", result.stdout)
        self.assertIn("(attempt 2/3)", result.stdout)
        self.assertEqual(self._outputs("06-flaky")[0][0]["text"], "ran: alpha\n")

    def test_ijava_runtime_error_is_reported_with_the_java_exception(self):
        nb = self._notebook("08-ijava-throw", "fine", "throw java.lang.IllegalStateException the answer is wrong")
        result, _ = self._run("fake", nb)
        self.assertEqual(result.returncode, 1)
        self.assertIn("08-ijava-throw: cell 2/2 (index 2: 'throw java.lang.IllegalStateException the answer is"
                      " wrong') failed with java.lang.IllegalStateException: the answer is wrong",
                      result.stdout)
        self.assertNotIn("failed with EvalException", result.stdout)
        self.assertIn("\n  \tat .(#12:1)\n", result.stdout)  # the user's frame, from the cell's output
        self.assertNotIn("\x1b[", result.stdout)

    def test_ijava_compile_error_is_reported_with_the_javac_diagnostic(self):
        nb = self._notebook("09-ijava-compile", "badimport org.nothere")
        result, _ = self._run("fake", nb)
        self.assertEqual(result.returncode, 1)
        self.assertIn("failed with CompilationException: package org.nothere does not exist", result.stdout)
        self.assertIn("  |   import org.nothere.Foo;", result.stdout)
        self.assertNotIn("CodeEvaluator", result.stdout, "IJava's own stack trace is not the user's error")
        error = self._outputs("09-ijava-compile")[0][0]
        self.assertEqual((error["output_type"], error["ename"]), ("error", "CompilationException"))

    def test_kernel_that_dies_at_start_is_reported_with_its_own_output(self):
        nb = self._notebook("10-dies", "alpha")
        result, seconds = self._run("fake-dies", nb, startup=5, attempts=2)
        self.assertEqual(result.returncode, 2)
        self.assertIn("did not become ready in 2 attempts", result.stdout)
        self.assertIn("the kernel's output in the last attempt:\n"
                      "  java.io.UncheckedIOException: /nowhere/lib does not exist", result.stdout)
        self.assertLess(seconds, 60)

    def test_unknown_kernel_is_reported(self):
        nb = self._notebook("07-nokernel", "alpha")
        result, _ = self._run("no-such-kernel", nb)
        self.assertEqual(result.returncode, 2)
        self.assertIn("no kernel spec named 'no-such-kernel'", result.stdout)


if __name__ == "__main__":
    unittest.main()
