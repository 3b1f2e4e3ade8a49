package io.guestpatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.internal.SharedOptionals;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 (allocation-free validation): the model types the settings rules read keep their Optional
 * attributes as Optionals ({@code OptionalEncoding}), shared among records that hold the same value;
 * and the documented side effects of that encoding, pinned so that a change to them is noticed.
 */
@DisplayName("Stored Optionals of the valid-path model types")
class StoredOptionalsTest {
  private static final ImageReference IMAGE = ImageReference.builder()
      .publisher("Canonical").offer("0001-com-ubuntu-server-jammy").sku("22_04-lts-gen2").version("latest").build();

  private static VirtualMachine vm(String name) {
    return VirtualMachine.builder()
        .id("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + name)
        .name(name)
        .subscriptionId("s")
        .resourceGroup("rg")
        .region("eastus")
        .osType(OperatingSystemTypes.LINUX)
        .imageReference(IMAGE)
        .linuxConfiguration(LinuxConfiguration.builder().provisionVMAgent(true)
            .patchSettings(LinuxPatchSettings.builder()
                .patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM).build())
            .build())
        .build();
  }

  @Test
  @DisplayName("an accessor returns the same Optional on every call, and records holding one object share it")
  void accessorsReturnStoredSharedOptionals() {
    VirtualMachine a = vm("a");
    VirtualMachine b = vm("b");
    assertThat(a.imageReference()).isSameAs(a.imageReference()).containsSame(IMAGE);
    assertThat(b.imageReference()).isSameAs(a.imageReference());
    LinuxConfiguration linux = a.linuxConfiguration().orElseThrow();
    assertThat(linux.patchSettings()).isSameAs(linux.patchSettings());
    assertThat(linux.provisionVMAgent()).isSameAs(linux.provisionVMAgent()).contains(true);
    assertThat(IMAGE.publisher()).isSameAs(IMAGE.publisher()).contains("Canonical");
    assertThat(a.zone()).isEmpty().isSameAs(Optional.empty());
  }

  @Test
  @DisplayName("sharing is by identity: equal but distinct values keep Optionals of their own object")
  void sharingIsByIdentity() {
    String one = new String("2.2.54.2");
    String other = new String("2.2.54.2");
    Optional<String> first = SharedOptionals.of(one);
    Optional<String> second = SharedOptionals.of(other);
    assertThat(first.orElseThrow()).isSameAs(one);
    assertThat(second.orElseThrow()).isSameAs(other);
    assertThat(SharedOptionals.share(Optional.empty())).isSameAs(Optional.empty());
    VirtualMachine withAgent = VirtualMachine.builder().from(vm("c")).vmAgentVersion(one).build();
    assertThat(withAgent.vmAgentVersion().orElseThrow()).isSameAs(one);
  }

  @Test
  @DisplayName("equals, hashCode and with* behave as for plain Immutables Optionals")
  void equalityAndCopies() {
    VirtualMachine a = vm("a");
    VirtualMachine copy = VirtualMachine.builder().from(a).build();
    assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
    VirtualMachine zoned = ((ImmutableVirtualMachine) a).withZone("2");
    assertThat(zoned.zone()).contains("2");
    assertThat(zoned).isNotEqualTo(a);
    assertThat(((ImmutableVirtualMachine) zoned).withZone(Optional.empty())).isEqualTo(a);
  }

  @Test
  @DisplayName("documented side effects: from() also copies absent values; toString names absent ones")
  void documentedSideEffects() {
    VirtualMachine withoutZone = vm("a");
    VirtualMachine.Builder builder = VirtualMachine.builder();
    builder.zone("1");
    builder.from(withoutZone);
    assertThat(builder.build().zone()).as("from() overwrote the zone set before it").isEmpty();
    assertThat(withoutZone.toString()).contains("zone=absent");
  }
}
