package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks an audit trace (SPEC 4.5) against the availability-first invariants I1-I6 and I9 (SPEC 4.2,
 * 4.6) and reports every breach with the VMs, instants and placement involved.
 *
 * <p>Only {@code install} rows are checked against the I-rules; each install is in flight over the
 * half-open interval {@code [startUtc, endUtc)}, so one that ends at the instant another starts does
 * not overlap it, and a zero-length install occupies no instant: it is never in flight and meets no
 * other install (it still counts for I1's stage grouping, I2's stage order, I6, I9's one success and
 * FLEET).
 * The placement used is the row's (what the engine saw); the fleet gives the size of each availability
 * set and the number of VMs outside sets per subscription and region, and every row is matched against
 * it (rule {@code FLEET}). The checks:
 * <ul>
 *   <li>I1: no install starts while a paired region (from the {@link RegionCatalogue}, pairs taken
 *       both ways) has one in flight; paired regions never share a stage index; a region's installs
 *       all carry one stage.
 *   <li>I2: no install of a stage starts while an install of an earlier stage is in flight, nor before
 *       the first install of the previous stage (the nearest lower stage index with installs) started.
 *       Installs without a stage are not checked by I2.
 *   <li>I3: in a region, in-flight installs touch at most one availability zone (installs without a
 *       zone do not count).
 *   <li>I4: in an availability set, in-flight installs touch one update domain (an install without an
 *       update domain counts as a domain of its own), and at most {@code max(1, floor(20% of n))} of
 *       the set's {@code n} fleet VMs, one at a time when {@code n < 10}.
 *   <li>I5: outside sets, at most {@code max(1, floor(20% of n))} installs in flight per subscription
 *       and region, {@code n} being that subscription's fleet VMs outside sets in that region.
 *   <li>I6: each install starts and ends inside one off-peak window of its VM, as the configured
 *       {@link OffPeakCheck} decides; without one, I6 is not checked and the report says so.
 *   <li>I9: a VM has at most one {@code Succeeded} or {@code CompletedWithWarnings} install per trace,
 *       and no install starts while another install of the same VM is in flight.
 *   <li>FLEET: a row whose VM is not in the fleet, or whose region, subscription, zone, availability
 *       set or update domain differ from the fleet's; reported once per VM. A set or subscription
 *       group that the fleet does not know counts as size 0 (one install at a time).
 * </ul>
 * A breach is reported for each offending install start, at that instant, listing the starting VM
 * first and then the in-flight VMs it conflicts with. Ids, region names and subscriptions compare
 * ignoring case.
 *
 * <pre>{@code
 * SafetyAuditor auditor = SafetyAuditor.builder()
 *     .regionCatalogue(RegionCatalogue.ofDefaults())
 *     .offPeak((row, start, end) -> windows.inOneWindow(row.timeZone(), start, end))
 *     .build();
 * AuditReport report = auditor.audit(Path.of("trace.csv"), fleet);
 * if (!report.isClean()) System.err.println(report);
 * }</pre>
 *
 * <p>The audit is a sweep over start and end events sorted by instant (ends first at equal instants)
 * with counters over interned ints: a million-row trace streams from the file and is checked in a few
 * seconds with memory in the order of a hundred bytes per install.
 *
 * <p>Immutable and thread-safe: one auditor may run several audits at once. Errors: a malformed trace
 * file throws {@link TraceFormatException}; an instant before 1677 or after 2262 (outside nanoseconds
 * since the epoch in a {@code long}) throws {@link IllegalArgumentException}; an exception thrown by the
 * off-peak check propagates.
 */
public final class SafetyAuditor {
  /** The default number of breaches listed per rule. */
  public static final int DEFAULT_MAX_BREACHES_PER_RULE = 1000;

  /**
   * Decides whether an install lies inside one off-peak window of its VM (I6, W2-W4). Implementations
   * must be thread-safe when the auditor is shared.
   */
  @FunctionalInterface
  public interface OffPeakCheck {
    /**
     * Whether {@code start} and {@code end} both lie inside one off-peak window of the VM of {@code row}
     * (in the row's {@link TraceRecord#timeZone()}).
     */
    boolean inWindow(TraceRecord row, Instant start, Instant end);
  }

  private final RegionCatalogue regions;
  private final @Nullable OffPeakCheck offPeak;
  private final int maxBreachesPerRule;
  private final boolean strictStageOrder;

  private SafetyAuditor(Builder b) {
    this.regions = b.regions;
    this.offPeak = b.offPeak;
    this.maxBreachesPerRule = b.maxBreachesPerRule;
    this.strictStageOrder = b.strictStageOrder;
  }

  /** An auditor with the bundled region catalogue and no off-peak check (I6 not checked). */
  public static SafetyAuditor ofDefaults() {
    return builder().build();
  }

  /** A builder: the bundled region catalogue, no off-peak check, {@value #DEFAULT_MAX_BREACHES_PER_RULE} breaches listed per rule. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Audits a trace file against a fleet, streaming the file.
   *
   * @param trace a trace written by {@link TraceWriter}
   * @param fleet the fleet the trace was run on
   * @throws TraceFormatException if the trace has a bad header or bad rows
   * @throws IOException if the file cannot be read
   */
  public AuditReport audit(Path trace, List<VirtualMachine> fleet) throws IOException {
    Objects.requireNonNull(trace, "trace");
    AuditRun run = newRun(fleet);
    TraceReader.forEach(trace, run::accept);
    return run.finish();
  }

  /**
   * Audits trace rows against a fleet.
   *
   * @param rows the trace, in any order
   * @param fleet the fleet the trace was run on
   */
  public AuditReport audit(List<TraceRecord> rows, List<VirtualMachine> fleet) {
    Objects.requireNonNull(rows, "rows");
    AuditRun run = newRun(fleet);
    for (TraceRecord row : rows) {
      run.accept(row);
    }
    return run.finish();
  }

  private AuditRun newRun(List<VirtualMachine> fleet) {
    Objects.requireNonNull(fleet, "fleet");
    return new AuditRun(regions, offPeak, maxBreachesPerRule, strictStageOrder, fleet);
  }

  /** Builds a {@link SafetyAuditor}; not thread-safe. */
  public static final class Builder {
    private RegionCatalogue regions = RegionCatalogue.ofDefaults();
    private @Nullable OffPeakCheck offPeak;
    private int maxBreachesPerRule = DEFAULT_MAX_BREACHES_PER_RULE;
    private boolean strictStageOrder;

    /**
     * Also reports, under I2, installs of stage k+1 that start before the first install of stage k
     * (default off). Only right for traces where no VM of stage k was powered off: SPEC I2 lets the gate
     * pass without powered-off VMs, which are caught up later, so their installs legitimately come after
     * the next stage's. Overlapping installs of two stages are always reported.
     */
    public Builder strictStageOrder(boolean strict) {
      this.strictStageOrder = strict;
      return this;
    }

    private Builder() {}

    /** The catalogue whose region pairs I1 keeps apart; default {@link RegionCatalogue#ofDefaults()}. */
    public Builder regionCatalogue(RegionCatalogue catalogue) {
      this.regions = Objects.requireNonNull(catalogue, "regionCatalogue");
      return this;
    }

    /** The off-peak window test for I6; without one, I6 is reported as not checked. */
    public Builder offPeak(OffPeakCheck check) {
      this.offPeak = Objects.requireNonNull(check, "offPeak");
      return this;
    }

    /**
     * How many breaches of each rule the report lists (all are counted).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxBreachesPerRule(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBreachesPerRule must be at least 1, got " + max);
      }
      this.maxBreachesPerRule = max;
      return this;
    }

    /** The auditor. */
    public SafetyAuditor build() {
      return new SafetyAuditor(this);
    }
  }
}
