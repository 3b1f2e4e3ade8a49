package io.guestpatch.benchmarks;

import io.guestpatch.model.VirtualMachine;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 * The one-scan baseline of SPEC 6: the least work any planner must do on a fleet. Starting from the same
 * in-memory list of {@link VirtualMachine} records as the planner benchmark (the default generated
 * fleet, seed 42), {@link #scan()} interns region, zone, availability set and subscription to ints (one
 * {@code HashMap<String, Integer>} each) and copies update domains into an int array. Planner results
 * are read as ratios to this one, so they compare across machines.
 *
 * <p>Run it with:
 *
 * <pre>{@code
 * mvn -B package
 * java -jar patch-benchmarks/target/benchmarks.jar FleetScanBaseline -prof gc
 * java -jar patch-benchmarks/target/benchmarks.jar FleetScanBaseline -p vms=10000 -f 1 -wi 1 -i 1
 * }</pre>
 *
 * <p>Five warm-up iterations: at 1M VMs one iteration runs only a couple of dozen scans, and three
 * were not enough for the JIT to settle. The fleet is built in {@link #setUp()} (once per trial, cached per fork by {@link Fleets}), never
 * inside the measured method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FleetScanBaseline {
  /** The fleet size. */
  @Param({"10000", "100000", "1000000"})
  int vms;

  private List<VirtualMachine> fleet = List.of();

  /** Builds (or takes from the fork's cache) the fleet of {@link #vms} VMs. */
  @Setup(Level.Trial)
  public void setUp() {
    fleet = Fleets.of(vms);
  }

  /** The compact index of one scan: interned ids per VM ({@code -1} when absent) and update domains. */
  public static final class Index {
    /** Region id per VM. */
    public final int[] region;
    /** Zone id per VM, {@code -1} for a regional VM. */
    public final int[] zone;
    /** Availability set id per VM, {@code -1} outside a set. */
    public final int[] availabilitySet;
    /** Subscription id per VM. */
    public final int[] subscription;
    /** Update domain per VM, {@code -1} when absent. */
    public final int[] updateDomain;
    /** The number of distinct regions, zones, sets and subscriptions. */
    public final int[] distinct;

    Index(int[] region, int[] zone, int[] availabilitySet, int[] subscription, int[] updateDomain, int[] distinct) {
      this.region = region;
      this.zone = zone;
      this.availabilitySet = availabilitySet;
      this.subscription = subscription;
      this.updateDomain = updateDomain;
      this.distinct = distinct;
    }
  }

  /** One pass over the fleet into primitive arrays; returned so that JMH cannot drop the work. */
  @Benchmark
  public Index scan() {
    List<VirtualMachine> vmList = fleet;
    int n = vmList.size();
    HashMap<String, Integer> regions = new HashMap<>();
    HashMap<String, Integer> zones = new HashMap<>();
    HashMap<String, Integer> sets = new HashMap<>();
    HashMap<String, Integer> subscriptions = new HashMap<>();
    int[] region = new int[n];
    int[] zone = new int[n];
    int[] set = new int[n];
    int[] subscription = new int[n];
    int[] updateDomain = new int[n];
    for (int i = 0; i < n; i++) {
      VirtualMachine vm = vmList.get(i);
      region[i] = intern(regions, vm.region());
      Optional<String> z = vm.zone();
      zone[i] = z.isPresent() ? intern(zones, z.get()) : -1;
      Optional<String> s = vm.availabilitySetId();
      set[i] = s.isPresent() ? intern(sets, s.get()) : -1;
      subscription[i] = intern(subscriptions, vm.subscriptionId());
      OptionalInt ud = vm.platformUpdateDomain();
      updateDomain[i] = ud.isPresent() ? ud.getAsInt() : -1;
    }
    int[] distinct = {regions.size(), zones.size(), sets.size(), subscriptions.size()};
    return new Index(region, zone, set, subscription, updateDomain, distinct);
  }

  private static int intern(HashMap<String, Integer> ids, String key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = ids.size();
      ids.put(key, id);
    }
    return id;
  }
}
