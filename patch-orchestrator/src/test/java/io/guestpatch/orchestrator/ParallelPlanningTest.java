package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.4: an index and a plan made by several threads ({@link RolloutPolicy#planningThreads()}) are
 * the ones a single thread makes, VM by VM and batch by batch; duplicate ids are found across the
 * parts the threads index; the duplicate check's sampled hash falls back to a full one where samples
 * collide; the eligibility memo keeps answering right after it has grown and once it is full.
 */
class ParallelPlanningTest {
  private static final PatchCycle CYCLE = PatchCycle.parse("2026-12");

  private static RolloutPolicy threads(int n) {
    return RolloutPolicy.builder().planningThreads(n).build();
  }

  @Test
  @DisplayName("4.4: 2, 3 and 4 threads give the one-thread index and plan (generated fleet of 3+ parts)")
  void threadsDoNotChangeIndexOrPlanOfGeneratedFleet() {
    List<VirtualMachine> fleet = FleetGenerator.of(FleetShape.ofDefaults(3 * FleetIndex.PARALLEL_CHUNK + 17), 5)
        .toList();
    FleetIndex one = FleetIndex.of(fleet, threads(1));
    Plan onePlan = Planner.create(threads(1)).plan(one, CYCLE);
    for (int t = 2; t <= 4; t++) {
      FleetIndex many = FleetIndex.of(fleet, threads(t));
      assertSameIndex(one, many, "threads " + t);
      assertSamePlan(onePlan, Planner.create(threads(t)).plan(many, CYCLE), "threads " + t);
    }
  }

  @Test
  @DisplayName("4.4: two threads give the one-thread index and plan for seeded fleets of several shapes")
  void threadsDoNotChangeIndexOrPlanOfShapes() {
    TestFleets.Shape[] shapes = {TestFleets.Shape.ONE_VM_SETS, TestFleets.Shape.THOUSANDS_OF_SUBSCRIPTIONS,
        TestFleets.Shape.MIXED_ZONAL_AND_REGIONAL};
    for (TestFleets.Shape shape : shapes) {
      long seed = 31L * shape.ordinal() + 7;
      List<VirtualMachine> fleet = TestFleets.random(seed, shape, 2 * FleetIndex.PARALLEL_CHUNK + 3);
      String context = shape + " seed " + seed;
      FleetIndex one = FleetIndex.of(fleet, threads(1));
      FleetIndex two = FleetIndex.of(fleet, threads(2));
      assertSameIndex(one, two, context);
      assertSamePlan(Planner.create(threads(1)).plan(one, CYCLE), Planner.create(threads(2)).plan(two, CYCLE),
          context);
    }
  }

  @Test
  @DisplayName("4.4: a duplicate id in another thread's part is found, with the same message as one thread's")
  void findsDuplicateAcrossParts() {
    List<VirtualMachine> fleet = new ArrayList<>(FleetGenerator.of(
        FleetShape.ofDefaults(2 * FleetIndex.PARALLEL_CHUNK + 100), 9).toList());
    VirtualMachine early = fleet.get(5);
    int late = fleet.size() - 3;
    fleet.set(late, VirtualMachine.builder().from(fleet.get(late))
        .id(early.id().toUpperCase(Locale.ROOT)).build());
    String oneThread = messageOf(fleet, threads(1));
    assertThat(oneThread).contains("records 6 and " + (late + 1)).contains(fleet.get(late).id());
    assertThat(messageOf(fleet, threads(2))).isEqualTo(oneThread);
  }

  private static String messageOf(List<VirtualMachine> fleet, RolloutPolicy policy) {
    try {
      FleetIndex.of(fleet, policy);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("no duplicate found with " + policy.planningThreads() + " threads");
  }

  @Test
  @DisplayName("4.4: ids the sampled hash cannot tell apart are split by the full hash, and a duplicate among them is found")
  void sampledHashCollisionsFallBackToFullHash() {
    // Characters 1-3 are never sampled (the per-VM hash reads only the last 16 characters).
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123";
    String suffix = "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/the-same-name";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ids.add("/" + alphabet.charAt(i % 30) + alphabet.charAt(i / 30 % 30) + alphabet.charAt(i / 900 % 30)
          + suffix);
    }
    Set<Integer> sampled = new HashSet<>();
    Set<Integer> full = new HashSet<>();
    for (String id : ids) {
      sampled.add(FleetIndex.DuplicateIds.hash(id));
      full.add(FleetIndex.DuplicateIds.fullHash(id));
    }
    assertThat(sampled).as("every id shares one sampled hash").hasSize(1);
    assertThat(full).as("the full hash tells them apart").hasSizeGreaterThan(19_900);
    assertThat(FleetIndex.DuplicateIds.duplicates(hashesOf(ids), ids.toArray(new String[0]))).isEmpty();

    ids.add(ids.get(777).toUpperCase(Locale.ROOT));
    assertThat(FleetIndex.DuplicateIds.duplicates(hashesOf(ids), ids.toArray(new String[0])))
        .isEqualTo("VM id " + ids.get(20_000) + " appears twice in the fleet (records 778 and 20001);"
            + " remove the duplicates");
  }

  private static int[] hashesOf(List<String> ids) {
    int[] hashes = new int[ids.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = FleetIndex.DuplicateIds.hash(ids.get(i));
    }
    return hashes;
  }

  @Test
  @DisplayName("4.4: ids equal ignoring case hash alike, also where equalsIgnoreCase matches ASCII and non-ASCII")
  void hashesFoldCaseLikeEqualsIgnoreCase() {
    String[][] equal = {
        {"/subscriptions/S/vmK", "/subscriptions/s/vm\u212A"}, // Kelvin sign
        {"/subscriptions/S/vms", "/subscriptions/s/vm\u017F"}, // long s
        {"/Subscriptions/ABC/VM-\u00e9", "/subscriptions/abc/vm-\u00c9"},
        {"/X" + "y".repeat(60) + "/Name-Z", "/x" + "Y".repeat(60) + "/nAME-z"}};
    for (String[] pair : equal) {
      assertThat(pair[0].equalsIgnoreCase(pair[1])).isTrue();
      assertThat(FleetIndex.DuplicateIds.hash(pair[0])).as(pair[0]).isEqualTo(FleetIndex.DuplicateIds.hash(pair[1]));
      assertThat(FleetIndex.DuplicateIds.fullHash(pair[0])).as(pair[0])
          .isEqualTo(FleetIndex.DuplicateIds.fullHash(pair[1]));
      List<String> ids = List.of(pair[0], "/other", pair[1]);
      assertThat(FleetIndex.DuplicateIds.duplicates(hashesOf(ids), ids.toArray(new String[0]))).contains("records 1 and 3");
    }
  }

  @Test
  @DisplayName("4.4, 3.3: every VM with its own configuration object: the memo grows, then stops, and stays right")
  void eligibilityMemoGrowsAndStaysRight() {
    List<VirtualMachine> fleet = new ArrayList<>();
    // 70,000 distinct configuration objects: more than the memo's 65,536, so it grows to its limit and
    // then answers the rest by evaluating them.
    for (int i = 0; i < 70_000; i++) {
      boolean eligible = i % 7 != 0;
      VirtualMachine vm = TestFleets.vm(i, "eastus", "sub-" + (i % 40), java.util.Optional.empty(),
          java.util.Optional.empty(), -1, eligible);
      LinuxConfiguration own = LinuxConfiguration.builder().provisionVMAgent(true)
          .patchSettings(LinuxPatchSettings.builder().patchMode(eligible
              ? LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM : LinuxVMGuestPatchMode.IMAGE_DEFAULT).build())
          .build();
      fleet.add(VirtualMachine.builder().from(vm).linuxConfiguration(own).build());
    }
    FleetIndex index = FleetIndex.of(fleet, threads(1));
    for (int vm = 0; vm < fleet.size(); vm++) {
      assertThat(index.isEligible(vm)).as("VM %d", vm).isEqualTo(vm % 7 != 0);
    }
  }

  @Test
  @DisplayName("4.4: planningThreads below 1 is rejected, naming the value")
  void rejectsZeroThreads() {
    assertThatIllegalArgumentException().isThrownBy(() -> RolloutPolicy.builder().planningThreads(0).build())
        .withMessageContaining("planningThreads must be at least 1, got 0");
    assertThat(RolloutPolicy.ofDefaults().planningThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  static void assertSameIndex(FleetIndex a, FleetIndex b, String context) {
    assertThat(b.size()).as(context).isEqualTo(a.size());
    assertThat(b.regionNames()).as(context).isEqualTo(a.regionNames());
    assertThat(b.zoneCount()).as(context).isEqualTo(a.zoneCount());
    assertThat(b.setCount()).as(context).isEqualTo(a.setCount());
    assertThat(b.subscriptionCount()).as(context).isEqualTo(a.subscriptionCount());
    for (int vm = 0; vm < a.size(); vm++) {
      String at = context + ", VM " + vm;
      assertThat(b.vmId(vm)).as(at).isEqualTo(a.vmId(vm));
      assertThat(b.regionOf(vm)).as(at).isEqualTo(a.regionOf(vm));
      assertThat(b.zoneOf(vm)).as(at).isEqualTo(a.zoneOf(vm));
      assertThat(b.zoneName(vm)).as(at).isEqualTo(a.zoneName(vm));
      assertThat(b.setOf(vm)).as(at).isEqualTo(a.setOf(vm));
      assertThat(b.availabilitySetId(vm)).as(at).isEqualTo(a.availabilitySetId(vm));
      assertThat(b.subscriptionOf(vm)).as(at).isEqualTo(a.subscriptionOf(vm));
      assertThat(b.subscriptionId(vm)).as(at).isEqualTo(a.subscriptionId(vm));
      assertThat(b.updateDomain(vm)).as(at).isEqualTo(a.updateDomain(vm));
      assertThat(b.timeZone(vm)).as(at).isEqualTo(a.timeZone(vm));
      assertThat(b.offPeakWindow(vm)).as(at).isEqualTo(a.offPeakWindow(vm));
      assertThat(b.ineligibleReasons(vm)).as(at).isEqualTo(a.ineligibleReasons(vm));
      assertThat(b.isRunning(vm)).as(at).isEqualTo(a.isRunning(vm));
      assertThat(b.isEnabled(vm)).as(at).isEqualTo(a.isEnabled(vm));
      assertThat(b.isWindows(vm)).as(at).isEqualTo(a.isWindows(vm));
      assertThat(b.setSizeOf(vm)).as(at).isEqualTo(a.setSizeOf(vm));
      assertThat(b.nonSetCountOf(vm)).as(at).isEqualTo(a.nonSetCountOf(vm));
      for (String code : a.ineligibleReasons(vm)) {
        assertThat(b.reasonExample(code)).as(at).isEqualTo(a.reasonExample(code));
      }
    }
  }

  static void assertSamePlan(Plan a, Plan b, String context) {
    assertThat(b.stages()).as(context).hasSameSizeAs(a.stages());
    for (int s = 0; s < a.stages().size(); s++) {
      List<RegionPlan> ra = a.stages().get(s).regions();
      List<RegionPlan> rb = b.stages().get(s).regions();
      assertThat(rb).as(context + ", stage " + s).hasSameSizeAs(ra);
      for (int r = 0; r < ra.size(); r++) {
        String at = context + ", stage " + s + ", region " + ra.get(r).region();
        assertThat(rb.get(r).region()).as(at).isEqualTo(ra.get(r).region());
        List<Batch> ba = ra.get(r).batches();
        List<Batch> bb = rb.get(r).batches();
        assertThat(bb).as(at).hasSameSizeAs(ba);
        for (int k = 0; k < ba.size(); k++) {
          assertThat(bb.get(k).vms()).as(at + ", batch " + k).isEqualTo(ba.get(k).vms());
          assertThat(bb.get(k).zone()).as(at + ", batch " + k).isEqualTo(ba.get(k).zone());
          assertThat(bb.get(k).constraints()).as(at + ", batch " + k).isEqualTo(ba.get(k).constraints());
        }
      }
    }
  }
}
