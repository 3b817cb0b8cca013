package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The README's table of bad input, kills and concurrent runs: each row says what happens, what the user sees and
 * what is kept, and names the test that shows it. {@link SafetyTableTest} checks that the README holds exactly this
 * table and that every named test exists; the command-line tests check their run against the row's "sees" column
 * ({@link #assertSees}), in which {@code FILE}, {@code DIR}, {@code N} and {@code …} stand for any text.
 */
final class SafetyCases {
    /**
     * One row.
     *
     * @param id        the key tests use
     * @param situation what the user did or what happened
     * @param sees      what the user sees (an error line, or a description in parentheses)
     * @param kept      what is kept on disk
     * @param test      {@code Class#method} of the test that shows it
     */
    record Case(String id, String situation, String sees, String kept, String test) {
    }

    static final List<Case> ALL = List.of(
            new Case("special-out", "`--out` is a device, named pipe or socket (`generate --out /dev/null` as root)",
                    "error: FILE is a named pipe (FIFO); refusing to write over it. Give a regular file name.",
                    "the device or pipe; nothing is written", "SafetyCasesTest#specialFilesAreRefusedLinksWrittenThrough"),
            new Case("symlink-out", "`--out` is a symbolic link",
                    "(the usual output: the file the link points to is replaced)", "the link",
                    "SafetyCasesTest#specialFilesAreRefusedLinksWrittenThrough"),
            new Case("foreign-results", "a `results.csv` the lab did not write, in the registry or at `--results`",
                    "error: FILE exists and is not a results table of the lab (its first line is not "
                            + "'model,task,seed,...'); refusing to replace it. Give another results file.",
                    "the file; nothing is trained", "SafetyCasesTest#aFolderOfTheUsersIsNeverARegistry"),
            new Case("foreign-registry", "`--registry` is a folder holding files the lab did not write",
                    "error: DIR is not a model registry (it has no ecglab-registry.json) and holds files the lab did "
                            + "not write: …. Nothing was trained or changed; …",
                    "every file; nothing is trained", "SafetyCasesTest#aFolderOfTheUsersIsNeverARegistry"),
            new Case("foreign-experiment-out", "`experiment --out` is a folder holding files the lab did not write "
                    + "(say your own `similarity-rows.csv`)",
                    "error: DIR is not an experiment output folder of the lab (it has no ecglab-experiment.json) and "
                            + "holds files the lab did not write: …. Nothing was computed or changed; give a new or "
                            + "empty folder as --out.",
                    "every file; nothing is computed", "SafetyCasesTest#aFolderOfTheUsersIsNeverAnExperimentOutput"),
            new Case("foreign-entry", "a folder of yours where an entry goes (`LBBB/seed-1/precious.txt`)",
                    "error: DIR exists and is not a model registry entry (no provenance.json); move it away, or use "
                            + "another registry folder",
                    "the folder; nothing is trained", "SafetyCasesTest#aFolderOfTheUsersIsNeverARegistry"),
            new Case("damaged-weights", "stored weights changed (8 bytes overwritten, one bit flipped, truncated)",
                    "error: registry entry DIR is corrupt (FILE was damaged or changed: its SHA-256 is …, "
                            + "provenance.json records …); delete the folder to retrain it",
                    "the entry; nothing is explained", "SafetyCasesTest#damagedWeightsAreRefused"),
            new Case("truncated-weights", "stored weights truncated and their recorded checksum changed to match",
                    "error: registry entry DIR is corrupt (parameters do not fit …: … while reading FILE); delete the "
                            + "folder to retrain it",
                    "the entry", "ModelStoreTest#truncatedWeightsWhoseChecksumWasUpdatedNameTheFailureNotNull"),
            new Case("concurrent-train", "a second `train` into an entry another run is training",
                    "error: registry model TASK seed N (DIR) is being trained and written by another run (process "
                            + "N, since …); this run left it alone. Wait for that run to finish and run again …",
                    "the first run's model", "SafetyCasesTest#aSecondTrainingOfTheSameEntryIsTold"),
            new Case("kill-train", "`train` killed (kill -9) after some models",
                    "(the next run loads the finished models and trains the rest)",
                    "every finished model, byte for byte as an uninterrupted run makes it",
                    "SafetyCasesTest#aKilledTrainingResumesWithIdenticalModels"),
            new Case("kill-explain", "`explain` killed (kill -9) while writing",
                    "(nothing; the next write of the same file deletes the temporary)",
                    "the earlier map and sidecar, unchanged", "SafetyCasesTest#aKilledExplainKeepsTheEarlierPair"),
            new Case("kill-experiment", "`experiment` killed (kill -9) halfway",
                    "(the next run loads the maps and results already stored and computes the rest; it prints how "
                            + "many parts it computed)",
                    "every stored chunk of maps, unchanged; the resumed run's tables equal an uninterrupted run's",
                    "SafetyCasesTest#aKilledExperimentResumesFromItsCache"),
            new Case("sidecar-blocked", "`explain` whose sidecar cannot be written (a folder named like it)",
                    "error: FILE: is a folder; give --out a file name such as attributions.npy",
                    "the earlier map; nothing is computed", "SafetyCasesTest#unwritableOutputsFailBeforeAnyWork"),
            new Case("unwritable-out", "an unwritable `--registry`, `--results` or `--png` (a file where a folder "
                    + "must be, a folder where a file must be, no permission)",
                    "error: … (before any model is trained or map computed)", "everything; nothing is written",
                    "SafetyCasesTest#unwritableOutputsFailBeforeAnyWork"),
            new Case("other-user", "an entry of another user made with owner-only permissions",
                    "error: cannot read registry entry DIR: permission denied on FILE (the folder belongs to USER "
                            + "and has permissions rwx------); ask its owner to make it readable (chmod -R a+rX)",
                    "the entry (entries this version writes get the umask's permissions)",
                    "RegistryPermissionsTest#entriesFollowTheUmaskAndUnreadableOnesSaySo"),
            new Case("out-of-memory", "Java runs out of heap",
                    "error: out of memory (Java heap space; this Java may use at most N MB of heap). Give it more, "
                            + "e.g. java -Xmx…g -jar ecglab.jar ..., or explain fewer ECGs at a time "
                            + "(--ecgs-per-call, --limit). (exit code 3)",
                    "every output as it was", "SafetyCasesTest#runningOutOfMemoryIsOneLineWithAdvice"),
            new Case("disk-full", "the disk fills up during a write",
                    "error: cannot write FILE: No space left on device", "the earlier file; no temporary",
                    "OutputTargetsTest#aFailingWriteNamesTheFile"),
            new Case("big-dataset", "a dataset of more than 74,565 ECGs (2 GiB of signals)",
                    "(saved and loaded memory-mapped; a million ECGs are measured under Performance)", "–",
                    "DatasetFileScaleTest#moreRecordsThanOneJavaArrayHoldsSaveAndLoadMapped"),
            new Case("bad-dataset", "a corrupt, truncated or damaged `.npz` (bad entry, shape, NaN, a changed byte)",
                    "error: FILE: … naming the entry, e.g. FILE entry signals.npy: CRC-32 mismatch (the file is "
                            + "damaged)", "the file", "DatasetFileScaleTest#aDamagedSignalByteIsFoundByTheChecksum"),
            new Case("labels-two", "labels stored as 2 (or any value but 0 and 1)",
                    "error: FILE: entry 'labels' holds 2 at flat index N; expected 0 (false) or 1 (true)", "the file",
                    "DatasetFileScaleTest#labelsOtherThanZeroOrOneAreRefused"),
            new Case("int-splits", "splits stored as int16, uint16, uint32 or uint64", "(read like int8)", "–",
                    "DatasetFileScaleTest#splitsOfEveryIntegerTypeAreRead"),
            new Case("wfdb-gain-zero", "a WFDB header with ADC gain 0 or none (an uncalibrated signal)",
                    "error: FILE: malformed header line N: ADC gain 0: WFDB marks such a signal as uncalibrated "
                            + "(and would assume 200 units per mV), so its scale is unknown; …",
                    "the file", "WfdbHeaderParseTest#aGainOfZeroOrNoGainIsAnUncalibratedSignalAndRefused"),
            new Case("bad-mapping", "a mapping CSV (`import-ptbxl --mapping`) with a bad number or line",
                    "error: FILE: line N: min_likelihood 'high' is not a number (a likelihood 0..100)", "–",
                    "ScpMappingTest#badMappingsNameFileAndLine"),
            new Case("typo-option", "a mistyped option (`--registy models`)",
                    "error: Unknown options: '--registy', 'models' / Possible solutions: --registry, … (exit code 2)",
                    "–", "SafetyCasesTest#messagesNameTheOptionAsTyped"),
            new Case("range-option", "a value out of range (`--epochs 0`, `--per-class 3`, `--seed -1`, "
                    + "`--param n_steps=many`)",
                    "error: --epochs must be at least 1, got 0", "–", "SafetyCasesTest#messagesNameTheOptionAsTyped"),
            new Case("locale", "a non-ASCII path under `LANG=C`",
                    "error: Invalid value for option '--out': the path '…' has characters that Java cannot represent "
                            + "in this locale's character set (…): run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 java "
                            + "-jar ecglab.jar ... (exit code 2)",
                    "–", "SafetyCasesTest#nonAsciiPathsUnderACLocaleSayWhatToDo"),
            new Case("same-seed", "`generate` twice with the same seed", "(the same file, byte for byte)", "–",
                    "SafetyCasesTest#generateIsByteForByteReproducible"),
            new Case("subset-results", "`train` of some tasks into a registry that has results of others",
                    "results:  FILE (N row(s) of this run, N kept from earlier runs)",
                    "the other models' rows of results.csv", "SafetyCasesTest#trainingASubsetKeepsTheOtherResults"),
            new Case("leftovers", "temporaries a kill left (up to 15 MB per entry)",
                    "(nothing; the next write of the same file or entry deletes them, and puts back an entry a kill "
                            + "left moved aside)",
                    "every complete file and entry", "StaleTemporariesTest#anEntryAKillLeftMovedAsideIsPutBack"),
            new Case("multilabel-all", "`train --multilabel` without `--task`",
                    "(one multi-label model over all nine classes)", "–",
                    "SafetyCasesTest#multilabelWithoutTaskTakesAllClasses"));

    private SafetyCases() {
    }

    static Case get(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + id));
    }

    /**
     * Asserts that {@code r} exited with {@code exit} and its stderr shows the case's "sees" text: the part before
     * any " (exit code" or " / " note, with FILE, DIR, N, TASK, USER and … matching any text.
     */
    static void assertSees(String id, CliRun r, int exit) {
        assertEquals(exit, r.exitCode(), r.toString());
        String text = get(id).sees().replaceAll(" \\(exit code \\d\\)$", "").split(" / ")[0];
        assertTrue(pattern(text).matcher(r.err().replace('\n', ' ')).find(), "expected \"" + text + "\" in " + r);
    }

    /** The case's text as a pattern. */
    static Pattern pattern(String text) {
        StringBuilder re = new StringBuilder();
        for (String token : text.split("((?<=FILE|DIR|\\bN\\b|TASK|USER|…)|(?=FILE|DIR|\\bN\\b|TASK|USER|…))")) {
            re.append(token.matches("FILE|DIR|N|TASK|USER|…") ? ".+?" : Pattern.quote(token));
        }
        return Pattern.compile(re.toString());
    }

    /** The README table. */
    static String markdown() {
        StringBuilder sb = new StringBuilder("| situation | what you see | what is kept | shown by |\n|---|---|---|---|\n");
        for (Case c : ALL) {
            sb.append("| ").append(c.situation()).append(" | ").append(c.sees().replace("|", "\\|")).append(" | ")
                    .append(c.kept()).append(" | `").append(c.test()).append("` |\n");
        }
        return sb.toString();
    }
}
