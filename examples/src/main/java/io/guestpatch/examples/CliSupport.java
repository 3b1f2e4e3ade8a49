package io.guestpatch.examples;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.guestpatch.model.FleetReader;
import io.guestpatch.model.FleetRecordError;
import io.guestpatch.model.PatchJson;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.policy.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Helpers shared by the subcommands: reading inputs, writing JSON, turning failures into one line. */
final class CliSupport {
  private CliSupport() {}

  /** A mapper for the tool's own JSON output (maps, lists and plain values): pretty, every member kept. */
  static ObjectMapper outputMapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Writes a value as pretty JSON and a newline. */
  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(outputMapper().writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output", e);
    }
  }

  /** A violation as the tool's JSON object. */
  private static Map<String, Object> violation(Violation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", v.code());
    m.put("target", v.target());
    m.put("reason", v.reason());
    m.put("severity", v.severity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("message", v.message());
    return m;
  }

  /** Violations as the tool's JSON objects, in order. */
  static List<Map<String, Object>> violations(List<Violation> violations) {
    List<Map<String, Object>> list = new ArrayList<>(violations.size());
    for (Violation v : violations) {
      list.add(violation(v));
    }
    return list;
  }

  /** Fails with exit 2 unless the file exists and is a readable regular file. */
  static void requireReadable(Path file, String what) {
    if (!Files.exists(file)) {
      throw new CliException(what + " " + file + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new CliException(what + " " + file + " is a directory, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new CliException(what + " " + file + " is not readable");
    }
  }

  /**
   * Reads a fleet file (ARM JSON or fleet JSON Lines). Bad records are listed on {@code err}, one per
   * line; without {@code skipInvalid} they make the command fail (exit 2).
   */
  static List<VirtualMachine> readFleet(Path file, boolean skipInvalid, PrintWriter err) {
    return readFleet(file, skipInvalid, err, errors -> {
      List<VirtualMachine> vms = new ArrayList<>();
      FleetReader.create().forEach(file, vms::add, errors);
      return vms;
    });
  }

  /**
   * Reads and indexes a fleet file by streaming it, as {@link #readFleet(Path, boolean, PrintWriter)}
   * reads it; a fleet the index refuses (duplicate VM ids) fails naming the file.
   */
  static FleetIndex readIndex(Path file, RolloutPolicy policy, boolean skipInvalid, PrintWriter err) {
    return readFleet(file, skipInvalid, err, errors -> {
      try {
        return FleetIndex.read(file, policy, errors);
      } catch (IllegalArgumentException e) {
        throw new CliException("fleet file " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /** Reads a fleet file one way or another, collecting its bad records. */
  private interface FleetRead<T> {
    T read(Consumer<FleetRecordError> errors) throws IOException;
  }

  /** Checks the file, reads it, then lists its bad records and fails on them unless {@code skipInvalid}. */
  private static <T> T readFleet(Path file, boolean skipInvalid, PrintWriter err, FleetRead<T> read) {
    requireReadable(file, "fleet file");
    List<FleetRecordError> errors = new ArrayList<>();
    T fleet;
    try {
      fleet = read.read(errors::add);
    } catch (IOException e) {
      throw new CliException("cannot read fleet file " + file + ": " + describe(e), e);
    }
    reportRecordErrors(file, errors, skipInvalid, err);
    return fleet;
  }

  /** Lists bad records on {@code err}; fails unless {@code skipInvalid}. */
  static void reportRecordErrors(
      Path file, List<FleetRecordError> errors, boolean skipInvalid, PrintWriter err) {
    if (errors.isEmpty()) {
      return;
    }
    for (FleetRecordError e : errors) {
      err.println(e);
    }
    err.flush();
    if (!skipInvalid) {
      throw new CliException(file + " has " + count(errors.size(), "bad record")
          + " (listed above); fix them, or pass --skip-invalid to go on with the good ones");
    }
    err.println("skipping " + count(errors.size(), "bad record") + " of " + file);
    err.flush();
  }

  /** "1 bad record", "2 bad records": a count and a noun, plural unless the count is 1. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Reads one JSON document of a type with the {@link PatchJson} mapping. */
  static <T> T readJson(Path file, Class<T> type, String what) {
    requireReadable(file, what);
    try {
      T value = PatchJson.newObjectMapper().readValue(file.toFile(), type);
      if (value == null) {
        throw new CliException(what + " " + file + " holds JSON null; expected an object");
      }
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      String detail = e.getOriginalMessage();
      if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException) {
        detail = e.getCause().getMessage();
      }
      throw new CliException(what + " " + file + " is not valid" + where + ": " + GuestPatchCli.oneLine(detail), e);
    } catch (IOException e) {
      throw new CliException("cannot read " + what + " " + file + ": " + describe(e), e);
    }
  }

  /** Parses {@code --cycle}; absent means the next monthly cycle after now. */
  static PatchCycle cycle(String month, Long seed, picocli.CommandLine cmd) {
    PatchCycle cycle;
    if (month == null) {
      cycle = PatchCycle.nextAfter(Instant.now());
    } else {
      try {
        cycle = PatchCycle.parse(month);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(cmd, "Invalid value for option '--cycle': " + e.getMessage());
      }
    }
    return seed == null ? cycle : cycle.withSeed(seed);
  }

  /** Parses {@code --stages "eastus,westeurope;northeurope"}. */
  static List<List<String>> stages(String text, picocli.CommandLine cmd) {
    List<List<String>> stages = new ArrayList<>();
    for (String stage : text.split(";", -1)) {
      List<String> regions = new ArrayList<>();
      for (String region : stage.split(",", -1)) {
        if (!region.isBlank()) {
          regions.add(region.strip().toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (regions.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(cmd, "Invalid value for option '--stages': '" + text
            + "' has an empty stage; write regions separated by ',' and stages by ';', "
            + "e.g. \"eastus,westeurope;northeurope\"");
      }
      stages.add(List.copyOf(regions));
    }
    return List.copyOf(stages);
  }

  /** A one-line description of a failure that names what failed. */
  static String describe(Throwable t) {
    Throwable e = t instanceof UncheckedIOException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof NoSuchFileException) {
      return "file " + ((NoSuchFileException) e).getFile() + " does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "file " + ((AccessDeniedException) e).getFile() + " is not accessible";
    }
    if (e instanceof java.nio.file.FileSystemException) {
      java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
      return "file " + f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : GuestPatchCli.oneLine(m);
  }

  /** Ensures the parent directory of an output file exists. */
  static void prepareOutput(Path file, String what) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CliException("cannot write " + what + " " + file + ": directory " + parent + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new CliException("cannot write " + what + " " + file + ": it is a directory");
    }
  }
}
