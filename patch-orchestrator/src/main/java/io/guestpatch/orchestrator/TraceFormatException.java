package io.guestpatch.orchestrator;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace file with bad rows, thrown by {@link TraceReader} once it has read the whole input. Its message
 * lists the first bad rows; {@link #errors()} gives every problem it kept (the first
 * {@value #MAX_KEPT}), each with the file, line, column and what is wrong, and
 * {@link #errorCount()} counts them all. A wrong or missing header is reported alone.
 */
public final class TraceFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  /** How many problems the exception keeps. */
  public static final int MAX_KEPT = 1000;
  private static final int LISTED = 50;

  private final transient List<Problem> errors;
  private final long errorCount;

  TraceFormatException(List<Problem> errors, long errorCount) {
    super(describe(errors, errorCount));
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
  }

  /** The problems kept, in file order (at most {@value #MAX_KEPT}). */
  public List<Problem> errors() {
    return errors;
  }

  /** How many problems the input has, including those not kept. */
  public long errorCount() {
    return errorCount;
  }

  private static String describe(List<Problem> errors, long count) {
    StringBuilder sb = new StringBuilder();
    sb.append(count).append(count == 1 ? " problem in the trace" : " problems in the trace");
    for (int i = 0; i < errors.size() && i < LISTED; i++) {
      sb.append("\n  ").append(errors.get(i));
    }
    if (count > Math.min(errors.size(), LISTED)) {
      sb.append("\n  ... and ").append(count - Math.min(errors.size(), LISTED)).append(" more");
    }
    return sb.toString();
  }

  /** One problem: where it is and what is wrong. Immutable and thread-safe. */
  public static final class Problem {
    private final String source;
    private final long line;
    private final int column;
    private final String columnName;
    private final String message;

    Problem(String source, long line, int column, String columnName, String message) {
      this.source = Objects.requireNonNull(source);
      this.line = line;
      this.column = column;
      this.columnName = Objects.requireNonNull(columnName);
      this.message = Objects.requireNonNull(message);
    }

    /** The file or input name. */
    public String source() {
      return source;
    }

    /** The 1-based line where the row starts. */
    public long line() {
      return line;
    }

    /** The 1-based column (field number), or 0 when the whole row is bad. */
    public int column() {
      return column;
    }

    /** The header name of the column, such as {@code startUtc}; empty when the whole row is bad. */
    public Optional<String> columnName() {
      return columnName.isEmpty() ? Optional.empty() : Optional.of(columnName);
    }

    /** What is wrong and what to change. */
    public String message() {
      return message;
    }

    /** {@code source line L, column C (name): message}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder().append(source).append(" line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
        if (!columnName.isEmpty()) {
          sb.append(" (").append(columnName).append(')');
        }
      }
      return sb.append(": ").append(message).toString();
    }
  }
}
