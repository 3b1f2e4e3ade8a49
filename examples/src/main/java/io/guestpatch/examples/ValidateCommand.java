package io.guestpatch.examples;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.Eligibility;
import io.guestpatch.policy.ImageCatalogue;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.TransitionRuleSet;
import io.guestpatch.policy.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch validate}: the P-rules (patch settings), E-rules (eligibility for
 * availability-first automatic patching, left out with {@code --no-eligibility}) and, with
 * {@code --previous}, the T-rules (mode transitions) on VMs read from ARM JSON or fleet JSON Lines. Prints a JSON array, one object per VM. Not
 * thread-safe (one instance per run).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Validate VM patch settings (P rules), eligibility for automatic patching (E rules) and, with",
      "--previous, the change from the previous settings (T rules; VMs matched by id); with",
      "--no-eligibility only the P (and T) rules.",
      "Input: one ARM VM, an array, {\"value\": [...]} (az vm list) or fleet JSON Lines.",
      "Prints a JSON array: {\"vm\", \"valid\", \"violations\": [{\"code\", \"target\", \"reason\",",
      "\"severity\", \"message\"}]} per VM. Exit 1 when any violation is an error."
    })
final class ValidateCommand implements Callable<Integer> {
  /** The {@code --rules} and {@code --images} editions. */
  enum Edition { seed, current }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "VM files (ARM JSON or fleet JSON Lines).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--previous", paramLabel = "FILE",
      description = "The VMs as they are now; each input VM with the same id is checked as a change (T rules).")
  Path previous;

  @Option(names = "--rules", paramLabel = "seed|current", defaultValue = "seed",
      description = "Transition rule set: seed (the original rule) or current (the later public rule). "
          + "Default: ${DEFAULT-VALUE}.")
  Edition rules;

  @Option(names = "--images", paramLabel = "seed|current", defaultValue = "seed",
      description = "Supported-image catalogue: seed or current (the longer public list). Default: ${DEFAULT-VALUE}.")
  Edition images;

  @Option(names = "--no-eligibility",
      description = "Check only the P rules (and T rules with --previous), not eligibility for automatic "
          + "patching (E rules): for linting VM templates in CI, where Manual or ImageDefault is a valid choice.")
  boolean noEligibility;

  @Option(names = "--skip-invalid",
      description = "Go on with the good records when a file has bad ones (they are still listed on stderr).")
  boolean skipInvalid;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PatchSettingsPolicy policy = PatchSettingsPolicy.builder()
        .imageCatalogue(images == Edition.current ? ImageCatalogue.current() : ImageCatalogue.seed())
        .transitionRules(rules == Edition.current ? TransitionRuleSet.CURRENT_PUBLIC : TransitionRuleSet.SEED)
        .build();
    Map<String, VirtualMachine> before = new HashMap<>();
    if (previous != null) {
      for (VirtualMachine vm : CliSupport.readFleet(previous, skipInvalid, err)) {
        before.put(vm.id().toLowerCase(Locale.ROOT), vm);
      }
    }
    List<Map<String, Object>> report = new ArrayList<>();
    boolean anyError = false;
    for (Path file : files) {
      List<VirtualMachine> vms = CliSupport.readFleet(file, skipInvalid, err);
      if (vms.isEmpty()) {
        err.println("warning: " + file + " holds no VM");
      }
      for (VirtualMachine vm : vms) {
        List<Violation> found = new ArrayList<>(policy.validate(vm).violations());
        VirtualMachine old = before.get(vm.id().toLowerCase(Locale.ROOT));
        if (old != null) {
          found.addAll(policy.validateTransition(old, vm).violations());
        }
        if (!noEligibility) {
          for (Violation v : policy.eligibility(vm).reasons()) {
            // E1_SETTINGS_INVALID only repeats the P-rule errors listed above.
            if (!Eligibility.E1_SETTINGS_INVALID.equals(v.reason())) {
              found.add(v);
            }
          }
        }
        boolean valid = found.stream().noneMatch(Violation::isError);
        anyError |= !valid;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("vm", vm.id());
        entry.put("file", file.toString());
        entry.put("valid", valid);
        entry.put("violations", CliSupport.violations(found));
        report.add(entry);
      }
    }
    CliSupport.printJson(out, report);
    return anyError ? GuestPatchCli.NEGATIVE : GuestPatchCli.OK;
  }
}
