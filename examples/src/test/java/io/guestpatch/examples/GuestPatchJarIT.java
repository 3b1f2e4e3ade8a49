package io.guestpatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: a smoke test of the built jar, run by failsafe after {@code package}: {@code simulate --vms
 * 2000} succeeds, and {@code audit} of its trace against the same generated fleet is clean.
 */
class GuestPatchJarIT {
  private static final Path JAR = Path.of(System.getProperty("guestpatch.jar", "target/guestpatch.jar"));

  private record Result(int exit, String out, String err) {}

  private static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("guestpatch %s finished", args[0]).isTrue();
    return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void simulateThenAuditTheTraceIsClean(@TempDir Path dir) throws Exception {
    assertThat(JAR).as("the shaded jar is built before integration tests").exists();
    Result version = run(dir, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).contains("guestpatch 0.1.0-SNAPSHOT");

    Result sim = run(dir, "simulate", "--vms", "2000", "--seed", "4", "--cycle", "2026-12",
        "--trace", "trace.csv", "--report", "report.html");
    assertThat(sim.exit()).as(sim.err()).isZero();
    assertThat(sim.out()).contains("completion:");
    assertThat(dir.resolve("trace.csv")).exists();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg");

    Result gen = run(dir, "generate", "--vms", "2000", "--seed", "4", "--out", "fleet.jsonl");
    assertThat(gen.exit()).as(gen.err()).isZero();
    Result audit = run(dir, "audit", "trace.csv", "--fleet", "fleet.jsonl");
    assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
    assertThat(audit.out()).contains("clean");

    Result missing = run(dir, "audit", "no-such-trace.csv", "--fleet", "fleet.jsonl");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-trace.csv").doesNotContain("Exception");
  }
}
