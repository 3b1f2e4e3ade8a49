package io.guestpatch.orchestrator;

import static io.guestpatch.orchestrator.AuditFixtures.at;
import static io.guestpatch.orchestrator.AuditFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Seeded random fleets and traces (SPEC 4.6): valid schedules audit clean, mutations do not, and on
 * random overlapping traces the sweep counts exactly what a quadratic reference counts.
 */
class SafetyAuditorRandomTest {
  private static final String[] REGIONS = {"eastus", "westus", "northeurope", "westeurope", "japaneast", "japanwest"};

  private static List<VirtualMachine> randomFleet(Random random, int size) {
    List<VirtualMachine> fleet = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String region = REGIONS[random.nextInt(REGIONS.length)];
      VirtualMachine.Builder b = vm("vm" + i, "s" + random.nextInt(3), region);
      if (random.nextInt(3) == 0) {
        b.zone(Integer.toString(1 + random.nextInt(3)));
      }
      if (random.nextInt(3) == 0) {
        b.availabilitySetId("/sets/" + region + "-as" + random.nextInt(3)).platformUpdateDomain(random.nextInt(5));
      }
      fleet.add(b.build());
    }
    return fleet;
  }

  private static int stageOf(VirtualMachine vm) {
    for (int i = 0; i < REGIONS.length; i++) {
      if (REGIONS[i].equals(vm.region())) {
        return i;
      }
    }
    throw new AssertionError(vm.region());
  }

  /** Each region its own stage, stages in order, installs strictly one after another, a few retries. */
  private static List<TraceRecord> sequentialSchedule(Random random, List<VirtualMachine> fleet) {
    List<VirtualMachine> order = new ArrayList<>(fleet);
    order.sort(Comparator.comparingInt(SafetyAuditorRandomTest::stageOf));
    List<TraceRecord> trace = new ArrayList<>();
    int minute = 0;
    for (VirtualMachine vm : order) {
      int stage = stageOf(vm);
      if (random.nextInt(5) == 0) {
        int end = minute + random.nextInt(60);
        trace.add(AuditFixtures.row(vm, TraceRecord.Operation.INSTALL, stage, minute, end,
            random.nextBoolean() ? PatchOperationStatus.FAILED : TraceRecord.TIMED_OUT));
        minute = end + (random.nextBoolean() ? 0 : random.nextInt(30));
      }
      int end = minute + 1 + random.nextInt(90);
      trace.add(AuditFixtures.install(vm, stage, minute, end));
      if (random.nextInt(4) == 0) {
        int from = random.nextInt(end + 1);
        trace.add(AuditFixtures.row(vm, TraceRecord.Operation.ASSESS, -1, from, from + 200, PatchOperationStatus.SUCCEEDED));
      }
      minute = end + (random.nextBoolean() ? 0 : random.nextInt(30));
    }
    java.util.Collections.shuffle(trace, random); // the auditor must not depend on row order
    return trace;
  }

  @RepeatedTest(20)
  @DisplayName("I1-I9: a strictly sequential schedule audits clean; mutations each break one rule")
  void sequentialSchedulesAreCleanAndMutationsAreNot() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<VirtualMachine> fleet = randomFleet(random, 20 + random.nextInt(200));
    List<TraceRecord> trace = sequentialSchedule(random, fleet);
    SafetyAuditor auditor = SafetyAuditor.builder().offPeak((row, s, e) -> true).strictStageOrder(true).build();

    AuditReport clean = auditor.audit(trace, fleet);
    assertThat(clean.isClean()).as("seed %d: %s", seed, clean).isTrue();
    assertThat(clean.uncheckedRules()).isEmpty();

    // I9: patch a VM successfully once more, after everything else
    TraceRecord last = trace.stream().max(Comparator.comparing(TraceRecord::endUtc)).orElseThrow();
    TraceRecord success = trace.stream().filter(TraceRecord::isSuccessfulInstall).findAny().orElseThrow();
    List<TraceRecord> twice = new ArrayList<>(trace);
    twice.add(success.toBuilder().startUtc(last.endUtc().plusSeconds(600)).endUtc(last.endUtc().plusSeconds(1200)).build());
    AuditReport i9 = auditor.audit(twice, fleet);
    assertThat(i9.counts()).as("seed %d: %s", seed, i9).containsEntry(Breach.Rule.I9, 1L);
    assertThat(i9.totalCount()).as("seed %d: %s", seed, i9).isEqualTo(1);

    // I2: move an install of the last stage to before the previous stage began
    int lastStage = trace.stream().mapToInt(r -> r.stage().orElse(-1)).max().orElseThrow();
    boolean severalStages = trace.stream().mapToInt(r -> r.stage().orElse(-1)).distinct().count() > 1;
    if (severalStages) {
      List<TraceRecord> early = new ArrayList<>(trace);
      int k = 0;
      while (early.get(k).stage().orElse(-1) != lastStage || early.get(k).operation() != TraceRecord.Operation.INSTALL) {
        k++;
      }
      early.set(k, early.get(k).toBuilder().startUtc(at(-600)).endUtc(at(-590)).build());
      AuditReport i2 = auditor.audit(early, fleet);
      assertThat(i2.counts()).as("seed %d: %s", seed, i2).containsEntry(Breach.Rule.I2, 1L);
      assertThat(i2.totalCount()).as("seed %d: %s", seed, i2).isEqualTo(1);
    }

    // FLEET: audit against a fleet without one of the VMs
    AuditReport missing = auditor.audit(trace, fleet.subList(1, fleet.size()));
    boolean firstInTrace = trace.stream().anyMatch(r -> r.vmId().equals(fleet.get(0).id()));
    assertThat(missing.count(Breach.Rule.FLEET)).as("seed %d", seed).isEqualTo(firstInTrace ? 1 : 0);
  }

  @RepeatedTest(30)
  @DisplayName("I1-I5, I9: the sweep counts exactly what a quadratic reference counts on random overlapping traces")
  void sweepAgreesWithQuadraticReference() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<VirtualMachine> fleet = randomFleet(random, 10 + random.nextInt(60));
    List<TraceRecord> trace = new ArrayList<>();
    int rows = 20 + random.nextInt(250);
    for (int k = 0; k < rows; k++) {
      VirtualMachine vm = fleet.get(random.nextInt(fleet.size()));
      int stage;
      switch (random.nextInt(4)) {
        case 0: stage = -1; break;
        case 1: stage = random.nextInt(4); break;
        default: stage = stageOf(vm);
      }
      int from = random.nextInt(600);
      int to = from + (random.nextInt(8) == 0 ? 0 : random.nextInt(120));
      PatchOperationStatus outcome = TraceRecord.OUTCOMES.get(random.nextInt(TraceRecord.OUTCOMES.size()));
      TraceRecord.Operation op = random.nextInt(6) == 0 ? TraceRecord.Operation.ASSESS : TraceRecord.Operation.INSTALL;
      trace.add(AuditFixtures.row(vm, op, stage, from, to, outcome));
    }
    AuditReport report = SafetyAuditor.builder().maxBreachesPerRule(1_000_000).strictStageOrder(true).build().audit(trace, fleet);
    Map<Breach.Rule, Long> expected = Reference.counts(trace, fleet, RegionCatalogue.ofDefaults());
    for (Breach.Rule rule : expected.keySet()) {
      assertThat(report.count(rule)).as("seed %d, rule %s: %s", seed, rule, report).isEqualTo(expected.get(rule));
    }
    assertThat(report.breaches()).hasSize((int) report.totalCount());
  }

  @Test
  void auditsAnEmptyTrace() {
    AuditReport report = SafetyAuditor.ofDefaults().audit(List.of(), List.of());
    assertThat(report.isClean()).isTrue();
    assertThat(report.rowsChecked()).isZero();
  }

  /** The I-rules by brute force over every pair of installs, as SafetyAuditor documents them. */
  private static final class Reference {
    static Map<Breach.Rule, Long> counts(List<TraceRecord> trace, List<VirtualMachine> fleet, RegionCatalogue regions) {
      Map<Breach.Rule, Long> c = new EnumMap<>(Breach.Rule.class);
      for (Breach.Rule r : List.of(Breach.Rule.I1, Breach.Rule.I2, Breach.Rule.I3, Breach.Rule.I4, Breach.Rule.I5, Breach.Rule.I9)) {
        c.put(r, 0L);
      }
      List<TraceRecord> ins = new ArrayList<>();
      for (TraceRecord r : trace) {
        if (r.operation() == TraceRecord.Operation.INSTALL) {
          ins.add(r);
        }
      }
      Map<String, Integer> setSize = new HashMap<>();
      Map<String, Integer> looseSize = new HashMap<>();
      for (VirtualMachine vm : fleet) {
        if (vm.availabilitySetId().isPresent()) {
          setSize.merge(vm.availabilitySetId().get(), 1, Integer::sum);
        } else {
          looseSize.merge(vm.subscriptionId() + "|" + vm.region(), 1, Integer::sum);
        }
      }
      Integer[] order = new Integer[ins.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator.<Integer, java.time.Instant>comparing(i -> ins.get(i).startUtc()).thenComparing(i -> i));
      int[] pos = new int[order.length];
      for (int k = 0; k < order.length; k++) {
        pos[order[k]] = k;
      }
      Set<String> succeeded = new HashSet<>();
      TreeMap<Integer, java.time.Instant> stageFirst = new TreeMap<>();
      for (TraceRecord r : ins) {
        if (r.stage().isPresent()) {
          stageFirst.merge(r.stage().getAsInt(), r.startUtc(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      Map<Integer, Boolean> early = new HashMap<>();
      Map<String, TreeSet<Integer>> regionStages = new TreeMap<>();
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        TraceRecord r = ins.get(i);
        java.time.Instant t = r.startUtc();
        List<TraceRecord> flying = new ArrayList<>();
        for (int j = 0; r.startUtc().isBefore(r.endUtc()) && j < ins.size(); j++) {
          TraceRecord o = ins.get(j);
          if (j != i && o.startUtc().isBefore(o.endUtc()) && pos[j] < k && o.endUtc().isAfter(t)) {
            flying.add(o);
          }
        }
        if (flying.stream().anyMatch(o -> o.vmId().equals(r.vmId()))) {
          c.merge(Breach.Rule.I9, 1L, Long::sum);
        }
        if (r.isSuccessfulInstall() && !succeeded.add(r.vmId())) {
          c.merge(Breach.Rule.I9, 1L, Long::sum);
        }
        for (String p : regions.pairedWith(r.region())) {
          if (flying.stream().anyMatch(o -> o.region().equals(p))) {
            c.merge(Breach.Rule.I1, 1L, Long::sum);
          }
        }
        if (r.stage().isPresent()) {
          int s = r.stage().getAsInt();
          regionStages.computeIfAbsent(r.region(), x -> new TreeSet<>()).add(s);
          if (flying.stream().anyMatch(o -> o.stage().isPresent() && o.stage().getAsInt() < s)) {
            c.merge(Breach.Rule.I2, 1L, Long::sum);
          }
          Integer prev = stageFirst.lowerKey(s);
          if (prev != null && t.isBefore(stageFirst.get(prev))) {
            early.put(s, true);
          }
        }
        if (r.zone().isPresent()
            && flying.stream().noneMatch(o -> o.region().equals(r.region()) && o.zone().equals(r.zone()))
            && flying.stream().anyMatch(o -> o.region().equals(r.region()) && o.zone().isPresent())) {
          c.merge(Breach.Rule.I3, 1L, Long::sum);
        }
        if (!r.startUtc().isBefore(r.endUtc())) {
          continue; // never in flight: only the checks above apply
        }
        if (r.availabilitySet().isPresent()) {
          List<TraceRecord> inSet = flying.stream().filter(o -> o.availabilitySet().equals(r.availabilitySet())).toList();
          if (!inSet.isEmpty() && inSet.stream().noneMatch(o -> o.updateDomain().equals(r.updateDomain()))) {
            c.merge(Breach.Rule.I4, 1L, Long::sum);
          }
          int n = setSize.getOrDefault(r.availabilitySet().get(), 0);
          if (inSet.size() + 1 > (n < 10 ? 1 : n / 5)) {
            c.merge(Breach.Rule.I4, 1L, Long::sum);
          }
        } else {
          long same = flying.stream()
              .filter(o -> o.availabilitySet().isEmpty() && o.region().equals(r.region())
                  && o.subscriptionId().equals(r.subscriptionId()))
              .count();
          int n = looseSize.getOrDefault(r.subscriptionId() + "|" + r.region(), 0);
          if (same + 1 > Math.max(1, n / 5)) {
            c.merge(Breach.Rule.I5, 1L, Long::sum);
          }
        }
      }
      c.merge(Breach.Rule.I2, (long) early.size(), Long::sum);
      for (Map.Entry<String, TreeSet<Integer>> e : regionStages.entrySet()) {
        c.merge(Breach.Rule.I1, (long) e.getValue().size() - 1, Long::sum);
        for (String p : regions.pairedWith(e.getKey())) {
          if (p.compareTo(e.getKey()) > 0 && regionStages.containsKey(p)) {
            for (int s : e.getValue()) {
              if (regionStages.get(p).contains(s)) {
                c.merge(Breach.Rule.I1, 1L, Long::sum);
              }
            }
          }
        }
      }
      return c;
    }
  }
}
