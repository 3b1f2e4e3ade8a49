/**
 * Pure patch rules over the model: settings validation (P-rules), mode transitions (T-rules),
 * eligibility (E-rules), effective configuration, classification (C-rules), install selection
 * (S-rules), off-peak windows (W-rules) and the catalogues they use.
 *
 * <p>Everything here is stateless and thread-safe once built: no I/O at call time, no clock (time is an
 * argument), no logging. Catalogues are loaded when a policy is built, from bundled resources or the
 * caller's JSON. Findings are {@link io.guestpatch.policy.Violation}s shaped like Azure
 * {@code ApiError} details.
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
package io.guestpatch.policy;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
