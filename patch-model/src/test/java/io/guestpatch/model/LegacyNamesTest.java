package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static io.guestpatch.model.WireDocuments.tree;
import static io.guestpatch.model.WireDocuments.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 2.1: 2020-06-01 payloads parse; the current names are written. */
@DisplayName("SPEC 2.1 older (2020-06-01) payloads")
class LegacyNamesTest {

  @Test
  @DisplayName("SPEC 2.1: patches and kbid are read as availablePatches and kbId")
  void readsOldNames() {
    VirtualMachineAssessPatchesResult r =
        read(tree("assess-result-2020-06-01.json"), VirtualMachineAssessPatchesResult.class);

    assertThat(r.availablePatches()).singleElement().satisfies(p -> {
      assertThat(p.kbId()).contains("4589208");
      assertThat(p.name()).contains("Update for Windows Server 2019 (KB4589208)");
      // a 2020-06-01 assessment state outside today's enum still parses
      assertThat(p.assessmentState().orElseThrow().value()).isEqualTo("Excluded");
      assertThat(p.assessmentState().orElseThrow().isKnown()).isFalse();
    });
  }

  @Test
  @DisplayName("SPEC 2.1: an old payload is written back with the current names, nothing else changed")
  void writesCurrentNames() {
    JsonNode written =
        write(read(tree("assess-result-2020-06-01.json"), VirtualMachineAssessPatchesResult.class));

    assertThat(written).isEqualTo(tree("assess-result-2020-06-01-written.json"));
    assertThat(written.has("patches")).isFalse();
    assertThat(written.get("availablePatches").get(0).has("kbid")).isFalse();
  }

  @Test
  @DisplayName("SPEC 2.1: old and current payloads of the same result give equal values")
  void oldAndCurrentNamesGiveEqualValues() {
    assertThat(read(tree("assess-result-2020-06-01.json"), VirtualMachineAssessPatchesResult.class))
        .isEqualTo(
            read(tree("assess-result-2020-06-01-written.json"), VirtualMachineAssessPatchesResult.class));
  }

  @Test
  @DisplayName("SPEC 2.1: kbid alone is read as kbId on a patch")
  void kbidOnAPatch() {
    VirtualMachineSoftwarePatchProperties p =
        read(WireDocuments.parse("{\"kbid\":\"5005565\"}"), VirtualMachineSoftwarePatchProperties.class);
    assertThat(p.kbId()).contains("5005565");
    assertThat(write(p)).isEqualTo(WireDocuments.parse("{\"kbId\":\"5005565\"}"));
  }

  @Test
  @DisplayName("SPEC 2.1: a 2020-06-01 LastPatchInstallationSummary with rebootStatus and startedBy round-trips")
  void oldInstallationSummaryRoundTrips() {
    JsonNode doc = tree("last-installation-summary-2020-06-01.json");
    LastPatchInstallationSummary s = read(doc, LastPatchInstallationSummary.class);

    assertThat(s.rebootStatus()).contains(VMGuestPatchRebootStatus.NOT_NEEDED);
    assertThat(s.startedBy()).contains("Platform");
    assertThat(s.installedPatchCount()).hasValue(6);
    assertThat(s.errorExplicitlyNull()).isTrue();
    assertThat(roundTrip(doc, LastPatchInstallationSummary.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: the old summary also round-trips inside a patchStatus without configurationStatuses")
  void oldPatchStatusRoundTrips() {
    com.fasterxml.jackson.databind.node.ObjectNode doc = WireDocuments.JSON.createObjectNode();
    doc.set("lastPatchInstallationSummary", tree("last-installation-summary-2020-06-01.json"));
    VirtualMachinePatchStatus s = read(doc, VirtualMachinePatchStatus.class);
    assertThat(s.configurationStatuses()).isEmpty();
    assertThat(s.availablePatchSummary()).isEmpty();
    assertThat(roundTrip(doc, VirtualMachinePatchStatus.class)).isEqualTo(doc);
  }
}
