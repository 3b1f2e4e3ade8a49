package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.parse;
import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 2.1: date-times accept Z and +00:00 and up to 7 fractional digits, and keep their text. */
@DisplayName("SPEC 2.1 date-times")
class AzureDateTimeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-14T03:17:42Z",
        "2024-05-14T03:17:42.8Z",
        "2024-05-14T03:17:42.88Z",
        "2024-05-14T03:17:42.880Z",
        "2024-05-14T03:17:42.8806Z",
        "2024-05-14T03:17:42.88062Z",
        "2024-05-14T03:17:42.880621Z",
        "2024-05-14T03:17:42.8806215Z",
        "2024-05-14T03:17:42+00:00",
        "2024-05-14T03:17:42.8+00:00",
        "2024-05-14T03:17:42.880+00:00",
        "2024-05-14T03:17:42.8806215+00:00",
        "2024-05-14T05:17:42.8806215+02:00",
        "2024-05-13T22:17:42.8806215-05:00"
      })
  @DisplayName("SPEC 2.1: Z, +00:00 and other offsets with 0..7 fractional digits parse and keep their text")
  void parsesAndKeepsText(String text) {
    AzureDateTime t = AzureDateTime.parse(text);
    assertThat(t.text()).isEqualTo(text);
    assertThat(t.toString()).isEqualTo(text);
    assertThat(t.toInstant()).isBetween(
        Instant.parse("2024-05-14T03:17:42Z"), Instant.parse("2024-05-14T03:17:42.8806215Z"));

    JsonNode doc = parse("{\"startDateTime\":\"" + text + "\"}");
    VirtualMachineAssessPatchesResult r = read(doc, VirtualMachineAssessPatchesResult.class);
    assertThat(r.startDateTime()).contains(t);
    assertThat(roundTrip(doc, VirtualMachineAssessPatchesResult.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: seven fractional digits keep their full precision (100 ns)")
  void keepsSevenDigitsOfPrecision() {
    AzureDateTime t = AzureDateTime.parse("2020-11-19T02:36:43.0539904+00:00");
    assertThat(t.toInstant().getNano()).isEqualTo(53_990_400);
    assertThat(t.toOffsetDateTime().getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  @DisplayName("SPEC 2.1: Z and +00:00 for the same instant are equal values but keep different text")
  void equalityIsByInstant() {
    AzureDateTime z = AzureDateTime.parse("2024-05-14T03:17:42.5000000Z");
    AzureDateTime offset = AzureDateTime.parse("2024-05-14T03:17:42.5+00:00");
    AzureDateTime east = AzureDateTime.parse("2024-05-14T05:17:42.5+02:00");
    assertThat(z).isEqualTo(offset).isEqualTo(east).hasSameHashCodeAs(offset);
    assertThat(z.compareTo(east)).isZero();
    assertThat(z.text()).isNotEqualTo(offset.text());
    assertThat(AzureDateTime.parse("2024-05-14T03:17:42.6Z")).isGreaterThan(z);
  }

  @Test
  @DisplayName("SPEC 2.1: a value made from an instant is written in UTC with Z")
  void ofInstantWritesZ() {
    AzureDateTime t = AzureDateTime.of(Instant.parse("2024-05-14T03:17:42.880Z"));
    assertThat(t.text()).isEqualTo("2024-05-14T03:17:42.88Z");
    assertThat(AzureDateTime.parse(t.text())).isEqualTo(t);
    assertThat(AzureDateTime.of(Instant.parse("2024-05-14T03:17:42Z")).text())
        .isEqualTo("2024-05-14T03:17:42Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2024-05-14",
        "2024-05-14T03:17:42",
        "2024-05-14T03:17:42.8806215",
        "2024-13-14T03:17:42Z",
        "2024-05-14 03:17:42Z",
        "1715656662"
      })
  @DisplayName("SPEC 2.1: a bad date-time fails with a message that names the text")
  void badTextIsNamed(String text) {
    assertThatThrownBy(() -> AzureDateTime.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  @DisplayName("SPEC 2.1: a bad date-time inside a document fails naming the text and the member")
  void badTextInDocumentIsNamed() {
    String json = "{\"windowsParameters\":{\"maxPatchPublishDate\":\"2024-05-20 08:15\"}}";
    assertThatThrownBy(
            () -> WireDocuments.JSON.readValue(json, VirtualMachineInstallPatchesParameters.class))
        .hasMessageContaining("'2024-05-20 08:15'")
        .hasMessageContaining("maxPatchPublishDate");
  }
}
