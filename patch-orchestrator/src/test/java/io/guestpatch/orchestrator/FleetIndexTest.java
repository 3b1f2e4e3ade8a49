package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.Eligibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The compact fleet index of SPEC 4.4. */
class FleetIndexTest {
  private static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();

  @Test
  @DisplayName("4.4: duplicate VM ids are rejected, naming the id and both records")
  void rejectsDuplicateIds() {
    VirtualMachine vm = TestFleets.vm(0, "eastus", "s", Optional.empty(), Optional.empty(), -1, true);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FleetIndex.of(List.of(vm, TestFleets.vm(1, "uksouth", "s", Optional.empty(),
            Optional.empty(), -1, true), vm), POLICY))
        .withMessageContaining(vm.id())
        .withMessageContaining("records 1 and 3");
  }

  @Test
  @DisplayName("4.4: VM ids differing only in case are duplicates (ARM ids ignore case)")
  void rejectsDuplicateIdsIgnoringCase() {
    VirtualMachine vm = TestFleets.vm(0, "eastus", "s", Optional.empty(), Optional.empty(), -1, true);
    VirtualMachine upper = VirtualMachine.builder().from(vm).id(vm.id().toUpperCase(java.util.Locale.ROOT)).build();
    assertThatIllegalArgumentException().isThrownBy(() -> FleetIndex.of(List.of(vm, upper), POLICY));
  }

  @Test
  @DisplayName("4.4: a duplicate is found among thousands of ids, after the id table has grown")
  void findsDuplicateAmongManyIds() {
    List<VirtualMachine> fleet = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      fleet.add(TestFleets.vm(i, "eastus", "s" + (i % 13), Optional.empty(), Optional.empty(), -1, true));
    }
    assertThat(FleetIndex.of(fleet, POLICY).size()).isEqualTo(5000);
    VirtualMachine again = fleet.get(1234);
    fleet.add(VirtualMachine.builder().from(again).id(again.id().toUpperCase(java.util.Locale.ROOT)).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FleetIndex.of(fleet, POLICY))
        .withMessageContaining("records 1235 and 5001");
  }

  @Test
  @DisplayName("4.4: the id hash ignores case as equalsIgnoreCase does")
  void idHashIgnoresCase() {
    assertThat(FleetIndex.DuplicateIds.hash("/Subscriptions/ABC/VM-\u00e9"))
        .isEqualTo(FleetIndex.DuplicateIds.hash("/subscriptions/abc/vm-\u00c9"));
  }

  @Test
  @DisplayName("4.4: regions, sets and subscriptions are interned ignoring case")
  void internsIgnoringCase() {
    List<VirtualMachine> fleet = List.of(
        TestFleets.vm(0, "EastUS", "SUB-A", Optional.of("1"), Optional.of("AS1"), 0, true),
        TestFleets.vm(1, "eastus", "sub-a", Optional.of("1"), Optional.of("as1"), 1, false),
        TestFleets.vm(2, "uksouth", "sub-b", Optional.empty(), Optional.empty(), -1, true));
    FleetIndex index = FleetIndex.of(fleet, POLICY);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.regionCount()).isEqualTo(2);
    assertThat(index.regionName(0)).isEqualTo("eastus");
    assertThat(index.setCount()).isEqualTo(1);
    assertThat(index.subscriptionCount()).isEqualTo(2);
    assertThat(index.setOf(0)).isEqualTo(index.setOf(1));
    assertThat(index.setOf(2)).isEqualTo(-1);
    assertThat(index.zoneName(2)).isEmpty();
    assertThat(index.zoneName(0)).contains("1");
    assertThat(index.updateDomain(1)).isEqualTo(1);
    assertThat(index.updateDomain(2)).isEqualTo(-1);
    assertThat(index.indexOf(fleet.get(2).id().toUpperCase(java.util.Locale.ROOT))).isEqualTo(2);
    assertThat(index.indexOf("/nope")).isEqualTo(-1);
  }

  @Test
  @DisplayName("I4, I5: set sizes and non-set counts include ineligible VMs")
  void countsIncludeIneligibleVms() {
    List<VirtualMachine> fleet = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fleet.add(TestFleets.vm(i, "eastus", "s", Optional.empty(), Optional.of("as"), i % 5, i % 2 == 0));
    }
    for (int i = 6; i < 13; i++) {
      fleet.add(TestFleets.vm(i, "eastus", "s", Optional.empty(), Optional.empty(), -1, i % 3 == 0));
    }
    fleet.add(TestFleets.vm(13, "uksouth", "s", Optional.empty(), Optional.empty(), -1, true));
    FleetIndex index = FleetIndex.of(fleet, POLICY);
    assertThat(index.setSizeOf(0)).isEqualTo(6);
    assertThat(index.setSizeOf(6)).isZero();
    assertThat(index.nonSetCountOf(6)).isEqualTo(7);
    assertThat(index.nonSetCountOf(13)).isEqualTo(1);
  }

  @Test
  @DisplayName("I8, E1: eligibility and its reasons are kept per VM")
  void keepsEligibilityReasons() {
    List<VirtualMachine> fleet = List.of(
        TestFleets.vm(0, "eastus", "s", Optional.empty(), Optional.empty(), -1, true),
        TestFleets.vm(1, "eastus", "s", Optional.empty(), Optional.empty(), -1, false));
    FleetIndex index = FleetIndex.of(fleet, POLICY);
    assertThat(index.isEligible(0)).isTrue();
    assertThat(index.ineligibleReasons(0)).isEmpty();
    assertThat(index.isEligible(1)).isFalse();
    assertThat(index.ineligibleReasons(1)).containsExactly(Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM);
    assertThat(index.reasonExample(Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM)).get().asString()
        .contains("AutomaticByPlatform");
    assertThat(index.reasonExample("NOPE")).isEmpty();
  }

  @Test
  @DisplayName("W1: the time zone is the Windows time zone when set, else the region's")
  void timeZonePerVm() {
    VirtualMachine linux = TestFleets.vm(0, "eastus", "s", Optional.empty(), Optional.empty(), -1, true);
    VirtualMachine windows = VirtualMachine.builder().from(TestFleets.vm(1, "eastus", "s", Optional.empty(),
            Optional.empty(), -1, true))
        .osType(io.guestpatch.model.OperatingSystemTypes.WINDOWS)
        .windowsConfiguration(io.guestpatch.model.WindowsConfiguration.builder()
            .timeZone("Pacific Standard Time").build())
        .build();
    VirtualMachine other = TestFleets.vm(2, "uksouth", "s", Optional.empty(), Optional.empty(), -1, true);
    FleetIndex index = FleetIndex.of(List.of(linux, windows, other), POLICY);
    assertThat(index.timeZone(0)).isEqualTo(java.time.ZoneId.of("America/New_York"));
    assertThat(index.timeZone(1)).isEqualTo(java.time.ZoneId.of("America/Los_Angeles"));
    assertThat(index.timeZone(2)).isEqualTo(java.time.ZoneId.of("Europe/London"));
    assertThat(index.isWindows(1)).isTrue();
  }

  @Test
  @DisplayName("4.4: the builder streams VMs and grows past its first capacity")
  void builderGrows() {
    FleetIndex.Builder b = FleetIndex.builder(POLICY);
    for (int i = 0; i < 3000; i++) {
      b.add(TestFleets.vm(i, i % 2 == 0 ? "eastus" : "westus", "s" + (i % 7), Optional.empty(), Optional.empty(),
          -1, i % 10 != 0));
    }
    FleetIndex index = b.build();
    assertThat(index.size()).isEqualTo(3000);
    assertThat(index.isRunning(2999)).isTrue();
    assertThat(index.isWindows(2999)).isFalse();
    assertThat(index.isEligible(2990)).isFalse();
    assertThat(index.vmId(2999)).endsWith("vm-2999");
  }

  @Test
  @DisplayName("4.4: the duplicate check's radix sort orders by (signed) hash and keeps input order for equal hashes")
  void radixSortOrdersByHashStably() {
    long seed = 20261125L;
    java.util.Random random = new java.util.Random(seed);
    int[] hashes = new int[5000];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = random.nextInt(64) == 0 ? 7 : random.nextInt(); // some equal hashes, negatives too
    }
    long[] sorted = FleetIndex.DuplicateIds.sortByHash(hashes);
    assertThat(sorted).hasSize(hashes.length);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int k = 0; k < sorted.length; k++) {
      int record = (int) sorted[k];
      assertThat(seen.add(record)).as("seed %d: record %d twice", seed, record).isTrue();
      assertThat((int) ((sorted[k] >>> 32) ^ 0x80000000L)).isEqualTo(hashes[record]);
      if (k > 0) {
        int prev = (int) sorted[k - 1];
        int cmp = Integer.compare(hashes[prev], hashes[record]);
        assertThat(cmp).as("seed %d at %d", seed, k).isLessThanOrEqualTo(0);
        if (cmp == 0) {
          assertThat(prev).isLessThan(record);
        }
      }
    }
  }
}
