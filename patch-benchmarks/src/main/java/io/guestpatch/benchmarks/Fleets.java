package io.guestpatch.benchmarks;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory fleets benchmarks start from: {@link FleetGenerator} with the default shape and seed
 * {@value #SEED}, built once per size per JVM (a JMH fork), so every benchmark of one fork sees the same
 * list and a million-VM fleet is generated once. Thread-safe.
 */
final class Fleets {
  /** The seed of every benchmark fleet. */
  static final long SEED = 42L;

  private static final ConcurrentMap<Integer, List<VirtualMachine>> CACHE = new ConcurrentHashMap<>();

  private Fleets() {}

  /** The default-shape fleet of {@code vms} VMs with seed {@value #SEED}, built on first use. */
  static List<VirtualMachine> of(int vms) {
    return CACHE.computeIfAbsent(vms, n -> FleetGenerator.of(FleetShape.ofDefaults(n), SEED).toList());
  }
}
