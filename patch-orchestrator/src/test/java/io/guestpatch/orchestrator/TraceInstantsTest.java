package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast instant format must be exactly {@link Instant#toString()} and parse back (SPEC 4.5). */
class TraceInstantsTest {
  private static String format(Instant i) {
    StringBuilder sb = new StringBuilder();
    TraceInstants.append(sb, i);
    return sb.toString();
  }

  @Test
  void formatsEdgeInstantsLikeInstantToString() {
    Instant[] edges = {
      Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2000-02-29T00:00:00Z"),
      Instant.parse("2100-03-01T12:00:00.100Z"), Instant.parse("0000-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.000001Z"), Instant.parse("+10000-01-01T00:00:00Z"),
      Instant.parse("-0001-12-31T00:00:00Z"), Instant.MIN, Instant.MAX
    };
    for (Instant i : edges) {
      assertThat(format(i)).isEqualTo(i.toString());
      assertThat(TraceInstants.parse(i.toString())).isEqualTo(i);
    }
  }

  @Test
  void formatsAndParsesRandomInstants() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int k = 0; k < 20_000; k++) {
      long sec = -62_167_219_200L + (long) (random.nextDouble() * 315_537_897_599.0); // years 0000-9999
      int nano;
      switch (random.nextInt(4)) {
        case 0: nano = 0; break;
        case 1: nano = random.nextInt(1000) * 1_000_000; break;
        case 2: nano = random.nextInt(1_000_000) * 1000; break;
        default: nano = random.nextInt(1_000_000_000);
      }
      Instant i = Instant.ofEpochSecond(sec, nano);
      assertThat(format(i)).as("seed %d", seed).isEqualTo(i.toString());
      assertThat(TraceInstants.parse(i.toString())).as("seed %d", seed).isEqualTo(i);
    }
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> TraceInstants.parse("2026-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> TraceInstants.parse("2026-12-09T25:00:00Z")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> TraceInstants.parse("2026-12-09 03:00:00Z")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> TraceInstants.parse("")).isInstanceOf(DateTimeParseException.class);
  }
}
