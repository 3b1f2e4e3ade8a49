package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** W2: daily windows, their text form and their occurrences. */
class DailyWindowTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"", "22:00", "22-06", "22:00-", "-06:00", "25:00-06:00", "22:60-06:00",
          "22:00-06:00-07:00", "24:00-06:00", "ab:cd-ef:gh", "22:0-06:00", "22:00:5-06:00",
          "22:00 06:00", "2200-0600", "22:00--06:00", "+2:00-06:00"})
  @DisplayName("W2: malformed text is rejected with a message naming it")
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> DailyWindow.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("HH:mm-HH:mm");
  }

  @Test
  @DisplayName("W2: parse reads HH:mm-HH:mm, seconds, one-digit hours, spaces and a 24:00 end")
  void parsesWindows() {
    DailyWindow w = DailyWindow.parse("22:00-06:00");
    assertThat(w.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(w.end()).isEqualTo(LocalTime.of(6, 0));
    assertThat(w).isEqualTo(DailyWindow.DEFAULT);
    assertThat(DailyWindow.parse(" 9:30 - 11:15 "))
        .isEqualTo(DailyWindow.of(LocalTime.of(9, 30), LocalTime.of(11, 15)));
    assertThat(DailyWindow.parse("01:00:30-02:00:00").start()).isEqualTo(LocalTime.of(1, 0, 30));
    assertThat(DailyWindow.parse("22:00-24:00").end()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(DailyWindow.parse("00:00-24:00").isWholeDay()).isTrue();
  }

  @Test
  void toStringRoundTrips() {
    assertThat(DailyWindow.DEFAULT).hasToString("22:00-06:00");
    assertThat(DailyWindow.parse("9:05-23:59")).hasToString("09:05-23:59");
    assertThat(DailyWindow.parse("01:00:30-02:00")).hasToString("01:00:30-02:00");
    for (String text : new String[] {"00:00-00:00", "23:00-04:00", "01:00:30-02:00"}) {
      assertThat(DailyWindow.parse(DailyWindow.parse(text).toString()))
          .isEqualTo(DailyWindow.parse(text));
    }
  }

  @Test
  @DisplayName("W2: end at or before start crosses midnight; start == end is the whole day")
  void classifiesShapes() {
    assertThat(DailyWindow.DEFAULT.crossesMidnight()).isTrue();
    assertThat(DailyWindow.DEFAULT.nominalLength()).isEqualTo(Duration.ofHours(8));
    DailyWindow sameDay = DailyWindow.parse("01:00-05:00");
    assertThat(sameDay.crossesMidnight()).isFalse();
    assertThat(sameDay.nominalLength()).isEqualTo(Duration.ofHours(4));
    DailyWindow whole = DailyWindow.parse("00:00-00:00");
    assertThat(whole.isWholeDay()).isTrue();
    assertThat(whole.crossesMidnight()).isTrue();
    assertThat(whole.nominalLength()).isEqualTo(Duration.ofHours(24));
    assertThat(DailyWindow.parse("13:00-13:00").nominalLength()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void rejectsFractionalSeconds() {
    assertThatThrownBy(() -> DailyWindow.of(LocalTime.of(1, 0, 0, 5), LocalTime.of(2, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
  }

  @Test
  @DisplayName("W2: an occurrence crossing midnight belongs to the date it starts on")
  void occurrenceBelongsToItsStartDate() {
    assertThat(DailyWindow.DEFAULT.occurrenceOn(LocalDate.of(2024, 1, 15), ZoneId.of("UTC")))
        .contains(
            TimeWindow.of(
                Instant.parse("2024-01-15T22:00:00Z"), Instant.parse("2024-01-16T06:00:00Z")));
  }

  @Test
  @DisplayName("W2: an occurrence wholly inside a skipped hour is empty")
  void occurrenceInsideGapIsEmpty() {
    assertThat(
            DailyWindow.parse("02:00-02:30")
                .occurrenceOn(LocalDate.of(2024, 3, 10), ZoneId.of("America/New_York")))
        .isEmpty();
  }
}
