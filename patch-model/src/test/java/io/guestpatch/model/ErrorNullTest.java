package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.parse;
import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static io.guestpatch.model.WireDocuments.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 2.1: "error": null stays null, an error object stays an object, an absent error stays absent. */
@DisplayName("SPEC 2.1 the error member")
class ErrorNullTest {

  static Stream<Class<?>> carriers() {
    return Stream.of(
        VirtualMachineAssessPatchesResult.class,
        VirtualMachineInstallPatchesResult.class,
        AvailablePatchSummary.class,
        LastPatchInstallationSummary.class);
  }

  private static final String ERROR =
      "{\"code\":\"E1\",\"target\":\"t\",\"message\":\"m\",\"details\":[{\"code\":\"D1\"}],"
          + "\"innererror\":{\"exceptiontype\":\"X\",\"errordetail\":\"why\"}}";

  @ParameterizedTest(name = "{0}")
  @MethodSource("carriers")
  @DisplayName("SPEC 2.1: \"error\": null is read as no error and written back as null")
  void explicitNullStaysNull(Class<?> type) {
    JsonNode doc = parse("{\"status\":\"Succeeded\",\"error\":null}");
    ErrorCarrier c = (ErrorCarrier) read(doc, type);
    assertThat(c.error()).isEmpty();
    assertThat(c.errorExplicitlyNull()).isTrue();
    JsonNode back = roundTrip(doc, type);
    assertThat(back).isEqualTo(doc);
    assertThat(back.get("error").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("carriers")
  @DisplayName("SPEC 2.1: an absent error stays absent")
  void absentStaysAbsent(Class<?> type) {
    JsonNode doc = parse("{\"status\":\"Succeeded\"}");
    ErrorCarrier c = (ErrorCarrier) read(doc, type);
    assertThat(c.error()).isEmpty();
    assertThat(c.errorExplicitlyNull()).isFalse();
    assertThat(roundTrip(doc, type)).isEqualTo(doc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("carriers")
  @DisplayName("SPEC 2.1: an error object stays an object, details and innererror included")
  void objectStaysObject(Class<?> type) {
    JsonNode doc = parse("{\"status\":\"Failed\",\"error\":" + ERROR + "}");
    ErrorCarrier c = (ErrorCarrier) read(doc, type);
    assertThat(c.error()).isPresent();
    assertThat(c.errorExplicitlyNull()).isFalse();
    assertThat(c.error().orElseThrow().details()).hasSize(1);
    assertThat(roundTrip(doc, type)).isEqualTo(doc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("carriers")
  @DisplayName("SPEC 2.1: an empty error object stays an empty object")
  void emptyObjectStaysObject(Class<?> type) {
    JsonNode doc = parse("{\"error\":{}}");
    assertThat(roundTrip(doc, type)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: nested summaries keep null, object and absent errors independently")
  void nestedSummariesAreIndependent() {
    JsonNode doc =
        parse(
            "{\"availablePatchSummary\":{\"status\":\"Succeeded\",\"error\":null},"
                + "\"lastPatchInstallationSummary\":{\"status\":\"Failed\",\"error\":" + ERROR + "}}");
    assertThat(roundTrip(doc, VirtualMachinePatchStatus.class)).isEqualTo(doc);

    JsonNode swapped =
        parse(
            "{\"availablePatchSummary\":{\"status\":\"Failed\",\"error\":" + ERROR + "},"
                + "\"lastPatchInstallationSummary\":{\"status\":\"Succeeded\"}}");
    assertThat(roundTrip(swapped, VirtualMachinePatchStatus.class)).isEqualTo(swapped);
  }

  @Test
  @DisplayName("SPEC 2.1: a member named error inside a patch or detail does not trigger the null rule")
  void errorNullOnlyAtTheCarrierLevel() {
    JsonNode doc =
        parse("{\"availablePatches\":[{\"name\":\"x\"}],\"error\":null,\"status\":\"Succeeded\"}");
    VirtualMachineAssessPatchesResult r = read(doc, VirtualMachineAssessPatchesResult.class);
    assertThat(r.availablePatches()).hasSize(1);
    assertThat(roundTrip(doc, VirtualMachineAssessPatchesResult.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: withErrorExplicitlyNull writes null; a built value without error writes nothing")
  void builtValues() {
    VirtualMachineInstallPatchesResult built =
        VirtualMachineInstallPatchesResult.builder().status(PatchOperationStatus.SUCCEEDED).build();
    assertThat(write(built)).isEqualTo(parse("{\"status\":\"Succeeded\"}"));
    assertThat(write(built.withErrorExplicitlyNull()))
        .isEqualTo(parse("{\"status\":\"Succeeded\",\"error\":null}"));
  }

  @Test
  @DisplayName("SPEC 2.1: an error set on a copy of a value read with \"error\": null is written")
  void errorSetOnCopyOfNullErrorValueIsWritten() {
    VirtualMachineAssessPatchesResult read =
        read(parse("{\"status\":\"InProgress\",\"error\":null}"), VirtualMachineAssessPatchesResult.class);
    ApiError error = ApiError.builder().code("Timeout").build();

    VirtualMachineAssessPatchesResult failed =
        VirtualMachineAssessPatchesResult.builder()
            .from(read)
            .status(PatchOperationStatus.FAILED)
            .error(error)
            .build();

    assertThat(failed.error()).contains(error);
    assertThat(failed.errorExplicitlyNull()).isFalse();
    assertThat(failed)
        .isEqualTo(
            VirtualMachineAssessPatchesResult.builder()
                .status(PatchOperationStatus.FAILED)
                .error(error)
                .build());
    assertThat(write(failed))
        .isEqualTo(parse("{\"status\":\"Failed\",\"error\":{\"code\":\"Timeout\"}}"));
  }

  @Test
  @DisplayName("SPEC 2.1: on every carrier, an error set after \"error\": null wins over the null")
  void errorWinsOverExplicitNullOnEveryCarrier() {
    ApiError error = ApiError.builder().code("E2").build();
    JsonNode expected = parse("{\"error\":{\"code\":\"E2\"}}");
    JsonNode nullError = parse("{\"error\":null}");
    assertThat(
            write(
                VirtualMachineInstallPatchesResult.builder()
                    .from(read(nullError, VirtualMachineInstallPatchesResult.class))
                    .error(error)
                    .build()))
        .isEqualTo(expected);
    assertThat(
            write(
                AvailablePatchSummary.builder()
                    .from(read(nullError, AvailablePatchSummary.class))
                    .error(error)
                    .build()))
        .isEqualTo(expected);
    assertThat(
            write(
                LastPatchInstallationSummary.builder()
                    .errorExplicitlyNull(true)
                    .error(error)
                    .build()))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted): CloudError has no null rule; {\"error\":null} is written as {}")
  void cloudErrorNullIsDropped() {
    JsonNode doc = parse("{\"error\":null}");
    assertThat(read(doc, CloudError.class).error()).isEmpty();
    assertThat(roundTrip(doc, CloudError.class)).isEqualTo(parse("{}"));
  }
}
