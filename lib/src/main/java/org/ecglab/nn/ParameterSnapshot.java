package org.ecglab.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A copy of all of a block's parameter arrays, batch-norm running statistics included, in DJL's params encoding.
 * Early stopping takes one at each new best epoch and restores the best at the end; randomisation copies a trained
 * model through one. Serialising (a few hundred kB for the default CNN) sidesteps in-place writes into arrays that
 * autograd tracks.
 */
public final class ParameterSnapshot {
    private final byte[] bytes;

    private ParameterSnapshot(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies the current parameters of an initialised block. */
    public static ParameterSnapshot of(Block block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream dos = new DataOutputStream(out)) {
            block.saveParameters(dos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy parameters in memory", e);
        }
        return new ParameterSnapshot(out.toByteArray());
    }

    /**
     * Replaces the block's parameter arrays by the snapshot's, created in {@code manager}. The old arrays are
     * closed. The restored arrays do not require gradients (the model is done training).
     */
    public void restoreInto(Block block, NDManager manager) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().close();
        }
        try (DataInputStream dis = new DataInputStream(new ByteArrayInputStream(bytes))) {
            block.loadParameters(manager, dis);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore parameters copied from the same block", e);
        }
    }
}
