package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An Azure {@code date-time}: an instant that remembers the text it was read from, so that a document
 * read and written back keeps {@code +00:00} or {@code Z} and every fractional digit (Azure sends up to
 * seven) exactly as it came.
 *
 * <p>Two values are equal when they denote the same instant. Immutable and thread-safe.
 */
public final class AzureDateTime implements Comparable<AzureDateTime> {
  private final OffsetDateTime dateTime;
  private final String text;

  private AzureDateTime(OffsetDateTime dateTime, String text) {
    this.dateTime = dateTime;
    this.text = text;
  }

  /**
   * Parses an ISO-8601 date-time with an offset ({@code Z} or {@code +hh:mm}), with up to nine
   * fractional digits.
   *
   * @throws IllegalArgumentException naming the text when it is not such a date-time
   */
  @JsonCreator
  public static AzureDateTime parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return new AzureDateTime(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME), text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO-8601 date-time with an offset, such as "
              + "2020-04-24T21:02:04.2556154Z or 2020-11-19T02:36:43.0539904+00:00", e);
    }
  }

  /** The value for an instant, written in UTC with a {@code Z}. */
  public static AzureDateTime of(Instant instant) {
    OffsetDateTime dt = instant.atOffset(ZoneOffset.UTC);
    return new AzureDateTime(dt, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dt));
  }

  /** The instant. */
  public Instant toInstant() {
    return dateTime.toInstant();
  }

  /** The date-time with the offset it was given. */
  public OffsetDateTime toOffsetDateTime() {
    return dateTime;
  }

  /** The text as read (or, for {@link #of(Instant)}, as it will be written). */
  @JsonValue
  public String text() {
    return text;
  }

  @Override
  public int compareTo(AzureDateTime other) {
    return dateTime.toInstant().compareTo(other.dateTime.toInstant());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AzureDateTime
        && ((AzureDateTime) other).dateTime.toInstant().equals(dateTime.toInstant());
  }

  @Override
  public int hashCode() {
    return dateTime.toInstant().hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
