package io.guestpatch.examples;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.policy.AssessmentClassification;
import io.guestpatch.policy.ClassifiedPatch;
import io.guestpatch.policy.InstallSelection;
import io.guestpatch.policy.InstallSelector;
import io.guestpatch.policy.PatchClassifier;
import io.guestpatch.policy.PatchSelection;
import io.guestpatch.policy.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch classify}: what automatic patching would install from an assessment (C-rules)
 * and, with {@code --install-params}, what an on-demand install would select (S-rules), with reasons.
 * Not thread-safe (one instance per run).
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Classify the patches of an assessment (VirtualMachineAssessPatchesResult JSON): what automatic",
      "patching installs (Critical and Security only) and, with --install-params, what an on-demand",
      "install (VirtualMachineInstallPatchesParameters JSON) would select, with reasons.",
      "Prints {\"patches\": [...], \"summary\": {...}}. Exit 1 when the install parameters are invalid."
    })
final class ClassifyCommand implements Callable<Integer> {
  /** The operating systems patches are classified for. */
  enum Os { Windows, Linux }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ASSESS.json", description = "The assessment result.")
  Path assessment;

  @Option(names = "--install-params", paramLabel = "FILE",
      description = "Install parameters to validate (S1) and select with (S2-S5).")
  Path installParams;

  @Option(names = "--os", paramLabel = "Windows|Linux",
      description = "The VM's operating system. When absent it is guessed: Windows if any patch has a kbId, "
          + "else Windows if the install parameters carry only windowsParameters, else Linux.")
  Os os;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VirtualMachineAssessPatchesResult result =
        CliSupport.readJson(assessment, VirtualMachineAssessPatchesResult.class, "assessment");
    VirtualMachineInstallPatchesParameters params = installParams == null
        ? null
        : CliSupport.readJson(installParams, VirtualMachineInstallPatchesParameters.class, "install parameters");
    OperatingSystemTypes system = os != null ? OperatingSystemTypes.fromString(os.name()) : guess(result, params);
    if (os == null) {
      err.println("classifying for " + system + " (guessed; pass --os to choose)");
    }

    AssessmentClassification classification = PatchClassifier.ofDefaults().classify(result, system);
    InstallSelection selection = null;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("os", system.toString());
    if (params != null) {
      InstallSelector selector = InstallSelector.ofDefaults();
      ValidationReport report = selector.validate(params, system);
      if (!report.isValid()) {
        doc.put("valid", false);
        doc.put("violations", CliSupport.violations(report.violations()));
        CliSupport.printJson(out, doc);
        return GuestPatchCli.NEGATIVE;
      }
      selection = selector.select(params, result.availablePatches(), system);
    }

    List<Map<String, Object>> patches = new ArrayList<>();
    List<ClassifiedPatch> classified = classification.patches();
    for (int i = 0; i < classified.size(); i++) {
      ClassifiedPatch cp = classified.get(i);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("patchId", cp.patch().patchId().orElse(null));
      p.put("name", cp.patch().name().orElse(null));
      cp.patch().kbId().ifPresent(kb -> p.put("kbId", kb));
      p.put("classification", cp.classification().azureName());
      p.put("autoPatch", cp.installedByAutoPatching() ? "install" : "skip");
      p.put("reason", cp.autoPatchSource());
      p.put("autoPatchReason", cp.autoPatchReason());
      p.put("classificationReason", cp.reason());
      p.put("classificationSource", cp.source());
      if (selection != null) {
        PatchSelection s = selection.selections().get(i);
        p.put("selection", s.state().installationState().toString());
        p.put("selectionReason", s.reason());
        p.put("selectionDetail", s.detail());
      }
      patches.add(p);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("criticalAndSecurityPatchCount", classification.criticalAndSecurityPatchCount());
    summary.put("otherPatchCount", classification.otherPatchCount());
    if (!classification.reportedCountsMatch()) {
      summary.put("reportedCountsMatch", false);
    }
    if (selection != null) {
      summary.put("pendingPatchCount", selection.pendingPatchCount());
      summary.put("excludedPatchCount", selection.excludedPatchCount());
      summary.put("notSelectedPatchCount", selection.notSelectedPatchCount());
      if (!selection.warnings().isEmpty()) {
        doc.put("warnings", CliSupport.violations(selection.warnings().violations()));
      }
    }
    doc.put("patches", patches);
    doc.put("summary", summary);
    CliSupport.printJson(out, doc);
    return GuestPatchCli.OK;
  }

  /** Windows if any patch has a kbId, else Windows if only windowsParameters are given, else Linux. */
  static OperatingSystemTypes guess(
      VirtualMachineAssessPatchesResult result, VirtualMachineInstallPatchesParameters params) {
    for (VirtualMachineSoftwarePatchProperties p : result.availablePatches()) {
      if (p.kbId().isPresent() && !p.kbId().get().isBlank()) {
        return OperatingSystemTypes.WINDOWS;
      }
    }
    if (params != null && params.windowsParameters().isPresent() && params.linuxParameters().isEmpty()) {
      return OperatingSystemTypes.WINDOWS;
    }
    return OperatingSystemTypes.LINUX;
  }
}
