package io.guestpatch.orchestrator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * One monthly patch cycle: its release instant (by default the second Tuesday of the month at 18:00
 * UTC), its deadline (release + 30 days) and the seed of its batch shuffle, so that a VM's patch day
 * differs from month to month while a plan stays reproducible. Immutable and thread-safe.
 */
public final class PatchCycle {
  /** The default length of a cycle. */
  public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

  private final String label;
  private final Instant release;
  private final Instant deadline;
  private final long seed;

  private PatchCycle(String label, Instant release, Instant deadline, long seed) {
    this.label = label;
    this.release = release;
    this.deadline = deadline;
    this.seed = seed;
  }

  /** The cycle of a month: released the second Tuesday at 18:00 UTC, 30 days long, seeded by the month. */
  public static PatchCycle of(YearMonth month) {
    LocalDate secondTuesday =
        month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    Instant release = secondTuesday.atTime(LocalTime.of(18, 0)).toInstant(ZoneOffset.UTC);
    return new PatchCycle(month.toString(), release, release.plus(DEFAULT_LENGTH), month.toString().hashCode() * 0x9E3779B97F4A7C15L);
  }

  /**
   * Parses {@code YYYY-MM}.
   *
   * @throws IllegalArgumentException naming the text when it is not a month such as 2026-12
   */
  public static PatchCycle parse(String month) {
    try {
      return of(YearMonth.parse(month));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cycle '" + month + "' is not a month such as 2026-12 (YYYY-MM)", e);
    }
  }

  /** The cycle after the one containing this instant's month: the next monthly release. */
  public static PatchCycle nextAfter(Instant now) {
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    PatchCycle c = of(month);
    return c.release().isAfter(now) ? c : of(month.plusMonths(1));
  }

  /** A cycle with explicit bounds and seed (tests, custom schedules). */
  public static PatchCycle custom(String label, Instant release, Duration length, long seed) {
    Objects.requireNonNull(label, "label");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("cycle length must be positive, got " + length);
    }
    return new PatchCycle(label, release, release.plus(length), seed);
  }

  /** A copy with another shuffle seed. */
  public PatchCycle withSeed(long newSeed) {
    return new PatchCycle(label, release, deadline, newSeed);
  }

  /** The label, such as {@code 2026-12}. */
  public String label() {
    return label;
  }

  /** When the month's patches are released and the cycle starts. */
  public Instant release() {
    return release;
  }

  /** When every eligible, running VM should be patched. */
  public Instant deadline() {
    return deadline;
  }

  /** The length of the cycle. */
  public Duration length() {
    return Duration.between(release, deadline);
  }

  /** The seed of the batch shuffle. */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "PatchCycle[" + label + ", " + release + " .. " + deadline + ", seed " + seed + "]";
  }
}
