package io.guestpatch.examples.starter;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import io.guestpatch.policy.Eligibility;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.ValidationReport;

/**
 * Starter: validate a VM built in code, as a template linter would, before it is deployed.
 *
 * <p>The VM asks for {@code Manual} patching but leaves {@code enableAutomaticUpdates} on, which Azure
 * rejects (P3), and is therefore also not eligible for automatic patching (E1). Run with
 * {@code java -cp examples/target/guestpatch.jar io.guestpatch.examples.starter.ValidateTemplateExample}.
 */
public final class ValidateTemplateExample {
  private ValidateTemplateExample() {}

  /** Builds a VM, validates it and prints every finding. */
  public static void main(String[] args) {
    VirtualMachine vm = VirtualMachine.builder()
        .id("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/app-01")
        .name("app-01")
        .subscriptionId("s1")
        .resourceGroup("rg")
        .region("eastus")
        .osType(OperatingSystemTypes.WINDOWS)
        .imageReference(ImageReference.builder()
            .publisher("MicrosoftWindowsServer").offer("WindowsServer").sku("2019-Datacenter").version("latest")
            .build())
        .windowsConfiguration(WindowsConfiguration.builder()
            .provisionVMAgent(true)
            .enableAutomaticUpdates(true)
            .patchSettings(PatchSettings.builder().patchMode(WindowsVMGuestPatchMode.MANUAL).build())
            .build())
        .build();

    PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();
    ValidationReport report = policy.validate(vm);
    System.out.println(report.isValid() ? "settings valid" : "settings invalid:");
    report.violations().forEach(v -> System.out.println("  " + v.reason() + " at " + v.target() + ": " + v.message()));

    Eligibility eligibility = policy.eligibility(vm);
    System.out.println(eligibility.isEligible() ? "eligible for automatic patching" : "not eligible:");
    eligibility.reasons().forEach(v -> System.out.println("  " + v.reason() + ": " + v.message()));
  }
}
