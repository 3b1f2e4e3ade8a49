package io.guestpatch.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One bad record of a fleet file: where it is (the source, the line, the JSON path), which field is
 * wrong and what is wrong with it. Immutable and thread-safe.
 */
public final class FleetRecordError {
  private final String source;
  private final long line;
  private final String jsonPath;
  private final String field;
  private final String message;

  /**
   * @param source the file or input name
   * @param line the 1-based line, or 0 when unknown
   * @param jsonPath the JSON path of the record (e.g. {@code $.value[3]}), or empty
   * @param field the offending field, or empty when the whole record is bad
   * @param message what is wrong and what to change
   */
  public FleetRecordError(String source, long line, String jsonPath, String field, String message) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
    this.field = Objects.requireNonNull(field, "field");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The file or input name. */
  public String source() {
    return source;
  }

  /** The 1-based line where the record starts, when known. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** The JSON path of the record, such as {@code $[3]}, when the input is ARM JSON. */
  public Optional<String> jsonPath() {
    return jsonPath.isEmpty() ? Optional.empty() : Optional.of(jsonPath);
  }

  /** The offending field (a JSON path inside the record, such as {@code properties.storageProfile.osDisk.osType}). */
  public Optional<String> field() {
    return field.isEmpty() ? Optional.empty() : Optional.of(field);
  }

  /** What is wrong and what to change. */
  public String message() {
    return message;
  }

  /** {@code source:line: $path field 'f': message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    if (!jsonPath.isEmpty()) {
      sb.append(' ').append(jsonPath);
    }
    if (!field.isEmpty()) {
      sb.append(", field '").append(field).append('\'');
    }
    return sb.append(": ").append(message).toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FleetRecordError)) {
      return false;
    }
    FleetRecordError e = (FleetRecordError) o;
    return e.source.equals(source) && e.line == line && e.jsonPath.equals(jsonPath)
        && e.field.equals(field) && e.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, jsonPath, field, message);
  }
}
