package org.ecglab.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link OneDnnSwitch} of the libtorch that DJL loaded, through JNA (on the classpath through DJL's api).
 *
 * <p>DJL exposes no such switch, so this calls libtorch's exported C++ members {@code at::globalContext()},
 * {@code at::Context::userEnabledMkldnn()} and {@code at::Context::setUserEnabledMkldnn(bool)} by their Itanium
 * mangled names (Linux and macOS; the receiver is the first argument). Where the library or a symbol is missing
 * (Windows, another libtorch), {@link #available()} is false and nothing is called.
 */
final class PyTorchOneDnnSwitch implements OneDnnSwitch {
    static final PyTorchOneDnnSwitch INSTANCE = new PyTorchOneDnnSwitch();

    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String GET_ENABLED = "_ZNK2at7Context17userEnabledMkldnnEv";
    private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledMkldnnEb";

    private Bound bound;
    private String unavailableReason;

    private record Bound(Pointer context, Function get, Function set) {
    }

    private PyTorchOneDnnSwitch() {
    }

    @Override
    public synchronized boolean available() {
        return bind() != null;
    }

    /** Why the switch is not available, or null when it is. */
    synchronized String unavailableReason() {
        bind();
        return unavailableReason;
    }

    @Override
    public synchronized boolean enabled() {
        Bound b = require();
        // C++ bool comes back in the low byte of the return register; the upper bytes are undefined.
        return ((Byte) b.get().invoke(Byte.class, new Object[] {b.context()})) != 0;
    }

    @Override
    public synchronized void setEnabled(boolean enabled) {
        Bound b = require();
        b.set().invoke(Void.class, new Object[] {b.context(), enabled ? (byte) 1 : (byte) 0});
    }

    private Bound require() {
        Bound b = bind();
        if (b == null) {
            throw new IllegalStateException("PyTorch's oneDNN switch is not available: " + unavailableReason);
        }
        return b;
    }

    private Bound bind() {
        if (bound != null || unavailableReason != null) {
            return bound;
        }
        try {
            Engine.getEngine("PyTorch"); // loads libtorch, so its folder is known
            Path lib = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
            if (!Files.isRegularFile(lib)) {
                unavailableReason = "no " + lib;
                return null;
            }
            NativeLibrary torch = NativeLibrary.getInstance(lib.toString());
            Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            bound = new Bound(context, torch.getFunction(GET_ENABLED), torch.getFunction(SET_ENABLED));
        } catch (RuntimeException | LinkageError e) {
            unavailableReason = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return bound;
    }
}
