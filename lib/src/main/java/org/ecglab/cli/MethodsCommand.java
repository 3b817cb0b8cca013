package org.ecglab.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecglab.attribution.AttributionMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecglab methods}: the registered attribution methods with their parameters and defaults. */
@Command(name = "methods",
        mixinStandardHelpOptions = true,
        description = "List the attribution method ids and each method's parameters with their default values, as "
                + "read from the library's method registry.",
        footerHeading = "%nExample:%n",
        footer = {
            "  ecglab methods",
            "Pass parameters to 'ecglab explain' as --param NAME=VALUE, e.g. --param n_steps=32."})
final class MethodsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        for (String id : AttributionMethods.ids()) {
            o.println(id);
            Map<String, Object> defaults = AttributionMethods.create(id).parameters();
            if (defaults.isEmpty()) {
                o.println("    (no parameters)");
            }
            defaults.forEach((name, value) -> o.printf("    %-22s default %s%n", name, value));
        }
        o.flush();
        return ExitCodes.OK;
    }
}
