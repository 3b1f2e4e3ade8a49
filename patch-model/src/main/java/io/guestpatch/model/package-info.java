/**
 * Immutable value types for Azure VM guest patching and the fleet inventory, with their JSON mapping.
 *
 * <p>Entry points: {@link io.guestpatch.model.PatchJson#newObjectMapper()} for the Azure wire types
 * (their class names and JSON names are Azure's), {@link io.guestpatch.model.VirtualMachine} for the
 * fleet record, and {@link io.guestpatch.model.FleetReader} / {@link io.guestpatch.model.FleetWriter}
 * for fleet files (ARM JSON and fleet JSON Lines).
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true))
package io.guestpatch.model;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
