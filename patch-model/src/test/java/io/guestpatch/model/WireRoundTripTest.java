package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.parse;
import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.roundTrip;
import static io.guestpatch.model.WireDocuments.tree;
import static io.guestpatch.model.WireDocuments.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 2.1: every shape of azure-api.md section 7 reads and writes back to the same JSON tree, and
 * the values read are the ones in the document.
 */
@DisplayName("SPEC 2.1 wire round trips")
class WireRoundTripTest {

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("assess-result.json", VirtualMachineAssessPatchesResult.class),
        Arguments.of("assess-result-linux.json", VirtualMachineAssessPatchesResult.class),
        Arguments.of("install-parameters-windows.json", VirtualMachineInstallPatchesParameters.class),
        Arguments.of("install-parameters-linux.json", VirtualMachineInstallPatchesParameters.class),
        Arguments.of("install-result.json", VirtualMachineInstallPatchesResult.class),
        Arguments.of("install-result-failed.json", VirtualMachineInstallPatchesResult.class),
        Arguments.of("patch-status.json", VirtualMachinePatchStatus.class),
        Arguments.of("last-installation-summary-2020-06-01.json", LastPatchInstallationSummary.class),
        Arguments.of("windows-configuration.json", WindowsConfiguration.class),
        Arguments.of("linux-configuration.json", LinuxConfiguration.class),
        Arguments.of("cloud-error.json", CloudError.class));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("documents")
  @DisplayName("SPEC 2.1: a document read and written back is the same JSON tree")
  void writesBackTheSameTree(String name, Class<?> type) {
    JsonNode doc = tree(name);
    assertThat(roundTrip(doc, type)).isEqualTo(doc);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("documents")
  @DisplayName("SPEC 2.1: a value read twice is equal, with equal hash codes, and survives a second trip")
  void valuesReadTwiceAreEqual(String name, Class<?> type) {
    Object first = read(tree(name), type);
    Object second = read(tree(name), type);
    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(read(write(first), type)).isEqualTo(first);
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 7.1: an assess result gives its members, patches and null error")
  void readsAssessResult() {
    VirtualMachineAssessPatchesResult r =
        read(tree("assess-result.json"), VirtualMachineAssessPatchesResult.class);

    assertThat(r.status()).contains(PatchOperationStatus.SUCCEEDED);
    assertThat(r.assessmentActivityId()).contains("0b6f3c2e-9d41-4a7e-8c15-2f0e7a6d9b31");
    assertThat(r.rebootPending()).contains(true);
    assertThat(r.criticalAndSecurityPatchCount()).hasValue(1);
    assertThat(r.otherPatchCount()).hasValue(2);
    assertThat(r.startDateTime().orElseThrow().toInstant())
        .isEqualTo(Instant.parse("2024-05-14T03:17:42.8806215Z"));
    assertThat(r.startDateTime().orElseThrow().text()).isEqualTo("2024-05-14T03:17:42.8806215Z");
    assertThat(r.error()).isEmpty();
    assertThat(r.errorExplicitlyNull()).isTrue();

    assertThat(r.availablePatches()).hasSize(3);
    VirtualMachineSoftwarePatchProperties p = r.availablePatches().get(0);
    assertThat(p.kbId()).contains("5037782");
    assertThat(p.version()).contains("");
    assertThat(p.classifications()).containsExactly("Security Updates");
    assertThat(p.rebootBehavior()).contains(VMGuestPatchRebootBehavior.CAN_REQUEST_REBOOT);
    assertThat(p.assessmentState()).contains(PatchAssessmentState.AVAILABLE);
    assertThat(r.availablePatches().get(1).rebootBehavior())
        .contains(VMGuestPatchRebootBehavior.NEVER_REBOOTS);
    assertThat(r.availablePatches().get(2).rebootBehavior())
        .contains(VMGuestPatchRebootBehavior.ALWAYS_REQUIRES_REBOOT);
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 4.2: Linux patches have versions and no kbId; an error object is kept")
  void readsLinuxAssessResultWithError() {
    VirtualMachineAssessPatchesResult r =
        read(tree("assess-result-linux.json"), VirtualMachineAssessPatchesResult.class);

    assertThat(r.status()).contains(PatchOperationStatus.COMPLETED_WITH_WARNINGS);
    assertThat(r.availablePatches()).extracting(p -> p.version().orElseThrow())
        .containsExactly("3.0.2-0ubuntu1.15", "6.5.0.1021.27", "2024a-0ubuntu0.22.04");
    assertThat(r.availablePatches()).allSatisfy(p -> assertThat(p.kbId()).isEmpty());
    assertThat(r.availablePatches().get(0).rebootBehavior()).isEmpty();
    assertThat(r.availablePatches().get(1).assessmentState()).contains(PatchAssessmentState.UNKNOWN);
    ApiError error = r.error().orElseThrow();
    assertThat(r.errorExplicitlyNull()).isFalse();
    assertThat(error.code()).contains("PackageManagerFailure");
    assertThat(error.target()).isEmpty();
    assertThat(error.innererror()).isEmpty();
    assertThat(error.details()).singleElement().satisfies(d -> {
      assertThat(d.code()).contains("RepositoryUnreachable");
      assertThat(d.target()).contains("packages.example.invalid");
      assertThat(d.message()).contains("Connection timed out after 60 seconds.");
    });
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 5.2: Windows install parameters give every filter")
  void readsWindowsInstallParameters() {
    VirtualMachineInstallPatchesParameters p =
        read(tree("install-parameters-windows.json"), VirtualMachineInstallPatchesParameters.class);

    assertThat(p.maximumDuration()).contains("PT3H30M");
    assertThat(p.rebootSetting()).contains(VMGuestPatchRebootSetting.IF_REQUIRED);
    assertThat(p.linuxParameters()).isEmpty();
    WindowsParameters w = p.windowsParameters().orElseThrow();
    assertThat(w.classificationsToInclude())
        .containsExactly(
            VMGuestPatchClassificationWindows.CRITICAL,
            VMGuestPatchClassificationWindows.SECURITY,
            VMGuestPatchClassificationWindows.UPDATE_ROLL_UP);
    assertThat(w.classificationsToInclude()).allMatch(ExpandableStringEnum::isKnown);
    assertThat(w.kbNumbersToInclude()).containsExactly("5037782", "5036909");
    assertThat(w.kbNumbersToExclude()).containsExactly("890830");
    assertThat(w.excludeKbsRequiringReboot()).contains(true);
    AzureDateTime max = w.maxPatchPublishDate().orElseThrow();
    assertThat(max.text()).isEqualTo("2024-05-20T08:15:27.3141592+00:00");
    assertThat(max.toInstant()).isEqualTo(Instant.parse("2024-05-20T08:15:27.3141592Z"));
    assertThat(w.patchNameMasksToInclude()).containsExactly("*Cumulative*", "Security?Update*");
    assertThat(w.patchNameMasksToExclude()).containsExactly("*Preview*");
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 5.3: Linux install parameters keep name=version masks as given")
  void readsLinuxInstallParameters() {
    VirtualMachineInstallPatchesParameters p =
        read(tree("install-parameters-linux.json"), VirtualMachineInstallPatchesParameters.class);

    assertThat(p.rebootSetting()).contains(VMGuestPatchRebootSetting.NEVER);
    assertThat(p.windowsParameters()).isEmpty();
    LinuxParameters l = p.linuxParameters().orElseThrow();
    assertThat(l.classificationsToInclude())
        .containsExactly(
            VMGuestPatchClassificationLinux.CRITICAL,
            VMGuestPatchClassificationLinux.SECURITY,
            VMGuestPatchClassificationLinux.OTHER);
    assertThat(l.packageNameMasksToInclude())
        .containsExactly("openssl*", "libc6=2.35-0ubuntu3.7", "kernel*");
    assertThat(l.packageNameMasksToExclude()).containsExactly("docker-ce", "nginx=1.18.0-6ubuntu14.4");
    assertThat(l.maintenanceRunId()).contains("2024-06-11T02:00:00Z");
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 5.4-5.5: an install result gives counts (zeros included) and patches")
  void readsInstallResult() {
    VirtualMachineInstallPatchesResult r =
        read(tree("install-result.json"), VirtualMachineInstallPatchesResult.class);

    assertThat(r.status()).contains(PatchOperationStatus.SUCCEEDED);
    assertThat(r.rebootStatus()).contains(VMGuestPatchRebootStatus.COMPLETED);
    assertThat(r.maintenanceWindowExceeded()).contains(false);
    assertThat(r.excludedPatchCount()).hasValue(1);
    assertThat(r.notSelectedPatchCount()).hasValue(0);
    assertThat(r.pendingPatchCount()).hasValue(1);
    assertThat(r.installedPatchCount()).hasValue(2);
    assertThat(r.failedPatchCount()).hasValue(0);
    assertThat(r.patches()).extracting(d -> d.installationState().orElseThrow())
        .containsExactly(
            PatchInstallationState.INSTALLED,
            PatchInstallationState.INSTALLED,
            PatchInstallationState.PENDING,
            PatchInstallationState.EXCLUDED);
    assertThat(r.patches().get(3).version()).isEmpty();
    assertThat(r.patches().get(0).version()).contains("");
    assertThat(r.error()).isEmpty();
    assertThat(r.errorExplicitlyNull()).isTrue();
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 6.1: a failed install result keeps innererror with lower-case names")
  void readsFailedInstallResult() {
    VirtualMachineInstallPatchesResult r =
        read(tree("install-result-failed.json"), VirtualMachineInstallPatchesResult.class);

    assertThat(r.rebootStatus()).contains(VMGuestPatchRebootStatus.FAILED);
    assertThat(r.maintenanceWindowExceeded()).contains(true);
    assertThat(r.patches()).extracting(d -> d.installationState().orElseThrow())
        .containsExactly(PatchInstallationState.FAILED, PatchInstallationState.NOT_SELECTED);
    ApiError e = r.error().orElseThrow();
    assertThat(e.details()).isEmpty();
    assertThat(e.innererror().orElseThrow().exceptiontype()).contains("PackageManagerException");
    assertThat(e.innererror().orElseThrow().errordetail())
        .contains("dpkg returned exit code 100 for libssl3");
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 7.3: patchStatus gives both summaries and the configuration statuses")
  void readsPatchStatus() {
    VirtualMachinePatchStatus s = read(tree("patch-status.json"), VirtualMachinePatchStatus.class);

    AvailablePatchSummary a = s.availablePatchSummary().orElseThrow();
    assertThat(a.status()).contains(PatchOperationStatus.SUCCEEDED);
    assertThat(a.criticalAndSecurityPatchCount()).hasValue(3);
    assertThat(a.otherPatchCount()).hasValue(5);
    assertThat(a.rebootPending()).contains(false);
    assertThat(a.lastModifiedTime().orElseThrow().text()).isEqualTo("2024-07-09T04:12:01.0000001Z");
    assertThat(a.errorExplicitlyNull()).isTrue();

    LastPatchInstallationSummary l = s.lastPatchInstallationSummary().orElseThrow();
    assertThat(l.status()).contains(PatchOperationStatus.COMPLETED_WITH_WARNINGS);
    assertThat(l.notSelectedPatchCount()).hasValue(4);
    assertThat(l.excludedPatchCount()).hasValue(1);
    assertThat(l.pendingPatchCount()).hasValue(0);
    assertThat(l.installedPatchCount()).hasValue(2);
    assertThat(l.failedPatchCount()).hasValue(1);
    assertThat(l.rebootStatus()).isEmpty();
    assertThat(l.startedBy()).isEmpty();
    assertThat(l.startTime().orElseThrow().toInstant()).isEqualTo(Instant.parse("2024-07-02T01:00:00Z"));

    assertThat(s.configurationStatuses()).hasSize(2);
    InstanceViewStatus ready = s.configurationStatuses().get(0);
    assertThat(ready.code()).contains("PatchModeConfigurationState/Ready");
    assertThat(ready.level()).contains(StatusLevelTypes.INFO);
    assertThat(ready.displayStatus()).contains("Status_PatchModeConfigurationState_Ready");
    assertThat(ready.message()).isEmpty();
    InstanceViewStatus pending = s.configurationStatuses().get(1);
    assertThat(pending.level()).contains(StatusLevelTypes.WARNING);
    assertThat(pending.message()).contains("Waiting for the VM agent to report.");
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 7.4: windowsConfiguration gives patchSettings and the bypass flag")
  void readsWindowsConfiguration() {
    WindowsConfiguration w = read(tree("windows-configuration.json"), WindowsConfiguration.class);

    assertThat(w.provisionVMAgent()).contains(true);
    assertThat(w.enableAutomaticUpdates()).contains(true);
    assertThat(w.timeZone()).contains("W. Europe Standard Time");
    PatchSettings ps = w.patchSettings().orElseThrow();
    assertThat(ps.patchMode()).contains(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    assertThat(ps.enableHotpatching()).contains(false);
    assertThat(ps.assessmentMode()).contains(WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM);
    WindowsVMGuestPatchAutomaticByPlatformSettings abp = ps.automaticByPlatformSettings().orElseThrow();
    assertThat(abp.rebootSetting())
        .contains(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.IF_REQUIRED);
    assertThat(abp.bypassPlatformSafetyChecksOnUserSchedule()).contains(true);
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 7.4: linuxConfiguration gives patchSettings and the bypass flag")
  void readsLinuxConfiguration() {
    LinuxConfiguration l = read(tree("linux-configuration.json"), LinuxConfiguration.class);

    assertThat(l.provisionVMAgent()).contains(true);
    LinuxPatchSettings ps = l.patchSettings().orElseThrow();
    assertThat(ps.patchMode()).contains(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    assertThat(ps.assessmentMode()).contains(LinuxPatchAssessmentMode.IMAGE_DEFAULT);
    LinuxVMGuestPatchAutomaticByPlatformSettings abp = ps.automaticByPlatformSettings().orElseThrow();
    assertThat(abp.rebootSetting()).contains(LinuxVMGuestPatchAutomaticByPlatformRebootSetting.ALWAYS);
    assertThat(abp.bypassPlatformSafetyChecksOnUserSchedule()).contains(false);
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 6.1: CloudError wraps an ApiError with details and innererror")
  void readsCloudError() {
    CloudError c = read(tree("cloud-error.json"), CloudError.class);

    ApiError e = c.error().orElseThrow();
    assertThat(e.code()).contains("InvalidParameter");
    assertThat(e.target()).contains("windowsConfiguration.patchSettings.patchMode");
    assertThat(e.details()).hasSize(2);
    assertThat(e.details().get(1).code()).contains("AdvisoryOnly");
    assertThat(e.details().get(1).target()).isEmpty();
    assertThat(e.details().get(1).message()).isEmpty();
    assertThat(e.innererror().orElseThrow().exceptiontype()).contains("ValidationException");
  }

  @Test
  @DisplayName("SPEC 2.1 / azure-api 6.1: a bare ApiError round-trips with all-lower-case names")
  void apiErrorRoundTripsAlone() {
    JsonNode doc = tree("cloud-error.json").get("error");
    assertThat(roundTrip(doc, ApiError.class)).isEqualTo(doc);
    assertThat(doc.has("innererror")).isTrue();
    assertThat(doc.get("innererror").has("exceptiontype")).isTrue();
    assertThat(doc.get("innererror").has("errordetail")).isTrue();
  }

  @Test
  @DisplayName("SPEC 2.1: the camel-case spellings innerError/exceptionType are not Azure's and are not read")
  void camelCaseErrorNamesAreNotAzures() {
    ApiError e =
        read(parse("{\"code\":\"X\",\"innerError\":{\"exceptionType\":\"T\"}}"), ApiError.class);
    assertThat(e.innererror()).isEmpty();
  }

  @Test
  @DisplayName("SPEC 2.1: absent members stay absent, at every level")
  void absentMembersStayAbsent() {
    JsonNode sparse =
        parse(
            "{\"status\":\"InProgress\",\"availablePatches\":[{\"name\":\"bash\"}],"
                + "\"startDateTime\":\"2024-01-01T00:00:00Z\"}");
    VirtualMachineAssessPatchesResult r = read(sparse, VirtualMachineAssessPatchesResult.class);

    assertThat(r.rebootPending()).isEmpty();
    assertThat(r.otherPatchCount()).isEmpty();
    assertThat(r.error()).isEmpty();
    assertThat(r.errorExplicitlyNull()).isFalse();
    assertThat(r.availablePatches().get(0).classifications()).isEmpty();
    assertThat(write(r)).isEqualTo(sparse);

    JsonNode empty = parse("{}");
    for (Class<?> type :
        new Class<?>[] {
          VirtualMachineAssessPatchesResult.class, VirtualMachineInstallPatchesResult.class,
          VirtualMachineInstallPatchesParameters.class, VirtualMachinePatchStatus.class,
          AvailablePatchSummary.class, LastPatchInstallationSummary.class, PatchSettings.class,
          LinuxPatchSettings.class, WindowsConfiguration.class, LinuxConfiguration.class,
          WindowsParameters.class, LinuxParameters.class, ApiError.class, CloudError.class,
          InnerError.class, ApiErrorBase.class, InstanceViewStatus.class,
          PatchInstallationDetail.class, VirtualMachineSoftwarePatchProperties.class,
          WindowsVMGuestPatchAutomaticByPlatformSettings.class,
          LinuxVMGuestPatchAutomaticByPlatformSettings.class
        }) {
      assertThat(roundTrip(empty, type)).as(type.getSimpleName()).isEqualTo(empty);
    }
  }

  @Test
  @DisplayName("SPEC 2.1: zero counts and false flags are values, not absences")
  void zerosAndFalseAreWritten() {
    JsonNode doc =
        parse(
            "{\"excludedPatchCount\":0,\"failedPatchCount\":0,\"maintenanceWindowExceeded\":false,"
                + "\"patches\":[{\"kbId\":\"1\",\"version\":\"\"}]}");
    assertThat(roundTrip(doc, VirtualMachineInstallPatchesResult.class)).isEqualTo(doc);
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted, not Azure's): members the model does not hold are dropped")
  void unmodelledMembersAreDropped() {
    JsonNode doc =
        parse(
            "{\"provisionVMAgent\":true,\"disablePasswordAuthentication\":true,"
                + "\"ssh\":{\"publicKeys\":[]},\"enableVMAgentPlatformUpdates\":false}");
    LinuxConfiguration l = read(doc, LinuxConfiguration.class);
    assertThat(write(l)).isEqualTo(parse("{\"provisionVMAgent\":true}"));
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted): an explicit empty list is read as empty and not written")
  void explicitEmptyListsAreDropped() {
    JsonNode doc = parse("{\"status\":\"Succeeded\",\"availablePatches\":[]}");
    VirtualMachineAssessPatchesResult r = read(doc, VirtualMachineAssessPatchesResult.class);
    assertThat(r.availablePatches()).isEmpty();
    assertThat(write(r)).isEqualTo(parse("{\"status\":\"Succeeded\"}"));
  }

  @Test
  @DisplayName("SPEC 2.1 (behaviour noted): an explicit null on a member other than error is dropped")
  void explicitNullOnOtherMembersIsDropped() {
    JsonNode doc = parse("{\"status\":\"Succeeded\",\"rebootPending\":null,\"availablePatches\":null}");
    VirtualMachineAssessPatchesResult r = read(doc, VirtualMachineAssessPatchesResult.class);
    assertThat(r.rebootPending()).isEmpty();
    assertThat(write(r)).isEqualTo(parse("{\"status\":\"Succeeded\"}"));
  }
}
