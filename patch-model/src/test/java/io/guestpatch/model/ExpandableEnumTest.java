package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static io.guestpatch.model.WireDocuments.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 2.1: every Azure enum is extensible; its documented values are azure-api.md's. */
@DisplayName("SPEC 2.1 extensible enums")
class ExpandableEnumTest {

  // ---- documented values, one test per enum (azure-api.md sections 2-6) ----

  private static List<String> strings(Collection<? extends ExpandableStringEnum> values) {
    return values.stream().map(ExpandableStringEnum::value).toList();
  }

  @Test
  @DisplayName("azure-api 2.2: WindowsVMGuestPatchMode is Manual, AutomaticByOS, AutomaticByPlatform")
  void windowsPatchModeValues() {
    assertThat(strings(WindowsVMGuestPatchMode.values()))
        .containsExactly("Manual", "AutomaticByOS", "AutomaticByPlatform");
  }

  @Test
  @DisplayName("azure-api 2.2: WindowsPatchAssessmentMode is ImageDefault, AutomaticByPlatform")
  void windowsAssessmentModeValues() {
    assertThat(strings(WindowsPatchAssessmentMode.values()))
        .containsExactly("ImageDefault", "AutomaticByPlatform");
  }

  @Test
  @DisplayName("azure-api 2.3: LinuxVMGuestPatchMode is ImageDefault, AutomaticByPlatform")
  void linuxPatchModeValues() {
    assertThat(strings(LinuxVMGuestPatchMode.values()))
        .containsExactly("ImageDefault", "AutomaticByPlatform");
  }

  @Test
  @DisplayName("azure-api 2.3: LinuxPatchAssessmentMode is ImageDefault, AutomaticByPlatform")
  void linuxAssessmentModeValues() {
    assertThat(strings(LinuxPatchAssessmentMode.values()))
        .containsExactly("ImageDefault", "AutomaticByPlatform");
  }

  @Test
  @DisplayName("azure-api 2.4: the Windows automaticByPlatform reboot setting has Unknown plus three")
  void windowsAutomaticByPlatformRebootSettingValues() {
    assertThat(strings(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.values()))
        .containsExactly("Unknown", "IfRequired", "Never", "Always");
  }

  @Test
  @DisplayName("azure-api 2.4: the Linux automaticByPlatform reboot setting has Unknown plus three")
  void linuxAutomaticByPlatformRebootSettingValues() {
    assertThat(strings(LinuxVMGuestPatchAutomaticByPlatformRebootSetting.values()))
        .containsExactly("Unknown", "IfRequired", "Never", "Always");
  }

  @Test
  @DisplayName("azure-api 3.4: PatchOperationStatus is Unknown, InProgress, Failed, Succeeded, CompletedWithWarnings")
  void patchOperationStatusValues() {
    assertThat(strings(PatchOperationStatus.values()))
        .containsExactly("Unknown", "InProgress", "Failed", "Succeeded", "CompletedWithWarnings");
  }

  @Test
  @DisplayName("azure-api 3.5: StatusLevelTypes is Info, Warning, Error")
  void statusLevelValues() {
    assertThat(strings(StatusLevelTypes.values())).containsExactly("Info", "Warning", "Error");
  }

  @Test
  @DisplayName("azure-api 4.2: VMGuestPatchRebootBehavior is Unknown, NeverReboots, AlwaysRequiresReboot, CanRequestReboot")
  void rebootBehaviorValues() {
    assertThat(strings(VMGuestPatchRebootBehavior.values()))
        .containsExactly("Unknown", "NeverReboots", "AlwaysRequiresReboot", "CanRequestReboot");
  }

  @Test
  @DisplayName("azure-api 4.2: PatchAssessmentState is Unknown, Available")
  void assessmentStateValues() {
    assertThat(strings(PatchAssessmentState.values())).containsExactly("Unknown", "Available");
  }

  @Test
  @DisplayName("azure-api 5.1: VMGuestPatchRebootSetting is IfRequired, Never, Always (no Unknown)")
  void installRebootSettingValues() {
    assertThat(strings(VMGuestPatchRebootSetting.values()))
        .containsExactly("IfRequired", "Never", "Always");
    assertThat(VMGuestPatchRebootSetting.fromString("Unknown").isKnown()).isFalse();
  }

  @Test
  @DisplayName("azure-api 5.2: VMGuestPatchClassificationWindows has eight values, UpdateRollUp with a capital U")
  void windowsClassificationValues() {
    assertThat(strings(VMGuestPatchClassificationWindows.values()))
        .containsExactly(
            "Critical", "Security", "UpdateRollUp", "FeaturePack", "ServicePack", "Definition",
            "Tools", "Updates");
    assertThat(VMGuestPatchClassificationWindows.UPDATE_ROLL_UP.value()).isEqualTo("UpdateRollUp");
    // the Update Manager doc's spelling is a case variant: equal, but written as given
    VMGuestPatchClassificationWindows docSpelling = VMGuestPatchClassificationWindows.fromString("UpdateRollup");
    assertThat(docSpelling).isEqualTo(VMGuestPatchClassificationWindows.UPDATE_ROLL_UP);
    assertThat(docSpelling.value()).isEqualTo("UpdateRollup");
  }

  @Test
  @DisplayName("azure-api 5.3: VMGuestPatchClassificationLinux is Critical, Security, Other")
  void linuxClassificationValues() {
    assertThat(strings(VMGuestPatchClassificationLinux.values()))
        .containsExactly("Critical", "Security", "Other");
  }

  @Test
  @DisplayName("azure-api 5.4: VMGuestPatchRebootStatus is Unknown, NotNeeded, Required, Started, Failed, Completed")
  void rebootStatusValues() {
    assertThat(strings(VMGuestPatchRebootStatus.values()))
        .containsExactly("Unknown", "NotNeeded", "Required", "Started", "Failed", "Completed");
  }

  @Test
  @DisplayName("azure-api 5.5: PatchInstallationState is Unknown, Installed, Failed, Excluded, NotSelected, Pending")
  void installationStateValues() {
    assertThat(strings(PatchInstallationState.values()))
        .containsExactly("Unknown", "Installed", "Failed", "Excluded", "NotSelected", "Pending");
  }

  @Test
  @DisplayName("Fleet enums (not in azure-api.md): OperatingSystemTypes is Windows, Linux")
  void operatingSystemValues() {
    assertThat(strings(OperatingSystemTypes.values())).containsExactly("Windows", "Linux");
  }

  @Test
  @DisplayName("Fleet enums (not in azure-api.md): PowerState codes, PowerState/ and 'VM ' prefixes dropped")
  void powerStateValues() {
    assertThat(strings(PowerState.values()))
        .containsExactly(
            "running", "stopped", "deallocated", "starting", "stopping", "deallocating", "unknown");
    assertThat(PowerState.fromString("PowerState/running")).isEqualTo(PowerState.RUNNING);
    assertThat(PowerState.fromString("VM deallocated")).isEqualTo(PowerState.DEALLOCATED);
  }

  // ---- generic behaviour of every enum class ----

  static Stream<Arguments> enumTypes() {
    return Stream.of(
        e(WindowsVMGuestPatchMode::fromString, WindowsVMGuestPatchMode.values()),
        e(WindowsPatchAssessmentMode::fromString, WindowsPatchAssessmentMode.values()),
        e(LinuxVMGuestPatchMode::fromString, LinuxVMGuestPatchMode.values()),
        e(LinuxPatchAssessmentMode::fromString, LinuxPatchAssessmentMode.values()),
        e(WindowsVMGuestPatchAutomaticByPlatformRebootSetting::fromString,
            WindowsVMGuestPatchAutomaticByPlatformRebootSetting.values()),
        e(LinuxVMGuestPatchAutomaticByPlatformRebootSetting::fromString,
            LinuxVMGuestPatchAutomaticByPlatformRebootSetting.values()),
        e(PatchOperationStatus::fromString, PatchOperationStatus.values()),
        e(StatusLevelTypes::fromString, StatusLevelTypes.values()),
        e(VMGuestPatchRebootBehavior::fromString, VMGuestPatchRebootBehavior.values()),
        e(PatchAssessmentState::fromString, PatchAssessmentState.values()),
        e(VMGuestPatchRebootSetting::fromString, VMGuestPatchRebootSetting.values()),
        e(VMGuestPatchClassificationWindows::fromString, VMGuestPatchClassificationWindows.values()),
        e(VMGuestPatchClassificationLinux::fromString, VMGuestPatchClassificationLinux.values()),
        e(VMGuestPatchRebootStatus::fromString, VMGuestPatchRebootStatus.values()),
        e(PatchInstallationState::fromString, PatchInstallationState.values()),
        e(OperatingSystemTypes::fromString, OperatingSystemTypes.values()),
        e(PowerState::fromString, PowerState.values()));
  }

  private static Arguments e(
      Function<String, ? extends ExpandableStringEnum> fromString,
      Collection<? extends ExpandableStringEnum> values) {
    String name = values.iterator().next().getClass().getSimpleName();
    return Arguments.of(name, fromString, values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  @DisplayName("SPEC 2.1: an exact documented string gives the constant itself")
  void exactStringGivesTheConstant(
      String name,
      Function<String, ExpandableStringEnum> fromString,
      Collection<ExpandableStringEnum> values) {
    assertThat(values).isNotEmpty().allSatisfy(c -> {
      assertThat(c.isKnown()).isTrue();
      assertThat(fromString.apply(c.value())).isSameAs(c);
      assertThat(c.toString()).isEqualTo(c.value());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  @DisplayName("SPEC 2.1: a case variant equals the constant, is known, and keeps its own spelling")
  void caseVariantEqualsConstantAndKeepsSpelling(
      String name,
      Function<String, ExpandableStringEnum> fromString,
      Collection<ExpandableStringEnum> values) {
    for (ExpandableStringEnum c : values) {
      for (String variant :
          List.of(c.value().toLowerCase(Locale.ROOT), c.value().toUpperCase(Locale.ROOT))) {
        if (variant.equals(c.value())) {
          continue; // PowerState's values are already lower case
        }
        ExpandableStringEnum v = fromString.apply(variant);
        assertThat(v).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c).isEqualTo(v);
        assertThat(v.isKnown()).isTrue();
        assertThat(v.value()).isEqualTo(variant);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  @DisplayName("SPEC 2.1: an unknown string parses, is not known, equals no constant and keeps its text")
  void unknownStringParses(
      String name,
      Function<String, ExpandableStringEnum> fromString,
      Collection<ExpandableStringEnum> values) {
    ExpandableStringEnum v = fromString.apply("SomethingNew2031");
    assertThat(v.isKnown()).isFalse();
    assertThat(v.value()).isEqualTo("SomethingNew2031");
    assertThat(values).doesNotContain(v);
    assertThat(v).isEqualTo(fromString.apply("somethingnew2031"));
    assertThat(v).isNotEqualTo("SomethingNew2031");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  @DisplayName("SPEC 2.1: a blank string is rejected with an IllegalArgumentException")
  void blankStringIsRejected(
      String name,
      Function<String, ExpandableStringEnum> fromString,
      Collection<ExpandableStringEnum> values) {
    assertThatThrownBy(() -> fromString.apply("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fromString.apply("  ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SPEC 2.1: values of different enum types with the same string are not equal")
  void differentTypesAreNotEqual() {
    assertThat(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
        .isNotEqualTo(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    assertThat(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.NEVER)
        .isNotEqualTo(VMGuestPatchRebootSetting.NEVER);
  }

  // ---- every enum-typed member of every wire type, in a document ----

  /** A member holding an enum: where it is in a document, and how to reach it in the value read. */
  record Field(String document, Class<?> type, String pointer, Function<Object, ExpandableStringEnum> get) {
    @Override
    public String toString() {
      return type.getSimpleName() + pointer;
    }
  }

  private static <T> Field f(String doc, Class<T> type, String pointer, Function<T, ?> get) {
    return new Field(
        doc, type, pointer, o -> (ExpandableStringEnum) get.apply(type.cast(o)));
  }

  static Stream<Field> enumFields() {
    return Stream.of(
        f("windows-configuration.json", WindowsConfiguration.class, "/patchSettings/patchMode",
            w -> w.patchSettings().orElseThrow().patchMode().orElseThrow()),
        f("windows-configuration.json", WindowsConfiguration.class, "/patchSettings/assessmentMode",
            w -> w.patchSettings().orElseThrow().assessmentMode().orElseThrow()),
        f("windows-configuration.json", WindowsConfiguration.class,
            "/patchSettings/automaticByPlatformSettings/rebootSetting",
            w -> w.patchSettings().orElseThrow().automaticByPlatformSettings().orElseThrow()
                .rebootSetting().orElseThrow()),
        f("linux-configuration.json", LinuxConfiguration.class, "/patchSettings/patchMode",
            l -> l.patchSettings().orElseThrow().patchMode().orElseThrow()),
        f("linux-configuration.json", LinuxConfiguration.class, "/patchSettings/assessmentMode",
            l -> l.patchSettings().orElseThrow().assessmentMode().orElseThrow()),
        f("linux-configuration.json", LinuxConfiguration.class,
            "/patchSettings/automaticByPlatformSettings/rebootSetting",
            l -> l.patchSettings().orElseThrow().automaticByPlatformSettings().orElseThrow()
                .rebootSetting().orElseThrow()),
        f("patch-status.json", VirtualMachinePatchStatus.class, "/availablePatchSummary/status",
            s -> s.availablePatchSummary().orElseThrow().status().orElseThrow()),
        f("patch-status.json", VirtualMachinePatchStatus.class, "/lastPatchInstallationSummary/status",
            s -> s.lastPatchInstallationSummary().orElseThrow().status().orElseThrow()),
        f("patch-status.json", VirtualMachinePatchStatus.class, "/configurationStatuses/1/level",
            s -> s.configurationStatuses().get(1).level().orElseThrow()),
        f("last-installation-summary-2020-06-01.json", LastPatchInstallationSummary.class,
            "/rebootStatus", l -> l.rebootStatus().orElseThrow()),
        f("assess-result.json", VirtualMachineAssessPatchesResult.class, "/status",
            r -> r.status().orElseThrow()),
        f("assess-result.json", VirtualMachineAssessPatchesResult.class,
            "/availablePatches/2/rebootBehavior",
            r -> r.availablePatches().get(2).rebootBehavior().orElseThrow()),
        f("assess-result.json", VirtualMachineAssessPatchesResult.class,
            "/availablePatches/0/assessmentState",
            r -> r.availablePatches().get(0).assessmentState().orElseThrow()),
        f("install-parameters-windows.json", VirtualMachineInstallPatchesParameters.class,
            "/rebootSetting", p -> p.rebootSetting().orElseThrow()),
        f("install-parameters-windows.json", VirtualMachineInstallPatchesParameters.class,
            "/windowsParameters/classificationsToInclude/1",
            p -> p.windowsParameters().orElseThrow().classificationsToInclude().get(1)),
        f("install-parameters-linux.json", VirtualMachineInstallPatchesParameters.class,
            "/linuxParameters/classificationsToInclude/2",
            p -> p.linuxParameters().orElseThrow().classificationsToInclude().get(2)),
        f("install-result.json", VirtualMachineInstallPatchesResult.class, "/status",
            r -> r.status().orElseThrow()),
        f("install-result.json", VirtualMachineInstallPatchesResult.class, "/rebootStatus",
            r -> r.rebootStatus().orElseThrow()),
        f("install-result.json", VirtualMachineInstallPatchesResult.class,
            "/patches/3/installationState",
            r -> r.patches().get(3).installationState().orElseThrow()));
  }

  private static JsonNode withText(JsonNode doc, String pointer, String text) {
    JsonNode copy = doc.deepCopy();
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = copy.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), TextNode.valueOf(text));
    } else {
      ((ObjectNode) parent).set(last, TextNode.valueOf(text));
    }
    assertThat(copy.at(pointer).asText()).isEqualTo(text);
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumFields")
  @DisplayName("SPEC 2.1: an unknown value in every enum-typed member parses and is written back unchanged")
  void unknownValueInEveryMemberRoundTrips(Field field) {
    JsonNode doc = withText(tree(field.document()), field.pointer(), "AutomaticBySomethingNew");

    ExpandableStringEnum v = field.get().apply(read(doc, field.type()));
    assertThat(v.value()).isEqualTo("AutomaticBySomethingNew");
    assertThat(v.isKnown()).isFalse();
    assertThat(roundTrip(doc, field.type())).isEqualTo(doc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumFields")
  @DisplayName("SPEC 2.1: a lower-case variant in every enum-typed member equals the constant and is written as given")
  void caseVariantInEveryMemberRoundTrips(Field field) {
    JsonNode original = tree(field.document());
    ExpandableStringEnum constant = field.get().apply(read(original, field.type()));
    assertThat(constant.isKnown()).isTrue();
    String lower = constant.value().toLowerCase(Locale.ROOT);
    JsonNode doc = withText(original, field.pointer(), lower);

    ExpandableStringEnum v = field.get().apply(read(doc, field.type()));
    assertThat(v).isEqualTo(constant);
    assertThat(v.value()).isEqualTo(lower);
    assertThat(roundTrip(doc, field.type())).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1: \"patchMode\": \"automaticbyplatform\" equals AUTOMATIC_BY_PLATFORM, written as given")
  void patchModeCaseVariant() {
    JsonNode doc = WireDocuments.parse("{\"patchMode\":\"automaticbyplatform\"}");
    PatchSettings s = read(doc, PatchSettings.class);
    assertThat(s.patchMode()).contains(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    assertThat(s).isEqualTo(PatchSettings.builder()
        .patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM).build());
    assertThat(roundTrip(doc, PatchSettings.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted): an empty enum string in a document is a read error")
  void emptyEnumStringInDocumentFails() {
    assertThatThrownBy(
            () -> WireDocuments.readText("{\"patchMode\":\"\"}", PatchSettings.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasStackTraceContaining("must not be blank");
  }
}
