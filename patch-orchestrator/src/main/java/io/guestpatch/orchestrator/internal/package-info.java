/** Implementation details of the orchestrator; not API, may change without notice. */
@NullMarked
package io.guestpatch.orchestrator.internal;

import org.jspecify.annotations.NullMarked;
