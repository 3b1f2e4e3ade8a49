package io.guestpatch.model;

import static io.guestpatch.model.WireDocuments.read;
import static io.guestpatch.model.WireDocuments.tree;
import static io.guestpatch.model.WireDocuments.write;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 2.1: values built with {@code X.builder()...build()} serialize to Azure's JSON. */
@DisplayName("SPEC 2.1 builders")
class BuilderJsonTest {

  @Test
  @DisplayName("SPEC 2.1: built Windows install parameters write the section 7.2 shape")
  void windowsInstallParameters() {
    VirtualMachineInstallPatchesParameters p =
        VirtualMachineInstallPatchesParameters.builder()
            .maximumDuration("PT3H30M")
            .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED)
            .windowsParameters(
                WindowsParameters.builder()
                    .addClassificationsToInclude(
                        VMGuestPatchClassificationWindows.CRITICAL,
                        VMGuestPatchClassificationWindows.SECURITY,
                        VMGuestPatchClassificationWindows.UPDATE_ROLL_UP)
                    .addKbNumbersToInclude("5037782", "5036909")
                    .addKbNumbersToExclude("890830")
                    .excludeKbsRequiringReboot(true)
                    .maxPatchPublishDate(AzureDateTime.parse("2024-05-20T08:15:27.3141592+00:00"))
                    .addPatchNameMasksToInclude("*Cumulative*", "Security?Update*")
                    .addPatchNameMasksToExclude("*Preview*")
                    .build())
            .build();

    assertThat(write(p)).isEqualTo(tree("install-parameters-windows.json"));
    assertThat(p)
        .isEqualTo(read(tree("install-parameters-windows.json"), VirtualMachineInstallPatchesParameters.class))
        .hasSameHashCodeAs(
            read(tree("install-parameters-windows.json"), VirtualMachineInstallPatchesParameters.class));
  }

  @Test
  @DisplayName("SPEC 2.1: built Linux install parameters write the section 7.2 shape")
  void linuxInstallParameters() {
    VirtualMachineInstallPatchesParameters p =
        VirtualMachineInstallPatchesParameters.builder()
            .maximumDuration("PT90M")
            .rebootSetting(VMGuestPatchRebootSetting.NEVER)
            .linuxParameters(
                LinuxParameters.builder()
                    .addClassificationsToInclude(
                        VMGuestPatchClassificationLinux.CRITICAL,
                        VMGuestPatchClassificationLinux.SECURITY,
                        VMGuestPatchClassificationLinux.OTHER)
                    .addPackageNameMasksToInclude("openssl*", "libc6=2.35-0ubuntu3.7", "kernel*")
                    .addPackageNameMasksToExclude("docker-ce", "nginx=1.18.0-6ubuntu14.4")
                    .maintenanceRunId("2024-06-11T02:00:00Z")
                    .build())
            .build();

    assertThat(write(p)).isEqualTo(tree("install-parameters-linux.json"));
  }

  @Test
  @DisplayName("SPEC 2.1: a built windowsConfiguration writes the section 7.4 shape")
  void windowsConfiguration() {
    WindowsConfiguration w =
        WindowsConfiguration.builder()
            .provisionVMAgent(true)
            .enableAutomaticUpdates(true)
            .timeZone("W. Europe Standard Time")
            .patchSettings(
                PatchSettings.builder()
                    .patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
                    .enableHotpatching(false)
                    .assessmentMode(WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM)
                    .automaticByPlatformSettings(
                        WindowsVMGuestPatchAutomaticByPlatformSettings.builder()
                            .rebootSetting(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.IF_REQUIRED)
                            .bypassPlatformSafetyChecksOnUserSchedule(true)
                            .build())
                    .build())
            .build();

    assertThat(write(w)).isEqualTo(tree("windows-configuration.json"));
  }

  @Test
  @DisplayName("SPEC 2.1: a built linuxConfiguration writes the section 7.4 shape")
  void linuxConfiguration() {
    LinuxConfiguration l =
        LinuxConfiguration.builder()
            .provisionVMAgent(true)
            .patchSettings(
                LinuxPatchSettings.builder()
                    .patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
                    .assessmentMode(LinuxPatchAssessmentMode.IMAGE_DEFAULT)
                    .automaticByPlatformSettings(
                        LinuxVMGuestPatchAutomaticByPlatformSettings.builder()
                            .rebootSetting(LinuxVMGuestPatchAutomaticByPlatformRebootSetting.ALWAYS)
                            .bypassPlatformSafetyChecksOnUserSchedule(false)
                            .build())
                    .build())
            .build();

    assertThat(write(l)).isEqualTo(tree("linux-configuration.json"));
  }

  @Test
  @DisplayName("SPEC 2.1: a built CloudError writes details and all-lower-case innererror")
  void cloudError() {
    CloudError c =
        CloudError.builder()
            .error(
                ApiError.builder()
                    .code("InvalidParameter")
                    .target("windowsConfiguration.patchSettings.patchMode")
                    .message("Patch mode 'AutomaticByOS' needs automatic updates turned on.")
                    .addDetails(
                        ApiErrorBase.builder()
                            .code("InvalidParameter")
                            .target("windowsConfiguration.enableAutomaticUpdates")
                            .message("Set enableAutomaticUpdates to true or choose another patch mode.")
                            .build(),
                        ApiErrorBase.builder().code("AdvisoryOnly").build())
                    .innererror(
                        InnerError.builder()
                            .exceptiontype("ValidationException")
                            .errordetail("patchMode=AutomaticByOS, enableAutomaticUpdates=false")
                            .build())
                    .build())
            .build();

    assertThat(write(c)).isEqualTo(tree("cloud-error.json"));
  }

  @Test
  @DisplayName("SPEC 2.1: a built patchStatus, with explicit null errors, writes the section 7.3 shape")
  void patchStatus() {
    VirtualMachinePatchStatus s =
        VirtualMachinePatchStatus.builder()
            .availablePatchSummary(
                AvailablePatchSummary.builder()
                    .status(PatchOperationStatus.SUCCEEDED)
                    .assessmentActivityId("6c5d4e3f-2a1b-4098-8776-aabbccddeeff")
                    .rebootPending(false)
                    .criticalAndSecurityPatchCount(3)
                    .otherPatchCount(5)
                    .startTime(AzureDateTime.parse("2024-07-09T04:10:55.6677889Z"))
                    .lastModifiedTime(AzureDateTime.parse("2024-07-09T04:12:01.0000001Z"))
                    .build()
                    .withErrorExplicitlyNull())
            .lastPatchInstallationSummary(
                LastPatchInstallationSummary.builder()
                    .status(PatchOperationStatus.COMPLETED_WITH_WARNINGS)
                    .installationActivityId("1f2e3d4c-5b6a-4798-8a9b-ccddeeff0011")
                    .maintenanceWindowExceeded(false)
                    .notSelectedPatchCount(4)
                    .excludedPatchCount(1)
                    .pendingPatchCount(0)
                    .installedPatchCount(2)
                    .failedPatchCount(1)
                    .startTime(AzureDateTime.parse("2024-07-02T01:00:00+00:00"))
                    .lastModifiedTime(AzureDateTime.parse("2024-07-02T01:47:19.25+00:00"))
                    .errorExplicitlyNull(true)
                    .build())
            .addConfigurationStatuses(
                InstanceViewStatus.builder()
                    .code("PatchModeConfigurationState/Ready")
                    .level(StatusLevelTypes.INFO)
                    .displayStatus("Status_PatchModeConfigurationState_Ready")
                    .time(AzureDateTime.parse("2024-07-01T16:20:45.1029384Z"))
                    .build(),
                InstanceViewStatus.builder()
                    .code("AssessmentModeConfigurationState/Pending")
                    .level(StatusLevelTypes.WARNING)
                    .displayStatus("Status_AssessmentModeConfigurationState_Pending")
                    .message("Waiting for the VM agent to report.")
                    .time(AzureDateTime.parse("2024-07-01T16:20:45.1029384Z"))
                    .build())
            .build();

    assertThat(write(s)).isEqualTo(tree("patch-status.json"));
    assertThat(s).isEqualTo(read(tree("patch-status.json"), VirtualMachinePatchStatus.class));
  }

  @Test
  @DisplayName("SPEC 2.1: a built install result with patch details writes Azure's names")
  void installResult() {
    VirtualMachineInstallPatchesResult r =
        VirtualMachineInstallPatchesResult.builder()
            .status(PatchOperationStatus.SUCCEEDED)
            .rebootStatus(VMGuestPatchRebootStatus.NOT_NEEDED)
            .installedPatchCount(1)
            .failedPatchCount(0)
            .addPatches(
                PatchInstallationDetail.builder()
                    .patchId("p1")
                    .name("bash")
                    .version("5.1-6ubuntu1.1")
                    .addClassifications("Security")
                    .installationState(PatchInstallationState.INSTALLED)
                    .build())
            .startDateTime(AzureDateTime.parse("2024-06-11T02:00:00Z"))
            .build();

    assertThat(write(r))
        .isEqualTo(
            WireDocuments.parse(
                "{\"status\":\"Succeeded\",\"rebootStatus\":\"NotNeeded\",\"installedPatchCount\":1,"
                    + "\"failedPatchCount\":0,\"patches\":[{\"patchId\":\"p1\",\"name\":\"bash\","
                    + "\"version\":\"5.1-6ubuntu1.1\",\"classifications\":[\"Security\"],"
                    + "\"installationState\":\"Installed\"}],"
                    + "\"startDateTime\":\"2024-06-11T02:00:00Z\"}"));
  }

  @Test
  @DisplayName("SPEC 2.1: a built unknown enum value is written as given")
  void builtUnknownEnum() {
    PatchSettings s =
        PatchSettings.builder()
            .patchMode(WindowsVMGuestPatchMode.fromString("AutomaticBySomethingNew"))
            .build();
    assertThat(write(s))
        .isEqualTo(WireDocuments.parse("{\"patchMode\":\"AutomaticBySomethingNew\"}"));
  }
}
