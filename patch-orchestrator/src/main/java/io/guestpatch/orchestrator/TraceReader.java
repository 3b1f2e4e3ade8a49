package io.guestpatch.orchestrator;

import io.guestpatch.model.PatchOperationStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads an audit trace written by {@link TraceWriter} (SPEC 4.5): RFC 4180 CSV with the header
 * {@value TraceWriter#HEADER}, UTF-8, records ended by CRLF or LF, an optional byte-order mark, empty
 * lines skipped.
 *
 * <p>{@link #forEach(Path, Consumer)} streams rows in constant memory (a million-row trace is fine);
 * {@link #read(Path)} collects them. Repeated values (subscriptions, regions, zones, sets) share one
 * {@code String} instance.
 *
 * <p>Errors: every bad row is reported, not only the first. Good rows are still handed to the consumer;
 * when the input is read to its end and some rows were bad, a {@link TraceFormatException} lists each
 * problem with the file, the line, the column and what is wrong. A missing or wrong header is thrown at
 * once, before any row. I/O failures are thrown as they happen.
 *
 * <p>Stateless and thread-safe; each call reads its own input.
 */
public final class TraceReader {
  private static final String[] COLUMNS = TraceWriter.HEADER.split(",");
  private static final int COLUMN_COUNT = COLUMNS.length;
  private static final int DEDUP_LIMIT = 100_000;

  private TraceReader() {}

  /**
   * Every row of a trace file.
   *
   * @throws TraceFormatException if the header is wrong or some rows are bad (after reading them all)
   * @throws IOException if the file cannot be read
   */
  public static List<TraceRecord> read(Path file) throws IOException {
    List<TraceRecord> rows = new ArrayList<>();
    forEach(file, rows::add);
    return rows;
  }

  /**
   * Every row of a trace read from a character stream; {@code source} names it in errors. Does not
   * close the reader.
   *
   * @throws TraceFormatException if the header is wrong or some rows are bad (after reading them all)
   * @throws IOException if the stream cannot be read
   */
  public static List<TraceRecord> read(Reader in, String source) throws IOException {
    List<TraceRecord> rows = new ArrayList<>();
    forEach(in, source, rows::add);
    return rows;
  }

  /**
   * Hands each good row of a trace file to {@code action}, in file order, in constant memory.
   *
   * @throws TraceFormatException if the header is wrong, or (once every row was read) if some rows
   *     are bad; the good rows have been handed over by then
   * @throws IOException if the file cannot be read
   */
  public static void forEach(Path file, Consumer<? super TraceRecord> action) throws IOException {
    Objects.requireNonNull(action, "action");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      forEach(in, file.toString(), action);
    }
  }

  /**
   * Hands each good row of a trace read from a character stream to {@code action}; {@code source}
   * names the input in errors. Does not close the reader.
   *
   * @throws TraceFormatException if the header is wrong, or (once every row was read) if some rows
   *     are bad
   * @throws IOException if the stream cannot be read
   */
  public static void forEach(Reader in, String source, Consumer<? super TraceRecord> action)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(action, "action");
    new Run(in, source).run(action);
  }

  /** The state of one read. */
  private static final class Run {
    private final TraceCsvParser csv;
    private final String source;
    private final List<TraceFormatException.Problem> problems = new ArrayList<>();
    private long problemCount;
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private boolean rowBad;

    Run(Reader in, String source) {
      this.csv = new TraceCsvParser(in);
      this.source = source;
    }

    void run(Consumer<? super TraceRecord> action) throws IOException {
      csv.skipBom();
      if (!csv.next()) {
        throw new TraceFormatException(
            List.of(problem(1, 0, "the trace is empty; its first line must be the header " + TraceWriter.HEADER)), 1);
      }
      String header = String.join(",", csv.fields);
      if (csv.problem != null || !header.equals(TraceWriter.HEADER)) {
        throw new TraceFormatException(
            List.of(problem(csv.recordLine, 0,
                "the header must be exactly " + TraceWriter.HEADER + " but is " + header)), 1);
      }
      while (csv.next()) {
        TraceRecord row = parseRow();
        if (row != null) {
          action.accept(row);
        }
      }
      if (problemCount > 0) {
        throw new TraceFormatException(problems, problemCount);
      }
    }

    private TraceFormatException.Problem problem(long line, int column, String message) {
      return new TraceFormatException.Problem(
          source, line, column, column > 0 && column <= COLUMN_COUNT ? COLUMNS[column - 1] : "", message);
    }

    private void bad(int column, String message) {
      rowBad = true;
      problemCount++;
      if (problems.size() < TraceFormatException.MAX_KEPT) {
        problems.add(problem(csv.recordLine, column, message));
      }
    }

    private @Nullable TraceRecord parseRow() {
      rowBad = false;
      List<String> f = csv.fields;
      if (csv.problem != null) {
        bad(csv.problemColumn, csv.problem);
        return null;
      }
      if (f.size() != COLUMN_COUNT) {
        bad(0, "expected " + COLUMN_COUNT + " fields (" + TraceWriter.HEADER + ") but found " + f.size());
        return null;
      }
      String vmId = text(f, 0);
      String subscriptionId = shared(text(f, 1));
      String region = shared(text(f, 2));
      String zone = shared(optionalText(f, 3));
      String set = shared(optionalText(f, 4));
      int updateDomain = optionalIndex(f, 5);
      ZoneId timeZone = zone(f, 6);
      int stage = optionalIndex(f, 7);
      TraceRecord.Operation operation = operation(f, 8);
      Instant start = instant(f, 9);
      Instant end = instant(f, 10);
      PatchOperationStatus outcome = outcome(f, 11);
      if (start != null && end != null && end.isBefore(start)) {
        bad(11, "endUtc " + f.get(10) + " is before startUtc " + f.get(9));
      }
      if (rowBad) {
        return null;
      }
      TraceRecord.Builder b =
          TraceRecord.builder()
              .vmId(vmId)
              .subscriptionId(subscriptionId)
              .region(region)
              .timeZone(timeZone)
              .operation(operation)
              .startUtc(start)
              .endUtc(end)
              .outcome(outcome);
      if (zone != null) {
        b.zone(zone);
      }
      if (set != null) {
        b.availabilitySet(set);
      }
      if (updateDomain >= 0) {
        b.updateDomain(updateDomain);
      }
      if (stage >= 0) {
        b.stage(stage);
      }
      return b.build();
    }

    private @Nullable String shared(@Nullable String s) {
      if (s == null) {
        return null;
      }
      String known = strings.get(s);
      if (known != null) {
        return known;
      }
      if (strings.size() < DEDUP_LIMIT) {
        strings.put(s, s);
      }
      return s;
    }

    private String text(List<String> f, int i) {
      String s = f.get(i);
      if (s.isBlank()) {
        bad(i + 1, COLUMNS[i] + " must not be empty");
      }
      return s;
    }

    private @Nullable String optionalText(List<String> f, int i) {
      String s = f.get(i);
      if (s.isEmpty()) {
        return null;
      }
      if (s.isBlank()) {
        bad(i + 1, COLUMNS[i] + " is blank; leave the field empty when there is none");
      }
      return s;
    }

    private int optionalIndex(List<String> f, int i) {
      String s = f.get(i);
      if (s.isEmpty()) {
        return -1;
      }
      int v = 0;
      boolean ok = s.length() <= 9;
      for (int k = 0; ok && k < s.length(); k++) {
        char c = s.charAt(k);
        ok = c >= '0' && c <= '9';
        v = v * 10 + (c - '0');
      }
      if (!ok) {
        bad(i + 1, "'" + s + "' is not a whole number of 0 or more (or empty when there is none)");
        return -1;
      }
      return v;
    }

    private @Nullable ZoneId zone(List<String> f, int i) {
      String s = f.get(i);
      ZoneId z = zones.get(s);
      if (z != null) {
        return z;
      }
      try {
        z = ZoneId.of(s);
      } catch (DateTimeException e) {
        bad(i + 1, "'" + s + "' is not an IANA time zone id such as Europe/London");
        return null;
      }
      zones.put(s, z);
      return z;
    }

    private TraceRecord.@Nullable Operation operation(List<String> f, int i) {
      try {
        return TraceRecord.Operation.fromWireName(f.get(i));
      } catch (IllegalArgumentException e) {
        bad(i + 1, e.getMessage());
        return null;
      }
    }

    private @Nullable Instant instant(List<String> f, int i) {
      String s = f.get(i);
      try {
        return TraceInstants.parse(s);
      } catch (DateTimeException e) {
        bad(i + 1, "'" + s + "' is not a UTC ISO-8601 instant such as 2026-12-09T03:00:00Z");
        return null;
      }
    }

    private @Nullable PatchOperationStatus outcome(List<String> f, int i) {
      String s = f.get(i);
      PatchOperationStatus o = TraceRecord.outcomeOrNull(s);
      if (o == null) {
        bad(i + 1, "'" + s + "' is not an outcome; use one of " + TraceRecord.OUTCOMES);
      }
      return o;
    }
  }
}
