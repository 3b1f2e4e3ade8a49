package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** W2/W3: windows computed from local dates, exactly across daylight-saving changes. */
class OffPeakDstTest {
  private static final OffPeakPolicy POLICY = OffPeakPolicy.ofDefaults();
  private static final DailyWindow NIGHT = DailyWindow.DEFAULT; // 22:00-06:00

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static TimeWindow window(String start, String end) {
    return TimeWindow.of(at(start), at(end));
  }

  /** The window containing an instant, which must exist. */
  private static TimeWindow current(String iso, String zone, DailyWindow w) {
    Optional<TimeWindow> found = POLICY.currentWindow(at(iso), ZoneId.of(zone), w);
    assertThat(found).as("window containing %s in %s", iso, zone).isPresent();
    return found.get();
  }

  @Test
  @DisplayName("W2: New York, spring forward: 22:00 EST to 06:00 EDT is 7 hours")
  void newYorkSpringForward() {
    TimeWindow w = current("2024-03-10T05:00:00Z", "America/New_York", NIGHT);
    assertThat(w).isEqualTo(window("2024-03-10T03:00:00Z", "2024-03-10T10:00:00Z"));
    assertThat(w.length()).isEqualTo(Duration.ofHours(7));
  }

  @Test
  @DisplayName("W2: New York, fall back: 22:00 EDT to 06:00 EST is 9 hours")
  void newYorkFallBack() {
    TimeWindow w = current("2024-11-03T05:30:00Z", "America/New_York", NIGHT);
    assertThat(w).isEqualTo(window("2024-11-03T02:00:00Z", "2024-11-03T11:00:00Z"));
    assertThat(w.length()).isEqualTo(Duration.ofHours(9));
    // Both passes through local 01:30 are off-peak, in one window.
    assertThat(POLICY.currentWindow(at("2024-11-03T05:30:00Z"), ZoneId.of("America/New_York"), NIGHT))
        .isEqualTo(
            POLICY.currentWindow(at("2024-11-03T06:30:00Z"), ZoneId.of("America/New_York"), NIGHT));
  }

  @Test
  @DisplayName("W2: London, both changes: 7 hours in March, 9 hours in October")
  void londonBothChanges() {
    TimeWindow spring = current("2024-03-31T00:30:00Z", "Europe/London", NIGHT);
    assertThat(spring).isEqualTo(window("2024-03-30T22:00:00Z", "2024-03-31T05:00:00Z"));
    assertThat(spring.length()).isEqualTo(Duration.ofHours(7));
    TimeWindow autumn = current("2024-10-27T01:30:00Z", "Europe/London", NIGHT);
    assertThat(autumn).isEqualTo(window("2024-10-26T21:00:00Z", "2024-10-27T06:00:00Z"));
    assertThat(autumn.length()).isEqualTo(Duration.ofHours(9));
  }

  @Test
  @DisplayName("W2: Sydney, southern hemisphere: 9 hours in April, 7 hours in October")
  void sydneyBothChanges() {
    TimeWindow april = current("2024-04-06T15:00:00Z", "Australia/Sydney", NIGHT);
    assertThat(april).isEqualTo(window("2024-04-06T11:00:00Z", "2024-04-06T20:00:00Z"));
    assertThat(april.length()).isEqualTo(Duration.ofHours(9));
    TimeWindow october = current("2024-10-05T15:00:00Z", "Australia/Sydney", NIGHT);
    assertThat(october).isEqualTo(window("2024-10-05T12:00:00Z", "2024-10-05T19:00:00Z"));
    assertThat(october.length()).isEqualTo(Duration.ofHours(7));
  }

  @Test
  @DisplayName("W2: Kolkata, a +05:30 zone without daylight saving")
  void kolkataHalfHourOffset() {
    TimeWindow w = current("2024-06-01T20:00:00Z", "Asia/Kolkata", NIGHT);
    assertThat(w).isEqualTo(window("2024-06-01T16:30:00Z", "2024-06-02T00:30:00Z"));
    assertThat(w.length()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  @DisplayName("W2: UTC, a plain 8-hour window")
  void utc() {
    TimeWindow w = POLICY.currentWindow(at("2024-03-10T23:00:00Z"), ZoneOffset.UTC, NIGHT).get();
    assertThat(w).isEqualTo(window("2024-03-10T22:00:00Z", "2024-03-11T06:00:00Z"));
  }

  @Test
  @DisplayName("W2: a window wholly inside the skipped hour has no occurrence that night")
  void windowInsideGapIsSkipped() {
    DailyWindow gap = DailyWindow.parse("02:00-02:30");
    ZoneId ny = ZoneId.of("America/New_York");
    // 2024-03-10 01:59:59 EST = 06:59:59Z; 03:00 EDT = 07:00Z. Local 02:00-02:30 never happens.
    assertThat(POLICY.isOffPeak(at("2024-03-10T07:00:00Z"), ny, gap)).isFalse();
    assertThat(POLICY.currentWindow(at("2024-03-10T06:59:59Z"), ny, gap)).isEmpty();
    assertThat(POLICY.nextWindow(at("2024-03-10T06:00:00Z"), ny, gap))
        .isEqualTo(window("2024-03-11T06:00:00Z", "2024-03-11T06:30:00Z"));
    // The night before is normal.
    assertThat(POLICY.currentWindow(at("2024-03-09T07:15:00Z"), ny, gap))
        .contains(window("2024-03-09T07:00:00Z", "2024-03-09T07:30:00Z"));
  }

  @Test
  @DisplayName("W2: a start in the skipped hour moves to the change; an end there is cut at it")
  void boundsInsideGapMoveToTheChange() {
    ZoneId ny = ZoneId.of("America/New_York");
    // 02:30-05:00: starts at 03:00 EDT (07:00Z), the first instant after the gap.
    assertThat(POLICY.nextWindow(at("2024-03-10T05:00:00Z"), ny, DailyWindow.parse("02:30-05:00")))
        .isEqualTo(window("2024-03-10T07:00:00Z", "2024-03-10T09:00:00Z"));
    // 01:30-02:30: ends at the change, 03:00 EDT = 07:00Z; 30 minutes long.
    TimeWindow w = POLICY.nextWindow(at("2024-03-10T05:00:00Z"), ny, DailyWindow.parse("01:30-02:30"));
    assertThat(w).isEqualTo(window("2024-03-10T06:30:00Z", "2024-03-10T07:00:00Z"));
  }

  @Test
  @DisplayName("W2: in a repeated hour the start takes the earlier instant and the end the later")
  void overlapStartEarlierEndLater() {
    ZoneId ny = ZoneId.of("America/New_York");
    // 01:00-01:30 on 2024-11-03: 01:00 EDT = 05:00Z to 01:30 EST = 06:30Z.
    TimeWindow w = POLICY.nextWindow(at("2024-11-03T00:00:00Z"), ny, DailyWindow.parse("01:00-01:30"));
    assertThat(w).isEqualTo(window("2024-11-03T05:00:00Z", "2024-11-03T06:30:00Z"));
  }

  @Test
  @DisplayName("W2: windows never overlap, even when an end and the next start share a repeated hour")
  void occurrencesNeverOverlapInRepeatedHour() {
    ZoneId ny = ZoneId.of("America/New_York");
    DailyWindow almostDay = DailyWindow.parse("01:30-01:00"); // 23.5 hours
    // Nov 2 occurrence: 01:30 EDT (05:30Z Nov 2) to Nov 3 01:00 (later = EST, 06:00Z), but the Nov 3
    // occurrence starts at 01:30 EDT = 05:30Z, so the Nov 2 one ends there.
    TimeWindow first = current("2024-11-03T05:00:00Z", "America/New_York", almostDay);
    assertThat(first).isEqualTo(window("2024-11-02T05:30:00Z", "2024-11-03T05:30:00Z"));
    TimeWindow second = POLICY.nextWindow(first.end(), ny, almostDay);
    assertThat(second.start()).isEqualTo(at("2024-11-03T05:30:00Z"));
    assertThat(POLICY.currentWindow(at("2024-11-03T05:45:00Z"), ny, almostDay)).contains(second);
  }

  @Test
  @DisplayName("W2: 00:00-00:00 is the whole day; on a spring-forward day it is 23 hours")
  void wholeDay() {
    DailyWindow whole = DailyWindow.parse("00:00-00:00");
    ZoneId ny = ZoneId.of("America/New_York");
    TimeWindow w = current("2024-03-10T12:00:00Z", "America/New_York", whole);
    assertThat(w).isEqualTo(window("2024-03-10T05:00:00Z", "2024-03-11T04:00:00Z"));
    assertThat(w.length()).isEqualTo(Duration.ofHours(23));
    for (long h = 0; h < 24 * 400; h += 7) {
      assertThat(POLICY.isOffPeak(at("2024-01-01T00:00:00Z").plusSeconds(h * 3600 + 17), ny, whole))
          .isTrue();
    }
    assertThat(POLICY.nextWindow(w.start(), ny, whole)).isEqualTo(w);
    assertThat(POLICY.nextWindow(w.start().plusNanos(1), ny, whole).start()).isEqualTo(w.end());
  }

  @Test
  @DisplayName("W3: crossing midnight, the instant after midnight is in the window of the day before")
  void crossingMidnightBelongsToStartDate() {
    TimeWindow w = current("2024-01-16T03:00:00Z", "UTC", NIGHT);
    assertThat(w.start()).isEqualTo(at("2024-01-15T22:00:00Z"));
  }

  @Test
  @DisplayName("W3: the start instant is off-peak, the end instant is not")
  void startInclusiveEndExclusive() {
    ZoneId ny = ZoneId.of("America/New_York");
    Instant start = at("2024-03-10T03:00:00Z");
    Instant end = at("2024-03-10T10:00:00Z");
    assertThat(POLICY.isOffPeak(start, ny, NIGHT)).isTrue();
    assertThat(POLICY.isOffPeak(start.minusNanos(1), ny, NIGHT)).isFalse();
    assertThat(POLICY.isOffPeak(end.minusNanos(1), ny, NIGHT)).isTrue();
    assertThat(POLICY.isOffPeak(end, ny, NIGHT)).isFalse();
    assertThat(POLICY.currentWindow(end, ny, NIGHT)).isEmpty();
  }

  @Test
  @DisplayName("W3: nextWindow returns the window starting at the instant, else the following one")
  void nextWindowIsNextStartAtOrAfter() {
    ZoneId utc = ZoneOffset.UTC;
    TimeWindow tonight = window("2024-01-15T22:00:00Z", "2024-01-16T06:00:00Z");
    TimeWindow tomorrow = window("2024-01-16T22:00:00Z", "2024-01-17T06:00:00Z");
    assertThat(POLICY.nextWindow(at("2024-01-15T12:00:00Z"), utc, NIGHT)).isEqualTo(tonight);
    assertThat(POLICY.nextWindow(at("2024-01-15T22:00:00Z"), utc, NIGHT)).isEqualTo(tonight);
    assertThat(POLICY.nextWindow(at("2024-01-15T22:00:00.000000001Z"), utc, NIGHT))
        .isEqualTo(tomorrow);
    assertThat(POLICY.nextWindow(at("2024-01-16T03:00:00Z"), utc, NIGHT)).isEqualTo(tomorrow);
  }
}
