package io.guestpatch.orchestrator;

import io.guestpatch.orchestrator.spi.RolloutStore;
import java.util.ArrayList;
import java.util.List;

/** A {@link RolloutStore} in memory: survives engine restarts within one process. Thread-safe. */
public final class InMemoryRolloutStore implements RolloutStore {
  private final List<String> records = new ArrayList<>();

  @Override
  public synchronized void append(String record) {
    if (record.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a journal record must be one line");
    }
    records.add(record);
  }

  @Override
  public synchronized List<String> replay() {
    return List.copyOf(records);
  }
}
