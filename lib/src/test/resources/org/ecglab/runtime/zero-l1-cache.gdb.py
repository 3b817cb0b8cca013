# gdb script: make oneDNN inside libtorch_cpu believe the per-core L1 data cache is 0 bytes, as on the AMD EPYC
# virtual machines that expose no cache sizes (issue 7), so that the fault can be reproduced on any AVX-512 CPU.
# Used by FaultyCpuEmulationTest; by hand:
#   gdb -batch -nx -ex 'handle SIGSEGV nostop noprint pass' ... -x zero-l1-cache.gdb.py -ex run --args java ...
# It replaces dnnl::impl::cpu::platform::get_per_core_cache_size(int level) (a local symbol, found in the
# library's .symtab) by an immediate return of L1 = 0, L2 = 1 MiB, L3 = 32 MiB per core; each value can be
# overridden with ECGLAB_FAKE_L1 / _L2 / _L3 (bytes).
import os
import gdb

SIZES = {1: int(os.environ.get("ECGLAB_FAKE_L1", "0")),
         2: int(os.environ.get("ECGLAB_FAKE_L2", str(1 << 20))),
         3: int(os.environ.get("ECGLAB_FAKE_L3", str(32 << 20)))}
SYMBOL = "dnnl::impl::cpu::platform::get_per_core_cache_size(int)"


class ImmediateReturn(gdb.Breakpoint):
    """At the function's first instruction: set the return value and return to the caller."""

    def stop(self):
        level = int(gdb.parse_and_eval("$rdi")) & 0xFFFFFFFF
        gdb.execute("set $rax = %d" % SIZES.get(level, 0))
        gdb.execute("set $pc = *(void **) $sp")
        gdb.execute("set $sp = $sp + 8")
        return False


def on_new_objfile(event):
    if os.path.basename(event.new_objfile.filename) != "libtorch_cpu.so" or getattr(on_new_objfile, "done", False):
        return
    ImmediateReturn("*'%s'" % SYMBOL, internal=True)
    on_new_objfile.done = True
    gdb.write("ECGLAB-EMULATION installed: oneDNN per-core cache sizes %s\n" % SIZES)


gdb.events.new_objfile.connect(on_new_objfile)
