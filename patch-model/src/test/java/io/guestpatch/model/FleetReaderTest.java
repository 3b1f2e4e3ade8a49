package io.guestpatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 2.2: both fleet formats, detected from content; every bad record reported, no good one lost. */
class FleetReaderTest {
  private final FleetReader reader = FleetReader.create();

  private FleetReadResult resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fleet/" + name)) {
      return reader.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
    }
  }

  @Test
  void readsArmValueListWithInstanceView() throws IOException {
    FleetReadResult r = resource("arm-list.json");
    assertThat(r.format()).isEqualTo(FleetFormat.ARM_JSON);
    assertThat(r.errors()).isEmpty();
    assertThat(r.vms()).hasSize(3);

    VirtualMachine web = r.vms().get(0);
    assertThat(web.name()).isEqualTo("web-01");
    assertThat(web.subscriptionId()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(web.resourceGroup()).isEqualTo("rg-web");
    assertThat(web.region()).isEqualTo("eastus2");
    assertThat(web.zone()).contains("2");
    assertThat(web.availabilitySetId()).isEmpty();
    assertThat(web.osType()).isEqualTo(OperatingSystemTypes.WINDOWS);
    assertThat(web.imageReference().flatMap(ImageReference::sku)).contains("2019-Datacenter");
    assertThat(web.windowsTimeZone()).contains("Eastern Standard Time");
    assertThat(web.windowsConfiguration().flatMap(WindowsConfiguration::patchSettings)
            .flatMap(PatchSettings::patchMode))
        .contains(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    assertThat(web.vmAgentVersion()).contains("2.7.41491.1102");
    assertThat(web.powerState()).contains(PowerState.RUNNING);
    assertThat(web.tags()).containsEntry("team", "web");
    assertThat(web.patchStatus().flatMap(VirtualMachinePatchStatus::availablePatchSummary)
            .map(s -> s.criticalAndSecurityPatchCount().getAsInt()))
        .contains(2);

    VirtualMachine db = r.vms().get(1);
    assertThat(db.osType()).isEqualTo(OperatingSystemTypes.LINUX);
    assertThat(db.availabilitySetId()).hasValueSatisfying(id -> assertThat(id).endsWith("/db-set"));
    assertThat(db.platformUpdateDomain()).hasValue(3);
    assertThat(db.platformFaultDomain()).hasValue(1);
    assertThat(db.powerState()).contains(PowerState.DEALLOCATED);
    assertThat(db.isRunning()).isFalse();
    assertThat(db.zone()).isEmpty();

    VirtualMachine build = r.vms().get(2);
    assertThat(build.imageReference()).hasValueSatisfying(i -> assertThat(i.isCustom()).isTrue());
    assertThat(build.powerState()).isEmpty();
  }

  @Test
  void readsAzureCliFlattenedArrayAndReportsEveryBadField() throws IOException {
    FleetReadResult r = resource("az-vm-list-d.json");
    assertThat(r.format()).isEqualTo(FleetFormat.ARM_JSON);
    // app-1 and app-3 are good; app-2 has two bad fields, both reported.
    assertThat(r.vms()).extracting(VirtualMachine::name).containsExactly("app-1", "app-3");
    assertThat(r.vms().get(0).resourceGroup()).isEqualTo("RG-APP");
    assertThat(r.vms().get(0).powerState()).contains(PowerState.RUNNING);
    assertThat(r.vms().get(1).powerState()).contains(PowerState.STOPPED);
    // osType missing but windowsConfiguration present: Windows.
    assertThat(r.vms().get(1).osType()).isEqualTo(OperatingSystemTypes.WINDOWS);
    assertThat(r.errors()).hasSize(2);
    assertThat(r.errors()).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo("az-vm-list-d.json");
      assertThat(e.jsonPath()).contains("$[1]");
      assertThat(e.line()).isPresent();
    });
    assertThat(r.errors()).extracting(e -> e.field().orElse(""))
        .containsExactlyInAnyOrder("zones", "storageProfile.osDisk.osType");
    assertThat(r.errors().get(0).toString()).startsWith("az-vm-list-d.json line ");
  }

  @Test
  void jsonLinesWithBadLinesInTheMiddleKeepEveryGoodRecord() throws IOException {
    FleetReadResult r = resource("fleet-with-bad-lines.jsonl");
    assertThat(r.format()).isEqualTo(FleetFormat.JSON_LINES);
    assertThat(r.vms()).extracting(VirtualMachine::name)
        .containsExactly("vm1", "vm2", "vm4", "vm5", "vm8");
    assertThat(r.errors()).extracting(e -> e.line().getAsLong()).containsExactly(4L, 6L, 8L, 9L);
    FleetRecordError ud = r.errors().get(0);
    assertThat(ud.field()).contains("platformUpdateDomain");
    FleetRecordError malformed = r.errors().get(1);
    assertThat(malformed.message()).startsWith("malformed JSON");
    FleetRecordError missing = r.errors().get(2);
    assertThat(missing.field()).contains("region");
    assertThat(missing.message()).contains("missing required field region");
    FleetRecordError blank = r.errors().get(3);
    assertThat(blank.message()).contains("region must not be blank");
    assertThatThrownBy(r::orThrow)
        .isInstanceOf(FleetFormatException.class)
        .hasMessageContaining("4 bad fleet records")
        .hasMessageContaining("fleet-with-bad-lines.jsonl line 6");
  }

  @Test
  void singleArmObjectAsAzVmShowReturnsIt() throws IOException {
    String json = "{\n  \"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/one\",\n"
        + "  \"location\": \"japaneast\",\n  \"properties\": {\"storageProfile\": {\"osDisk\": {\"osType\": \"Linux\"}}}\n}\n";
    FleetReadResult r = reader.read(new StringReader(json), "show.json");
    assertThat(r.format()).isEqualTo(FleetFormat.ARM_JSON);
    assertThat(r.errors()).isEmpty();
    assertThat(r.vms()).singleElement().satisfies(vm -> {
      assertThat(vm.name()).isEqualTo("one");
      assertThat(vm.region()).isEqualTo("japaneast");
    });
  }

  @Test
  void armIdThatIsNotAVmIdIsReportedWithItsPath() throws IOException {
    String json = "[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkInterfaces/nic\","
        + "\"location\": \"eastus\", \"storageProfile\": {\"osDisk\": {\"osType\": \"Linux\"}}}]";
    FleetReadResult r = reader.read(new StringReader(json), "nic.json");
    assertThat(r.vms()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.jsonPath()).contains("$[0]");
      assertThat(e.field()).contains("id");
      assertThat(e.message()).contains("is not a VM resource id");
    });
  }

  @Test
  void truncatedArmArrayKeepsTheRecordsBeforeTheBreak() throws IOException {
    String one = "{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/a\","
        + "\"location\": \"eastus\", \"storageProfile\": {\"osDisk\": {\"osType\": \"Linux\"}}}";
    FleetReadResult r = reader.read(new StringReader("[\n" + one + ",\n{\"id\": "), "cut.json");
    assertThat(r.vms()).extracting(VirtualMachine::name).containsExactly("a");
    assertThat(r.errors()).singleElement().satisfies(e ->
        assertThat(e.message()).contains("malformed JSON").contains("records after this point were not read"));
  }

  @Test
  void emptyInputHasNoRecords() throws IOException {
    FleetReadResult r = reader.read(new StringReader("  \n\n"), "empty.jsonl");
    assertThat(r.format()).isEqualTo(FleetFormat.EMPTY);
    assertThat(r.vms()).isEmpty();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void writerOutputReadsBackEqual(@TempDir Path dir) throws IOException {
    List<VirtualMachine> vms = resource("arm-list.json").vms();
    Path file = dir.resolve("fleet.jsonl");
    try (FleetWriter w = FleetWriter.create(file)) {
      for (VirtualMachine vm : vms) {
        w.write(vm);
      }
      assertThat(w.written()).isEqualTo(3);
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
    FleetReadResult back = reader.read(file);
    assertThat(back.format()).isEqualTo(FleetFormat.JSON_LINES);
    assertThat(back.errors()).isEmpty();
    assertThat(back.vms()).isEqualTo(vms);
  }

  @Test
  void oneLineFleetIsJsonLinesNotArm() throws IOException {
    StringWriter out = new StringWriter();
    VirtualMachine vm = VirtualMachine.builder()
        .id("/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/x")
        .name("x").subscriptionId("s").resourceGroup("g").region("eastus")
        .osType(OperatingSystemTypes.LINUX).build();
    try (FleetWriter w = FleetWriter.create(out)) {
      w.write(vm);
    }
    FleetReadResult r = reader.read(new StringReader(out.toString()), "one.jsonl");
    assertThat(r.format()).isEqualTo(FleetFormat.JSON_LINES);
    assertThat(r.vms()).containsExactly(vm);
  }

  @Test
  void streamingDeliversRecordsAndErrorsInFileOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("f.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/fleet/fleet-with-bad-lines.jsonl")) {
      Files.copy(in, file);
    }
    List<String> events = new ArrayList<>();
    FleetFormat f = reader.forEach(file, vm -> events.add(vm.name()), e -> events.add("line " + e.line().getAsLong()));
    assertThat(f).isEqualTo(FleetFormat.JSON_LINES);
    assertThat(events).containsExactly("vm1", "vm2", "line 4", "vm4", "line 6", "vm5", "line 8", "line 9", "vm8");
  }

  @Test
  void recordsOfOneFileShareEqualConfigurationsAndStrings(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("f.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/fleet/fleet-with-bad-lines.jsonl")) {
      Files.copy(in, file);
    }
    List<VirtualMachine> vms = reader.read(file).vms();
    VirtualMachine a = vms.get(0);
    VirtualMachine b = vms.get(1);
    assertThat(a.linuxConfiguration().get()).isSameAs(b.linuxConfiguration().get());
    assertThat(a.region()).isSameAs(b.region());
    assertThat(a.subscriptionId()).isSameAs(b.subscriptionId());
    assertThat(a.vmAgentVersion().get()).isSameAs(b.vmAgentVersion().get());
    // Values are unchanged: each VM equals the record parsed on its own.
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < 2; i++) {
      VirtualMachine alone = PatchJson.newObjectMapper().readValue(lines.get(i), VirtualMachine.class);
      assertThat(vms.get(i)).isEqualTo(alone).isNotSameAs(alone);
    }
  }
}
