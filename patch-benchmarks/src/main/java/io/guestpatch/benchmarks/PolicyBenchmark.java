package io.guestpatch.benchmarks;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchAssessmentState;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootBehavior;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import io.guestpatch.policy.AssessmentClassification;
import io.guestpatch.policy.DailyWindow;
import io.guestpatch.policy.Eligibility;
import io.guestpatch.policy.ImageCatalogue;
import io.guestpatch.policy.OffPeakPolicy;
import io.guestpatch.policy.PatchClassifier;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.RegionCatalogue;
import io.guestpatch.policy.TimeWindow;
import io.guestpatch.policy.ValidationReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-VM policy calls on their common path (SPEC 6: "validating settings of a VM allocates
 * nothing on the valid path; millions per second"): validating and judging the eligibility of a
 * valid VM (Windows {@code AutomaticByPlatform} on WindowsServer 2019-Datacenter, Linux
 * {@code AutomaticByPlatform} on UbuntuServer 18.04-LTS with agent 2.2.54.2), classifying a
 * ten-patch Windows assessment, and the off-peak window arithmetic in {@code America/New_York}
 * across the November 2026 fall-back change. Read {@code gc.alloc.rate.norm}: validate and
 * eligibility of a valid VM should show 0 B/op.
 *
 * <pre>
 * mvn -B -o -q verify -pl patch-model,patch-policy,patch-orchestrator,patch-benchmarks -am -DskipTests
 * java -jar patch-benchmarks/target/benchmarks.jar PolicyBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicyBenchmark {
  private static final String SUBSCRIPTION = "6f1b2c3d-0000-4000-8000-000000000001";

  /** A valid VM of one OS; the parameter picks which. */
  @State(Scope.Benchmark)
  public static class Vm {
    /** The OS of the prebuilt valid VM. */
    @Param({"Windows", "Linux"})
    public String os;

    VirtualMachine vm;

    /** Builds the VM once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      vm = "Windows".equals(os) ? windowsVm() : linuxVm();
    }
  }

  /**
   * An off-peak policy with region zones from the bundled region catalogue, as RolloutPolicy builds
   * it. A state of its own: loading the catalogue in the shared setup changes the JIT's profiles,
   * and so the allocation measured by the other benchmarks.
   */
  @State(Scope.Benchmark)
  public static class Regions {
    OffPeakPolicy offPeak;

    /** Loads the region catalogue once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      offPeak = OffPeakPolicy.builder().regionTimeZones(RegionCatalogue.ofDefaults()::timeZoneOf).build();
    }
  }

  private PatchSettingsPolicy settings;
  private PatchClassifier classifier;
  private OffPeakPolicy offPeak;
  private VirtualMachineAssessPatchesResult assessment;
  private ZoneId newYork;
  private DailyWindow window;
  private Instant beforeFallBack;
  private Duration expected;

  /** Builds the policies and the data once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    settings = PatchSettingsPolicy.builder()
        .imageCatalogue(ImageCatalogue.current())
        .requireOptIn(true)
        .subscriptionFeatures(Map.of(SUBSCRIPTION, PatchSettingsPolicy.OPT_IN_FEATURES))
        .build();
    classifier = PatchClassifier.ofDefaults();
    offPeak = OffPeakPolicy.ofDefaults();
    assessment = assessment();
    newYork = ZoneId.of("America/New_York");
    // New York falls back at 02:00 EDT on 2026-11-01: that night's 01:00-03:00 lasts three hours.
    window = DailyWindow.parse("01:00-03:00");
    beforeFallBack = Instant.parse("2026-10-31T12:00:00Z");
    expected = Duration.ofMinutes(150);
    checkValid();
  }

  /** Fails the trial if a prebuilt VM is not valid and eligible, so that only the valid path is measured. */
  private void checkValid() {
    for (VirtualMachine vm : new VirtualMachine[] {windowsVm(), linuxVm()}) {
      if (!settings.validate(vm).isEmpty() || !settings.eligibility(vm).isEligible()) {
        throw new IllegalStateException("benchmark VM is not valid and eligible: " + settings.validate(vm)
            + " " + settings.eligibility(vm));
      }
    }
  }

  /** P1-P11 on a valid VM; returns the (empty, shared) report. */
  @Benchmark
  public ValidationReport validateValid(Vm vm) {
    return settings.validate(vm.vm);
  }

  /** E1-E4 (which also runs the P-rules) on an eligible VM; returns the shared eligible answer. */
  @Benchmark
  public Eligibility eligibilityValid(Vm vm) {
    return settings.eligibility(vm.vm);
  }

  /**
   * The VM's time zone (W1) from its Windows time zone, else its region, with the default policy
   * (no region zones: a Linux VM falls back to UTC).
   */
  @Benchmark
  public ZoneId timeZoneOf(Vm vm) {
    return offPeak.timeZoneOf(vm.vm);
  }

  /** As {@link #timeZoneOf}, with region zones from the bundled region catalogue (as RolloutPolicy does). */
  @Benchmark
  public ZoneId timeZoneOfWithRegions(Vm vm, Regions regions) {
    return regions.offPeak.timeZoneOf(vm.vm);
  }

  /** Classifies a ten-patch Windows assessment (C1-C3). */
  @Benchmark
  public AssessmentClassification classifyAssessment() {
    return classifier.classify(assessment, OperatingSystemTypes.WINDOWS);
  }

  /** The next 01:00-03:00 window in New York from the day before the fall-back change (W3). */
  @Benchmark
  public TimeWindow nextWindow() {
    return offPeak.nextWindow(beforeFallBack, newYork, window);
  }

  /**
   * The earliest start of a 150-minute operation in a nominally two-hour window: only the
   * fall-back night can hold it (W4).
   */
  @Benchmark
  public Optional<Instant> earliestStart() {
    return offPeak.earliestStart(beforeFallBack, newYork, window, expected);
  }

  private static VirtualMachine.Builder vm(String name, OperatingSystemTypes os, ImageReference image) {
    return VirtualMachine.builder()
        .id("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/"
            + name)
        .name(name)
        .subscriptionId(SUBSCRIPTION)
        .resourceGroup("rg")
        .region("eastus")
        .zone("1")
        .platformUpdateDomain(0)
        .platformFaultDomain(0)
        .osType(os)
        .imageReference(image)
        .apiVersion("2023-03-01");
  }

  static VirtualMachine windowsVm() {
    return vm("win1", OperatingSystemTypes.WINDOWS,
            ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter"))
        .windowsConfiguration(WindowsConfiguration.builder()
            .provisionVMAgent(true)
            .enableAutomaticUpdates(true)
            .timeZone("Eastern Standard Time")
            .patchSettings(PatchSettings.builder()
                .patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
                .build())
            .build())
        .vmAgentVersion("2.7.41491.1102")
        .build();
  }

  static VirtualMachine linuxVm() {
    return vm("lin1", OperatingSystemTypes.LINUX,
            ImageReference.marketplace("Canonical", "UbuntuServer", "18.04-LTS"))
        .linuxConfiguration(LinuxConfiguration.builder()
            .provisionVMAgent(true)
            .patchSettings(LinuxPatchSettings.builder()
                .patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
                .build())
            .build())
        .vmAgentVersion("2.2.54.2")
        .build();
  }

  /** Ten Windows patches: two Critical, two Security, then one of each other label. */
  static VirtualMachineAssessPatchesResult assessment() {
    VMGuestPatchClassificationWindows[] labels = {
      VMGuestPatchClassificationWindows.CRITICAL,
      VMGuestPatchClassificationWindows.CRITICAL,
      VMGuestPatchClassificationWindows.SECURITY,
      VMGuestPatchClassificationWindows.SECURITY,
      VMGuestPatchClassificationWindows.UPDATE_ROLL_UP,
      VMGuestPatchClassificationWindows.FEATURE_PACK,
      VMGuestPatchClassificationWindows.SERVICE_PACK,
      VMGuestPatchClassificationWindows.DEFINITION,
      VMGuestPatchClassificationWindows.TOOLS,
      VMGuestPatchClassificationWindows.UPDATES,
    };
    VirtualMachineAssessPatchesResult.Builder b = VirtualMachineAssessPatchesResult.builder()
        .status(PatchOperationStatus.SUCCEEDED)
        .assessmentActivityId("68f8b292-dfc2-4646-9781-33cc88631968")
        .rebootPending(false)
        .criticalAndSecurityPatchCount(4)
        .otherPatchCount(6)
        .startDateTime(AzureDateTime.parse("2026-11-10T02:00:00Z"));
    for (int i = 0; i < labels.length; i++) {
      b.addAvailablePatches(VirtualMachineSoftwarePatchProperties.builder()
          .patchId("patch-" + i)
          .name("Update " + i + " for Windows Server 2019")
          .kbId(Integer.toString(5_000_000 + i))
          .addClassifications(labels[i].value())
          .rebootBehavior(i % 2 == 0 ? VMGuestPatchRebootBehavior.CAN_REQUEST_REBOOT
              : VMGuestPatchRebootBehavior.NEVER_REBOOTS)
          .assessmentState(PatchAssessmentState.AVAILABLE)
          .publishedDate(AzureDateTime.parse("2026-11-0" + (1 + i % 9) + "T00:00:00Z"))
          .build());
    }
    return b.build();
  }
}
