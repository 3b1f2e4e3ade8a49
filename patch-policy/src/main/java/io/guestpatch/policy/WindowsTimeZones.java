package io.guestpatch.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of Windows time zone names (the values of {@code windowsConfiguration.timeZone},
 * such as {@code Pacific Standard Time}) and the IANA zone each one means (W1).
 *
 * <p>The data is the whole of CLDR's {@code windowsZones} mapping: for every Windows zone id CLDR
 * lists, its territory {@code 001} (default) IANA zone, with legacy IANA aliases replaced by the
 * canonical ids Java knows ({@code India Standard Time} maps to {@code Asia/Kolkata}). It ships as
 * the resource {@code io/guestpatch/policy/windowsZones.csv} and is read once, the first time this
 * class is used.
 *
 * <p>Names match case-insensitively, after trimming leading and trailing white space and folding
 * runs of inner white space to one space: {@code " pacific  standard time "} finds
 * {@code Pacific Standard Time}. A name that CLDR does not list maps to nothing.
 *
 * <p>Thread-safe: the catalogue is immutable once loaded. A lookup of a name written exactly as
 * CLDR writes it allocates nothing.
 *
 * <p>Errors: if the bundled resource is missing or malformed (a packaging defect, never a data
 * problem) the first use throws {@link IllegalStateException}.
 */
public final class WindowsTimeZones {
  static final String RESOURCE = "windowsZones.csv";

  private WindowsTimeZones() {}

  /**
   * The IANA zone for a Windows time zone name, such as {@code America/Los_Angeles} for
   * {@code Pacific Standard Time}; empty when CLDR does not list the name.
   */
  public static Optional<ZoneId> toZoneId(String windowsName) {
    Catalogue catalogue = Catalogue.INSTANCE;
    Optional<ZoneId> exact = catalogue.exact.get(windowsName);
    if (exact != null) {
      return exact;
    }
    Optional<ZoneId> folded = catalogue.folded.get(fold(windowsName));
    return folded != null ? folded : Optional.empty();
  }

  /** Every Windows zone id in the catalogue, spelled as CLDR spells it, in the file's order. */
  public static Set<String> windowsZoneIds() {
    return Catalogue.INSTANCE.names;
  }

  /** Trim, fold inner white space runs to one space, lower-case. */
  static String fold(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean pendingSpace = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** The loaded data; the holder idiom makes loading lazy and thread-safe. */
  private static final class Catalogue {
    static final Catalogue INSTANCE = load();

    final Map<String, Optional<ZoneId>> exact;
    final Map<String, Optional<ZoneId>> folded;
    final Set<String> names;

    private Catalogue(
        Map<String, Optional<ZoneId>> exact,
        Map<String, Optional<ZoneId>> folded,
        Set<String> names) {
      this.exact = exact;
      this.folded = folded;
      this.names = names;
    }

    private static Catalogue load() {
      Map<String, Optional<ZoneId>> exact = new HashMap<>();
      Map<String, Optional<ZoneId>> folded = new HashMap<>();
      Set<String> names = new LinkedHashSet<>();
      try (InputStream in = WindowsTimeZones.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "resource io/guestpatch/policy/" + RESOURCE + " is missing from the classpath");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          String text = line.trim();
          if (text.isEmpty() || text.startsWith("#")) {
            continue;
          }
          int comma = text.indexOf(',');
          if (comma <= 0 || comma == text.length() - 1 || text.indexOf(',', comma + 1) >= 0) {
            throw malformed(lineNumber, line, "expected windowsZoneId,ianaZoneId");
          }
          String windows = text.substring(0, comma).trim();
          String iana = text.substring(comma + 1).trim();
          ZoneId zone;
          try {
            zone = ZoneId.of(iana);
          } catch (DateTimeException e) {
            throw malformed(lineNumber, line, "unknown IANA zone '" + iana + "'");
          }
          Optional<ZoneId> value = Optional.of(zone);
          if (folded.put(fold(windows), value) != null) {
            throw malformed(lineNumber, line, "Windows zone '" + windows + "' is listed twice");
          }
          exact.put(windows, value);
          names.add(windows);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read resource io/guestpatch/policy/" + RESOURCE, e);
      }
      return new Catalogue(
          Collections.unmodifiableMap(exact),
          Collections.unmodifiableMap(folded),
          Collections.unmodifiableSet(names));
    }

    private static IllegalStateException malformed(int lineNumber, String line, String what) {
      return new IllegalStateException(
          "resource io/guestpatch/policy/" + RESOURCE + " line " + lineNumber + " '" + line + "': "
              + what);
    }
  }
}
