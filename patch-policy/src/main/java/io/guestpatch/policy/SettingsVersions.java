package io.guestpatch.policy;

/**
 * Allocation-free parsing of the two kinds of version the settings rules compare: dotted numeric VM
 * agent versions ({@code 2.2.53.1}) and Compute API versions ({@code 2021-03-01}, optionally with a
 * {@code -preview} suffix). Package-private; stateless.
 */
final class SettingsVersions {
  /** The oldest Linux VM agent that supports {@code AutomaticByPlatform} (P9). */
  static final long[] MIN_LINUX_AGENT = {2, 2, 53, 1};

  /** The oldest Linux VM agent, as text for messages. */
  static final String MIN_LINUX_AGENT_TEXT = "2.2.53.1";

  /** Returned by {@link #compareDotted} when the version cannot be parsed. */
  static final int UNPARSABLE = Integer.MIN_VALUE;

  private static final int MAX_SEGMENT_DIGITS = 18;

  private SettingsVersions() {}

  /**
   * Compares a dotted numeric version (one or more segments of ASCII digits separated by single dots)
   * with a minimum, segment by segment as numbers; missing segments count as zero, so {@code 2.2.53}
   * is below {@code 2.2.53.1} and {@code 2.2.100} is above {@code 2.2.53.1}.
   *
   * @return a negative number, zero or a positive number as the version is below, equal to or above
   *     the minimum; {@link #UNPARSABLE} when the text is not a dotted numeric version
   */
  static int compareDotted(String version, long[] minimum) {
    int n = version.length();
    if (n == 0) {
      return UNPARSABLE;
    }
    int segment = 0;
    int result = 0;
    int i = 0;
    while (true) {
      int start = i;
      long value = 0;
      while (i < n) {
        char c = version.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        if (i - start >= MAX_SEGMENT_DIGITS) {
          return UNPARSABLE;
        }
        value = value * 10 + (c - '0');
        i++;
      }
      if (i == start) {
        return UNPARSABLE; // empty segment, or a non-digit where a digit must be
      }
      if (result == 0) {
        long min = segment < minimum.length ? minimum[segment] : 0;
        result = Long.compare(value, min);
      }
      segment++;
      if (i == n) {
        break;
      }
      if (version.charAt(i) != '.') {
        return UNPARSABLE;
      }
      i++;
      if (i == n) {
        return UNPARSABLE; // trailing dot
      }
    }
    if (result == 0) {
      for (int s = segment; s < minimum.length; s++) {
        if (minimum[s] != 0) {
          return -1;
        }
      }
    }
    return result;
  }

  /**
   * Parses a Compute API version {@code YYYY-MM-DD} or {@code YYYY-MM-DD-preview} (suffix in any
   * case) into the number {@code YYYYMMDD}.
   *
   * @return the date as {@code YYYYMMDD}, or -1 when the text is malformed
   */
  static int apiDate(String apiVersion) {
    int n = apiVersion.length();
    if (n != 10 && !(n == 18 && apiVersion.regionMatches(true, 10, "-preview", 0, 8))) {
      return -1;
    }
    if (apiVersion.charAt(4) != '-' || apiVersion.charAt(7) != '-') {
      return -1;
    }
    int year = digits(apiVersion, 0, 4);
    int month = digits(apiVersion, 5, 7);
    int day = digits(apiVersion, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return -1;
    }
    return year * 10000 + month * 100 + day;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
