package org.ecglab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecglab.data.EcgDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskModelStoreTest {
    private static final EcgDataset DATA = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 21);
    private static TrainedTaskModel trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(2).withPatience(2).withSeed(7)
                .withShowProgress(false);
        trained = new TaskModelTrainer(config).train(DATA, ToyEcgData.TASK);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saveThenLoadGivesIdenticalLogitsAndMetadata() throws IOException {
        Path folder = dir.resolve("ASTE-seed7");
        TaskModelStore.save(trained, folder);
        assertEquals(List.of("ASTE-seed7-0000.params", TaskModelStore.METADATA), names(folder));
        assertEquals(List.of("ASTE-seed7"), names(dir)); // no temporary folder left behind
        try (TrainedTaskModel loaded = TaskModelStore.load(folder)) {
            assertArrayEquals(trained.classifier().predictLogits(DATA.signals(), 32),
                    loaded.classifier().predictLogits(DATA.signals(), 32));
            assertEquals(trained.architecture(), loaded.architecture());
            assertEquals(trained.config().withShowProgress(false), loaded.config());
            assertEquals(trained.toString(), loaded.toString());
            assertEquals(trained.validationAurocHistory(), loaded.validationAurocHistory());
            assertEquals(trained.trainingLossHistory(), loaded.trainingLossHistory());
            assertEquals(trained.classifier().outputNames(), loaded.classifier().outputNames());
        }
    }

    @Test
    void savingAgainReplacesTheEarlierModel() throws IOException {
        Path folder = dir.resolve("m");
        TaskModelStore.save(trained, folder);
        Files.writeString(folder.resolve("stale.txt"), "from an earlier save");
        TaskModelStore.save(trained, folder);
        assertEquals(List.of("ASTE-seed7-0000.params", TaskModelStore.METADATA), names(folder));
        assertEquals(List.of("m"), names(dir));
    }

    @Test
    void aFolderThatIsNotAModelIsNeverOverwritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("thesis.tex"), "precious");
        IOException e = assertThrows(IOException.class, () -> TaskModelStore.save(trained, folder));
        assertTrue(e.getMessage().contains("not a task model folder"), e.getMessage());
        assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
        assertEquals(List.of("notes"), names(dir));
    }

    @Test
    void missingFolderMetadataOrParamsAreNamed() throws IOException {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> TaskModelStore.load(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        Path folder = dir.resolve("m");
        TaskModelStore.save(trained, folder);
        Files.delete(folder.resolve("ASTE-seed7-0000.params"));
        e = assertThrows(NoSuchFileException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains("params"), e.getMessage());
        Files.delete(folder.resolve(TaskModelStore.METADATA));
        e = assertThrows(NoSuchFileException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains(TaskModelStore.METADATA), e.getMessage());
    }

    @Test
    void corruptParamsAreReportedWithTheFolder() throws IOException {
        Path folder = dir.resolve("m");
        TaskModelStore.save(trained, folder);
        Path params = folder.resolve("ASTE-seed7-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
        IOException e = assertThrows(IOException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
        Files.write(params, "not a params file".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> TaskModelStore.load(folder));
    }

    @Test
    void corruptMetadataNamesTheKey() throws IOException {
        Path folder = dir.resolve("m");
        TaskModelStore.save(trained, folder);
        Path meta = folder.resolve(TaskModelStore.METADATA);
        String text = Files.readString(meta);
        Files.writeString(meta, text.replaceAll("(?m)^bestEpoch=.*$", "bestEpoch=two"));
        IOException e = assertThrows(IOException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains("bestEpoch"), e.getMessage());
        Files.writeString(meta, text.replaceAll("(?m)^architecture\\.layer\\.0=.*$", ""));
        e = assertThrows(IOException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains("architecture.layer.0"), e.getMessage());
        // A valid architecture that does not fit the stored parameters (Properties escapes '=' in values).
        String narrower = text.replaceAll("(?m)^(architecture\\.layer\\.0=.*out_channels\\\\=)16", "$18")
                .replaceAll("(?m)^(architecture\\.layer\\.1=.*num_features\\\\=)16", "$18")
                .replaceAll("(?m)^(architecture\\.layer\\.4=.*in_channels\\\\=)16", "$18");
        assertEquals(3, narrower.lines().filter(l -> l.contains("channels\\=8") || l.contains("features\\=8")).count(),
                narrower);
        Files.writeString(meta, narrower);
        e = assertThrows(IOException.class, () -> TaskModelStore.load(folder));
        assertTrue(e.getMessage().contains("mismatched"), e.getMessage());
    }
}
