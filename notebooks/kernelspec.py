#!/usr/bin/python3
"""Write the project's Jupyter kernel spec for rapaio-jupyter-kernel.

We write kernel.json ourselves instead of running rapaio's interactive installer
(`java -jar rapaio-jupyter-kernel.jar -i`), because the installer targets the user's
global Jupyter directories and would overwrite a kernel the user installed. Our spec
lives under build/jupyter/kernels/<name>/ and is found through JUPYTER_PATH.

The kernel reads its configuration from the environment (see rapaio's KernelEnv):
  RJK_CLASSPATH         ';'-separated entries, glob patterns allowed
  RJK_COMPILER_OPTIONS  whitespace-separated javac options for JShell
  RJK_TIMEOUT_MILLIS    per-cell timeout inside the kernel, -1 = none (the runner times cells)
  RJK_INIT_SCRIPT       path of a JShell script run at start-up, '' = none
  RJK_MIMA_CACHE        where %dependency magics cache artifacts (kept under build/)
User code runs inside the kernel JVM (JShell's DirectExecutionControl), so the JVM
options in argv (heap, DJL properties, headless AWT) apply to the notebooks.
"""
import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def build_spec(args: argparse.Namespace) -> dict:
    """Return the kernel.json content for the given paths and options."""
    argv = [args.java]
    argv += args.jvm_option
    argv += ["-jar", str(Path(args.jar).resolve()), "{connection_file}"]
    env = {
        "RJK_CLASSPATH": ";".join(args.classpath),
        "RJK_COMPILER_OPTIONS": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "RJK_INIT_SCRIPT": "",
        "RJK_MIMA_CACHE": str(Path(args.mima_cache).resolve()),
    }
    for item in args.env:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise SystemExit(f"kernelspec.py: --env expects KEY=VALUE, got {item!r}")
        env[key] = value
    return {
        "argv": argv,
        "display_name": args.display_name,
        "language": "java",
        "interrupt_mode": "message",
        "env": env,
        "metadata": {"ecglab": {"generated_by": "notebooks/kernelspec.py"}},
    }


def write_atomically(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same directory, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kernel-dir", required=True, help="directory that receives kernel.json")
    p.add_argument("--java", required=True, help="absolute path of the java executable")
    p.add_argument("--jar", required=True, help="rapaio-jupyter-kernel jar")
    p.add_argument("--classpath", action="append", default=[], help="classpath entry (repeatable)")
    p.add_argument("--jvm-option", action="append", default=[], help="JVM option (repeatable)")
    p.add_argument("--env", action="append", default=[], help="KEY=VALUE for the kernel (repeatable)")
    p.add_argument("--mima-cache", required=True, help="cache directory for dependency magics")
    p.add_argument("--display-name", default="Java (ECG Attribution Lab)")
    args = p.parse_args()
    if not Path(args.jar).is_file():
        print(f"kernelspec.py: kernel jar not found: {args.jar}", file=sys.stderr)
        return 2
    target = Path(args.kernel_dir) / "kernel.json"
    write_atomically(target, json.dumps(build_spec(args), indent=2) + "\n")
    print(f"kernel spec written: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
