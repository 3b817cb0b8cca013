package org.ecglab.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.ecglab.data.EcgFormat;

/**
 * A native buffer that each chunk of ECG-shaped rows is written into once, and that the chunk's input array is made
 * on without a copy. Through a {@code float[]}, a chunk would be copied once more in Java and once more into a direct
 * buffer DJL allocates and zeroes for each array: about 7 µs per row of the 180 to 250 of a saliency map (issue 10's
 * pass profile).
 *
 * <p>The array of a chunk shares this buffer's memory, so it must be closed (its manager closed) before the next
 * chunk is written.
 */
public final class NativeRows {
    private final ByteBuffer bytes;
    private final FloatBuffer floats;

    /** A buffer for chunks of up to {@code maxRows} rows of {@link GradientComputer#ROW_SIZE} values. */
    public NativeRows(int maxRows) {
        bytes = ByteBuffer.allocateDirect(Math.multiplyExact(maxRows, GradientComputer.ROW_SIZE * Float.BYTES))
                .order(ByteOrder.nativeOrder());
        floats = bytes.asFloatBuffer();
    }

    /** Starts a chunk: rows are then written, lead-major, one after the other into the returned buffer. */
    public FloatBuffer start() {
        floats.clear();
        return floats;
    }

    /**
     * The chunk written since {@link #start}, {@code rows} rows, as a float32 array {@code (rows, 12, 600)} of
     * {@code manager} on this buffer's memory.
     *
     * @throws IllegalStateException if other than {@code rows} whole rows were written
     */
    public NDArray array(NDManager manager, int rows) {
        int values = rows * GradientComputer.ROW_SIZE;
        if (floats.position() != values) {
            throw new IllegalStateException(floats.position() + " values written for " + rows + " rows of "
                    + GradientComputer.ROW_SIZE);
        }
        bytes.clear().limit(values * Float.BYTES);
        return manager.create(bytes, new Shape(rows, EcgFormat.LEADS, EcgFormat.SAMPLES), DataType.FLOAT32);
    }

    /**
     * The values of a float32 array, read from the engine's memory where it is contiguous (DJL copies it first where
     * it is not); valid while the array is open.
     */
    public static FloatBuffer values(NDArray array) {
        return array.toByteBuffer(true).asFloatBuffer();
    }
}
