package io.guestpatch.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * One occurrence of an off-peak window as a half-open interval of instants {@code [start, end)}:
 * the start is inside, the end is not. Its length is never zero.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimeWindow {
  private final Instant start;
  private final Instant end;

  TimeWindow(Instant start, Instant end) {
    this.start = start;
    this.end = end;
  }

  /**
   * The window {@code [start, end)}.
   *
   * @throws IllegalArgumentException unless start is before end
   */
  public static TimeWindow of(Instant start, Instant end) {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "window start " + start + " must be before its end " + end);
    }
    return new TimeWindow(start, end);
  }

  /** The first instant in the window. */
  public Instant start() {
    return start;
  }

  /** The first instant after the window (exclusive). */
  public Instant end() {
    return end;
  }

  /** The time from start to end; daylight-saving changes make it differ from the nominal length. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /** Whether {@code start <= instant < end}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /**
   * Whether an operation of length {@code expected} started at {@code at} runs entirely inside
   * this window: {@code at} is inside and {@code at + expected <= end} (W4).
   *
   * @throws IllegalArgumentException if expected is negative
   */
  public boolean fits(Instant at, Duration expected) {
    if (expected.isNegative()) {
      throw new IllegalArgumentException("expected duration must not be negative, got " + expected);
    }
    return contains(at) && fitsBefore(at, end, expected);
  }

  /** Whether {@code at + expected <= end}, without allocating. */
  static boolean fitsBefore(Instant at, Instant end, Duration expected) {
    long seconds = end.getEpochSecond() - at.getEpochSecond();
    int nanos = end.getNano() - at.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000;
      seconds--;
    }
    long expectedSeconds = expected.getSeconds();
    return expectedSeconds < seconds
        || (expectedSeconds == seconds && expected.getNano() <= nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow
        && ((TimeWindow) o).start.equals(start)
        && ((TimeWindow) o).end.equals(end);
  }

  @Override
  public int hashCode() {
    return start.hashCode() * 31 + end.hashCode();
  }

  /** {@code [start, end)} in ISO-8601. */
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
