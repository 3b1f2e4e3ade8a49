package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * W2-W4 over many zones, windows and instants, against a slow reference written independently
 * with {@code ZoneRules.getValidOffsets}. Seeded; the seed is printed on failure and can be set
 * with {@code -Dguestpatch.seed=N}.
 */
class OffPeakRandomizedTest {
  private static final OffPeakPolicy POLICY = OffPeakPolicy.ofDefaults();
  private static final int SAMPLES = 20_000;

  @Test
  @DisplayName("W3/W4: currentWindow contains t iff isOffPeak(t); nextWindow never starts in the past nor overlaps")
  void agreesWithReferenceEverywhere() {
    long seed = Long.getLong("guestpatch.seed", 20240310L);
    Random random = new Random(seed);
    List<String> zones = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    int i = 0;
    ZoneId zone = ZoneOffset.UTC;
    DailyWindow window = DailyWindow.DEFAULT;
    Instant t = Instant.EPOCH;
    Duration expected = Duration.ZERO;
    try {
      for (i = 0; i < SAMPLES; i++) {
        zone = ZoneId.of(zones.get(random.nextInt(zones.size())));
        t = randomInstant(random, zone.getRules());
        window = randomWindow(random, zone.getRules(), t);
        expected = Duration.ofSeconds(random.nextInt(10 * 3600));
        check(zone, window, t, expected);
      }
    } catch (AssertionError e) {
      throw new AssertionError(
          "seed " + seed + ", sample " + i + ": zone " + zone + ", window " + window + ", t " + t
              + ", expected " + expected + ": " + e.getMessage(),
          e);
    }
  }

  private static void check(ZoneId zone, DailyWindow window, Instant t, Duration expected) {
    Optional<TimeWindow> ref = referenceCurrent(zone, window, t);
    boolean offPeak = POLICY.isOffPeak(t, zone, window);
    Optional<TimeWindow> current = POLICY.currentWindow(t, zone, window);
    assertThat(offPeak).as("isOffPeak vs reference").isEqualTo(ref.isPresent());
    assertThat(current.isPresent()).as("currentWindow present iff isOffPeak").isEqualTo(offPeak);
    assertThat(current).as("currentWindow vs reference").isEqualTo(ref);
    current.ifPresent(w -> assertThat(w.contains(t)).as("current contains t").isTrue());

    TimeWindow next = POLICY.nextWindow(t, zone, window);
    assertThat(next).as("nextWindow vs reference").isEqualTo(referenceNext(zone, window, t));
    assertThat(next.start()).as("next never starts in the past").isAfterOrEqualTo(t);
    assertThat(POLICY.nextWindow(next.start(), zone, window)).as("next at its own start").isEqualTo(next);
    TimeWindow after = POLICY.nextWindow(next.end(), zone, window);
    assertThat(after.start()).as("windows do not overlap").isAfterOrEqualTo(next.end());
    TimeWindow afterStart = POLICY.nextWindow(next.start().plusNanos(1), zone, window);
    assertThat(afterStart).as("the window after next").isEqualTo(after);
    if (current.isPresent()) {
      if (current.get().start().equals(t)) {
        assertThat(next).as("next at the start of the current window is that window").isEqualTo(current.get());
      } else {
        assertThat(current.get().end()).as("current ends before next starts").isBeforeOrEqualTo(next.start());
      }
    }

    Optional<Instant> start = POLICY.earliestStart(t, zone, window, expected);
    if (start.isPresent()) {
      Instant x = start.get();
      assertThat(x).isAfterOrEqualTo(t);
      Optional<TimeWindow> holding = POLICY.currentWindow(x, zone, window);
      assertThat(holding).as("earliestStart is off-peak").isPresent();
      assertThat(POLICY.fits(x, holding.get(), expected)).as("operation fits").isTrue();
      if (x.isAfter(t)) {
        assertThat(x).as("a later start is a window start").isEqualTo(holding.get().start());
        assertThat(current.isPresent() && current.get().fits(t, expected))
            .as("from itself would have fit")
            .isFalse();
        // No window between t and x could hold it.
        TimeWindow w = POLICY.nextWindow(t, zone, window);
        while (w.start().isBefore(x)) {
          assertThat(w.length()).as("skipped window %s", w).isLessThan(expected);
          w = POLICY.nextWindow(w.end(), zone, window);
        }
      }
    } else {
      assertThat(expected).as("empty only when longer than the nominal window")
          .isGreaterThan(window.nominalLength());
    }
  }

  // ---- generators: instants and windows near daylight-saving changes half of the time ----

  private static Instant randomInstant(Random random, ZoneRules rules) {
    long from = LocalDate.of(1975, 1, 1).toEpochDay() * 86_400;
    long to = LocalDate.of(2045, 1, 1).toEpochDay() * 86_400;
    Instant base = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    if (random.nextBoolean()) {
      ZoneOffsetTransition tr = rules.nextTransition(base);
      if (tr != null) {
        base = tr.getInstant().plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400);
      }
    }
    if (random.nextInt(4) == 0) {
      base = base.plusNanos(random.nextInt(1_000_000_000));
    } else if (random.nextInt(3) == 0) {
      base = Instant.ofEpochSecond(base.getEpochSecond() / 1800 * 1800); // on a half hour
    }
    return base;
  }

  private static DailyWindow randomWindow(Random random, ZoneRules rules, Instant near) {
    if (random.nextInt(20) == 0) {
      LocalTime s = LocalTime.ofSecondOfDay(random.nextInt(24) * 3600L);
      return DailyWindow.of(s, s);
    }
    LocalTime start = randomTime(random);
    LocalTime end = randomTime(random);
    ZoneOffsetTransition tr = rules.nextTransition(near.minusSeconds(3 * 86_400));
    if (tr != null && random.nextInt(3) == 0) {
      // Put a bound inside or at the edge of the change.
      LocalTime edge = tr.getDateTimeBefore().toLocalTime();
      LocalTime bound = edge.plusMinutes(random.nextInt(5) * 15L - 15);
      if (random.nextBoolean()) {
        start = bound;
      } else {
        end = bound;
      }
    }
    return DailyWindow.of(start, end);
  }

  private static LocalTime randomTime(Random random) {
    return random.nextBoolean()
        ? LocalTime.ofSecondOfDay(random.nextInt(48) * 1800L)
        : LocalTime.ofSecondOfDay(random.nextInt(86_400));
  }

  // ---- the reference: independent and slow ----

  private static Instant resolve(ZoneRules rules, LocalDateTime ldt, boolean earlier) {
    List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
    if (offsets.isEmpty()) {
      return rules.getTransition(ldt).getInstant();
    }
    Instant a = ldt.toInstant(offsets.get(0));
    Instant b = ldt.toInstant(offsets.get(offsets.size() - 1));
    boolean aFirst = a.isBefore(b);
    return earlier == aFirst ? a : b;
  }

  private static Instant refStart(ZoneRules rules, DailyWindow w, LocalDate d) {
    return resolve(rules, d.atTime(w.start()), true);
  }

  private static Optional<TimeWindow> refWindow(ZoneRules rules, DailyWindow w, LocalDate d) {
    Instant start = refStart(rules, w, d);
    LocalDate endDate = w.end().isAfter(w.start()) ? d : d.plusDays(1);
    Instant end = resolve(rules, endDate.atTime(w.end()), false);
    Instant nextStart = refStart(rules, w, d.plusDays(1));
    if (nextStart.isBefore(end)) {
      end = nextStart;
    }
    return start.isBefore(end) ? Optional.of(TimeWindow.of(start, end)) : Optional.empty();
  }

  private static Optional<TimeWindow> referenceCurrent(ZoneId zone, DailyWindow w, Instant t) {
    ZoneRules rules = zone.getRules();
    LocalDate local = t.atZone(zone).toLocalDate();
    for (int k = -3; k <= 3; k++) {
      Optional<TimeWindow> candidate = refWindow(rules, w, local.plusDays(k));
      if (candidate.isPresent() && candidate.get().contains(t)) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  private static TimeWindow referenceNext(ZoneId zone, DailyWindow w, Instant t) {
    ZoneRules rules = zone.getRules();
    LocalDate local = t.atZone(zone).toLocalDate();
    TimeWindow best = null;
    for (int k = -3; k <= 10; k++) {
      Optional<TimeWindow> candidate = refWindow(rules, w, local.plusDays(k));
      if (candidate.isPresent()
          && !candidate.get().start().isBefore(t)
          && (best == null || candidate.get().start().isBefore(best.start()))) {
        best = candidate.get();
      }
    }
    assertThat(best).as("reference next window").isNotNull();
    return best;
  }
}
