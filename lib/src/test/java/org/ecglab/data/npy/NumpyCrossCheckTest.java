package org.ecglab.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.ExternalTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java and NumPy read each other's files. Skipped on a developer machine without {@code /usr/bin/python3} and
 * numpy; under CI it fails instead ({@link ExternalTools}).
 */
class NumpyCrossCheckTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireNumpy() throws InterruptedException {
        ExternalTools.require("numpy", "python3-numpy");
    }

    private static ExternalTools.Result run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, 60);
    }

    @Test
    void numpyReadsJavaNpz() throws Exception {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("f", NpyArray.ofFloats(new float[] {1.5f, -2.25f, 1e-3f, 7f, 0f, -0f}, 2, 3));
        m.put("b", NpyArray.ofBooleans(new boolean[] {true, false}));
        m.put("i", NpyArray.ofBytes(NpyDType.INT8, new byte[] {-128, 127}));
        m.put("l", NpyArray.ofLongs(new long[] {Long.MIN_VALUE, 42}));
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve("j" + compressed + ".npz");
            Npz.write(p, m, compressed);
            ExternalTools.Result r = run("import numpy as np, sys\nz = np.load(sys.argv[1])\n"
                    + "print(z['f'].dtype, z['f'].shape, repr(z['f'].tolist()), z['b'].tolist(), z['i'].tolist(),"
                    + " z['l'].tolist())", p.toString());
            assertEquals(0, r.exit(), r.output());
            assertEquals("float32 (2, 3) [[1.5, -2.25, 0.0010000000474974513], [7.0, 0.0, -0.0]] [True, False] "
                    + "[-128, 127] [-9223372036854775808, 42]", r.output());
        }
    }

    @Test
    void javaReadsNumpyFiles() throws Exception {
        Path npz = dir.resolve("n.npz");
        Path npy = dir.resolve("n.npy");
        ExternalTools.Result r = run("import numpy as np, sys\n"
                + "a = (np.arange(24, dtype='<f8').reshape(2, 3, 4) - 11.5) / 4\n"
                + "np.save(sys.argv[2], a)\n"
                + "np.savez_compressed(sys.argv[1], a=a.astype('<f4'), u=np.array([0, 255], dtype='u1'),"
                + " b=np.eye(2, dtype=bool), i=np.array([-5, 6], dtype='<i4'))\n", npz.toString(), npy.toString());
        assertEquals(0, r.exit(), r.output());
        double[] expected = new double[24];
        for (int k = 0; k < 24; k++) {
            expected[k] = (k - 11.5) / 4;
        }
        NpyArray a = Npy.read(npy);
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        assertArrayEquals(expected, a.toDoubles());
        // the bytes NumPy wrote are the bytes we would write
        assertArrayEquals(java.nio.file.Files.readAllBytes(npy), Npy.toBytes(a));
        Map<String, NpyArray> z = Npz.read(npz);
        assertEquals(NpyDType.FLOAT32, z.get("a").dtype());
        assertEquals((float) expected[23], z.get("a").toFloats3d()[1][2][3]);
        assertArrayEquals(new double[] {0, 255}, z.get("u").toDoubles());
        assertArrayEquals(new boolean[] {true, false, false, true}, z.get("b").toBooleans());
        assertArrayEquals(new long[] {-5, 6}, z.get("i").toLongs());
    }
}
