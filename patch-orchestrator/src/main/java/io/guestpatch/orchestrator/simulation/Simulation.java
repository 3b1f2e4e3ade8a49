package io.guestpatch.orchestrator.simulation;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RolloutEngine;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.Stage;
import io.guestpatch.orchestrator.TraceWriter;
import io.guestpatch.orchestrator.VirtualScheduler;
import io.guestpatch.orchestrator.event.RolloutEvent;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A whole cycle in virtual time (SPEC 4.6): plans the fleet, runs the {@link RolloutEngine} with a
 * {@link SimulatedExecutor} and simulated power states, writes the trace, and sums up the outcome.
 *
 * <pre>{@code
 * SimulationOutcome out = Simulation.builder().fleet(vms).seed(7).build().run();
 * }</pre>
 *
 * <p>Powered-off VMs of the fleet come back after 2-20 days (seeded; one in five stays off).
 * Deterministic for (fleet, policy, cycle, seed, faults). Not thread-safe.
 */
public final class Simulation {
  private final List<VirtualMachine> fleet;
  private final FleetIndex givenIndex;
  private final RolloutPolicy policy;
  private final PatchCycle cycle;
  private final long seed;
  private final SimulatedFaults faults;
  private final TraceWriter trace;
  private final Consumer<SimulationProgress> progress;
  private final boolean assessments;

  private Simulation(Builder b) {
    this.fleet = b.fleet;
    this.givenIndex = b.index;
    this.policy = b.policy;
    this.cycle = b.cycle;
    this.seed = b.seed;
    this.faults = b.faults;
    this.trace = b.trace;
    this.progress = b.progress;
    this.assessments = b.assessments;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the cycle to its deadline. */
  public SimulationOutcome run() {
    FleetIndex index = givenIndex != null ? givenIndex : FleetIndex.of(fleet, policy);
    Plan plan = Planner.create(policy).plan(index, cycle);
    VirtualScheduler scheduler = new VirtualScheduler(cycle.release());
    SimulatedExecutor executor = new SimulatedExecutor(index, faults, seed, scheduler);
    long[] backOnline = new long[index.size()];
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    for (int vm = 0; vm < index.size(); vm++) {
      if (!index.isRunning(vm)) {
        long h = mix(seed, vm);
        backOnline[vm] = (h & 7) < 2 ? Long.MAX_VALUE
            : cycle.release().getEpochSecond() + 86_400L * (2 + Math.floorMod(h >> 8, 19));
        ids.put(index.vmId(vm), vm);
      }
    }
    PowerStateSource power = new SimulatedPower(ids, backOnline);
    int stages = plan.stages().size();
    Map<LocalDate, int[]> perDay = new TreeMap<>();
    Duration perPatch = policy.offPeak().perPatchDuration();
    Duration reboot = policy.offPeak().rebootReserve();
    RolloutEngine.Builder eb = RolloutEngine.builder(plan)
        .policy(policy)
        .scheduler(scheduler)
        .executor(executor)
        .health(executor)
        .power(power)
        .periodicAssessment(assessments)
        .store(io.guestpatch.orchestrator.spi.RolloutStore.NONE)
        .expectedSeconds(vm -> executor.expectedSeconds(vm, perPatch, reboot))
        .listener(e -> {
          if (e.type() == RolloutEvent.Type.VM_STARTED && e.stage() >= 0) {
            perDay.computeIfAbsent(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), d -> new int[stages])[e.stage()]++;
          }
        });
    if (trace != null) {
      eb.trace(trace);
    }
    RolloutEngine engine = eb.build();
    engine.start();
    Instant end = cycle.deadline();
    Instant t = cycle.release();
    Duration step = Duration.ofHours(6);
    long total = Duration.between(cycle.release(), end).getSeconds();
    while (t.isBefore(end)) {
      t = t.plus(step).isAfter(end) ? end : t.plus(step);
      scheduler.runUntil(t);
      if (progress != null) {
        int patched = engine.progress().patchedVms();
        progress.accept(new SimulationProgress(
            (double) Duration.between(cycle.release(), t).getSeconds() / total, t, patched, plan.eligibleVms()));
      }
      if (!scheduler.hasPending()) {
        break;
      }
    }
    return outcome(plan, engine, scheduler, perDay);
  }

  private SimulationOutcome outcome(Plan plan, RolloutEngine engine, VirtualScheduler scheduler,
      Map<LocalDate, int[]> perDay) {
    List<StageOutcome> stageOutcomes = new ArrayList<>();
    io.guestpatch.orchestrator.RolloutProgress p = engine.progress();
    Map<String, double[]> byRegion = new LinkedHashMap<>();
    p.regions().forEach((region, counts) -> byRegion.put(region, new double[] {counts[0], counts[1]}));
    int failedTotal = 0;
    for (Stage s : plan.stages()) {
      int failed = p.stageFailed(s.index());
      failedTotal += failed;
      stageOutcomes.add(new StageOutcome(s.index(), s.regionNames(), s.vms(), p.stage(s.index())[0], failed,
          engine.stageDays(s.index()), p.stageDone(s.index())));
    }
    return new SimulationOutcome(plan, stageOutcomes, plan.eligibleVms(), p.patchedVms(), failedTotal,
        engine.haltReason().orElse(""), perDay, byRegion, scheduler.executed(),
        Duration.between(cycle.release(), scheduler.now()), engine.installsStarted(), engine.assessmentsStarted());
  }

  /** Power states of the simulation: VMs off in the fleet come back at a seeded instant. */
  private static final class SimulatedPower
      implements PowerStateSource, io.guestpatch.orchestrator.internal.IndexedPowerState {
    private final Map<String, Integer> offIds;
    private final long[] backOnline;

    SimulatedPower(Map<String, Integer> offIds, long[] backOnline) {
      this.offIds = offIds;
      this.backOnline = backOnline;
    }

    @Override
    public boolean isRunning(String vmId, Instant at) {
      Integer vm = offIds.get(vmId);
      return vm == null || at.getEpochSecond() >= backOnline[vm];
    }

    @Override
    public boolean isRunning(int vm, long epochSecond) {
      return epochSecond >= backOnline[vm];
    }
  }

  private static long mix(long seed, int vm) {
    return FleetGenerator.mix(seed * 0x9E3779B97F4A7C15L + (vm + 1) * 0xBF58476D1CE4E5B9L);
  }

  /** Builds a {@link Simulation}. */
  public static final class Builder {
    private List<VirtualMachine> fleet = List.of();
    private FleetIndex index;
    private RolloutPolicy policy = RolloutPolicy.ofDefaults();
    private PatchCycle cycle = PatchCycle.parse("2026-12");
    private long seed = 1;
    private SimulatedFaults faults = SimulatedFaults.none();
    private TraceWriter trace;
    private Consumer<SimulationProgress> progress;
    private boolean assessments = true;

    private Builder() {}

    /** The fleet. */
    public Builder fleet(List<VirtualMachine> value) {
      this.fleet = Objects.requireNonNull(value, "fleet");
      return this;
    }

    /** An already built index of the fleet (instead of {@link #fleet}). */
    public Builder index(FleetIndex value) {
      this.index = value;
      return this;
    }

    /** The policy. */
    public Builder policy(RolloutPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The cycle (default 2026-12). */
    public Builder cycle(PatchCycle value) {
      this.cycle = Objects.requireNonNull(value, "cycle");
      return this;
    }

    /** The seed of faults, latencies and power states. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Injected faults. */
    public Builder faults(SimulatedFaults value) {
      this.faults = Objects.requireNonNull(value, "faults");
      return this;
    }

    /** Where to write the trace. */
    public Builder trace(TraceWriter value) {
      this.trace = value;
      return this;
    }

    /** Receives progress every 6 virtual hours. */
    public Builder progress(Consumer<SimulationProgress> value) {
      this.progress = value;
      return this;
    }

    /** Whether periodic assessments run (default true). */
    public Builder assessments(boolean value) {
      this.assessments = value;
      return this;
    }

    /** The simulation. */
    public Simulation build() {
      return new Simulation(this);
    }
  }
}
