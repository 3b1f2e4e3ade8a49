package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PowerStateSource;
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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  @DisplayName("B8/I9: kill at a seeded random instant, restart on the journal, run to the end")
  void restartAfterKillPatchesEveryVmOnce(long seed, @TempDir Path dir) throws IOException {
    Random random = new Random(seed);
    EngineFixture fx = new EngineFixture(300, 9);
    Instant release = EngineFixture.CYCLE.release();
    long span = EngineFixture.CYCLE.deadline().getEpochSecond() - release.getEpochSecond();
    Instant kill = release.plusSeconds(1 + (long) (random.nextDouble() * span * 0.6));
    Path journal = dir.resolve("rollout.journal");
    ScriptedExecutor ex = new ScriptedExecutor(40);

    FileRolloutStore store1 = FileRolloutStore.open(journal);
    RolloutEngine first = fx.build(release, ex, PowerStateSource.ALWAYS_RUNNING, HealthSource.UNKNOWN, store1);
    first.start();
    fx.runUntil(kill);
    Map<String, Integer> callsBefore = new HashMap<>(ex.callsPerVm);
    Map<String, Instant> doneBefore = new HashMap<>(ex.succeededAt);
    store1.close(); // the process dies: the engine, its clock and pending answers are gone

    try (FileRolloutStore store2 = FileRolloutStore.open(journal)) {
      RolloutEngine second = fx.build(kill, ex, PowerStateSource.ALWAYS_RUNNING, HealthSource.UNKNOWN, store2);
      second.start();
      fx.runToDeadline();
      String ctx = "seed " + seed + ", kill at " + kill;
      for (int vm : fx.eligibleRunning()) {
        String id = fx.index.vmId(vm);
        assertThat(second.state(vm)).as("%s: %s", ctx, id).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
        if (doneBefore.containsKey(id) && doneBefore.get(id).isBefore(kill)) {
          // Its OK was journalled before the kill: never installed again.
          assertThat(ex.callsOf(id)).as("%s: %s installed again", ctx, id).isEqualTo(1);
        } else if (callsBefore.containsKey(id)) {
          // In flight at the kill: the answer was lost, so one more install (not more).
          assertThat(ex.callsOf(id)).as("%s: %s", ctx, id).isEqualTo(2);
        } else {
          assertThat(ex.callsOf(id)).as("%s: %s", ctx, id).isEqualTo(1);
        }
      }
      for (int vm = 0; vm < fx.index.size(); vm++) {
        if (!fx.index.isEligible(vm)) {
          assertThat(ex.callsOf(fx.index.vmId(vm))).as(ctx).isZero();
        }
      }
    }
  }
}
