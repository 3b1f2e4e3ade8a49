package io.guestpatch.examples;

import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch generate}: writes a seeded synthetic fleet as fleet JSON Lines (SPEC 4.6). Not
 * thread-safe (one instance per run).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Generate a realistic synthetic fleet (regions, zones, availability sets, subscriptions, time",
      "zones, OS and image mix, a share of ineligible and deallocated VMs) as fleet JSON Lines.",
      "The same --vms and --seed always give the same file."
    })
final class GenerateCommand implements Callable<Integer> {
  /** The largest fleet the tool generates or simulates. */
  static final int MAX_VMS = 10_000_000;

  @Spec CommandSpec spec;

  @Option(names = "--vms", required = true, paramLabel = "N", description = "Number of VMs, 1..10,000,000.")
  int vms;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FLEET.jsonl", description = "The file to write.")
  Path out;

  @Override
  public Integer call() {
    checkVms(vms, spec);
    CliSupport.prepareOutput(out, "fleet");
    long written;
    try {
      written = FleetGenerator.of(FleetShape.ofDefaults(vms), seed).writeJsonLines(out);
    } catch (IOException e) {
      throw new CliException("cannot write fleet " + out + ": " + CliSupport.describe(e), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("wrote %,d VMs (seed %d) to %s%n", written, seed, out);
    stdout.flush();
    return GuestPatchCli.OK;
  }

  /** Rejects a VM count outside 1..{@value #MAX_VMS} as bad usage. */
  static void checkVms(int vms, CommandSpec spec) {
    if (vms < 1 || vms > MAX_VMS) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--vms': " + vms + " is outside 1..10,000,000");
    }
  }
}
