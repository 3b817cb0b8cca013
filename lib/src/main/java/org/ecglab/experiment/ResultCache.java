package org.ecglab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Result tables cached as CSV files named by a hash of everything that determines them. A hit loads the CSV; a miss
 * computes the table and writes it to a temporary file in the same folder, then renames it, so an interrupted run
 * never leaves a half-written result that a later run would trust.
 */
public final class ResultCache {
    private final Path dir;
    private int computed;

    /**
     * @param dir cache folder (created on first write), or null to disable caching
     */
    public ResultCache(Path dir) {
        this.dir = dir;
    }

    /** First 16 hex digits of the SHA-256 of {@code canonical}. */
    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The file a result of {@code name} with {@code key} is cached in, or null if caching is off. */
    public Path file(String name, String key) {
        return dir == null ? null : dir.resolve(name + "-" + hash(key) + ".csv");
    }

    /**
     * The cached table for ({@code name}, {@code key}), or {@code compute}'s result, which is then cached.
     *
     * @param types column types of the table, so ids such as "00123" are read back as strings
     */
    public Table getOrCompute(String name, String key, ColumnType[] types, Supplier<Table> compute) {
        Path file = file(name, key);
        if (file != null && Files.isRegularFile(file)) {
            try {
                return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).columnTypes(types)
                        .tableName(name).build());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot read cached result " + file + " (delete it to recompute)",
                        e);
            }
        }
        Table table = compute.get();
        computed++;
        if (file != null) {
            write(table, file);
        }
        return table;
    }

    /** How many tables this cache computed (misses) since it was created. */
    public int computedCount() {
        return computed;
    }

    private static void write(Table table, Path file) {
        try {
            Tables.writeCsv(table, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cached result " + file, e);
        }
    }
}
