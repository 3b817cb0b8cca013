package org.ecglab.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, the training seed of the models an experiment explains (a picocli mixin). */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Training seed of the models.")
    long seed;
}
