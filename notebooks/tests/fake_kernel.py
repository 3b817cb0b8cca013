#!/usr/bin/python3
"""A minimal Jupyter kernel for testing notebooks/execute.py without Java.

It speaks just enough of the messaging protocol (kernel_info, execute, shutdown,
interrupt) for nbclient. What a cell does is decided by its source:
  fail <message>          error reply with ename "FakeError"
  throw <Class> <message> a Java exception as IJava 1.3.0 reports it (see below)
  badimport <package>     a compile error as IJava 1.3.0 reports it (see below)
  env <NAME>              print the value of environment variable NAME
  sleep <seconds>         sleep, then succeed
  anything else           print "ran: <source>" and return the source as text/plain
IJava (built on jupyter-jvm-basekernel 2.3.0) publishes an `error` output formatted by its
JavaKernel.formatError and replies with ErrorReply.of(exception): the same ename (the Java
exception's simple name: EvalException for anything user code throws, CompilationException for
javac errors) but the exception's own stack trace as traceback, i.e. IJava's internals for a
compile error, whose javac diagnostic is only in the published output.
Start-up behaviour, for the retry tests:
  --hang            never bind any socket (a kernel that never answers)
  --hang-once FILE  hang if FILE does not exist (creating it), otherwise behave
  --die MESSAGE     print MESSAGE to stderr and exit 1 (e.g. IJava failing on its classpath)
Usage (kernel.json argv): fake_kernel.py [--hang | --hang-once FILE | --die MESSAGE] {connection_file}
"""
import os
import json
import sys
import threading
import time
from pathlib import Path

import zmq
from jupyter_client.session import Session


def hang_forever() -> None:
    while True:
        time.sleep(3600)


def main(argv) -> None:
    if argv[0] == "--hang":
        hang_forever()
    if argv[0] == "--die":
        print(argv[1], file=sys.stderr, flush=True)
        sys.exit(1)
    if argv[0] == "--hang-once":
        marker = Path(argv[1])
        if not marker.exists():
            marker.touch()
            hang_forever()
    config = json.loads(Path(argv[-1]).read_text())
    Kernel(config).serve()


class Kernel:
    def __init__(self, config: dict):
        self.session = Session(key=config["key"].encode(),
                               signature_scheme=config["signature_scheme"])
        self.ctx = zmq.Context()
        address = f"{config['transport']}://{config['ip']}:"
        self.shell = self._bind(zmq.ROUTER, address, config["shell_port"])
        self.control = self._bind(zmq.ROUTER, address, config["control_port"])
        self.stdin = self._bind(zmq.ROUTER, address, config["stdin_port"])
        self.iopub = self._bind(zmq.PUB, address, config["iopub_port"])
        self.hb = self._bind(zmq.REP, address, config["hb_port"])
        self.count = 0

    def _bind(self, kind, address, port):
        socket = self.ctx.socket(kind)
        socket.bind(f"{address}{port}")
        return socket

    def _echo_heartbeats(self) -> None:
        while True:
            self.hb.send(self.hb.recv())

    def serve(self) -> None:
        threading.Thread(target=self._echo_heartbeats, daemon=True).start()
        poller = zmq.Poller()
        poller.register(self.shell, zmq.POLLIN)
        poller.register(self.control, zmq.POLLIN)
        while True:
            for socket, _ in poller.poll():
                idents, msg = self.session.feed_identities(socket.recv_multipart())
                self.handle(socket, idents, self.session.deserialize(msg))

    def publish(self, parent, msg_type, content) -> None:
        self.session.send(self.iopub, msg_type, content, parent=parent)

    def reply(self, socket, idents, parent, msg_type, content) -> None:
        self.session.send(socket, msg_type, content, parent=parent, ident=idents)

    def handle(self, socket, idents, msg) -> None:
        kind = msg["header"]["msg_type"]
        self.publish(msg, "status", {"execution_state": "busy"})
        if kind == "kernel_info_request":
            self.reply(socket, idents, msg, "kernel_info_reply", {
                "status": "ok", "protocol_version": "5.3", "implementation": "fake",
                "implementation_version": "1", "banner": "fake kernel",
                "language_info": {"name": "java", "file_extension": ".java",
                                  "mimetype": "text/x-java-source"}})
        elif kind == "execute_request":
            self.execute(socket, idents, msg)
        elif kind == "shutdown_request":
            self.reply(socket, idents, msg, "shutdown_reply", {"status": "ok", "restart": False})
            self.publish(msg, "status", {"execution_state": "idle"})
            time.sleep(0.1)
            sys.exit(0)
        elif kind == "interrupt_request":
            self.reply(socket, idents, msg, "interrupt_reply", {"status": "ok"})
        self.publish(msg, "status", {"execution_state": "idle"})

    def execute(self, socket, idents, msg) -> None:
        code = msg["content"]["code"].strip()
        silent = msg["content"].get("silent", False)
        if not silent:
            self.count += 1
            self.publish(msg, "execute_input", {"code": code, "execution_count": self.count})
        if code.startswith("fail"):
            error = {"ename": "FakeError", "evalue": code[4:].strip(), "traceback": [f"FakeError: {code}"]}
            self.fail(socket, idents, msg, error, error["traceback"])
            return
        if code.startswith("throw "):
            self.fail(socket, idents, msg, *ijava_runtime_error(code))
            return
        if code.startswith("badimport "):
            self.fail(socket, idents, msg, *ijava_compile_error(code))
            return
        if code.startswith("env "):
            name = code.split()[1]
            self.publish(msg, "stream", {"name": "stdout", "text": f"{name}={os.environ.get(name)}\n"})
            code = ""
        if code.startswith("sleep"):
            time.sleep(float(code.split()[1]))
        if code and not silent:
            self.publish(msg, "stream", {"name": "stdout", "text": f"ran: {code}\n"})
            self.publish(msg, "execute_result", {"execution_count": self.count, "metadata": {},
                                                 "data": {"text/plain": code}})
        self.reply(socket, idents, msg, "execute_reply",
                   {"status": "ok", "execution_count": self.count, "user_expressions": {}})

    def fail(self, socket, idents, msg, shown: dict, reply_traceback: list) -> None:
        """Publish `shown` as the cell's error output; reply with the same name but another traceback."""
        self.publish(msg, "error", shown)
        self.reply(socket, idents, msg, "execute_reply",
                   {"status": "error", "execution_count": self.count, "ename": shown["ename"],
                    "evalue": shown["evalue"], "traceback": reply_traceback})


RED, BLACK, RESET = "\x1b[1;31m", "\x1b[1;30m", "\x1b[0m"


def ijava_runtime_error(code: str):
    """IJava's report of `throw <Class> <message>`: formatEvalException puts the class back."""
    _, java_class, message = code.split(" ", 2)
    shown = {"ename": "EvalException", "evalue": message, "traceback": [
        f"{RED}---------------------------------------------------------------------------{RESET}",
        f"{RED}{java_class}: {message}{RESET}",
        f"{RED}\tat .(#12:1){RESET}", ""]}
    return shown, ["REPL.$JShell$12.do_it$($JShell$12.java:1)"]


def ijava_compile_error(code: str):
    """IJava's report of a javac error: the diagnostic is only in the published output."""
    package = code.split()[1]
    shown = {"ename": "CompilationException", "evalue": "", "traceback": [
        f"{BLACK}|   {RESET}import {RED}{package}.Foo{RESET};",
        f"{RED}package {package} does not exist{RESET}", ""]}
    internals = ["io.github.spencerpark.ijava.execution.CodeEvaluator.evalSingle(CodeEvaluator.java:124)",
                 "io.github.spencerpark.ijava.execution.CodeEvaluator.eval(CodeEvaluator.java:156)",
                 "io.github.spencerpark.ijava.JavaKernel.eval(JavaKernel.java:253)"]
    return shown, internals


if __name__ == "__main__":
    main(sys.argv[1:])
