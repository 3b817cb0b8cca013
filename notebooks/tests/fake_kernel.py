#!/usr/bin/python3
"""A minimal Jupyter kernel for testing notebooks/execute.py without Java.

It speaks just enough of the messaging protocol (kernel_info, execute, shutdown,
interrupt) for nbclient. What a cell does is decided by its source:
  fail <message>   error reply with ename "FakeError"
  sleep <seconds>  sleep, then succeed
  anything else    print "ran: <source>" and return the source as text/plain
Start-up behaviour, for the retry tests:
  --hang            never bind any socket (a kernel that never answers)
  --hang-once FILE  hang if FILE does not exist (creating it), otherwise behave
Usage (kernel.json argv): fake_kernel.py [--hang | --hang-once FILE] {connection_file}
"""
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
            self.publish(msg, "error", error)
            self.reply(socket, idents, msg, "execute_reply",
                       {"status": "error", "execution_count": self.count, **error})
            return
        if code.startswith("sleep"):
            time.sleep(float(code.split()[1]))
        if code and not silent:
            self.publish(msg, "stream", {"name": "stdout", "text": f"ran: {code}\n"})
            self.publish(msg, "execute_result", {"execution_count": self.count, "metadata": {},
                                                 "data": {"text/plain": code}})
        self.reply(socket, idents, msg, "execute_reply",
                   {"status": "ok", "execution_count": self.count, "user_expressions": {}})


if __name__ == "__main__":
    main(sys.argv[1:])
