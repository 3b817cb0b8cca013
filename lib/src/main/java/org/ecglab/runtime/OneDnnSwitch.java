package org.ecglab.runtime;

/**
 * PyTorch's global switch for oneDNN (formerly MKL-DNN) convolutions: the C++ side of Python's
 * {@code torch.backends.mkldnn.enabled}. With it off, PyTorch computes CPU convolutions and their gradients with
 * its own im2col-and-GEMM kernels ("slow_conv2d"), the path it already takes for a single small input.
 */
public interface OneDnnSwitch {
    /** Whether the switch can be read and set in this process. */
    boolean available();

    /** Whether PyTorch currently dispatches CPU convolutions to oneDNN. */
    boolean enabled();

    /** Turns oneDNN convolutions on or off for every later operation in this process. */
    void setEnabled(boolean enabled);

    /** The switch of the PyTorch native library that DJL loaded (see {@link PyTorchOneDnnSwitch}). */
    static OneDnnSwitch pytorch() {
        return PyTorchOneDnnSwitch.INSTANCE;
    }
}
