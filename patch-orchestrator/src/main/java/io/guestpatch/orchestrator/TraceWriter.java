package io.guestpatch.orchestrator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes the audit trace (SPEC 4.5): RFC 4180 CSV with the header {@value #HEADER}, one row per
 * {@link TraceRecord}, records ended by CRLF, times in {@link java.time.Instant#toString()} form, empty
 * fields for an absent zone, availability set, update domain or stage. A field holding a comma, a
 * double quote, CR or LF is quoted and its quotes doubled. {@link TraceReader} reads the result back.
 *
 * <p>The header is written when the writer is created. Rows are buffered; call {@link #flush()} to push
 * them out and {@link #close()} when done (it closes the underlying file or writer).
 *
 * <pre>{@code
 * try (TraceWriter trace = TraceWriter.create(Path.of("trace.csv"))) {
 *   trace.write(record);
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #write}, {@link #flush} and {@link #close} are synchronized, so an engine on a
 * real clock may write from several threads; each row is written whole. Errors: I/O failures are
 * thrown as {@link IOException}; writing after {@link #close()} throws {@link IOException}.
 */
public final class TraceWriter implements Closeable, Flushable {
  /** The header line of every trace, without its line break. */
  public static final String HEADER =
      "vmId,subscriptionId,region,zone,availabilitySet,updateDomain,timeZone,stage,operation,startUtc,endUtc,outcome";

  private static final String EOL = "\r\n";
  private static final int BUFFER = 1 << 16;

  private final Writer out;
  private final StringBuilder row = new StringBuilder(256);
  private boolean closed;

  private TraceWriter(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER);
    out.write(EOL);
  }

  /**
   * A writer to a new file (an existing file is replaced), UTF-8; writes the header.
   *
   * @throws IOException if the file cannot be opened or written
   */
  public static TraceWriter create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    try {
      return new TraceWriter(w);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /**
   * A writer to the given character stream (buffered here unless it already is a
   * {@link BufferedWriter}); writes the header. Closing the trace writer closes {@code out}.
   *
   * @throws IOException if the header cannot be written
   */
  public static TraceWriter create(Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    return new TraceWriter(out instanceof BufferedWriter ? out : new BufferedWriter(out, BUFFER));
  }

  /**
   * Writes one row.
   *
   * @throws IOException if writing fails or the writer is closed
   */
  public synchronized void write(TraceRecord record) throws IOException {
    Objects.requireNonNull(record, "record");
    if (closed) {
      throw new IOException("the trace writer is closed; cannot write " + record.vmId());
    }
    StringBuilder sb = row;
    sb.setLength(0);
    field(sb, record.vmId());
    sb.append(',');
    field(sb, record.subscriptionId());
    sb.append(',');
    field(sb, record.region());
    sb.append(',');
    String zone = record.zoneOrNull();
    if (zone != null) {
      field(sb, zone);
    }
    sb.append(',');
    String set = record.availabilitySetOrNull();
    if (set != null) {
      field(sb, set);
    }
    sb.append(',');
    int ud = record.updateDomainOrMinus1();
    if (ud >= 0) {
      sb.append(ud);
    }
    sb.append(',');
    field(sb, record.timeZone().getId());
    sb.append(',');
    int stage = record.stageOrMinus1();
    if (stage >= 0) {
      sb.append(stage);
    }
    sb.append(',');
    sb.append(record.operation().wireName());
    sb.append(',');
    TraceInstants.append(sb, record.startUtc());
    sb.append(',');
    TraceInstants.append(sb, record.endUtc());
    sb.append(',');
    field(sb, record.outcome().value());
    sb.append(EOL);
    out.append(sb);
  }

  /** Appends a field, quoting it when it holds a comma, a quote, CR or LF (RFC 4180). */
  static void field(StringBuilder sb, String value) {
    boolean quote = false;
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /** Pushes buffered rows to the file or writer. */
  @Override
  public synchronized void flush() throws IOException {
    if (!closed) {
      out.flush();
    }
  }

  /** Flushes and closes; closing again does nothing. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
