package io.guestpatch.model;

import java.util.Optional;

/**
 * A result or summary with an {@code error} member, which Azure often sends as an explicit
 * {@code "error": null}. The mapper keeps that null apart from an absent member, so that a document
 * read and written back is the same JSON tree.
 */
public interface ErrorCarrier {
  /** The error, when one was reported. */
  Optional<ApiError> error();

  /**
   * Whether the document carried {@code "error": null}; then the member is written back as null.
   * False when the member was absent or holds an error.
   */
  boolean errorExplicitlyNull();

  /** A copy whose {@code error} member is an explicit JSON null. */
  ErrorCarrier withErrorExplicitlyNull();
}
