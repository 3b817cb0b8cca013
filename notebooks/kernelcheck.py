#!/usr/bin/python3
"""Check a Jupyter kernel the user installed before the runner starts it (`run.sh --kernel NAME`).

The runner hands its settings to such a kernel through the environment (IJAVA_CLASSPATH,
RJK_CLASSPATH, ECGLAB_*, ...), but a kernel spec's own "env" entries take precedence, silently.
For every variable named on the command line this script
  1. warns when the kernel spec sets it to something else than the runner (whose value is this
     process's environment), showing both values;
  2. for the classpath variables, checks each entry of the value the kernel will see: a plain
     path must exist, a glob's folder must exist and the glob must match a file. IJava dies at
     start-up on a glob whose folder does not exist, which Jupyter reports only as "Kernel died
     before replying to kernel_info".
Exit status: 0 (warnings allowed), 1 a classpath entry is wrong, 2 no kernel spec of that name.
Usage: kernelcheck.py --kernel NAME VARIABLE...
"""
import argparse
import glob
import os
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

# How each kernel splits its classpath variable (IJava: the OS path separator; rapaio: ';').
CLASSPATH_SEPARATORS = {"IJAVA_CLASSPATH": os.pathsep, "RJK_CLASSPATH": ";"}
GLOB_CHARS = set("*?[]{}")


def classpath_problem(entry: str):
    """Why a classpath entry cannot work, or None."""
    parts = Path(entry).parts
    globbed = [i for i, part in enumerate(parts) if GLOB_CHARS & set(part)]
    if not globbed:
        return None if Path(entry).exists() else "does not exist"
    folder = Path(*parts[:globbed[0]]) if globbed[0] else Path(".")
    if not folder.is_dir():
        return f"its folder {folder} does not exist (build the library first?)"
    if not glob.glob(entry):
        return "matches no file"
    return None


def check(kernel: str, variables, runner_env) -> int:
    try:
        spec = KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        print(f"kernelcheck.py: ERROR: no kernel spec named '{kernel}' (see `jupyter kernelspec list`)",
              file=sys.stderr)
        return 2
    where = f"kernel spec '{kernel}' ({Path(spec.resource_dir) / 'kernel.json'})"
    status = 0
    for name in variables:
        ours = runner_env.get(name)
        theirs = spec.env.get(name)
        if theirs is not None and theirs != ours:
            print(f"kernelcheck.py: WARNING: {where} sets {name} in its env, which overrides the runner's;"
                  f" the kernel will see the spec's value\n  spec:   {theirs}\n  runner: {ours}",
                  file=sys.stderr)
        value = theirs if theirs is not None else ours
        if name in CLASSPATH_SEPARATORS and value:
            origin = where if theirs is not None else "the runner"
            for entry in filter(None, value.split(CLASSPATH_SEPARATORS[name])):
                problem = classpath_problem(entry)
                if problem:
                    print(f"kernelcheck.py: ERROR: {name} entry '{entry}' (from {origin}): {problem}",
                          file=sys.stderr)
                    status = 1
    return status


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kernel", required=True, help="kernel spec name")
    p.add_argument("variables", nargs="+", help="environment variables the runner sets for the kernel")
    opts = p.parse_args(argv)
    return check(opts.kernel, opts.variables, os.environ)


if __name__ == "__main__":
    sys.exit(main())
