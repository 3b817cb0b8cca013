/**
 * The {@code ecglab} command line: one picocli command class per subcommand ({@code generate}, {@code import-ptbxl},
 * {@code info}, {@code train}, {@code explain}, {@code methods}) and small shared helpers (dataset loading with clear
 * errors, {@code key=value} parameters, model folders, attribution output with a provenance sidecar).
 *
 * <p>Exit codes ({@link org.ecglab.cli.ExitCodes}): 0 success, 1 a problem with the user's data or arguments' values
 * (missing or corrupt file, unknown task, method or parameter) reported as one line {@code error: ...}, 2 a usage
 * error found by picocli (unknown option, missing required option), 3 an unexpected internal error. {@code --debug}
 * adds the stack trace.
 *
 * <p>Run it with {@code java -jar lib/target/ecglab-VERSION.jar} after {@code mvn -B -q -DskipTests package};
 * {@link org.ecglab.cli.Main} sets DJL to offline mode and one intra-op thread unless the user set those properties.
 *
 * <p>The top of the dependency chain: may import every other package of the library; nothing imports it.
 */
package org.ecglab.cli;
