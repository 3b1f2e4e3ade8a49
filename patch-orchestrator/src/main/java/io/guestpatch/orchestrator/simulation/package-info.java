/**
 * Simulation support: seeded synthetic fleets (SPEC 4.6) for tests, benchmarks and the
 * {@code guestpatch generate} and {@code simulate} commands.
 *
 * <p>Entry point: {@link io.guestpatch.orchestrator.simulation.FleetGenerator#of(FleetShape, long)},
 * with the knobs of a {@link io.guestpatch.orchestrator.simulation.FleetShape}:
 *
 * <pre>{@code
 * FleetGenerator fleet = FleetGenerator.of(FleetShape.ofDefaults(1_000_000), 42);
 * fleet.writeJsonLines(Path.of("fleet.jsonl"));   // streams, constant memory
 * List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(10_000), 42).toList();
 * }</pre>
 */
@NullMarked
package io.guestpatch.orchestrator.simulation;

import org.jspecify.annotations.NullMarked;
