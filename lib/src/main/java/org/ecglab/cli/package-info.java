/**
 * The {@code ecglab} command line: one picocli command class per subcommand ({@code generate}, {@code import-ptbxl},
 * {@code info}, {@code train}, {@code explain}, {@code export}, {@code methods}) and small shared helpers (dataset
 * loading with clear errors, task and seed lists, {@code key=value} parameters, model selection, attribution output
 * with a provenance sidecar written with it as one unit, baseline files, option range checks).
 *
 * <p>Models are stored one way only, in a {@link org.ecglab.registry.ModelRegistry} folder: {@code train} fills it
 * through {@link org.ecglab.registry.TaskModelSuite} (loading what is already there for the same data and settings),
 * {@code explain} and {@code export} select an entry by key ({@code --registry DIR --task T --seed S}) or a binary
 * entry by its folder ({@code --model DIR/T/seed-S}), and run methods through the library's
 * {@link org.ecglab.attribution.AttributionRunner} with a progress bar.
 *
 * <p>Exit codes ({@link org.ecglab.cli.ExitCodes}): 0 success, 1 a problem with the user's data or arguments' values
 * (missing or corrupt file, unknown task, method or parameter) reported as one line {@code error: ...}, 2 a usage
 * error found by picocli (unknown option, missing required option), 3 an unexpected internal error or running out of
 * memory (one line with advice). {@code --debug} adds the stack trace.
 *
 * <p>Run it with {@code java -jar lib/target/ecglab-VERSION.jar} after {@code mvn -B -q -DskipTests package};
 * {@link org.ecglab.cli.Main} sets DJL to offline mode and one intra-op thread unless the user set those properties.
 *
 * <p>The top of the dependency chain: nothing imports it.
 *
 * <p>May import: {@code org.ecglab.*}.
 */
package org.ecglab.cli;
