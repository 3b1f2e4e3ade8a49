package io.guestpatch.benchmarks;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.simulation.Simulation;
import io.guestpatch.orchestrator.simulation.SimulationOutcome;
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
 * A whole 30-day cycle in virtual time: plan, engine, simulated executor and periodic assessment, no
 * trace. The fleet index is built in setup; the benchmark plans and runs the cycle.
 *
 * <pre>{@code
 * java -jar patch-benchmarks/target/benchmarks.jar SimulationBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SimulationBenchmark {
  @Param({"10000", "100000", "1000000"})
  int vms;

  private FleetIndex index;
  private RolloutPolicy policy;

  @Setup(Level.Trial)
  public void setUp() {
    policy = RolloutPolicy.ofDefaults();
    List<VirtualMachine> fleet = Fleets.of(vms);
    index = FleetIndex.of(fleet, policy);
  }

  /** One cycle; returns the outcome so that nothing is dead code. */
  @Benchmark
  public SimulationOutcome cycle() {
    return Simulation.builder().index(index).policy(policy).cycle(PatchCycle.parse("2026-12")).seed(7)
        .build().run();
  }
}
