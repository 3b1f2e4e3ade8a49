package io.guestpatch.examples;

/**
 * Unreadable or unusable input found while a command runs: the tool prints the message on one line and
 * exits with {@link GuestPatchCli#BAD_INPUT}. Package-private.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
