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

    @Test
    void zip64ArchivesAreReadByNumpyAndByUsInBothDirections() throws Exception {
        // Our ZIP64 fields, forced on small entries (a 4 GiB entry is measured in the README, not in a unit test).
        Path ours = dir.resolve("z64.npz");
        float[] values = new float[2 * 3 * 4];
        for (int k = 0; k < values.length; k++) {
            values[k] = k - 0.5f;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(ours,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            NpzWriter w = new NpzWriter(ch, 10);
            w.write("a", NpyArray.ofFloats(values, 2, 3, 4));
            w.write("b", NpyArray.ofBooleans(new boolean[] {true, false}));
            w.finish();
        }
        ExternalTools.Result r = run("import numpy as np, sys, zipfile\nz = np.load(sys.argv[1])\n"
                + "zipfile.ZipFile(sys.argv[1]).testzip()\n"
                + "print(z['a'].shape, z['a'][1, 2, 3], z['b'].tolist())", ours.toString());
        assertEquals(0, r.exit(), r.output());
        assertEquals("(2, 3, 4) 22.5 [True, False]", r.output());
        try (NpzArchive a = NpzArchive.open(ours)) {
            assertEquals(22.5f, a.map("a").get(1)[2][3]);
            assertArrayEquals(new boolean[] {true, false}, a.read("b").toBooleans());
        }
        // NumPy's own archives (np.savez forces ZIP64 local headers) memory-map too.
        Path theirs = dir.resolve("np.npz");
        r = run("import numpy as np, sys\nnp.savez(sys.argv[1], m=np.arange(24, dtype='<f4').reshape(2, 3, 4))",
                theirs.toString());
        assertEquals(0, r.exit(), r.output());
        try (NpzArchive a = NpzArchive.open(theirs)) {
            NpyRecords m = a.map("m");
            assertEquals(23f, m.get(1)[2][3]);
            m.scan((i, rec) -> { });
        }
    }
}
