#!/usr/bin/python3
"""Execute Jupyter notebooks headlessly, robust to kernels that hang at start-up.

For each notebook, in the order given:
  1. start the kernel and wait until it answers (kernel_info, then a silent empty
     execute request) within --startup-timeout seconds; otherwise kill it and start
     again, up to --attempts times, the last attempt allowed four times as long (a hang
     is caught early; a machine so slow that a healthy start takes longer still gets a
     start). rapaio-jupyter-kernel 3.0.1 sometimes never
     answers at all: its channel threads race at start-up (seen: a shell thread dying
     on a NullPointerException because a request came before its handlers were set,
     and a shell thread alive but never reading). On a busy 2-core machine about one
     start in seven hangs (one in four at a load average of 10), while a healthy start
     takes 1-6 s, so retrying is routine;
  2. run every code cell with a per-cell timeout, printing progress; a failing cell is
     reported with the Java exception, its message and the traceback the notebook shows
     (describe_error), the same under rapaio and IJava;
  3. write OUT/NAME.ipynb (executed) and OUT/NAME.html (images embedded as data URIs),
     each through a temporary file and a rename; this happens when a cell fails too, so
     the partial notebook shows where it stopped (a kernel that never starts leaves no
     output: there is nothing to show, and an earlier run's files are removed first).
An overall deadline bounds the whole run. Exit status: 0 all notebooks passed,
1 a cell failed or timed out, 2 a kernel never became ready, 3 the overall deadline
passed. Kernel stdout/stderr go to OUT/logs/NAME.kernel.log; when no start attempt succeeds,
the kernel's output in the last attempt is shown (a kernel that dies says why there).

Needs nbclient, nbformat, nbconvert and jupyter_client (Debian: jupyter-nbconvert
jupyter-client). The kernel environment is this process's environment plus the
kernel spec's own "env" entries (which take precedence).
"""
import argparse
import asyncio
import os
import re
import signal
import sys
import time
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from nbconvert.preprocessors.coalescestreams import coalesce_streams

# kernelspec.py sits beside this script (sys.path[0]); one atomic writer serves both.
from kernelspec import write_atomically

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# A Java stack trace's first line: a qualified class name, then ": message" or nothing.
JAVA_EXCEPTION_LINE = re.compile(r"^((?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*)(?::\s.*)?$")
STARTED = time.monotonic()
LIVE_KERNELS: set = set()  # kernel managers to kill if we are interrupted


class RunFailure(Exception):
    """A notebook could not be executed; carries the exit status for main()."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def log(message: str) -> None:
    elapsed = time.monotonic() - STARTED
    print(f"[{elapsed:7.1f}s] {message}", flush=True)


def first_line(source: str, width: int = 60) -> str:
    lines = [ln.strip() for ln in source.splitlines() if ln.strip()]
    text = lines[0] if lines else ""
    return text if len(text) <= width else text[: width - 3] + "..."


def describe_error(cell, error: CellExecutionError) -> str:
    """The exception and message of a failed cell, then its traceback, as the notebook shows them.

    The cell's `error` output is what the kernel formatted for the user; the execute reply's
    traceback may be the kernel's own stack trace instead (IJava: for a compile error the javac
    diagnostic is only in the output). Kernels built on JShell name a runtime exception
    `EvalException` and put the real class on the traceback's first line, e.g.
    `java.lang.IllegalStateException: message`; a compile error has no message, so the first
    line that is neither source (`|`) nor a heading (`Compile error:`) is the diagnostic.
    """
    shown = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if shown:
        ename, evalue, traceback = shown[-1]["ename"], shown[-1]["evalue"], shown[-1]["traceback"]
    else:
        ename, evalue, traceback = error.ename, error.evalue, [error.traceback or ""]
    lines = [ln.rstrip() for part in traceback for ln in ANSI.sub("", part).splitlines()]
    lines = [ln for ln in lines if ln.strip() and not set(ln.strip()) <= set("-")]
    evalue = ANSI.sub("", evalue or "").strip()
    if ename == "EvalException":
        for line in lines:
            match = JAVA_EXCEPTION_LINE.match(line.strip())
            if match:
                ename = match.group(1)
                break
    if not evalue:
        evalue = next((ln.strip() for ln in lines if not ln.lstrip().startswith("|")
                       and not ln.rstrip().endswith(":")), "")
    return f"{ename}: {evalue}" + "".join(f"\n  {ln}" for ln in lines)


def kill_process_group(km: AsyncKernelManager) -> None:
    """Kill a kernel synchronously (signal handlers cannot await)."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None or process.poll() is not None:
        return
    try:
        group = os.getpgid(process.pid)
        if group != os.getpgrp():  # jupyter_client starts kernels in their own session
            os.killpg(group, signal.SIGKILL)  # also the kernel's children
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        process.kill()


def peak_memory(km: AsyncKernelManager) -> str:
    """The kernel process's peak resident memory so far (Linux: VmHWM), e.g. ', kernel peak memory 812 MB'; '' elsewhere."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None:
        return ""
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return f", kernel peak memory {int(line.split()[1]) // 1024} MB"
    except OSError:
        pass
    return ""


def kill_all_kernels_and_exit(status: int, reason: str) -> None:
    log(reason)
    for km in list(LIVE_KERNELS):
        kill_process_group(km)
    sys.stdout.flush()
    os._exit(status)


class NotebookRun:
    """Executes one notebook with one kernel; owns the kernel's whole life."""

    def __init__(self, path: Path, opts: argparse.Namespace):
        self.path = path
        self.name = path.stem
        self.opts = opts
        self.startup_timeout = opts.startup_timeout  # of the current start attempt
        self.nb = nbformat.read(path, as_version=4)
        self.client = NotebookClient(
            self.nb,
            timeout=opts.cell_timeout,
            startup_timeout=opts.startup_timeout,
            kernel_name=opts.kernel,
            allow_errors=False,
            record_timing=True,
        )
        self.log_path = Path(opts.out_dir) / "logs" / f"{self.name}.kernel.log"

    async def start_kernel(self) -> None:
        """Start the kernel, retrying when it is not ready within the start-up timeout."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        last_error = "unknown"
        for attempt in range(1, self.opts.attempts + 1):
            t0 = time.monotonic()
            # Hangs come in runs (four in a row seen on an idle machine), so retries keep the short wait; only the
            # last attempt waits four times as long, for a machine too slow to start a healthy kernel in time.
            last = attempt == self.opts.attempts and attempt > 1
            self.startup_timeout = self.opts.startup_timeout * (4 if last else 1)
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(f"\n===== {self.name}: kernel start, attempt {attempt} =====\n")
            try:
                # The outer guard covers anything in the start-up that ignores its own timeout.
                await asyncio.wait_for(self._start_once(), self.startup_timeout + 10)
                log(f"{self.name}: kernel '{self.opts.kernel}' ready in {time.monotonic() - t0:.1f}s"
                    f" (attempt {attempt}/{self.opts.attempts})")
                return
            except NoSuchKernel as e:
                raise RunFailure(f"{self.name}: no kernel spec named '{e.name}'"
                                 " (see `jupyter kernelspec list`)", 2) from e
            except (asyncio.TimeoutError, Empty, RuntimeError, OSError) as e:
                last_error = str(e) or f"no answer ({type(e).__name__})"
                log(f"{self.name}: kernel not ready after {time.monotonic() - t0:.1f}s"
                    f" (attempt {attempt}/{self.opts.attempts}): {last_error}; killing it")
                await self.stop_kernel()
        raise RunFailure(f"{self.name}: kernel '{self.opts.kernel}' did not become ready in"
                         f" {self.opts.attempts} attempts of {self.opts.startup_timeout}s and more"
                         f" (last error: {last_error}); kernel log: {self.log_path}"
                         + self.last_attempt_output(), 2)

    def last_attempt_output(self, max_lines: int = 20) -> str:
        """The kernel's own output during the last start attempt: why a kernel died, if it said."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        last = text[text.rfind("\n===== ") + 1:]  # from the last attempt's marker line on
        lines = [ln for ln in last.splitlines()[1:] if ln.strip()]
        if not lines:
            return ""
        return "\nthe kernel's output in the last attempt:" + "".join(
            f"\n  {ln}" for ln in lines[-max_lines:])

    async def _start_once(self) -> None:
        km = AsyncKernelManager(kernel_name=self.opts.kernel)
        self.client.km = km
        LIVE_KERNELS.add(km)
        with open(self.log_path, "a", encoding="utf-8") as f:
            # The child keeps its own copy of the descriptor.
            await km.start_kernel(cwd=str(self.path.parent.resolve()), stdout=f, stderr=f)
        kc = km.client()
        self.client.kc = kc
        kc.start_channels()
        await kc.wait_for_ready(timeout=self.startup_timeout)
        info = await self._reply(kc.kernel_info())
        self.nb.metadata["language_info"] = info["content"].get("language_info", {})
        # A kernel that answers kernel_info may still hang on its first execute request.
        await self._reply(kc.execute("", silent=True, store_history=False))
        kc.allow_stdin = False

    async def _reply(self, msg_id: str) -> dict:
        kc = self.client.kc
        while True:
            msg = await kc.get_shell_msg(timeout=self.startup_timeout)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    async def stop_kernel(self) -> None:
        km, kc = self.client.km, self.client.kc
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                if km.has_kernel:
                    await asyncio.wait_for(km.shutdown_kernel(now=True), 30)
            except Exception:  # noqa: BLE001 - best effort, the group kill below is the fallback
                pass
            kill_process_group(km)
            await km.cleanup_resources()
            LIVE_KERNELS.discard(km)
        self.client.km = self.client.kc = None

    async def run(self) -> None:
        code_cells = [i for i, c in enumerate(self.nb.cells)
                      if c.cell_type == "code" and c.source.strip()]
        n = len(code_cells)
        log(f"{self.name}: {n} code cells, kernel '{self.opts.kernel}'")
        t_nb = time.monotonic()
        await self.start_kernel()
        try:
            for k, index in enumerate(code_cells, start=1):
                cell = self.nb.cells[index]
                where = f"{self.name}: cell {k}/{n} (index {index}: {first_line(cell.source)!r})"
                log(f"{where} ...")
                t0 = time.monotonic()
                try:
                    await self.client.async_execute_cell(cell, index, execution_count=k)
                except CellTimeoutError as e:
                    raise RunFailure(f"{where} timed out after {self.opts.cell_timeout}s", 1) from e
                except DeadKernelError as e:
                    raise RunFailure(f"{where}: the kernel died (out of memory? see {self.log_path})",
                                     1) from e
                except CellExecutionError as e:
                    raise RunFailure(f"{where} failed with {describe_error(cell, e)}", 1) from e
                log(f"{self.name}: cell {k}/{n} done in {time.monotonic() - t0:.1f}s")
            log(f"{self.name}: all {n} code cells passed in {time.monotonic() - t_nb:.1f}s"
                f"{peak_memory(self.client.km)}")
        finally:
            await self.stop_kernel()
            self.write_outputs()

    def write_outputs(self) -> None:
        out = Path(self.opts.out_dir)
        # Kernels send each print as its own stream message; merge them as Jupyter does.
        coalesce_streams(self.nb, {})
        nbformat.validate(self.nb)
        write_atomically(out / f"{self.name}.ipynb", nbformat.writes(self.nb))
        exporter = HTMLExporter(template_name="lab")
        exporter.embed_images = True  # images referenced from markdown, too
        resources = {"metadata": {"name": self.name, "path": str(self.path.parent.resolve())}}
        body, _ = exporter.from_notebook_node(self.nb, resources=resources)
        write_atomically(out / f"{self.name}.html", body)
        log(f"{self.name}: wrote {out / (self.name + '.ipynb')} and .html")


async def run_all(paths, opts) -> None:
    # Results of an earlier run must not pass for results of this one.
    for path in paths:
        out = opts.out_dir
        for stale in (out / f"{path.stem}.ipynb", out / f"{path.stem}.html",
                      out / "logs" / f"{path.stem}.kernel.log"):
            stale.unlink(missing_ok=True)
    for path in paths:
        await NotebookRun(path, opts).run()


def parse_args(argv):
    p = argparse.ArgumentParser(description="Execute notebooks headlessly (see module docstring).")
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--kernel", default="java", help="kernel spec name (default: java)")
    p.add_argument("--out-dir", type=Path, required=True)
    p.add_argument("--cell-timeout", type=int, default=1800, help="seconds per cell")
    p.add_argument("--startup-timeout", type=int, default=15,
                   help="seconds per start attempt; the last attempt gets four times as long")
    p.add_argument("--attempts", type=int, default=5, help="kernel start attempts per notebook")
    p.add_argument("--overall-timeout", type=int, default=6 * 3600, help="seconds for everything")
    opts = p.parse_args(argv)
    for name in ("cell_timeout", "startup_timeout", "attempts", "overall_timeout"):
        if getattr(opts, name) <= 0:
            p.error(f"--{name.replace('_', '-')} must be positive, got {getattr(opts, name)}")
    missing = [str(nb) for nb in opts.notebooks if not nb.is_file()]
    if missing:
        p.error("notebook not found: " + ", ".join(missing))
    return opts


def main(argv=None) -> int:
    opts = parse_args(argv)
    # Backstop if the event loop itself is stuck: kill kernels and leave.
    signal.signal(signal.SIGALRM, lambda *_: kill_all_kernels_and_exit(
        3, f"overall deadline of {opts.overall_timeout}s passed (hard stop)"))
    signal.alarm(opts.overall_timeout + 60)
    signal.signal(signal.SIGTERM, lambda *_: kill_all_kernels_and_exit(143, "terminated"))
    signal.signal(signal.SIGINT, lambda *_: kill_all_kernels_and_exit(130, "interrupted"))
    try:
        asyncio.run(asyncio.wait_for(run_all(opts.notebooks, opts), opts.overall_timeout))
    except asyncio.TimeoutError:
        kill_all_kernels_and_exit(3, f"ERROR: overall deadline of {opts.overall_timeout}s passed")
    except RunFailure as e:
        log(f"ERROR: {e}")
        return e.status
    log(f"all {len(opts.notebooks)} notebook(s) passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
