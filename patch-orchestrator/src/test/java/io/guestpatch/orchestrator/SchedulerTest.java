package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 4.1: one engine, two clocks; both schedulers run tasks in instant order, then in schedule order. */
class SchedulerTest {
  private static final Instant T0 = Instant.parse("2026-12-08T18:00:00Z");

  @Test
  @DisplayName("virtual time: tasks run in instant order, ties in scheduling order, and the clock jumps")
  void virtualSchedulerOrdersTasks() {
    VirtualScheduler s = new VirtualScheduler(T0);
    List<String> log = new ArrayList<>();
    s.schedule(T0.plusSeconds(30), () -> log.add("b@" + s.now().getEpochSecond()));
    s.schedule(T0.plusSeconds(10), () -> log.add("a1"));
    s.schedule(T0.plusSeconds(10), () -> {
      log.add("a2");
      s.schedule(T0.minusSeconds(99), () -> log.add("past runs now@" + s.now().getEpochSecond()));
    });
    s.runUntil(T0.plusSeconds(20));
    assertThat(log).containsExactly("a1", "a2", "past runs now@" + T0.plusSeconds(10).getEpochSecond());
    assertThat(s.now()).isEqualTo(T0.plusSeconds(20));
    assertThat(s.hasPending()).isTrue();
    s.runUntil(T0.plusSeconds(60));
    assertThat(log).endsWith("b@" + T0.plusSeconds(30).getEpochSecond());
    assertThat(s.executed()).isEqualTo(4);
    assertThat(s.hasPending()).isFalse();
  }

  @Test
  @DisplayName("real time: tasks from many threads run on one thread, in instant order")
  void realTimeSchedulerRunsOnOneThreadInOrder() throws Exception {
    try (RealTimeScheduler s = new RealTimeScheduler(Clock.systemUTC())) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      List<String> threads = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch done = new CountDownLatch(3);
      Instant now = s.now();
      s.schedule(now.plus(Duration.ofMillis(1500)), () -> {
        log.add("late");
        threads.add(Thread.currentThread().getName());
        done.countDown();
      });
      Thread other = new Thread(() -> s.schedule(now.plus(Duration.ofMillis(1000)), () -> {
        log.add("early");
        threads.add(Thread.currentThread().getName());
        done.countDown();
      }));
      other.start();
      other.join();
      s.execute(() -> {
        log.add("now");
        threads.add(Thread.currentThread().getName());
        done.countDown();
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(log).containsExactly("now", "early", "late");
      assertThat(threads).containsOnly("guestpatch-engine");
    }
  }
}
