package io.guestpatch.orchestrator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Helpers for the planner's fork-join work on the common pool. */
final class Parallel {
  private Parallel() {}

  /** The task's result; its own exception (not a CompletionException wrapper) when it failed. */
  static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
