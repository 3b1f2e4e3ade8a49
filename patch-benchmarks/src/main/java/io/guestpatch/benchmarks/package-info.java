/**
 * JMH benchmarks, run from {@code patch-benchmarks/target/benchmarks.jar}: the one-scan baseline
 * {@link io.guestpatch.benchmarks.FleetScanBaseline} that every ratio refers to,
 * {@link io.guestpatch.benchmarks.PlannerBenchmark}, {@link io.guestpatch.benchmarks.SimulationBenchmark}
 * and {@link io.guestpatch.benchmarks.PolicyBenchmark}. Results and commands are in BENCHMARKS.md.
 */
@NullMarked
package io.guestpatch.benchmarks;

import org.jspecify.annotations.NullMarked;
