package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** W1: the CLDR Windows time zone catalogue. */
class WindowsTimeZonesTest {

  private static List<String[]> rawEntries() throws Exception {
    List<String[]> entries = new ArrayList<>();
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream(WindowsTimeZones.RESOURCE)) {
      assertThat(in).as("bundled resource").isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.trim().startsWith("#")) {
          continue;
        }
        entries.add(line.split(",", -1));
      }
    }
    return entries;
  }

  @Test
  @DisplayName("W1: every IANA id in the resource parses with ZoneId.of and every Windows id is listed once")
  void everyEntryParsesAndIsUnique() throws Exception {
    List<String[]> entries = rawEntries();
    Set<String> seen = new HashSet<>();
    for (String[] entry : entries) {
      assertThat(entry).as("columns of %s", String.join(",", entry)).hasSize(2);
      assertThat(ZoneId.of(entry[1])).as(entry[0]).isNotNull();
      assertThat(seen.add(entry[0].toLowerCase())).as("duplicate %s", entry[0]).isTrue();
      assertThat(WindowsTimeZones.toZoneId(entry[0])).contains(ZoneId.of(entry[1]));
    }
    assertThat(entries).hasSize(139);
    assertThat(WindowsTimeZones.windowsZoneIds()).hasSize(entries.size());
  }

  @Test
  @DisplayName("W1: well-known Windows zones map to CLDR's territory 001 zone")
  void mapsWellKnownZones() {
    assertThat(WindowsTimeZones.toZoneId("Dateline Standard Time")).contains(ZoneId.of("Etc/GMT+12"));
    assertThat(WindowsTimeZones.toZoneId("UTC")).contains(ZoneId.of("Etc/UTC"));
    assertThat(WindowsTimeZones.toZoneId("Pacific Standard Time"))
        .contains(ZoneId.of("America/Los_Angeles"));
    assertThat(WindowsTimeZones.toZoneId("W. Europe Standard Time"))
        .contains(ZoneId.of("Europe/Berlin"));
    assertThat(WindowsTimeZones.toZoneId("India Standard Time")).contains(ZoneId.of("Asia/Kolkata"));
    assertThat(WindowsTimeZones.toZoneId("AUS Eastern Standard Time"))
        .contains(ZoneId.of("Australia/Sydney"));
    assertThat(WindowsTimeZones.toZoneId("GMT Standard Time")).contains(ZoneId.of("Europe/London"));
    assertThat(WindowsTimeZones.toZoneId("Line Islands Standard Time"))
        .contains(ZoneId.of("Pacific/Kiritimati"));
    assertThat(WindowsTimeZones.toZoneId("Pacific Standard Time (Mexico)"))
        .contains(ZoneId.of("America/Tijuana"));
  }

  @Test
  @DisplayName("W1: matching ignores case and surrounding or repeated white space")
  void matchesCaseInsensitivelyAndTrims() {
    Optional<ZoneId> expected = Optional.of(ZoneId.of("America/Los_Angeles"));
    assertThat(WindowsTimeZones.toZoneId("pacific standard time")).isEqualTo(expected);
    assertThat(WindowsTimeZones.toZoneId("  PACIFIC STANDARD TIME  ")).isEqualTo(expected);
    assertThat(WindowsTimeZones.toZoneId("Pacific\tStandard  Time")).isEqualTo(expected);
  }

  @Test
  @DisplayName("W1: names CLDR does not list map to nothing")
  void unknownNamesMapToNothing() {
    assertThat(WindowsTimeZones.toZoneId("Mars Standard Time")).isEmpty();
    assertThat(WindowsTimeZones.toZoneId("")).isEmpty();
    assertThat(WindowsTimeZones.toZoneId("America/Los_Angeles")).isEmpty();
    assertThat(WindowsTimeZones.toZoneId("Pacific Standard")).isEmpty();
  }

  @Test
  void windowsZoneIdsAreSpelledAsCldrAndUnmodifiable() {
    Set<String> ids = WindowsTimeZones.windowsZoneIds();
    assertThat(ids).contains("Pacific Standard Time", "UTC-11", "UTC+13", "Russia Time Zone 3");
    assertThatThrownBy(() -> ids.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
