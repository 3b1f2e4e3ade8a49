package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6: validating (and asking eligibility of) a valid VM allocates nothing of its own. The model
 * types the settings rules read keep their Optional attributes as Optionals (patch-model's
 * OptionalEncoding), so reading them allocates nothing either, on JDK 17 as on later JDKs: the bound
 * is zero (under one byte per call, so that a single stray allocation in 100,000 calls, such as one
 * made while C2 recompiles, does not fail the test). Uses HotSpot's per-thread allocation counter;
 * the JMH gc.alloc.rate.norm measurement ({@code PolicyBenchmark -prof gc}) is the authoritative check.
 */
class PatchSettingsAllocationTest {
  private static final int CALLS = 100_000;
  private static final int ROUNDS = 5;

  @Test
  void validPathsAllocateNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(hotspot.isThreadAllocatedMemorySupported());
    hotspot.setThreadAllocatedMemoryEnabled(true);

    PatchSettingsPolicy policy = PatchSettingsPolicy.builder()
        .imageCatalogue(ImageCatalogue.current())
        .requireOptIn(true)
        .subscriptionFeatures(Map.of(SettingsFixtures.SUBSCRIPTION, Set.copyOf(PatchSettingsPolicy.OPT_IN_FEATURES)))
        .build();
    for (VirtualMachine vm : new VirtualMachine[] {
        SettingsFixtures.windowsPlatform(),
        VirtualMachine.builder().from(SettingsFixtures.linuxPlatform()).apiVersion("2021-03-01").build()}) {
      double record = perCall(hotspot, PatchSettingsAllocationTest::readEveryOptional, vm);
      double validate = perCall(hotspot, v -> policy.validate(v).isEmpty() ? 1 : 0, vm);
      double eligibility = perCall(hotspot, v -> policy.eligibility(v).isEligible() ? 1 : 0, vm);
      assertThat(record).as("bytes per read of every Optional attribute of %s", vm.osType())
          .isLessThan(1.0);
      assertThat(validate).as("bytes per validate() of %s", vm.osType()).isLessThan(1.0);
      assertThat(eligibility).as("bytes per eligibility() of %s", vm.osType()).isLessThan(1.0);
    }
  }

  /** Bytes per call in the last of several rounds (the earlier ones warm the JIT up). */
  private static double perCall(
      com.sun.management.ThreadMXBean hotspot, ToIntFunction<VirtualMachine> f, VirtualMachine vm) {
    long thread = Thread.currentThread().getId();
    double last = 0;
    int sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long before = hotspot.getThreadAllocatedBytes(thread);
      for (int i = 0; i < CALLS; i++) {
        sink += f.applyAsInt(vm);
      }
      last = (hotspot.getThreadAllocatedBytes(thread) - before) / (double) CALLS;
    }
    assertThat(sink).isEqualTo(ROUNDS * CALLS);
    return last;
  }

  /** Reads every Optional attribute the settings rules may look at, once. */
  private static int readEveryOptional(VirtualMachine vm) {
    int n = 0;
    n += vm.apiVersion().isPresent() ? 1 : 0;
    n += vm.vmAgentVersion().isPresent() ? 1 : 0;
    ImageReference image = vm.imageReference().orElse(null);
    if (image != null) {
      n += image.publisher().isPresent() ? 1 : 0;
      n += image.offer().isPresent() ? 1 : 0;
      n += image.sku().isPresent() ? 1 : 0;
      n += image.id().isPresent() ? 1 : 0;
    }
    WindowsConfiguration wc = vm.windowsConfiguration().orElse(null);
    if (wc != null) {
      n += wc.provisionVMAgent().isPresent() ? 1 : 0;
      n += wc.enableAutomaticUpdates().isPresent() ? 1 : 0;
      PatchSettings ps = wc.patchSettings().orElse(null);
      if (ps != null) {
        n += ps.patchMode().isPresent() ? 1 : 0;
        n += ps.assessmentMode().isPresent() ? 1 : 0;
        n += ps.enableHotpatching().isPresent() ? 1 : 0;
        n += ps.automaticByPlatformSettings().isPresent() ? 1 : 0;
      }
    }
    LinuxConfiguration lc = vm.linuxConfiguration().orElse(null);
    if (lc != null) {
      n += lc.provisionVMAgent().isPresent() ? 1 : 0;
      LinuxPatchSettings ps = lc.patchSettings().orElse(null);
      if (ps != null) {
        n += ps.patchMode().isPresent() ? 1 : 0;
        n += ps.assessmentMode().isPresent() ? 1 : 0;
        n += ps.automaticByPlatformSettings().isPresent() ? 1 : 0;
      }
    }
    return n >= 0 ? 1 : 0;
  }
}
