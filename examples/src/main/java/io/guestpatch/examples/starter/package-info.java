/**
 * Small, documented starter programs: validate a VM built in code ({@link
 * io.guestpatch.examples.starter.ValidateTemplateExample}), classify an assessment, plan a fleet, and
 * embed the rollout engine on a real clock.
 */
@NullMarked
package io.guestpatch.examples.starter;

import org.jspecify.annotations.NullMarked;
