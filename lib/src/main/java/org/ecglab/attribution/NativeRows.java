package org.ecglab.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.ecglab.data.EcgFormat;

/**
 * One chunk of ECG-shaped rows, written once, straight into an array the engine allocates. Through a {@code float[]},
 * a chunk would be copied once more in Java and once more into a direct buffer DJL allocates and zeroes for each
 * array: about 7 µs per row of the 180 to 250 of a saliency map (issue 10's pass profile).
 *
 * <p>The engine frees the array's memory when its manager closes. A direct {@code ByteBuffer} of our own would be freed
 * only when the garbage collector found it, so chunks of earlier calls piled up in native memory between collections
 * (issue 15's memory measurement).
 */
public final class NativeRows {
    private final NDArray array;
    private final FloatBuffer input;
    private final int rows;

    private NativeRows(NDArray array, int rows) {
        this.array = array;
        this.rows = rows;
        this.input = values(array);
    }

    /**
     * An uninitialised float32 array {@code (rows, 12, 600)} of {@code manager}, to be filled through {@link #input}.
     */
    public static NativeRows allocate(NDManager manager, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a chunk needs at least one row, got " + rows);
        }
        return new NativeRows(manager.create(new Shape(rows, EcgFormat.LEADS, EcgFormat.SAMPLES), DataType.FLOAT32),
                rows);
    }

    /**
     * Where the rows are written, lead-major, one after the other: the array's own memory, valid while it is open.
     */
    public FloatBuffer input() {
        return input;
    }

    /**
     * The chunk, once every row is written.
     *
     * @throws IllegalStateException if other than all rows were written
     */
    public NDArray array() {
        int values = rows * GradientComputer.ROW_SIZE;
        if (input.position() != values) {
            throw new IllegalStateException(input.position() + " values written for " + rows + " rows of "
                    + GradientComputer.ROW_SIZE);
        }
        return array;
    }

    /**
     * The values of a float32 array, read from the engine's memory where it is contiguous (DJL copies it first where
     * it is not); valid while the array is open.
     */
    public static FloatBuffer values(NDArray array) {
        return array.toByteBuffer(true).asFloatBuffer();
    }
}
