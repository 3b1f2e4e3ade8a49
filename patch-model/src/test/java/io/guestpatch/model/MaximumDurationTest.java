package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.parse;
import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 2.1: maximumDuration is an ISO-8601 duration, kept as text and parsed on demand. */
@DisplayName("SPEC 2.1 maximumDuration")
class MaximumDurationTest {

  private static VirtualMachineInstallPatchesParameters withDuration(String text) {
    return read(
        parse("{\"maximumDuration\":\"" + text + "\",\"rebootSetting\":\"IfRequired\"}"),
        VirtualMachineInstallPatchesParameters.class);
  }

  @ParameterizedTest
  @CsvSource({"PT4H, 240", "PT90M, 90", "PT120M, 120", "PT1H, 60", "PT3H30M, 210", "PT235M, 235"})
  @DisplayName("SPEC 2.1: PT4H, PT90M, PT120M ... give their durations and are written back as given")
  void parsesIsoDurations(String text, long minutes) {
    VirtualMachineInstallPatchesParameters p = withDuration(text);
    assertThat(p.maximumDuration()).contains(text);
    assertThat(p.maximumDurationValue()).contains(Duration.ofMinutes(minutes));
    JsonNode doc = parse("{\"maximumDuration\":\"" + text + "\"}");
    assertThat(roundTrip(doc, VirtualMachineInstallPatchesParameters.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: PT120M and PT2H are the same duration but different text")
  void sameDurationDifferentText() {
    assertThat(withDuration("PT120M").maximumDurationValue())
        .isEqualTo(withDuration("PT2H").maximumDurationValue());
    assertThat(withDuration("PT120M")).isNotEqualTo(withDuration("PT2H"));
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 5.1: maximumDuration is optional; absent gives an empty value")
  void absentDuration() {
    VirtualMachineInstallPatchesParameters p =
        VirtualMachineInstallPatchesParameters.builder()
            .rebootSetting(VMGuestPatchRebootSetting.NEVER)
            .build();
    assertThat(p.maximumDuration()).isEmpty();
    assertThat(p.maximumDurationValue()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4 hours", "PT4", "4H", "P4H", "240", "PT4H30", ""})
  @DisplayName("SPEC 2.1: a bad duration reads (it is text) but maximumDurationValue() names it")
  void badDurationIsNamed(String text) {
    VirtualMachineInstallPatchesParameters p = withDuration(text);
    assertThat(p.maximumDuration()).contains(text);
    assertThatThrownBy(p::maximumDurationValue)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximumDuration")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted): a negative or zero duration parses; rejecting it is policy's job")
  void negativeDurationParses() {
    assertThat(withDuration("-PT4H").maximumDurationValue()).contains(Duration.ofHours(-4));
    assertThat(withDuration("PT0S").maximumDurationValue()).contains(Duration.ZERO);
  }
}
