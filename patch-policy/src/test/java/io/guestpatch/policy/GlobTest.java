package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The glob matcher behind S3 patch-name masks and S4 package masks. */
class GlobTest {
  private static boolean shell(String pattern, String text) {
    return Globs.shell(pattern).matches(text);
  }

  private static boolean windows(String pattern, String text) {
    return Globs.windowsMask(pattern).matches(text);
  }

  @Test
  @DisplayName("edge cases: empty pattern, lone star, star against empty text")
  void edgeCases() {
    assertThat(shell("", "")).isTrue();
    assertThat(shell("", "a")).isFalse();
    assertThat(shell("*", "")).isTrue();
    assertThat(shell("*", "anything at all")).isTrue();
    assertThat(shell("**", "")).isTrue();
    assertThat(shell("?", "")).isFalse();
    assertThat(shell("a", "")).isFalse();
  }

  @Test
  @DisplayName("S4: star matches any run, also inside and at both ends")
  void starMatchesAnyRun() {
    assertThat(shell("kernel*", "kernel")).isTrue();
    assertThat(shell("kernel*", "kernel-headers")).isTrue();
    assertThat(shell("kernel*", "linux-kernel")).isFalse();
    assertThat(shell("*ssl*", "openssl-libs")).isTrue();
    assertThat(shell("lib*-dev", "libssl-dev")).isTrue();
    assertThat(shell("lib*-dev", "libssl-dev1")).isFalse();
    assertThat(shell("a*b*c", "aXbYbZc")).isTrue();
    assertThat(shell("a*b*c", "aXbYcZ")).isFalse();
  }

  @Test
  @DisplayName("S4: question mark matches exactly one character")
  void questionMarkMatchesOne() {
    assertThat(shell("libc?", "libc6")).isTrue();
    assertThat(shell("libc?", "libc")).isFalse();
    assertThat(shell("libc?", "libc66")).isFalse();
    assertThat(shell("??", "ab")).isTrue();
  }

  @Test
  @DisplayName("S4: bracket classes, ranges and negation; an unclosed bracket is literal")
  void bracketClasses() {
    assertThat(shell("python[23]", "python3")).isTrue();
    assertThat(shell("python[23]", "python4")).isFalse();
    assertThat(shell("gcc-[0-9]*", "gcc-12")).isTrue();
    assertThat(shell("gcc-[0-9]*", "gcc-x")).isFalse();
    assertThat(shell("v[!0-9]", "vx")).isTrue();
    assertThat(shell("v[!0-9]", "v1")).isFalse();
    assertThat(shell("v[^0-9]", "v1")).isFalse();
    assertThat(shell("a[]]b", "a]b")).isTrue();
    assertThat(shell("a[b", "a[b")).isTrue();
    assertThat(shell("a[b", "ab")).isFalse();
  }

  @Test
  @DisplayName("S4: Linux globs are case-sensitive; S3: Windows masks ignore case")
  void caseSensitivity() {
    assertThat(shell("OpenSSL*", "openssl")).isFalse();
    assertThat(windows("*sql*", "Microsoft SQL Server 2019 Update")).isTrue();
    assertThat(windows("WINDOWS?DEFENDER*", "Windows Defender platform update")).isTrue();
  }

  @Test
  @DisplayName("S3: Windows masks treat brackets as literal characters")
  void windowsMasksHaveNoClasses() {
    assertThat(windows("a[bc]", "ab")).isFalse();
    assertThat(windows("a[bc]", "a[bc]")).isTrue();
  }

  @Test
  @DisplayName("patterns that make backtracking regexes explode are answered (false) promptly")
  void noCatastrophicBacktracking() {
    String text = "a".repeat(5_000);
    assertThat(shell("a*a*a*a*a*a*a*a*a*a*a*a*b", text)).isFalse();
    assertThat(shell("*a*a*a*a*a*a*a*a*a*a*a*a*", text)).isTrue();
    assertThat(windows("*?*?*?*?*?*?*?*?*b", text)).isFalse();
  }
}
