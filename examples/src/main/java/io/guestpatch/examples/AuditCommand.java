package io.guestpatch.examples;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.AuditReport;
import io.guestpatch.orchestrator.OffPeakChecks;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.SafetyAuditor;
import io.guestpatch.orchestrator.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch audit}: the {@link SafetyAuditor} over a trace (I1-I6, I9), with the off-peak
 * windows of the default policy (each VM's tag, else 22:00-06:00) for I6. Not thread-safe (one instance per run).
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Check a trace (CSV, SPEC 4.5) against the availability-first invariants I1-I6 and I9 for the",
      "fleet it was run on; I6 uses each VM's off-peak window (its tag or the default window).",
      "Prints the report. Exit 1 on any breach."
    })
final class AuditCommand implements Callable<Integer> {
  private static final int MAX_LISTED_PROBLEMS = 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE.csv", description = "The trace.")
  Path trace;

  @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet the trace was run on.")
  Path fleet;

  @Option(names = "--skip-invalid",
      description = "Go on with the good records when the fleet has bad ones (they are still listed on stderr).")
  boolean skipInvalid;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CliSupport.requireReadable(trace, "trace");
    List<VirtualMachine> vms = CliSupport.readFleet(fleet, skipInvalid, err);
    // I6 with each VM's own window (its tag, else the default), in the time zone the trace recorded.
    SafetyAuditor auditor = OffPeakChecks.auditor(RolloutPolicy.ofDefaults(), vms);
    AuditReport report;
    try {
      report = auditor.audit(trace, vms);
    } catch (TraceFormatException e) {
      int listed = 0;
      for (TraceFormatException.Problem p : e.errors()) {
        if (listed++ == MAX_LISTED_PROBLEMS) {
          err.println("... and " + (e.errorCount() - MAX_LISTED_PROBLEMS) + " more");
          break;
        }
        err.println(p);
      }
      throw new CliException("trace " + trace + " has " + CliSupport.count(e.errorCount(), "bad row")
          + " (listed above)", e);
    } catch (IOException e) {
      throw new CliException("cannot read trace " + trace + ": " + CliSupport.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new CliException("trace " + trace + ": " + e.getMessage(), e);
    }
    out.println(report);
    out.flush();
    return report.isClean() ? GuestPatchCli.OK : GuestPatchCli.NEGATIVE;
  }
}
