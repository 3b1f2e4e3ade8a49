package io.guestpatch.orchestrator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on a real clock: one daemon thread runs every task, in order. Thread-safe. Close
 * it to stop the thread.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealTimeScheduler.class);

  private final Clock clock;
  private final ScheduledExecutorService thread;

  /** A scheduler on the given clock. */
  public RealTimeScheduler(Clock clock) {
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "guestpatch-engine");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void schedule(Instant at, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    thread.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("engine task failed", e);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
