package io.guestpatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top command: version, help, unknown subcommands and options (SPEC 5 exit codes). */
class GuestPatchCliTest {

  @Test
  void printsTheVersion() {
    CliRun r = CliRun.of("--version");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out.strip()).isEqualTo("guestpatch 0.1.0-SNAPSHOT");
  }

  @Test
  void listsTheSubcommandsInHelp() {
    CliRun r = CliRun.of("--help");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("validate", "classify", "plan", "Exit codes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "classify", "generate", "plan", "simulate", "audit"})
  @DisplayName("every subcommand has --help (SPEC 5)")
  void everySubcommandHasHelp(String command) {
    CliRun r = CliRun.of(command, "--help");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("Usage: guestpatch " + command);
  }

  @Test
  void withoutASubcommandPrintsUsageAndExits2() {
    CliRun r = CliRun.of();
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("Usage: guestpatch");
  }

  @Test
  void rejectsAnUnknownSubcommandInOneLine() {
    CliRun r = CliRun.of("frobnicate");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("frobnicate");
  }

  @Test
  void rejectsAnUnknownOptionInOneLineNamingIt() {
    CliRun r = CliRun.of("plan", "--fleet", CliRun.resource("fleet-small.jsonl"), "--bogus");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--bogus").doesNotContain("Exception");
    assertThat(r.out).isEmpty();
  }

  @Test
  void printsAStackTraceOnlyWithVerbose() {
    CliRun quiet = CliRun.of("validate", "missing.json");
    CliRun verbose = CliRun.of("validate", "missing.json", "--verbose");
    assertThat(quiet.code).isEqualTo(2);
    assertThat(verbose.code).isEqualTo(2);
    assertThat(quiet.err).doesNotContain("\tat ");
    assertThat(verbose.err).contains("missing.json").contains("\tat ");
  }
}
