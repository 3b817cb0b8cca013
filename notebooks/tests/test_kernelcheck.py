"""Tests of notebooks/kernelcheck.py: warnings about a kernel spec's env overriding the runner's
variables, and the classpath check before a kernel starts.
Run: /usr/bin/python3 -m unittest discover -s notebooks/tests
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

KERNELCHECK = Path(__file__).resolve().parent.parent / "kernelcheck.py"


class KernelCheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="ecglab-kernelcheck-test-"))
        self.lib = self.tmp / "lib"
        (self.lib / "dependency").mkdir(parents=True)
        (self.lib / "dependency" / "a.jar").write_bytes(b"")
        (self.lib / "classes").mkdir()
        self.ours = f"{self.lib / 'classes'}{os.pathsep}{self.lib / 'dependency' / '*.jar'}"

    def tearDown(self):
        subprocess.run(["rm", "-rf", str(self.tmp)], check=False)

    def _spec(self, name, env):
        spec_dir = self.tmp / "jupyter" / "kernels" / name
        spec_dir.mkdir(parents=True)
        (spec_dir / "kernel.json").write_text(json.dumps(
            {"argv": ["java", "-jar", "ijava.jar", "{connection_file}"], "display_name": name,
             "language": "java", "env": env}))

    def _check(self, kernel, *variables, **runner_env):
        env = dict(os.environ, JUPYTER_PATH=str(self.tmp / "jupyter"), IJAVA_CLASSPATH=self.ours,
                   ECGLAB_THREADS="1", **runner_env)
        return subprocess.run([sys.executable, str(KERNELCHECK), "--kernel", kernel, *variables],
                              env=env, capture_output=True, text=True, timeout=60)

    def test_a_spec_that_sets_nothing_passes_silently(self):
        self._spec("ijava", {})
        result = self._check("ijava", "IJAVA_CLASSPATH", "ECGLAB_THREADS")
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_an_override_is_named_with_both_values(self):
        self._spec("ijava", {"ECGLAB_THREADS": "4", "IJAVA_CLASSPATH": str(self.lib / "classes")})
        result = self._check("ijava", "IJAVA_CLASSPATH", "ECGLAB_THREADS")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("sets ECGLAB_THREADS in its env, which overrides the runner's", result.stderr)
        self.assertIn("  spec:   4\n  runner: 1", result.stderr)
        self.assertIn("sets IJAVA_CLASSPATH in its env", result.stderr)
        self.assertIn(str(self.tmp / "jupyter" / "kernels" / "ijava" / "kernel.json"), result.stderr)

    def test_the_same_value_is_no_override(self):
        self._spec("ijava", {"ECGLAB_THREADS": "1"})
        result = self._check("ijava", "ECGLAB_THREADS")
        self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_a_glob_in_a_missing_folder_is_an_error_before_the_kernel_starts(self):
        missing = self.tmp / "elsewhere" / "target" / "dependency" / "*.jar"
        self._spec("ijava", {"IJAVA_CLASSPATH": f"{self.lib / 'classes'}{os.pathsep}{missing}"})
        result = self._check("ijava", "IJAVA_CLASSPATH")
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"ERROR: IJAVA_CLASSPATH entry '{missing}' (from kernel spec 'ijava'", result.stderr)
        self.assertIn(f"its folder {missing.parent} does not exist", result.stderr)

    def test_runner_classpath_entries_are_checked_too(self):
        self._spec("rjk", {})
        result = self._check("rjk", "RJK_CLASSPATH",
                             RJK_CLASSPATH=f"{self.lib / 'classes'};{self.lib / 'dependency' / '*.zip'};/no/such.jar")
        self.assertEqual(result.returncode, 1)
        self.assertIn("'" + str(self.lib / "dependency" / "*.zip") + "' (from the runner): matches no file",
                      result.stderr)
        self.assertIn("'/no/such.jar' (from the runner): does not exist", result.stderr)

    def test_unknown_kernel(self):
        result = self._check("nothing-here", "IJAVA_CLASSPATH")
        self.assertEqual(result.returncode, 2)
        self.assertIn("no kernel spec named 'nothing-here'", result.stderr)


if __name__ == "__main__":
    unittest.main()
