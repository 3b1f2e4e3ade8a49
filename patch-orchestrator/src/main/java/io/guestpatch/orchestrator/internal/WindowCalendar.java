package io.guestpatch.orchestrator.internal;

import io.guestpatch.policy.DailyWindow;
import io.guestpatch.policy.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The off-peak windows of one (time zone, daily window) pair over a span of days, precomputed with the
 * policy's DST rules as epoch seconds, so that hot paths look windows up by binary search.
 */
public final class WindowCalendar {
  private final long[] starts;
  private final long[] ends;

  /** The windows starting on local dates from {@code from - 1 day} to {@code until + 1 day}. */
  public WindowCalendar(ZoneId zone, DailyWindow window, Instant from, Instant until) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(2);
    LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC).plusDays(2);
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    long[] s = new long[days];
    long[] e = new long[days];
    int n = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Optional<TimeWindow> w = window.occurrenceOn(d, zone);
      if (w.isPresent()) {
        long ws = w.get().start().getEpochSecond();
        long we = w.get().end().getEpochSecond();
        if (n > 0 && ws <= e[n - 1]) {
          e[n - 1] = Math.max(e[n - 1], we); // whole-day windows touch: merge
          continue;
        }
        s[n] = ws;
        e[n] = we;
        n++;
      }
    }
    this.starts = java.util.Arrays.copyOf(s, n);
    this.ends = java.util.Arrays.copyOf(e, n);
  }

  /**
   * The earliest second at or after {@code from} at which an operation of {@code seconds} fits in one
   * window (start inside, end at or before the window's end), or -1 if none in the span.
   */
  public long earliestStart(long from, long seconds) {
    int i = firstEndingAfter(from);
    for (; i < starts.length; i++) {
      long start = Math.max(from, starts[i]);
      if (start + seconds <= ends[i]) {
        return start;
      }
    }
    return -1;
  }

  /** The end of the window containing the second, or -1 when it is outside every window. */
  public long windowEnd(long at) {
    int i = firstEndingAfter(at);
    return i < starts.length && starts[i] <= at ? ends[i] : -1;
  }

  /** The start of the first window starting at or after the second, or -1. */
  public long nextStart(long at) {
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < starts.length ? starts[lo] : -1;
  }

  /** The window starts, in order (for assessment sweeps). */
  public long[] starts() {
    return starts.clone();
  }

  private int firstEndingAfter(long at) {
    int lo = 0;
    int hi = ends.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
