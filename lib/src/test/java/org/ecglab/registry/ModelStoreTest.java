package org.ecglab.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.TaskModelTrainer;
import org.ecglab.train.TestEvaluation;
import org.ecglab.train.ToyEcgData;
import org.ecglab.train.TrainedTaskModel;
import org.ecglab.train.TrainingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One registry entry on disk: weights and provenance in one format, written whole, checked when read. */
class ModelStoreTest {
    private static final EcgDataset DATA = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 21);
    private static TrainedTaskModel trained;
    private static ModelProvenance provenance;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(2).withPatience(2).withSeed(7)
                .withShowProgress(false);
        trained = new TaskModelTrainer(config).train(DATA, ToyEcgData.TASK);
        TestEvaluation test = TestEvaluation.ofModel(trained.classifier(), List.of(ToyEcgData.TASK), DATA,
                new PercentileBootstrap(100, 0.95, 1)).get(0);
        provenance = ModelProvenance.of(trained, DatasetHash.of(DATA), test);
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

    private Path saved() throws IOException {
        Path folder = dir.resolve("ASTE").resolve("seed-7");
        ModelStore.save(folder, trained.classifier(), provenance);
        return folder;
    }

    @Test
    void saveThenLoadGivesIdenticalLogitsAndProvenance() throws IOException {
        Path folder = saved();
        assertEquals(List.of("ASTE-seed7-0000.params", ModelRegistry.PROVENANCE_FILE), names(folder));
        assertEquals(List.of("seed-7"), names(folder.getParent())); // no temporary folder left behind
        try (StoredModel stored = ModelRegistry.loadEntry(folder); TrainedTaskModel loaded = stored.asTaskModel()) {
            assertEquals(provenance, stored.provenance()); // every field, doubles exactly
            assertArrayEquals(trained.classifier().predictLogits(DATA.signals()),
                    loaded.classifier().predictLogits(DATA.signals()));
            assertEquals(trained.architecture(), loaded.architecture());
            assertEquals(trained.config().withShowProgress(false), loaded.config());
            assertEquals(trained.toString(), loaded.toString());
            assertEquals(trained.classifier().outputNames(), loaded.classifier().outputNames());
        }
    }

    @Test
    void undefinedIntervalBoundsRoundTripAsNull() {
        // Every resample skipped: the bounds are NaN, which JSON cannot hold.
        PercentileBootstrap.Estimate undefined = new PercentileBootstrap.Estimate(0.5, Double.NaN, Double.NaN, 3,
                0.95, 10, 10, 1);
        ModelProvenance p = new ModelProvenance(provenance.modelId(), provenance.kind(), provenance.outputs(),
                provenance.seed(), provenance.spec(), provenance.datasetName(), provenance.epochsRun(),
                provenance.bestEpoch(), provenance.validationAuroc(), provenance.validationAurocHistory(),
                provenance.trainingLossHistory(), List.of(new TestEvaluation(undefined, undefined, 1, 2)),
                provenance.libraryVersion(), provenance.trainedAt());
        String text = ProvenanceJson.write(p, new ProvenanceJson.Weights("ASTE-seed7-0000.params", "00"));
        assertTrue(text.contains("\"lower\": null") && text.contains("\"upper\": null"), text);
        assertEquals(p, ProvenanceJson.read(text, "provenance.json").provenance());
    }

    @Test
    void savingAgainReplacesTheEarlierEntry() throws IOException {
        Path folder = saved();
        Files.writeString(folder.resolve("stale.txt"), "from an earlier save");
        ModelStore.save(folder, trained.classifier(), provenance);
        assertEquals(List.of("ASTE-seed7-0000.params", ModelRegistry.PROVENANCE_FILE), names(folder));
    }

    @Test
    void aFolderThatIsNotAnEntryIsNeverOverwritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("thesis.tex"), "precious");
        IOException e = assertThrows(IOException.class,
                () -> ModelStore.save(folder, trained.classifier(), provenance));
        assertTrue(e.getMessage().contains("is not a model registry entry"), e.getMessage());
        assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
        assertEquals(List.of("notes"), names(dir));
        NoSuchFileException n = assertThrows(NoSuchFileException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(n.getMessage().contains("not a model registry entry"), n.getMessage());
    }

    @Test
    void anEntryOfTheEarlierLayoutIsNamedAsSuch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("LBBB/seed-1"));
        Files.writeString(folder.resolve("provenance.properties"), "format=ecglab-provenance-1\n");
        IOException e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("earlier version of the lab (provenance.properties)")
                && e.getMessage().contains("--retrain-on-mismatch"), e.getMessage());
        // It is the lab's own, so a new save may replace it.
        ModelStore.save(folder, trained.classifier(), provenance);
        assertTrue(ModelRegistry.isEntry(folder));
        assertFalse(Files.exists(folder.resolve("provenance.properties")));
    }

    @Test
    void missingFolderProvenanceOrWeightsAreNamed() throws IOException {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> ModelRegistry.loadEntry(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("no model registry entry"),
                e.getMessage());
        Path folder = saved();
        Files.delete(folder.resolve("ASTE-seed7-0000.params"));
        e = assertThrows(NoSuchFileException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("ASTE-seed7-0000.params"), e.getMessage());
    }

    @Test
    void damagedWeightsAreRefusedByTheirChecksum() throws IOException {
        Path folder = saved();
        Path params = folder.resolve("ASTE-seed7-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 3] ^= 0x01; // one bit of one weight: DJL would load it without complaint
        Files.write(params, bytes);
        IOException e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("corrupt")
                && e.getMessage().contains("ASTE-seed7-0000.params was damaged or changed"), e.getMessage());
        Files.write(params, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
    }

    @Test
    void truncatedWeightsWhoseChecksumWasUpdatedNameTheFailureNotNull() throws Exception {
        // Someone truncated the weights and recorded the new checksum: DJL's own exception then has no message.
        Path folder = saved();
        Path params = folder.resolve("ASTE-seed7-0000.params");
        byte[] half = Arrays.copyOf(Files.readAllBytes(params), (int) Files.size(params) / 2);
        Files.write(params, half);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(half));
        Path file = folder.resolve(ModelRegistry.PROVENANCE_FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("(\"weights\": \\{[^}]*\"sha256\": \")[0-9a-f]{64}", "$1" + sha));
        IOException e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("parameters do not fit")
                && !e.getMessage().contains("null") && e.getMessage().contains("ASTE-seed7-0000.params"),
                e.getMessage());
    }

    @Test
    void corruptProvenanceNamesTheFileAndField() throws IOException {
        Path folder = saved();
        Path file = folder.resolve(ModelRegistry.PROVENANCE_FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("\"best_epoch\": \\d+", "\"best_epoch\": \"two\""));
        IOException e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains(file + ": best_epoch must be an integer, got two"), e.getMessage());
        Files.writeString(file, text.replaceFirst("\"kernel_size\": 7", "\"kernel_size\": \"seven\""));
        e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("architecture.layers[0]") && e.getMessage().contains("kernel_size"),
                e.getMessage());
        Files.writeString(file, text.replace("\"test\"", "\"tests\""));
        e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("missing field \"test\""), e.getMessage());
        Files.writeString(file, text.substring(0, text.length() / 2));
        e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void aValidArchitectureThatDoesNotFitTheWeightsIsRefused() throws IOException {
        Path folder = saved();
        Path file = folder.resolve(ModelRegistry.PROVENANCE_FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // The first block with 8 instead of 16 channels: a network that runs, but not this one.
        String narrower = text.replaceFirst("\"out_channels\": 16", "\"out_channels\": 8")
                .replaceFirst("\"num_features\": 16", "\"num_features\": 8")
                .replaceFirst("\"in_channels\": 16", "\"in_channels\": 8");
        Files.writeString(file, narrower);
        IOException e = assertThrows(IOException.class, () -> ModelRegistry.loadEntry(folder));
        assertTrue(e.getMessage().contains("parameters do not fit"), e.getMessage());
    }
}
