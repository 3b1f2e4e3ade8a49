package io.guestpatch.orchestrator.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Durable state of a rollout (B8): the engine appends one record per install start (before calling the
 * executor), per settled VM operation, per finished enablement and per rollout control change, and
 * replays them after a restart, so that no VM is patched twice in a cycle
 * and none is forgotten. Implementations must be thread-safe.
 */
public interface RolloutStore extends Closeable {
  /** A store that keeps nothing: for simulations and benchmarks, where no restart happens. */
  RolloutStore NONE = new RolloutStore() {
    @Override
    public void append(String record) {}

    @Override
    public List<String> replay() {
      return List.of();
    }
  };

  /** One journal record: a line of text without line breaks, written by the engine. */
  void append(String record) throws IOException;

  /** Every record appended so far for this cycle, in order (a torn last record is dropped). */
  List<String> replay() throws IOException;

  @Override
  default void close() throws IOException {}
}
