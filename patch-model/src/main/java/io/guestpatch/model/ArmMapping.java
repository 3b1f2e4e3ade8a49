package io.guestpatch.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps one ARM VM resource (REST shape with {@code properties}, or the flattened shape of the Azure
 * CLI) to a {@link VirtualMachine}, collecting every bad field.
 */
final class ArmMapping {
  private static final Pattern VM_ID =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Compute/virtualMachines/([^/]+)/?",
          Pattern.CASE_INSENSITIVE);

  private ArmMapping() {}

  static @Nullable VirtualMachine toVirtualMachine(
      ObjectMapper mapper, JsonNode vm, String source, long line, String path, List<FleetRecordError> errors) {
    Fields f = new Fields(source, line, path, errors);
    if (!vm.isObject()) {
      f.error("", "a VM must be a JSON object");
      return null;
    }
    boolean flattened = !vm.has("properties");
    JsonNode props = flattened ? vm : vm.get("properties");
    String prefix = flattened ? "" : "properties.";
    if (!props.isObject()) {
      f.error("properties", "must be an object");
      return null;
    }
    VirtualMachine.Builder b = VirtualMachine.builder();

    String id = f.text(vm, "id", "");
    if (id == null) {
      f.error("id", "missing; an ARM VM needs its resource id");
    } else {
      Matcher m = VM_ID.matcher(id);
      if (m.matches()) {
        b.id(id).subscriptionId(m.group(1)).resourceGroup(m.group(2)).name(m.group(3));
      } else {
        f.error("id", "'" + id + "' is not a VM resource id of the form "
            + "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}");
      }
    }
    String name = f.text(vm, "name", "");
    if (name != null) {
      b.name(name);
    }
    String location = f.text(vm, "location", "");
    if (location == null) {
      f.error("location", "missing; an ARM VM needs its region");
    } else {
      b.region(location);
    }
    JsonNode zones = vm.get("zones");
    if (zones != null && !zones.isNull()) {
      if (!zones.isArray()) {
        f.error("zones", "must be an array of zone names such as [\"1\"]");
      } else if (zones.size() > 0) {
        JsonNode z = zones.get(0);
        if (z.isTextual() && !z.asText().isBlank()) {
          b.zone(z.asText());
        } else {
          f.error("zones[0]", "must be a zone name such as \"1\"");
        }
      }
    }
    String set = f.text(props.path("availabilitySet"), "id", prefix + "availabilitySet.");
    if (set != null) {
      b.availabilitySetId(set);
    }

    JsonNode iv = props.has("instanceView") ? props.get("instanceView") : vm.path("instanceView");
    String ivPrefix = props.has("instanceView") ? prefix + "instanceView." : "instanceView.";
    Integer ud = f.integer(iv, "platformUpdateDomain", ivPrefix);
    if (ud != null) {
      b.platformUpdateDomain(ud);
    }
    Integer fd = f.integer(iv, "platformFaultDomain", ivPrefix);
    if (fd != null) {
      b.platformFaultDomain(fd);
    }
    String agent = f.text(iv.path("vmAgent"), "vmAgentVersion", ivPrefix + "vmAgent.");
    if (agent != null) {
      b.vmAgentVersion(agent);
    }
    PowerState power = powerState(iv.path("statuses"));
    if (power == null) {
      String cli = f.text(vm, "powerState", "");
      if (cli != null && !cli.isBlank()) {
        power = PowerState.fromString(cli);
      }
    }
    if (power != null) {
      b.powerState(power);
    }
    JsonNode patchStatus = iv.get("patchStatus");
    if (patchStatus != null && !patchStatus.isNull()) {
      VirtualMachinePatchStatus ps = f.value(mapper, patchStatus, VirtualMachinePatchStatus.class, ivPrefix + "patchStatus");
      if (ps != null) {
        b.patchStatus(ps);
      }
    }

    JsonNode storage = props.path("storageProfile");
    String sp = prefix + "storageProfile.";
    JsonNode image = storage.get("imageReference");
    if (image != null && !image.isNull()) {
      ImageReference.Builder ib = ImageReference.builder();
      for (String k : new String[] {"publisher", "offer", "sku", "version", "id"}) {
        String v = f.text(image, k, sp + "imageReference.");
        if (v != null) {
          switch (k) {
            case "publisher": ib.publisher(v); break;
            case "offer": ib.offer(v); break;
            case "sku": ib.sku(v); break;
            case "version": ib.version(v); break;
            default: ib.id(v); break;
          }
        }
      }
      b.imageReference(ib.build());
    }

    JsonNode os = props.path("osProfile");
    String op = prefix + "osProfile.";
    WindowsConfiguration win = null;
    LinuxConfiguration lin = null;
    if (os.hasNonNull("windowsConfiguration")) {
      win = f.value(mapper, os.get("windowsConfiguration"), WindowsConfiguration.class, op + "windowsConfiguration");
      if (win != null) {
        b.windowsConfiguration(win);
      }
    }
    if (os.hasNonNull("linuxConfiguration")) {
      lin = f.value(mapper, os.get("linuxConfiguration"), LinuxConfiguration.class, op + "linuxConfiguration");
      if (lin != null) {
        b.linuxConfiguration(lin);
      }
    }
    String osType = f.text(storage.path("osDisk"), "osType", sp + "osDisk.");
    if (osType != null) {
      b.osType(OperatingSystemTypes.fromString(osType));
    } else if (os.hasNonNull("windowsConfiguration") != os.hasNonNull("linuxConfiguration")) {
      b.osType(os.hasNonNull("windowsConfiguration") ? OperatingSystemTypes.WINDOWS : OperatingSystemTypes.LINUX);
    } else if (!storage.path("osDisk").hasNonNull("osType")) {
      f.error(sp + "osDisk.osType", "missing; give \"Windows\" or \"Linux\"");
    }

    JsonNode tags = vm.get("tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isObject()) {
        f.error("tags", "must be an object of string values");
      } else {
        Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getValue().isValueNode() && !e.getValue().isNull()) {
            b.putTags(e.getKey(), e.getValue().asText());
          } else {
            f.error("tags." + e.getKey(), "must be a string");
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      f.error("", FleetReader.firstLine(e.getMessage()));
      return null;
    }
  }

  private static @Nullable PowerState powerState(JsonNode statuses) {
    if (!statuses.isArray()) {
      return null;
    }
    for (JsonNode s : statuses) {
      String code = s.path("code").asText("");
      if (code.regionMatches(true, 0, "PowerState/", 0, 11) && code.length() > 11) {
        return PowerState.fromString(code);
      }
    }
    return null;
  }

  /** Typed access to fields that records every mistake. */
  private static final class Fields {
    private final String source;
    private final long line;
    private final String path;
    private final List<FleetRecordError> errors;

    Fields(String source, long line, String path, List<FleetRecordError> errors) {
      this.source = source;
      this.line = line;
      this.path = path;
      this.errors = errors;
    }

    void error(String field, String message) {
      errors.add(new FleetRecordError(source, line, path, field, message));
    }

    @Nullable String text(JsonNode parent, String name, String prefix) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isTextual()) {
        error(prefix + name, "must be a string, found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return null;
      }
      return n.asText();
    }

    @Nullable Integer integer(JsonNode parent, String name, String prefix) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
        error(prefix + name, "must be a whole number 0 or greater, found " + n);
        return null;
      }
      return n.asInt();
    }

    <T> @Nullable T value(ObjectMapper mapper, JsonNode node, Class<T> type, String field) {
      try {
        return mapper.treeToValue(node, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        FleetRecordError inner = e instanceof JsonProcessingException
            ? FleetReader.describe((JsonProcessingException) e, source, line, path)
            : new FleetRecordError(source, line, path, "", FleetReader.firstLine(e.getMessage()));
        String sub = inner.field().map(s -> field + "." + s).orElse(field);
        error(sub, inner.message());
        return null;
      }
    }
  }
}
