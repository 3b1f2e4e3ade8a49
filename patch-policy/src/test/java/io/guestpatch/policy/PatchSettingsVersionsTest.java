package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The numeric comparisons behind P9, E3 and P10. */
class PatchSettingsVersionsTest {
  @ParameterizedTest
  @CsvSource({
    "2.2.53.1, 0", "2.2.53.0, -1", "2.2.53.10, 1", "2.2.53, -1", "2.2.100, 1", "2.2.9, -1",
    "2.2.53.1.0, 0", "2.2.53.1.1, 1", "10, 1", "0002.0002.0053.0001, 0", "2.2.52.999999999, -1",
  })
  void comparesDottedVersionsNumerically(String version, int sign) {
    assertThat(Integer.signum(SettingsVersions.compareDotted(version, SettingsVersions.MIN_LINUX_AGENT)))
        .isEqualTo(sign);
  }

  @ParameterizedTest
  @CsvSource({"''", "a", "2..2", "2.", ".2", "2.2.x", "2 .2", "-1", "1234567890123456789"})
  void flagsUnparsableVersions(String version) {
    assertThat(SettingsVersions.compareDotted(version, SettingsVersions.MIN_LINUX_AGENT))
        .isEqualTo(SettingsVersions.UNPARSABLE);
  }

  @ParameterizedTest
  @CsvSource({"2020-06-01, 20200601", "2021-03-01-preview, 20210301", "2021-03-01-PREVIEW, 20210301",
      "2021-02-30, 20210230", "x, -1", "2021-03-01-prev1ew, -1", "2021-03-01x, -1"})
  void parsesApiVersions(String text, int expected) {
    assertThat(SettingsVersions.apiDate(text)).isEqualTo(expected);
  }
}
