package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC B8, I9: a killed engine restarted on the same journal patches no VM twice and forgets none. */
class RolloutEngineRestartTest {
  private static final java.util.concurrent.atomic.AtomicInteger SEEDS_WITH_INSTALLS_IN_FLIGHT =
      new java.util.concurrent.atomic.AtomicInteger();

  @org.junit.jupiter.api.AfterAll
  static void someKillHitInstallsInFlight() {
    assertThat(SEEDS_WITH_INSTALLS_IN_FLIGHT.get()).as("B8: at least one kill lost in-flight installs").isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  @DisplayName("B8/I9: kill at a seeded random instant, restart on the journal, run to the end")
  void restartAfterKillPatchesEveryVmOnce(long seed, @TempDir Path dir) throws IOException {
    // Scrambled: the first doubles of java.util.Random for seeds 1, 2, 3... are nearly equal.
    Random random = new Random(seed * 0x9E3779B97F4A7C15L);
    EngineFixture fx = new EngineFixture(300, 9);
    Instant release = EngineFixture.CYCLE.release();
    long span = EngineFixture.CYCLE.deadline().getEpochSecond() - release.getEpochSecond();
    // A dry run (same fleet, same executor timing) tells when installs happen; the kill falls in that span.
    ScriptedExecutor dry = new ScriptedExecutor(30);
    fx.build(dry).start();
    fx.runToDeadline();
    long first0 = dry.calls.get(0).at().getEpochSecond();
    long busy = dry.calls.get(dry.calls.size() - 1).at().getEpochSecond() - first0;
    assertThat(busy).isLessThan(span);
    Instant kill = Instant.ofEpochSecond(first0 + (long) (random.nextDouble() * busy));
    Path journal = dir.resolve("rollout.journal");
    // 30-minute installs fit the default 35-minute expectation, so none times out: every VM ends patched.
    ScriptedExecutor ex = new ScriptedExecutor(30);

    FileRolloutStore store1 = FileRolloutStore.open(journal);
    RolloutEngine first = fx.build(release, ex, store1);
    first.start();
    fx.runUntil(kill);
    // Move the kill forward (a few minutes at a time) until installs are in flight, so that their
    // answers are lost with the process and the restart has VMs in doubt.
    while (ex.inFlight == 0 && kill.isBefore(EngineFixture.CYCLE.deadline())) {
      kill = kill.plusSeconds(60 * (1 + random.nextInt(5)));
      fx.runUntil(kill);
    }
    int inFlightAtKill = ex.inFlight;
    if (inFlightAtKill > 0) {
      SEEDS_WITH_INSTALLS_IN_FLIGHT.incrementAndGet();
    }
    Map<String, Integer> callsBefore = new HashMap<>(ex.callsPerVm);
    Map<String, Instant> doneBefore = new HashMap<>(ex.succeededAt);
    store1.close(); // the process dies: the engine, its clock and pending answers are gone

    try (FileRolloutStore store2 = FileRolloutStore.open(journal)) {
      RolloutEngine second = fx.build(kill, ex, store2);
      second.start();
      fx.runToDeadline();
      String ctx = "seed " + seed + ", kill at " + kill + " with " + inFlightAtKill + " installs in flight";
      int lostAnswers = 0;
      for (int vm = 0; vm < fx.index.size(); vm++) {
        if (!fx.index.isEligible(vm)) {
          continue; // every VM runs here (ALWAYS_RUNNING), so every eligible one must end patched
        }
        String id = fx.index.vmId(vm);
        // None forgotten.
        assertThat(second.state(vm)).as("%s: %s: %s", ctx, id, second.explain(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
        if (callsBefore.containsKey(id) && !(doneBefore.containsKey(id) && doneBefore.get(id).isBefore(kill))) {
          lostAnswers++;
        }
        // Every install succeeds, so each VM is installed exactly once: a VM whose OK was journalled is
        // not touched again, and one in flight at the kill is settled from its last installation.
        assertThat(ex.callsOf(id)).as("%s: %s installed again after a successful install", ctx, id).isEqualTo(1);
      }
      assertThat(lostAnswers).as(ctx).isEqualTo(inFlightAtKill);
      assertThat(ex.lastInstallationQueries).as("%s: every VM in doubt was checked", ctx)
          .isGreaterThanOrEqualTo(inFlightAtKill);
      for (int vm = 0; vm < fx.index.size(); vm++) {
        if (!fx.index.isEligible(vm)) {
          assertThat(ex.callsOf(fx.index.vmId(vm))).as(ctx).isZero();
        }
      }
    }
  }
}
