package io.guestpatch.orchestrator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Fast formatting and parsing of UTC instants in the {@link Instant#toString()} form
 * ({@code 2026-12-09T03:00:00Z}, {@code 2026-12-09T03:00:00.250Z}), without the allocation and
 * lookups of {@code DateTimeFormatter}. Anything outside the common shape (years outside 0000-9999,
 * offsets other than {@code Z}) goes through {@link Instant} itself. Stateless.
 */
final class TraceInstants {
  private static final long SECONDS_PER_DAY = 86_400L;

  private TraceInstants() {}

  /** Appends exactly what {@link Instant#toString()} gives. */
  static void append(StringBuilder sb, Instant instant) {
    long seconds = instant.getEpochSecond();
    int nano = instant.getNano();
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // civil-from-days (proleptic Gregorian), days since 1970-01-01
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      sb.append(instant);
      return;
    }
    digits(sb, (int) year, 4);
    sb.append('-');
    digits(sb, month, 2);
    sb.append('-');
    digits(sb, day, 2);
    sb.append('T');
    digits(sb, secOfDay / 3600, 2);
    sb.append(':');
    digits(sb, secOfDay / 60 % 60, 2);
    sb.append(':');
    digits(sb, secOfDay % 60, 2);
    if (nano != 0) {
      sb.append('.');
      if (nano % 1_000_000 == 0) {
        digits(sb, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        digits(sb, nano / 1000, 6);
      } else {
        digits(sb, nano, 9);
      }
    }
    sb.append('Z');
  }

  private static void digits(StringBuilder sb, int value, int width) {
    int div = 1;
    for (int i = 1; i < width; i++) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      sb.append((char) ('0' + value / div % 10));
    }
  }

  /**
   * Parses a UTC instant: the {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} shape directly, anything else
   * with {@link Instant#parse}.
   *
   * @throws DateTimeParseException if the text is not an ISO-8601 instant
   */
  static Instant parse(String text) {
    Instant fast = parseCanonical(text);
    return fast != null ? fast : Instant.parse(text);
  }

  private static @Nullable Instant parseCanonical(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    int hour = num(s, 11, 2);
    int minute = num(s, 14, 2);
    int second = num(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nano = 0;
    if (n > 20) {
      int digits = n - 21;
      if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
        return null;
      }
      for (int i = 20; i < n - 1; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        nano = nano * 10 + (c - '0');
      }
      for (int i = digits; i < 9; i++) {
        nano *= 10;
      }
    }
    long days = daysFromCivil(year, month, day);
    return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
  }

  private static int num(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
