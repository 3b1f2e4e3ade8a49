package io.guestpatch.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A daily off-peak window in local wall-clock time, such as {@code 22:00-06:00} (W2).
 *
 * <ul>
 *   <li>{@code start < end}: the window lies within one local day ({@code 01:00-05:00}).
 *   <li>{@code end < start}: the window crosses midnight and ends the next local day
 *       ({@code 22:00-06:00}).
 *   <li>{@code start == end}: the window is the whole day, from {@code start} to {@code start} the
 *       next day ({@code 00:00-00:00} is every instant of every day).
 * </ul>
 *
 * <p>Each occurrence belongs to the local date it starts on. How an occurrence becomes a
 * {@link TimeWindow} of instants in a time zone, daylight-saving changes included, is described at
 * {@link #occurrenceOn(LocalDate, ZoneId)}.
 *
 * <p>Times are whole seconds; the text form is {@code HH:mm-HH:mm} (or {@code HH:mm:ss} when a time
 * has seconds). Immutable and thread-safe.
 */
public final class DailyWindow {
  /** The fleet default, {@code 22:00-06:00} local (W2). */
  public static final DailyWindow DEFAULT =
      new DailyWindow(LocalTime.of(22, 0), LocalTime.of(6, 0));

  static final int SECONDS_PER_DAY = 86_400;

  private final LocalTime start;
  private final LocalTime end;
  private final int startSecond;
  private final int endSecond;
  /** 1 when the occurrence ends on the next local day (crossing midnight, or the whole day). */
  private final int endDayOffset;

  private DailyWindow(LocalTime start, LocalTime end) {
    this.start = start;
    this.end = end;
    this.startSecond = start.toSecondOfDay();
    this.endSecond = end.toSecondOfDay();
    this.endDayOffset = endSecond <= startSecond ? 1 : 0;
  }

  /**
   * The window from {@code start} to {@code end}, local time.
   *
   * @throws IllegalArgumentException if a time has a fraction of a second
   */
  public static DailyWindow of(LocalTime start, LocalTime end) {
    if (start.getNano() != 0 || end.getNano() != 0) {
      throw new IllegalArgumentException(
          "off-peak window times must be whole seconds, got start " + start + " and end " + end);
    }
    return new DailyWindow(start, end);
  }

  /**
   * Parses {@code HH:mm-HH:mm} (seconds optional, {@code HH:mm:ss}; white space around the parts is
   * ignored; {@code 24:00} is accepted as an end and means midnight), such as {@code 22:00-06:00}.
   *
   * @throws IllegalArgumentException naming the text when it is not such a window
   */
  public static DailyWindow parse(String text) {
    int dash = text.indexOf('-');
    if (dash < 0 || text.indexOf('-', dash + 1) >= 0) {
      throw invalid(text);
    }
    int startSec = parseTime(text.substring(0, dash).trim(), false, text);
    int endSec = parseTime(text.substring(dash + 1).trim(), true, text);
    return new DailyWindow(
        LocalTime.ofSecondOfDay(startSec), LocalTime.ofSecondOfDay(endSec % SECONDS_PER_DAY));
  }

  /** Second of day of {@code H:mm}, {@code HH:mm} or {@code HH:mm:ss}; 24:00 only as an end. */
  private static int parseTime(String part, boolean isEnd, String text) {
    int length = part.length();
    if (length < 4 || length > 8) {
      throw invalid(text);
    }
    int colon = part.indexOf(':');
    if (colon < 1 || colon > 2) {
      throw invalid(text);
    }
    int hour = digits(part, 0, colon, text);
    int rest = colon + 1;
    if (part.length() < rest + 2) {
      throw invalid(text);
    }
    int minute = digits(part, rest, rest + 2, text);
    int second = 0;
    if (part.length() > rest + 2) {
      if (part.charAt(rest + 2) != ':' || part.length() != rest + 5) {
        throw invalid(text);
      }
      second = digits(part, rest + 3, rest + 5, text);
    }
    if (minute > 59 || second > 59) {
      throw invalid(text);
    }
    if (hour == 24 && isEnd && minute == 0 && second == 0) {
      return SECONDS_PER_DAY;
    }
    if (hour > 23) {
      throw invalid(text);
    }
    return hour * 3600 + minute * 60 + second;
  }

  private static int digits(String s, int from, int to, String text) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "off-peak window '" + text + "' is not a daily window HH:mm-HH:mm, such as 22:00-06:00");
  }

  /** The local start time. */
  public LocalTime start() {
    return start;
  }

  /** The local end time (exclusive); at or before {@link #start()} it is on the next day. */
  public LocalTime end() {
    return end;
  }

  /** Whether an occurrence ends on the local day after it starts (end at or before start). */
  public boolean crossesMidnight() {
    return endDayOffset == 1;
  }

  /** Whether the window is the whole day (start equals end). */
  public boolean isWholeDay() {
    return startSecond == endSecond;
  }

  /**
   * The window's length on a day without a daylight-saving change, such as 8 hours for
   * {@code 22:00-06:00} and 24 hours for a whole-day window.
   */
  public Duration nominalLength() {
    return Duration.ofSeconds(nominalSeconds());
  }

  long nominalSeconds() {
    return (long) endDayOffset * SECONDS_PER_DAY + endSecond - startSecond;
  }

  /**
   * The occurrence of this window that starts on a local date, as instants in a zone; empty when
   * a daylight-saving change leaves it no time at all (a window lying wholly inside a skipped
   * hour).
   *
   * <p>Daylight saving, exactly (java.time {@link ZoneRules}):
   *
   * <ul>
   *   <li>a local start or end time that does not exist (a gap, when clocks spring forward) is
   *       moved to the first instant after the gap, the instant of the change; so a window never
   *       starts in a non-existent hour, and a window wholly inside the gap is empty;
   *   <li>a local start time that exists twice (an overlap, when clocks fall back) takes the
   *       earlier instant; a local end time in an overlap takes the later one;
   *   <li>an occurrence never overlaps the next day's: when the later end would pass the next
   *       occurrence's start (possible only when both lie in the same repeated hour), it ends where
   *       the next one starts; so no instant is counted twice.
   * </ul>
   *
   * <p>So {@code 22:00-06:00} lasts 7 hours on the night clocks go forward one hour and 9 hours on
   * the night they go back.
   */
  public Optional<TimeWindow> occurrenceOn(LocalDate date, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    long day = date.toEpochDay();
    long s = startEpochSecond(rules, day);
    long e = endEpochSecond(rules, day);
    return e > s
        ? Optional.of(new TimeWindow(Instant.ofEpochSecond(s), Instant.ofEpochSecond(e)))
        : Optional.empty();
  }

  // ---- calendar arithmetic shared with OffPeakPolicy; all instants are epoch seconds ----

  /** The start instant of the occurrence on local epoch day {@code day}. */
  long startEpochSecond(ZoneRules rules, long day) {
    return toEpochSecond(rules, day * SECONDS_PER_DAY + startSecond, true);
  }

  /** The end instant (exclusive) of the occurrence on {@code day}, never past the next start. */
  long endEpochSecond(ZoneRules rules, long day) {
    long local = (day + endDayOffset) * SECONDS_PER_DAY + endSecond;
    if (rules.isFixedOffset()) {
      return local - rules.getOffset(Instant.EPOCH).getTotalSeconds();
    }
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    ZoneOffsetTransition transition = rules.getTransition(ldt);
    if (transition == null) {
      return local - rules.getOffset(ldt).getTotalSeconds();
    }
    if (transition.isGap()) {
      return transition.toEpochSecond();
    }
    long later = local - transition.getOffsetAfter().getTotalSeconds();
    long nextStart = startEpochSecond(rules, day + 1);
    return Math.min(later, nextStart);
  }

  /**
   * A local date-time (as seconds since the local epoch) to an instant: a gap moves to the
   * transition; an overlap takes the earlier instant when {@code earlier}, else the later.
   */
  static long toEpochSecond(ZoneRules rules, long local, boolean earlier) {
    if (rules.isFixedOffset()) {
      return local - rules.getOffset(Instant.EPOCH).getTotalSeconds();
    }
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    ZoneOffsetTransition transition = rules.getTransition(ldt);
    if (transition == null) {
      return local - rules.getOffset(ldt).getTotalSeconds();
    }
    if (transition.isGap()) {
      return transition.toEpochSecond();
    }
    ZoneOffset offset = earlier ? transition.getOffsetBefore() : transition.getOffsetAfter();
    return local - offset.getTotalSeconds();
  }

  /** The local epoch day of an instant in a zone. */
  static long localEpochDay(ZoneRules rules, long epochSecond, Instant instant) {
    int offset = rules.getOffset(instant).getTotalSeconds();
    return Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyWindow
        && ((DailyWindow) o).startSecond == startSecond
        && ((DailyWindow) o).endSecond == endSecond;
  }

  @Override
  public int hashCode() {
    return startSecond * 31 + endSecond;
  }

  /** The text form, {@code HH:mm-HH:mm}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return format(startSecond) + "-" + format(endSecond);
  }

  private static String format(int secondOfDay) {
    int h = secondOfDay / 3600;
    int m = secondOfDay / 60 % 60;
    int s = secondOfDay % 60;
    StringBuilder sb = new StringBuilder(8);
    sb.append((char) ('0' + h / 10)).append((char) ('0' + h % 10)).append(':');
    sb.append((char) ('0' + m / 10)).append((char) ('0' + m % 10));
    if (s != 0) {
      sb.append(':').append((char) ('0' + s / 10)).append((char) ('0' + s % 10));
    }
    return sb.toString();
  }
}
