package io.guestpatch.examples;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.TraceWriter;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import io.guestpatch.orchestrator.simulation.SimulatedFaults;
import io.guestpatch.orchestrator.simulation.Simulation;
import io.guestpatch.orchestrator.simulation.SimulationOutcome;
import io.guestpatch.orchestrator.simulation.SimulationProgress;
import io.guestpatch.orchestrator.simulation.StageOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch simulate}: runs a whole cycle in virtual time over a fleet file or a generated
 * fleet, with injected faults; prints the outcome, and optionally writes the trace and an HTML report.
 * Not thread-safe (one instance per run).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Run a whole patch cycle in virtual time: plan, stages, gates, batches and off-peak windows,",
      "with a simulated executor and injected faults. Prints per stage the regions, VMs patched,",
      "failures and days used, the completion and any halt. Exit 1 when the rollout halted."
    })
final class SimulateCommand implements Callable<Integer> {
  /** The fleet size used when neither --fleet nor --vms is given. */
  static final int DEFAULT_VMS = 10_000;
  /** How many of the fleet's regions an unknown {@code --bad-region} lists. */
  private static final int KNOWN_REGIONS_SHOWN = 6;

  @Spec CommandSpec spec;

  /** Where the fleet comes from: a file or a generator. */
  static final class Source {
    @Option(names = "--fleet", paramLabel = "FILE", description = "The fleet (ARM JSON or fleet JSON Lines).")
    Path fleet;

    @Option(names = "--vms", paramLabel = "N",
        description = "Generate a fleet of N VMs, 1..10,000,000, with --seed (default: 10,000 VMs).")
    Integer vms;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the generated fleet, faults, latencies and power states. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--cycle", paramLabel = "YYYY-MM",
      description = "The cycle's month. Default: the next monthly release after now.")
  String cycle;

  @Option(names = "--failure-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of installs that fail, 0..1. Default: ${DEFAULT-VALUE}.")
  double failureRate;

  @Option(names = "--unhealthy-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of patched VMs that turn unhealthy, 0..1. Default: ${DEFAULT-VALUE}.")
  double unhealthyRate;

  @Option(names = "--timeout-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of installs that overrun their window (the engine times them out), 0..1. "
          + "Default: ${DEFAULT-VALUE}.")
  double timeoutRate;

  @Option(names = "--hang-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of installs that never answer (the engine times them out), 0..1. Default: ${DEFAULT-VALUE}.")
  double hangRate;

  @Option(names = "--bad-region", paramLabel = "NAME",
      description = "A region of the fleet where every install fails, e.g. eastus (case is ignored).")
  String badRegion;

  @Option(names = "--halt-threshold", paramLabel = "R", defaultValue = "0.10",
      description = "Halt when more than this share of a stage's finished installs failed or turned "
          + "unhealthy (I10), 0..1 (below 1). Default: ${DEFAULT-VALUE}.")
  double haltThreshold;

  @Option(names = "--halt-min-finished", paramLabel = "N", defaultValue = "5",
      description = "Finished installs a stage needs before the halt rule applies, at least 1. "
          + "Default: ${DEFAULT-VALUE}.")
  int haltMinFinished;

  @Option(names = "--trace", paramLabel = "TRACE.csv", description = "Write the trace (SPEC 4.5) here.")
  Path trace;

  @Option(names = "--report", paramLabel = "REPORT.html",
      description = "Write a self-contained HTML report (timeline, completion per region, failures, halts).")
  Path report;

  @Option(names = "--skip-invalid",
      description = "Go on with the good records when the fleet has bad ones (they are still listed on stderr).")
  boolean skipInvalid;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkRate("--failure-rate", failureRate);
    checkRate("--unhealthy-rate", unhealthyRate);
    checkRate("--timeout-rate", timeoutRate);
    checkRate("--hang-rate", hangRate);
    if (!(haltThreshold >= 0 && haltThreshold < 1)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--halt-threshold': " + haltThreshold + " is outside 0..1 (1 excluded)");
    }
    if (haltMinFinished < 1) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--halt-min-finished': " + haltMinFinished + " is below 1");
    }
    if (source != null && source.vms != null) {
      GenerateCommand.checkVms(source.vms, spec);
    }
    PatchCycle c = CliSupport.cycle(cycle, null, spec.commandLine());
    if (trace != null) {
      CliSupport.prepareOutput(trace, "trace");
    }
    if (report != null) {
      CliSupport.prepareOutput(report, "report");
    }

    List<VirtualMachine> fleet;
    String fleetName;
    if (source != null && source.fleet != null) {
      fleet = CliSupport.readFleet(source.fleet, skipInvalid, err);
      fleetName = source.fleet.toString();
    } else {
      int n = source != null && source.vms != null ? source.vms : DEFAULT_VMS;
      fleet = FleetGenerator.of(FleetShape.ofDefaults(n), seed).toList();
      fleetName = String.format("generated, %,d VMs, seed %d", n, seed);
    }
    RolloutPolicy policy =
        RolloutPolicy.builder().failureThreshold(haltThreshold).minFinishedForHalt(haltMinFinished).build();
    // Indexed once, here: the index's region names answer --bad-region, and the simulation runs on it.
    FleetIndex index;
    try {
      index = FleetIndex.of(fleet, policy);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot simulate: " + e.getMessage(), e);
    }
    SimulatedFaults.Builder fb = SimulatedFaults.builder()
        .failureRate(failureRate)
        .unhealthyRate(unhealthyRate)
        .timeoutRate(timeoutRate)
        .hangRate(hangRate);
    if (badRegion != null) {
      fb.badRegion(checkBadRegion(badRegion, index));
    }
    SimulatedFaults faults = fb.build();

    SimulationOutcome outcome;
    boolean terminal = System.console() != null;
    Consumer<SimulationProgress> progress = terminal ? new Bar(err) : new Lines(err);
    try (TraceWriter tw = trace == null ? null : TraceWriter.create(trace)) {
      outcome = Simulation.builder()
          .index(index)
          .policy(policy)
          .cycle(c)
          .seed(seed)
          .faults(faults)
          .trace(tw)
          .progress(progress)
          .build()
          .run();
    } catch (IOException e) {
      throw new CliException("cannot write trace " + trace + ": " + CliSupport.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot simulate: " + e.getMessage(), e);
    }
    if (terminal) {
      err.println();
    }
    err.flush();

    printOutcome(out, c, fleetName, outcome);
    if (trace != null) {
      out.println("trace written to " + trace);
    }
    if (report != null) {
      HtmlReport.write(report, c, fleetName, faults, outcome);
      out.println("report written to " + report);
    }
    out.flush();
    return outcome.halted() ? GuestPatchCli.NEGATIVE : GuestPatchCli.OK;
  }

  private void checkRate(String option, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + rate + " is outside 0..1");
    }
  }

  /**
   * The {@code --bad-region} name in the fleet's spelling (lower case), or a usage error naming it and
   * listing some of the fleet's regions: a region the fleet does not have would inject no fault at all.
   */
  private String checkBadRegion(String name, FleetIndex index) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    // The index keeps region names in lower case, one per region.
    SortedSet<String> regions = new TreeSet<>(index.regionNames());
    if (regions.contains(wanted)) {
      return wanted;
    }
    List<String> some = new ArrayList<>(regions).subList(0, Math.min(KNOWN_REGIONS_SHOWN, regions.size()));
    String known = regions.isEmpty() ? "the fleet has no VM"
        : "the fleet's regions include " + String.join(", ", some)
            + (regions.size() > some.size() ? " (" + regions.size() + " in all)" : "");
    throw new ParameterException(spec.commandLine(),
        "Invalid value for option '--bad-region': '" + name + "' is not a region of the fleet; " + known);
  }

  static void printOutcome(PrintWriter out, PatchCycle c, String fleetName, SimulationOutcome o) {
    out.printf("cycle %s (%s): release %s, deadline %s%n", c.label(), fleetName, c.release(), c.deadline());
    out.printf("%-6s %-40s %10s %10s %9s %9s %5s%n", "stage", "regions", "VMs", "patched", "failed", "days", "gate");
    for (StageOutcome s : o.stages()) {
      out.printf("%-6d %-40s %,10d %,10d %,9d %9.1f %5s%n", s.index(), abbreviate(String.join(",", s.regions()), 40),
          s.vms(), s.patched(), s.failed(), s.daysUsed(), s.gatePassed() ? "pass" : "-");
    }
    out.printf("completion: %,d of %,d eligible VMs patched (%.1f%%), %,d failed after every retry%n",
        o.patchedVms(), o.eligibleVms(), 100 * o.completion(), o.failedVms());
    out.printf("simulated %.1f days, %,d events, %,d installs, %,d assessments%n",
        o.simulatedTime().toMinutes() / 1440.0, o.events(), o.installs(), o.assessments());
    if (o.halted()) {
      out.println("HALTED: " + o.haltReason().orElse("(no reason given)"));
    }
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** A progress bar redrawn in place on a terminal. */
  static final class Bar implements Consumer<SimulationProgress> {
    private static final int WIDTH = 40;
    private final PrintWriter err;
    private int last = -1;

    Bar(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void accept(SimulationProgress p) {
      int permille = (int) Math.round(p.fraction() * 1000);
      if (permille == last) {
        return;
      }
      last = permille;
      int filled = (int) Math.round(p.fraction() * WIDTH);
      err.printf("\r[%s%s] %5.1f%%  %s  patched %,d/%,d", "#".repeat(filled), " ".repeat(WIDTH - filled),
          p.fraction() * 100, p.now().toString().substring(0, 10), p.patched(), p.eligible());
      err.flush();
    }
  }

  /** Plain lines, one per tenth of the cycle, when standard error is not a terminal. */
  static final class Lines implements Consumer<SimulationProgress> {
    private final PrintWriter err;
    private int lastTenth = -1;

    Lines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void accept(SimulationProgress p) {
      int tenth = (int) Math.floor(p.fraction() * 10);
      if (tenth <= lastTenth) {
        return;
      }
      lastTenth = tenth;
      err.printf("progress %3d%%  %s  patched %,d/%,d%n", tenth * 10, p.now(), p.patched(), p.eligible());
      err.flush();
    }
  }
}
