package io.guestpatch.orchestrator;

import java.time.Instant;

/**
 * The engine's clock and task queue. {@link VirtualScheduler} runs tasks in virtual time (simulation,
 * tests, benchmarks); {@link RealTimeScheduler} on the wall clock (production). Every task runs on one
 * thread, in instant order and, for equal instants, in the order scheduled, so the engine is a
 * deterministic state machine.
 */
public interface Scheduler {
  /** The current instant. */
  Instant now();

  /** Runs the task at the instant (at once if it is past). Callable from any thread. */
  void schedule(Instant at, Runnable task);

  /** Runs the task as soon as possible on the scheduler's thread. Callable from any thread. */
  default void execute(Runnable task) {
    schedule(now(), task);
  }
}
