package io.guestpatch.benchmarks;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RolloutPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a cycle (SPEC 4.4, 6) from an in-memory list of {@link VirtualMachine} records to the
 * complete {@link Plan}: indexing the fleet (interning, eligibility, time zone and window per VM)
 * and batching every region. It starts from the same in-memory list as {@code FleetScanBaseline.scan}
 * (the {@code FleetGenerator} fleet of {@code Fleets}, seed 42), so the two compare directly.
 *
 * <pre>
 * mvn -B -o -q package -pl patch-orchestrator,patch-benchmarks
 * java -jar patch-benchmarks/target/benchmarks.jar PlannerBenchmark -prof gc
 * java -jar patch-benchmarks/target/benchmarks.jar PlannerBenchmark.plan -p vms=1000000 -p threads=1,2
 * </pre>
 *
 * <p>By default the planner indexes and batches a large fleet on all processors (the caller's thread
 * and the common pool), while the baseline scans on one thread; {@code -p threads=1} gives the
 * one-thread figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlannerBenchmark {
  /** The fleet size. */
  @Param({"10000", "100000", "1000000"})
  public int vms;

  /**
   * Where the list comes from: {@code generated} (the baseline's list, as SPEC 6 compares) or
   * {@code parsed} (the same fleet written as JSON Lines and read back with FleetReader, as a host that
   * plans a fleet file would hold it): {@code -p source=parsed}.
   */
  @Param({"generated"})
  public String source;

  /**
   * {@link RolloutPolicy#planningThreads()}: 0 keeps the policy's default (the number of processors);
   * {@code -p threads=1} measures one thread alone.
   */
  @Param({"0"})
  public int threads;

  private List<VirtualMachine> fleet;
  private RolloutPolicy policy;
  private Planner planner;
  private PatchCycle cycle;

  /** Generates the fleet once per trial. */
  @Setup(Level.Trial)
  public void setUp() throws java.io.IOException {
    fleet = Fleets.of(vms);
    if (source.equals("parsed")) {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("planner-fleet", ".jsonl");
      try (io.guestpatch.model.FleetWriter w = io.guestpatch.model.FleetWriter.create(file)) {
        for (VirtualMachine vm : fleet) {
          w.write(vm);
        }
      }
      fleet = io.guestpatch.model.FleetReader.create().read(file).orThrow();
      java.nio.file.Files.delete(file);
    } else if (!source.equals("generated")) {
      throw new IllegalArgumentException("source must be generated or parsed, got " + source);
    }
    policy = threads == 0 ? RolloutPolicy.ofDefaults() : RolloutPolicy.builder().planningThreads(threads).build();
    planner = Planner.create(policy);
    cycle = PatchCycle.parse("2026-12");
  }

  /** Only the first half of {@link #plan()}: indexes the fleet (a breakdown, not a target). */
  @Benchmark
  public FleetIndex index() {
    return FleetIndex.of(fleet, policy);
  }

  /** Indexes the fleet and plans the cycle; returns the plan. */
  @Benchmark
  public Plan plan() {
    FleetIndex index = FleetIndex.of(fleet, policy);
    return planner.plan(index, cycle);
  }
}
