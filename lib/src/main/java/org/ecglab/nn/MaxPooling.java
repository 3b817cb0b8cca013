package org.ecglab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;

/**
 * One-dimensional max pooling with PyTorch's semantics, {@code y[n, c, i] = max_{0 <= j < k} x[n, c, s·i + j − p]}
 * (padding counts as −∞, floor mode), whose gradient goes to the first maximum of each window, exactly as
 * {@code torch.nn.functional.max_pool1d}'s.
 *
 * <p>While gradients are recorded, the position of each window's first maximum is found on a detached view, by
 * comparing the window's strided views {@code v_j = x[..., j :: s]} in order: {@code v_j} takes over where
 * {@code v_j > best or isnan(v_j)}. The strict comparison keeps the earlier element on ties and a later NaN wins, as
 * in libtorch's kernel. Only {@code gather(x, positions)} is recorded, and its gradient is one scatter into zeros, as
 * the pooling's own backward. So values and the routing of the gradient are those of libtorch's
 * {@code max_pool1d_with_indices}, bit for bit. That kernel, which PyTorch runs whenever gradients are recorded, is
 * scalar, and it took about a sixth of a training step of the default CNN on one thread (issue 15's profile).
 * Without recording, libtorch's own pooling runs.
 */
public final class MaxPooling {
    private MaxPooling() {
    }

    /** {@code x} of shape {@code (N, C, L)} pooled to {@code (N, C, floor((L + 2p − k) / s) + 1)}. */
    public static NDArray pool(NDArray x, int kernel, int stride, int padding) {
        if (!JniUtils.isGradMode()) {
            return Pool.maxPool1d(x, new Shape(kernel), new Shape(stride), new Shape(padding), false);
        }
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding), Float.NEGATIVE_INFINITY);
        long length = padded.getShape().get(2);
        if (length < kernel) {
            throw new IllegalArgumentException("max pooling over " + kernel + " samples needs at least that many, got "
                    + length + " (with padding)");
        }
        long span = (length - kernel) / stride * stride + 1;
        // The first maximum's offset in each window, found on a detached view (nothing recorded); then only the
        // gather is recorded, whose gradient is one scatter into zeros, as libtorch's pooling backward does.
        NDArray values = padded.stopGradient();
        NDArray best = window(values, 0, span, stride);
        NDArray offset = null;
        for (int j = 1; j < kernel; j++) {
            NDArray v = window(values, j, span, stride);
            NDArray later = v.gt(best).logicalOr(v.isNaN());
            // A boolean offset is promoted to int64 where it is added to the window starts below.
            offset = offset == null ? later : NDArrays.where(later, values.getManager().full(later.getShape(), j,
                    DataType.INT64), offset.toType(DataType.INT64, false));
            if (j < kernel - 1) {
                best = NDArrays.where(later, v, best);
            }
        }
        NDArray starts = values.getManager().arange(0, (int) span, stride, DataType.INT64);
        NDArray index = offset == null ? starts.broadcast(best.getShape()) : offset.add(starts);
        return padded.gather(index, 2);
    }

    private static NDArray window(NDArray x, long start, long span, int stride) {
        // Built rather than parsed: NDIndex's string form goes through regular expressions on every call.
        return x.get(new NDIndex().addAllDim(2).addSliceDim(start, start + span, stride));
    }
}
