package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecglab.ChildJvm;
import org.ecglab.TestTrees;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.npy.Npz;
import org.ecglab.registry.ModelRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 on the command line: bad outputs, foreign folders, damaged files, kills and two runs at once, each against
 * its row of the README table ({@link SafetyCases}). One tiny dataset (5 ECGs per class) and one LBBB model serve
 * every test; the concurrency and kill tests start {@code ecglab} in child JVMs.
 */
class SafetyCasesTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path models;

    private static String[] train(Path registry, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--batch-size", "8", "--quiet",
                "--registry", registry.toString()));
        a.addAll(List.of(more));
        if (!a.contains("--epochs")) {
            a.addAll(List.of("--epochs", "1"));
        }
        return a.toArray(String[]::new);
    }

    @BeforeAll
    static void dataAndModel() {
        data = dir.resolve("data.npz");
        models = dir.resolve("models");
        CliRun gen = CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out", data.toString());
        assertEquals(ExitCodes.OK, gen.exitCode(), gen.toString());
        CliRun t = CliRun.run(train(models, "--task", "LBBB"));
        assertEquals(ExitCodes.OK, t.exitCode(), t.toString());
    }

    private static Process child(List<String> jvm, String... args) throws IOException {
        return new ProcessBuilder(ChildJvm.command(jvm, Main.class, args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** Waits until {@code file} exists (and holds {@code text}, if given), at most a minute. */
    private static void awaitFile(Path file, String text, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(file) && (text == null || Files.readString(file).contains(text))) {
                return;
            }
            assertTrue(p.isAlive(), "the child ended before " + file + " appeared");
            Thread.sleep(20);
        }
        throw new AssertionError(file + " did not appear");
    }

    @Test
    void specialFilesAreRefusedLinksWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe.npz");
        TestTrees.mkfifo(fifo);
        CliRun r = CliRun.run("generate", "--per-class", "5", "--quiet", "--out", fifo.toString());
        SafetyCases.assertSees("special-out", r, ExitCodes.DATA_ERROR);
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe was replaced");

        Path real = Files.writeString(dir.resolve("real.npz"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.npz"), real.getFileName());
        CliRun ok = CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out", link.toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(real));
    }

    @Test
    void aFolderOfTheUsersIsNeverARegistry() throws IOException {
        // The folder: an entry-shaped folder of the user's and a results.csv of the user's.
        Path mine = dir.resolve("mine");
        Files.writeString(Files.createDirectories(mine.resolve("LBBB/seed-1")).resolve("precious.txt"), "keep");
        Files.writeString(mine.resolve("results.csv"), "my,own\n1,2\n");
        List<String> before = TestTrees.tree(mine);
        SafetyCases.assertSees("foreign-results", CliRun.run(train(mine, "--task", "LBBB")), ExitCodes.DATA_ERROR);
        assertEquals(before, TestTrees.tree(mine));

        Files.delete(mine.resolve("results.csv"));
        before = TestTrees.tree(mine);
        SafetyCases.assertSees("foreign-entry", CliRun.run(train(mine, "--task", "LBBB")), ExitCodes.DATA_ERROR);
        SafetyCases.assertSees("foreign-registry", CliRun.run(train(mine, "--task", "RBBB")), ExitCodes.DATA_ERROR);
        assertEquals(before, TestTrees.tree(mine));
    }

    @Test
    void aFolderOfTheUsersIsNeverAnExperimentOutput() throws IOException {
        Path mine = dir.resolve("my-results");
        Files.writeString(Files.createDirectories(mine).resolve("similarity-rows.csv"), "my own table\n");
        List<String> before = TestTrees.tree(mine);
        List<String> args = List.of("experiment", "similarity", "--data", data.toString(), "--registry",
                models.toString(), "--tasks", "LBBB", "--methods", "saliency,input_x_gradient", "--ecgs", "1",
                "--resamples", "10", "--quiet");
        List<String> intoMine = new ArrayList<>(args);
        intoMine.addAll(List.of("--out", mine.toString()));
        SafetyCases.assertSees("foreign-experiment-out", CliRun.run(intoMine.toArray(String[]::new)),
                ExitCodes.DATA_ERROR);
        assertEquals(before, TestTrees.tree(mine));

        // A new folder becomes the lab's, and a second run writes into it again.
        Path fresh = dir.resolve("experiment-outputs");
        List<String> intoFresh = new ArrayList<>(args);
        intoFresh.addAll(List.of("--out", fresh.toString()));
        for (int run = 0; run < 2; run++) {
            CliRun r = CliRun.run(intoFresh.toArray(String[]::new));
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        }
        assertTrue(Files.isRegularFile(fresh.resolve("ecglab-experiment.json")));
        assertTrue(Files.isRegularFile(fresh.resolve("similarity-rows.csv")));
    }

    @Test
    void damagedWeightsAreRefused() throws IOException {
        Path copy = dir.resolve("damaged");
        TestTrees.copy(models, copy);
        Path params = copy.resolve("LBBB/seed-1/LBBB-seed1-0000.params");
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.seek(f.length() - 40);
            f.write(new byte[8]);
        }
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--registry", copy.toString(), "--task", "LBBB",
                "--method", "saliency", "--quiet", "--out", dir.resolve("d.npy").toString());
        SafetyCases.assertSees("damaged-weights", r, ExitCodes.DATA_ERROR);
        assertFalse(Files.exists(dir.resolve("d.npy")));
    }

    @Test
    void aSecondTrainingOfTheSameEntryIsTold() throws Exception {
        Path big = dir.resolve("big.npz");
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "20", "--seed", "5", "--quiet", "--out",
                big.toString()).exitCode());
        Path shared = dir.resolve("shared");
        // The first run trains long enough for the second to arrive while it holds the entry.
        Process first = child(List.of("-Xmx1g"), "train", "--data", big.toString(), "--task", "LBBB", "--epochs",
                "60", "--patience", "60", "--batch-size", "8", "--quiet", "--registry", shared.toString());
        try {
            awaitFile(shared.resolve(".locks/LBBB.seed-1.lock"), "process " + first.pid(), first);
            CliRun second = CliRun.run("train", "--data", big.toString(), "--task", "LBBB", "--epochs", "2",
                    "--batch-size", "8", "--quiet", "--registry", shared.toString());
            SafetyCases.assertSees("concurrent-train", second, ExitCodes.DATA_ERROR);
            assertTrue(first.waitFor(10, TimeUnit.MINUTES), "the first run did not finish");
            assertEquals(0, first.exitValue());
        } finally {
            first.destroyForcibly();
        }
        // The first run's model is the one stored: 60 epochs at most, not the second run's 2.
        assertEquals(60, new ModelRegistry(shared).provenance(org.ecglab.data.DiagnosticClass.LBBB, 1).spec()
                .config().maxEpochs());
    }

    @Test
    void aKilledTrainingResumesWithIdenticalModels() throws Exception {
        Path killed = dir.resolve("killed");
        Process p = child(List.of("-Xmx1g"), train(killed, "--task", "LBBB,RBBB", "--epochs", "6"));
        awaitFile(killed.resolve("LBBB/seed-1/provenance.json"), null, p);
        p.destroyForcibly().waitFor();
        CliRun resumed = CliRun.run(train(killed, "--task", "LBBB,RBBB", "--epochs", "6"));
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("loaded 1 already") || resumed.out().contains("loaded 2 already"),
                resumed.out());
        Path reference = dir.resolve("uninterrupted");
        assertEquals(ExitCodes.OK, CliRun.run(train(reference, "--task", "LBBB,RBBB", "--epochs", "6")).exitCode());
        for (String entry : List.of("LBBB/seed-1/LBBB-seed1-0000.params", "RBBB/seed-1/RBBB-seed1-0000.params")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(entry)), Files.readAllBytes(killed.resolve(entry)),
                    entry);
        }
        try (Stream<Path> hidden = Files.walk(killed)) {
            assertEquals(List.of(), hidden.map(q -> q.getFileName().toString())
                    .filter(n -> n.contains(".tmp-") || n.contains(".old-")).toList());
        }
    }

    @Test
    void aKilledExplainKeepsTheEarlierPair() throws Exception {
        Path out = dir.resolve("pair.npy");
        String[] saliency = {"explain", "--data", data.toString(), "--registry", models.toString(), "--task", "LBBB",
            "--method", "saliency", "--quiet", "--out", out.toString()};
        assertEquals(ExitCodes.OK, CliRun.run(saliency).exitCode());
        byte[] values = Files.readAllBytes(out);
        byte[] sidecar = Files.readAllBytes(dir.resolve("pair.json"));
        Process p = child(List.of("-Xmx1g"), "explain", "--data", data.toString(), "--registry", models.toString(),
                "--task", "LBBB", "--split", "train", "--method", "integrated_gradients", "--param", "n_steps=200",
                "--ecgs-per-call", "1", "--quiet", "--out", out.toString());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasTemporary(out) && System.nanoTime() < end) {
            assertTrue(p.isAlive(), "explain ended before writing");
            Thread.sleep(10);
        }
        assertTrue(hasTemporary(out), "no temporary appeared");
        p.destroyForcibly().waitFor();
        assertArrayEquals(values, Files.readAllBytes(out));
        assertArrayEquals(sidecar, Files.readAllBytes(dir.resolve("pair.json")));
        assertEquals(ExitCodes.OK, CliRun.run(saliency).exitCode());
        assertFalse(hasTemporary(out), "the killed run's temporary is still there");
    }

    @Test
    void aKilledExperimentResumesFromItsCache() throws Exception {
        Path out = dir.resolve("experiment-killed");
        Path cache = out.resolve("cache");
        // Saliency's maps are stored within a second; SmoothGrad with 1,000 noisy samples then takes several, and the
        // run is killed in between, as a user stops a long run.
        List<String> args = List.of("experiment", "similarity", "--data", data.toString(), "--registry",
                models.toString(), "--tasks", "LBBB", "--split", "train", "--methods", "saliency,smoothgrad",
                "--param", "smoothgrad.nt_samples=1000", "--resamples", "20", "--quiet");
        List<String> killedArgs = new ArrayList<>(args);
        killedArgs.addAll(List.of("--out", out.toString()));
        Process p = child(List.of("-Xmx1g"), killedArgs.toArray(String[]::new));
        Path saliencyMaps = awaitMaps(cache, "saliency-", p);
        p.destroyForcibly().waitFor();
        assertFalse(Files.exists(out.resolve("similarity-rows.csv")), "the run was killed before it finished");
        List<Path> before = mapFiles(cache);
        assertEquals(List.of(saliencyMaps), before, "only saliency's maps were stored before the kill");
        long stored = Files.getLastModifiedTime(saliencyMaps).toMillis();

        CliRun resumed = CliRun.run(killedArgs.toArray(String[]::new));
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertEquals(stored, Files.getLastModifiedTime(saliencyMaps).toMillis(), "saliency's maps were recomputed");
        assertEquals(2, mapFiles(cache).size(), "SmoothGrad's maps are stored too");

        List<String> freshArgs = new ArrayList<>(args);
        freshArgs.addAll(List.of("--out", dir.resolve("experiment-uninterrupted").toString()));
        assertEquals(ExitCodes.OK, CliRun.run(freshArgs.toArray(String[]::new)).exitCode());
        assertEquals(Files.readString(dir.resolve("experiment-uninterrupted/similarity-rows.csv")),
                Files.readString(out.resolve("similarity-rows.csv")), "the resumed run's rows differ");
        CliRun third = CliRun.run(killedArgs.toArray(String[]::new));
        assertTrue(third.out().contains("0 task table(s) computed"), third.out());
    }

    /** Waits until a map file whose name starts with {@code prefix} is stored under {@code cache}, at most a minute. */
    private static Path awaitMaps(Path cache, String prefix, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            for (Path f : mapFiles(cache)) {
                if (f.getFileName().toString().startsWith(prefix)) {
                    return f;
                }
            }
            assertTrue(p.isAlive(), "the experiment ended before its first maps were stored");
            Thread.sleep(20);
        }
        throw new AssertionError("no " + prefix + " maps appeared under " + cache);
    }

    private static List<Path> mapFiles(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".npy")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static boolean hasTemporary(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.anyMatch(q -> q.getFileName().toString().startsWith("." + out.getFileName() + ".tmp-"));
        }
    }

    @Test
    void unwritableOutputsFailBeforeAnyWork() throws IOException {
        Path npy = Files.writeString(dir.resolve("blocked.npy"), "old");
        Files.writeString(Files.createDirectories(dir.resolve("blocked.json")).resolve("x"), "mine");
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task", "LBBB",
                "--method", "saliency", "--quiet", "--out", npy.toString());
        SafetyCases.assertSees("sidecar-blocked", r, ExitCodes.DATA_ERROR);
        assertEquals("old", Files.readString(npy));

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun png = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task",
                "LBBB", "--method", "saliency", "--quiet", "--out", dir.resolve("p.npy").toString(), "--png",
                file.toString());
        assertEquals(ExitCodes.DATA_ERROR, png.exitCode(), png.toString());
        assertTrue(png.err().contains(file + " is a file, not a folder"), png.toString());
        assertFalse(Files.exists(dir.resolve("p.npy")), "maps were computed before --png was checked");

        Path fresh = dir.resolve("fresh");
        CliRun results = CliRun.run(train(fresh, "--task", "RBBB", "--results", dir.toString()));
        assertEquals(ExitCodes.DATA_ERROR, results.exitCode(), results.toString());
        assertTrue(results.err().contains(dir + " is a folder"), results.toString());
        CliRun registry = CliRun.run(train(file.resolve("models"), "--task", "RBBB"));
        assertEquals(ExitCodes.DATA_ERROR, registry.exitCode(), registry.toString());
        assertTrue(registry.err().contains(file + " is a file, not a folder"), registry.toString());
        assertFalse(Files.exists(fresh), "a model was trained before --results was checked");
    }

    @Test
    void runningOutOfMemoryIsOneLineWithAdvice() throws Exception {
        // A compressed dataset is read into the heap: 3,000 ECGs are 86 MB of signals, more than a 48 MB heap.
        Path stored = dir.resolve("oom-stored.npz");
        int n = 3000;
        List<String> ids = new ArrayList<>();
        boolean[][] labels = new boolean[n][9];
        org.ecglab.data.Split[] splits = new org.ecglab.data.Split[n];
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
            labels[i][0] = true;
            splits[i] = org.ecglab.data.Split.TRAIN;
        }
        EcgDatasetFiles.write(stored, "oom", ids, labels, splits, EcgDatasetFiles.Masks.NONE,
                i -> new EcgDatasetFiles.Record(new float[12][600], null));
        Path compressed = dir.resolve("oom.npz");
        Npz.write(compressed, Npz.read(stored), true);
        org.ecglab.ExternalTools.Result r = org.ecglab.ExternalTools.run(ChildJvm.command(List.of("-Xmx48m"),
                Main.class, "info", compressed.toString()), 120);
        CliRun asRun = new CliRun(r.exit(), "", r.output());
        SafetyCases.assertSees("out-of-memory", asRun, ExitCodes.INTERNAL_ERROR);
        assertEquals(1, r.output().lines().filter(l -> l.startsWith("error:")).count(), r.output());
        assertFalse(r.output().contains("\tat "), r.output());
    }

    @Test
    void messagesNameTheOptionAsTyped() {
        CliRun typo = CliRun.run("train", "--data", data.toString(), "--task", "LBBB", "--registy", "models");
        SafetyCases.assertSees("typo-option", typo, ExitCodes.USAGE);
        assertTrue(typo.err().contains("Possible solutions: --registry"), typo.toString());
        SafetyCases.assertSees("range-option", CliRun.run(train(models, "--task", "LBBB", "--epochs", "0")),
                ExitCodes.DATA_ERROR);
        CliRun perClass = CliRun.run("generate", "--per-class", "3", "--out", dir.resolve("x.npz").toString());
        assertTrue(perClass.err().startsWith("error: --per-class must be at least 5, got 3"), perClass.toString());
        CliRun seed = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task",
                "LBBB", "--seed", "-1", "--out", dir.resolve("s.npy").toString());
        assertTrue(seed.err().startsWith("error: --seed must be at least 0, got -1"), seed.toString());
        CliRun param = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task",
                "LBBB", "--param", "n_steps=many", "--out", dir.resolve("s.npy").toString());
        assertTrue(param.err().startsWith("error: parameter 'n_steps' of method integrated_gradients is 'many'; "
                + "expected an integer"), param.toString());
        CliRun help = CliRun.run("export", "--help");
        String flat = help.out().replaceAll("\\s+", " ");
        assertEquals(1, flat.split("Default: saliency and integrated_gradients", -1).length - 1, help.out());
        assertFalse(help.out().contains("Default: []"), help.out());
    }

    @Test
    void nonAsciiPathsUnderACLocaleSayWhatToDo() throws Exception {
        String java = String.join(" ", ChildJvm.command(List.of("-Xmx256m"), Main.class).stream()
                .map(a -> "'" + a + "'").toList());
        // printf makes the bytes of "dätä.npz" in UTF-8, whatever this JVM's own encoding is.
        String out = "\"" + dir + "/$(printf 'd\\303\\244t\\303\\244.npz')\"";
        String cLocale = "env -u LC_ALL -u LC_CTYPE LANG=C " + java + " generate --per-class 5 --quiet --out " + out;
        org.ecglab.ExternalTools.Result c = org.ecglab.ExternalTools.run(List.of("bash", "-c", cLocale), 120);
        SafetyCases.assertSees("locale", new CliRun(c.exit(), "", c.output()), ExitCodes.USAGE);
        String utf8 = "env LC_ALL=C.UTF-8 " + java + " generate --per-class 5 --quiet --out " + out;
        org.ecglab.ExternalTools.Result u = org.ecglab.ExternalTools.run(List.of("bash", "-c", utf8), 120);
        assertEquals(0, u.exit(), u.output());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("d\u00e4t\u00e4.npz")));
        }
    }

    @Test
    void generateIsByteForByteReproducible() throws Exception {
        Path again = dir.resolve("again.npz");
        // Zip timestamps have two-second resolution: wait past one, so a time in the file would show.
        Thread.sleep(2100);
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out",
                again.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(again));
    }

    @Test
    void trainingASubsetKeepsTheOtherResults() throws IOException {
        Path registry = dir.resolve("subset");
        assertEquals(ExitCodes.OK, CliRun.run(train(registry, "--task", "LBBB,RBBB")).exitCode());
        CliRun one = CliRun.run(train(registry, "--task", "LBBB"));
        SafetyCases.assertSees("subset-results", new CliRun(one.exitCode(), "", one.out()), ExitCodes.OK);
        assertTrue(one.out().contains("(1 row(s) of this run, 1 kept from earlier runs)"), one.out());
        List<String> lines = Files.readAllLines(registry.resolve("results.csv"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("binary,RBBB,1,") && lines.get(2).startsWith("binary,LBBB,1,"),
                lines.toString());
    }

    @Test
    void multilabelWithoutTaskTakesAllClasses() throws IOException {
        Path registry = dir.resolve("multi");
        CliRun r = CliRun.run(train(registry, "--multilabel"));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        try (org.ecglab.registry.StoredModel m = ModelRegistry.loadEntry(registry.resolve("multilabel/seed-1"))) {
            assertEquals(org.ecglab.data.DiagnosticClass.ALL, m.provenance().outputs());
        }
        CliRun binary = CliRun.run(train(registry));
        assertEquals(ExitCodes.USAGE, binary.exitCode(), binary.toString());
        assertTrue(binary.err().startsWith("error: Missing required option: '--task=TASK'"), binary.toString());
    }
}
