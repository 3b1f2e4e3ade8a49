package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** W1: region names match ignoring case and spaces, whether or not they need normalizing. */
class RegionCatalogueLookupTest {
  private final RegionCatalogue regions = RegionCatalogue.ofDefaults();

  @Test
  @DisplayName("W1: unknown and empty region names have no time zone")
  void unknownRegionHasNoTimeZone() {
    assertThat(regions.timeZoneOf("")).isEmpty();
    assertThat(regions.timeZoneOf("nowhere")).isEmpty();
    assertThat(regions.timeZoneOf("east-us")).isEmpty();
  }

  @Test
  @DisplayName("W1: a region's time zone is found by name, ignoring case and spaces")
  void timeZoneMatchesIgnoringCaseAndSpaces() {
    ZoneId newYork = ZoneId.of("America/New_York");
    for (String name : new String[] {"eastus", "EastUS", "East US", " east us ", "EASTUS", "east\tus"}) {
      assertThat(regions.timeZoneOf(name)).as(name).contains(newYork);
      assertThat(regions.region(name)).as(name).isPresent();
    }
    assertThat(regions.timeZoneOf("West Europe")).contains(ZoneId.of("Europe/Amsterdam"));
  }

  @Test
  void normalizingKeepsAnAlreadyNormalNameAndFoldsOthers() {
    String name = "eastus2";
    assertThat(RegionCatalogue.normalize(name)).isSameAs(name);
    assertThat(RegionCatalogue.normalize("East US 2")).isEqualTo("eastus2");
    assertThat(RegionCatalogue.normalize("Ostschweiz Ä")).isEqualTo("ostschweizä");
  }
}
