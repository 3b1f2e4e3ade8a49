package io.guestpatch.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes VMs read from one fleet file share equal parts: configurations, images and the short strings
 * that repeat across a fleet (region, zone, subscription, resource group, agent and API versions).
 * A million-line fleet typically has a few hundred distinct configurations; sharing them saves a few
 * hundred bytes per VM, and lets consumers that remember answers per configuration object (the fleet
 * index's eligibility) reuse them. Values are unchanged: each VM equals the one read. Bounded: past
 * {@value #LIMIT} distinct values of a kind it stops remembering that kind. Not thread-safe.
 */
final class FleetCanonicalizer {
  static final int LIMIT = 1 << 16;

  private final Map<Object, Object> parts = new HashMap<>();
  private final Map<String, String> strings = new HashMap<>();

  VirtualMachine canonical(VirtualMachine vm) {
    Optional<WindowsConfiguration> win = part(vm.windowsConfiguration());
    Optional<LinuxConfiguration> lin = part(vm.linuxConfiguration());
    Optional<ImageReference> image = part(vm.imageReference());
    String region = string(vm.region());
    String subscription = string(vm.subscriptionId());
    String group = string(vm.resourceGroup());
    Optional<String> zone = stringOpt(vm.zone());
    Optional<String> agent = stringOpt(vm.vmAgentVersion());
    Optional<String> api = stringOpt(vm.apiVersion());
    Optional<String> set = stringOpt(vm.availabilitySetId());
    if (same(win, vm.windowsConfiguration()) && same(lin, vm.linuxConfiguration())
        && same(image, vm.imageReference()) && region == vm.region() && subscription == vm.subscriptionId()
        && group == vm.resourceGroup() && same(zone, vm.zone()) && same(agent, vm.vmAgentVersion())
        && same(api, vm.apiVersion()) && same(set, vm.availabilitySetId())) {
      return vm;
    }
    return VirtualMachine.builder().from(vm)
        .windowsConfiguration(win).linuxConfiguration(lin).imageReference(image)
        .region(region).subscriptionId(subscription).resourceGroup(group)
        .zone(zone).vmAgentVersion(agent).apiVersion(api).availabilitySetId(set)
        .build();
  }

  private static <T> boolean same(Optional<T> a, Optional<T> b) {
    return a.isPresent() ? b.isPresent() && a.get() == b.get() : b.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> part(Optional<T> value) {
    if (value.isEmpty()) {
      return value;
    }
    T v = value.get();
    Object known = parts.get(v);
    if (known == null) {
      if (parts.size() < LIMIT) {
        parts.put(v, v);
      }
      return value;
    }
    return known == v ? value : Optional.of((T) known);
  }

  private String string(String s) {
    String known = strings.get(s);
    if (known == null) {
      if (strings.size() < LIMIT) {
        strings.put(s, s);
      }
      return s;
    }
    return known;
  }

  private Optional<String> stringOpt(Optional<String> s) {
    if (s.isEmpty()) {
      return s;
    }
    String c = string(s.get());
    return c == s.get() ? s : Optional.of(c);
  }
}
