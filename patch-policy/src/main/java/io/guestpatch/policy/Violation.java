package io.guestpatch.policy;

import org.immutables.value.Value;

/**
 * One finding of a rule, shaped like an Azure {@code ApiError} detail: Azure's {@code code}
 * ({@code InvalidParameter}, {@code PropertyChangeNotAllowed}, {@code OperationNotAllowed}), the
 * {@code target} property path as Azure writes it (e.g.
 * {@code windowsConfiguration.patchSettings.patchMode}), our stable {@code reason} (one per rule, listed
 * in {@code docs/rules.md}), a {@link Severity} and a message that says what to change.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Violation {
  /** Azure's error code, e.g. {@code InvalidParameter}. */
  public abstract String code();

  /** Azure's property path of the offending member. */
  public abstract String target();

  /** Our stable reason code, e.g. {@code WINDOWS_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF}. */
  public abstract String reason();

  /** Error or warning. */
  public abstract Severity severity();

  /** What is wrong and what to change. */
  public abstract String message();

  /** Whether this finding is an error. */
  public final boolean isError() {
    return severity() == Severity.ERROR;
  }

  /** A violation with every field given. */
  public static Violation of(
      String code, String target, String reason, Severity severity, String message) {
    return ImmutableViolation.builder()
        .code(code)
        .target(target)
        .reason(reason)
        .severity(severity)
        .message(message)
        .build();
  }

  /** An {@code InvalidParameter} error. */
  public static Violation invalidParameter(String target, String reason, String message) {
    return of("InvalidParameter", target, reason, Severity.ERROR, message);
  }

  /** A warning with code {@code InvalidParameter}. */
  public static Violation warning(String target, String reason, String message) {
    return of("InvalidParameter", target, reason, Severity.WARNING, message);
  }

  @Override
  public String toString() {
    return severity() + " " + code() + " " + target() + " [" + reason() + "]: " + message();
  }
}
