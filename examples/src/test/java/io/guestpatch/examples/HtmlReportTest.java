package io.guestpatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report's chart helpers and escaping. */
class HtmlReportTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "4, 1", "7, 2", "10, 2", "23, 5", "5040, 2000", "100000, 20000", "999, 200"})
  void picksRoundTickSteps(int max, int step) {
    assertThat(HtmlReport.tickStep(max, 5)).isEqualTo(step);
  }

  @Test
  void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 1000; i++) {
      int max = 1 + random.nextInt(10_000_000);
      int step = HtmlReport.tickStep(max, 5);
      String digits = Integer.toString(step).replaceAll("0+$", "");
      assertThat(digits).as("seed 42, max %d", max).isIn("1", "2", "5");
      assertThat((max + step - 1) / step).as("seed 42, max %d: ticks", max).isBetween(1, 10);
    }
  }

  @Test
  void escapesMarkup() {
    assertThat(HtmlReport.esc("<a href='x'>&\"")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  }
}
