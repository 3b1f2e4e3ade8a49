package io.guestpatch.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Glob patterns for install selection (S3, S4), compiled once and matched without regular expressions:
 * the matcher is iterative and backtracks only to the last {@code *}, so a match costs at most
 * O(pattern x text) steps whatever the input (no exponential blow-up such as {@code a*a*a*a*b}).
 *
 * <p>Windows masks know {@code *} and {@code ?} and compare ignoring case; Linux (shell-style) globs also
 * know {@code [abc]}, {@code [a-z]} and {@code [!abc]} (or {@code [^abc]}) and compare exactly. A
 * {@code [} without a closing {@code ]} is a literal. Package-private; compiled globs are immutable and
 * thread-safe.
 */
final class Globs {
  private static final byte LITERAL = 0;
  private static final byte ANY = 1;
  private static final byte STAR = 2;
  private static final byte CLASS = 3;

  private Globs() {}

  /** A Windows patch-name mask: {@code *} and {@code ?}, case-insensitive. */
  static Glob windowsMask(String pattern) {
    return compile(pattern, true, false);
  }

  /** A shell-style glob: {@code *}, {@code ?} and bracket classes, case-sensitive. */
  static Glob shell(String pattern) {
    return compile(pattern, false, true);
  }

  static Glob compile(String pattern, boolean ignoreCase, boolean classes) {
    int n = pattern.length();
    byte[] kinds = new byte[n];
    char[] chars = new char[n];
    List<char[]> classList = new ArrayList<>(0);
    boolean[] negated = new boolean[n];
    int[] classIndex = new int[n];
    int m = 0;
    int i = 0;
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (m == 0 || kinds[m - 1] != STAR) {
          kinds[m++] = STAR;
        }
        i++;
      } else if (c == '?') {
        kinds[m++] = ANY;
        i++;
      } else if (c == '[' && classes && closingBracket(pattern, i) > 0) {
        int close = closingBracket(pattern, i);
        int start = i + 1;
        boolean neg = pattern.charAt(start) == '!' || pattern.charAt(start) == '^';
        if (neg) {
          start++;
        }
        // ranges as pairs lo, hi
        StringBuilder ranges = new StringBuilder();
        int j = start;
        while (j < close) {
          char lo = pattern.charAt(j);
          if (j + 2 < close && pattern.charAt(j + 1) == '-') {
            ranges.append(lo).append(pattern.charAt(j + 2));
            j += 3;
          } else {
            ranges.append(lo).append(lo);
            j++;
          }
        }
        kinds[m] = CLASS;
        negated[m] = neg;
        classIndex[m] = classList.size();
        classList.add(ranges.toString().toCharArray());
        m++;
        i = close + 1;
      } else {
        kinds[m] = LITERAL;
        chars[m] = ignoreCase ? fold(c) : c;
        m++;
        i++;
      }
    }
    return new Glob(pattern, ignoreCase, trim(kinds, m), trimChars(chars, m), negated, classIndex,
        classList.toArray(new char[0][]));
  }

  /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
  private static int closingBracket(String p, int open) {
    int j = open + 1;
    if (j < p.length() && (p.charAt(j) == '!' || p.charAt(j) == '^')) {
      j++;
    }
    if (j < p.length() && p.charAt(j) == ']') {
      j++; // a ']' first in the class is a member
    }
    for (; j < p.length(); j++) {
      if (p.charAt(j) == ']') {
        return j;
      }
    }
    return -1;
  }

  private static byte[] trim(byte[] a, int m) {
    byte[] out = new byte[m];
    System.arraycopy(a, 0, out, 0, m);
    return out;
  }

  private static char[] trimChars(char[] a, int m) {
    char[] out = new char[m];
    System.arraycopy(a, 0, out, 0, m);
    return out;
  }

  static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** A compiled glob. */
  static final class Glob {
    private final String pattern;
    private final boolean ignoreCase;
    private final byte[] kinds;
    private final char[] chars;
    private final boolean[] negated;
    private final int[] classIndex;
    private final char[][] classes;

    private Glob(String pattern, boolean ignoreCase, byte[] kinds, char[] chars, boolean[] negated,
        int[] classIndex, char[][] classes) {
      this.pattern = pattern;
      this.ignoreCase = ignoreCase;
      this.kinds = kinds;
      this.chars = chars;
      this.negated = negated;
      this.classIndex = classIndex;
      this.classes = classes;
    }

    /** The pattern as given. */
    String pattern() {
      return pattern;
    }

    /** Whether the whole text matches the pattern. */
    boolean matches(CharSequence text) {
      int n = text.length();
      int m = kinds.length;
      int p = 0;
      int s = 0;
      int starP = -1;
      int starS = -1;
      while (s < n) {
        if (p < m && kinds[p] == STAR) {
          starP = p++;
          starS = s;
        } else if (p < m && matchesOne(p, text.charAt(s))) {
          p++;
          s++;
        } else if (starP >= 0) {
          p = starP + 1;
          s = ++starS;
        } else {
          return false;
        }
      }
      while (p < m && kinds[p] == STAR) {
        p++;
      }
      return p == m;
    }

    private boolean matchesOne(int p, char c) {
      switch (kinds[p]) {
        case ANY:
          return true;
        case LITERAL:
          return chars[p] == (ignoreCase ? fold(c) : c);
        case CLASS:
          boolean in = inClass(classes[classIndex[p]], c)
              || (ignoreCase && (inClass(classes[classIndex[p]], Character.toLowerCase(c))
                  || inClass(classes[classIndex[p]], Character.toUpperCase(c))));
          return in != negated[p];
        default:
          return false;
      }
    }

    private static boolean inClass(char[] ranges, char c) {
      for (int k = 0; k < ranges.length; k += 2) {
        if (c >= ranges[k] && c <= ranges[k + 1]) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return pattern;
    }
  }
}
