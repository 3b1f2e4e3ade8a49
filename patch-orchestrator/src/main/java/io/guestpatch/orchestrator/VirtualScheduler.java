package io.guestpatch.orchestrator;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time: {@link #runUntil(Instant)} jumps from task to task without
 * waiting. Deterministic. Not thread-safe: schedule from the running tasks only.
 */
public final class VirtualScheduler implements Scheduler {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private Instant now;
  private long seq;
  private long executed;

  /** A scheduler whose clock starts at the instant. */
  public VirtualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void schedule(Instant at, Runnable task) {
    queue.add(new Task(at.isBefore(now) ? now : at, seq++, task));
  }

  /** Runs tasks in order until none is left at or before the limit; the clock ends at the limit. */
  public void runUntil(Instant limit) {
    Task t;
    while ((t = queue.peek()) != null && !t.at.isAfter(limit)) {
      queue.poll();
      now = t.at;
      executed++;
      t.task.run();
    }
    if (limit.isAfter(now)) {
      now = limit;
    }
  }

  /** Whether tasks are waiting. */
  public boolean hasPending() {
    return !queue.isEmpty();
  }

  /** The instant of the next task, if any. */
  public Instant nextAt() {
    Task t = queue.peek();
    return t == null ? now : t.at;
  }

  /** The number of tasks run so far. */
  public long executed() {
    return executed;
  }

  private static final class Task implements Comparable<Task> {
    final Instant at;
    final long seq;
    final Runnable task;

    Task(Instant at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Task o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
