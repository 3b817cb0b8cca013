package org.ecglab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.MethodDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecglab methods}: the registered attribution methods with their parameters and defaults. */
@Command(name = "methods",
        mixinStandardHelpOptions = true,
        description = "List the attribution method ids, their family and paper, and each method's parameters with "
                + "their allowed values and defaults, as read from the library's method registry.",
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
        for (MethodDescriptor<?> d : AttributionMethods.descriptors()) {
            o.printf("%s (%s): %s%n", d.id(), d.family(), d.summary());
            List<String> params = d.schema().describe();
            if (params.isEmpty()) {
                o.println("    (no parameters)");
            }
            params.forEach(line -> o.println("    " + line));
        }
        o.flush();
        return ExitCodes.OK;
    }
}
