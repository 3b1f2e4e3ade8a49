package io.guestpatch.policy;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LinuxParameters;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootBehavior;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.model.WindowsParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validates an on-demand installPatches request (S1, and the input rules of S3 and S4) and decides, for
 * each assessed patch, whether the request installs it (S2-S5).
 *
 * <p>A patch is {@code Excluded} when it matches an exclusion, whatever else matches (exclusion wins):
 * Windows {@code kbNumbersToExclude}, {@code patchNameMasksToExclude}, or {@code
 * excludeKbsRequiringReboot} with a reboot behaviour other than {@code NeverReboots} (absent and
 * {@code Unknown} count as possibly rebooting); Linux {@code packageNameMasksToExclude}. Otherwise a
 * Windows patch published after {@code maxPatchPublishDate} (or without a published date while one is
 * given) is {@code NotSelected}. Otherwise the patch is {@code Pending} when it is explicitly included
 * (a KB number with or without {@code KB}, a patch-name mask, a package mask with an optional
 * {@code =versionglob}) or when one of its classifications is in {@code classificationsToInclude};
 * else {@code NotSelected}. Windows masks know {@code *} and {@code ?} and ignore case; Linux masks are
 * case-sensitive shell globs ({@code *}, {@code ?}, {@code [...]}) matched against the package name
 * with and without an architecture suffix ({@code .x86_64}, {@code .noarch}, {@code .i686},
 * {@code .aarch64}). On Linux, {@code Other} selects every patch that is neither Critical nor Security,
 * {@code Unclassified} ones included.
 *
 * <pre>{@code
 * InstallSelector selector = InstallSelector.ofDefaults();
 * ValidationReport report = selector.validate(params, OperatingSystemTypes.WINDOWS);
 * if (report.isValid()) {
 *   InstallSelection s = selector.select(params, assessment.availablePatches(), OperatingSystemTypes.WINDOWS);
 *   s.pendingPatchCount();
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; masks are compiled once per {@link #select} call and matched in time
 * linear in mask times name length. {@link #validate} never throws for a bad request; both methods
 * throw {@link IllegalArgumentException} when {@code os} is neither Windows nor Linux, and
 * {@link #select} throws it, listing every error, for a request that {@link #validate} rejects.
 */
public final class InstallSelector {
  // ---- validation reason codes
  /** S1: the request names no classification and no include entry for the VM's operating system. */
  public static final String INSTALL_NOTHING_TO_INCLUDE = "INSTALL_NOTHING_TO_INCLUDE";
  /** S1: {@code rebootSetting} is missing. */
  public static final String INSTALL_REBOOT_SETTING_REQUIRED = "INSTALL_REBOOT_SETTING_REQUIRED";
  /** S1: {@code rebootSetting} is not {@code IfRequired}, {@code Never} or {@code Always}. */
  public static final String INSTALL_REBOOT_SETTING_UNKNOWN = "INSTALL_REBOOT_SETTING_UNKNOWN";
  /** S1: {@code maximumDuration} is not an ISO-8601 duration. */
  public static final String INSTALL_MAXIMUM_DURATION_INVALID = "INSTALL_MAXIMUM_DURATION_INVALID";
  /** S1: {@code maximumDuration} is zero or negative. */
  public static final String INSTALL_MAXIMUM_DURATION_NOT_POSITIVE = "INSTALL_MAXIMUM_DURATION_NOT_POSITIVE";
  /** S2: a {@code classificationsToInclude} entry is not a value of the OS's install enum. */
  public static final String INSTALL_CLASSIFICATION_UNKNOWN = "INSTALL_CLASSIFICATION_UNKNOWN";
  /** S3: a KB number is not digits after an optional {@code KB} prefix. */
  public static final String INSTALL_KB_NUMBER_INVALID = "INSTALL_KB_NUMBER_INVALID";
  /** S3: a Windows patch-name mask is blank or has a character other than letters, digits, {@code *}, {@code ?}. */
  public static final String INSTALL_PATCH_NAME_MASK_INVALID = "INSTALL_PATCH_NAME_MASK_INVALID";
  /** S4: a Linux package mask is blank, has whitespace, or a malformed {@code name=version} pin. */
  public static final String INSTALL_PACKAGE_MASK_INVALID = "INSTALL_PACKAGE_MASK_INVALID";
  /** S4: a Linux exclude mask pins a version with {@code =}, which only includes may do. */
  public static final String INSTALL_PACKAGE_EXCLUDE_PINS_VERSION = "INSTALL_PACKAGE_EXCLUDE_PINS_VERSION";
  /** S1 (warning): parameters for the other operating system are present and ignored. */
  public static final String INSTALL_PARAMETERS_FOR_OTHER_OS = "INSTALL_PARAMETERS_FOR_OTHER_OS";

  // ---- per-patch decision reason codes
  /** S2: selected because one of its classifications is in {@code classificationsToInclude}. */
  public static final String SELECTED_BY_CLASSIFICATION = "SELECTED_BY_CLASSIFICATION";
  /** S3: selected because its KB number is in {@code kbNumbersToInclude}. */
  public static final String SELECTED_BY_KB_NUMBER = "SELECTED_BY_KB_NUMBER";
  /** S3: selected because its name matches a {@code patchNameMasksToInclude} entry. */
  public static final String SELECTED_BY_PATCH_NAME_MASK = "SELECTED_BY_PATCH_NAME_MASK";
  /** S4: selected because it matches a {@code packageNameMasksToInclude} entry (name and pinned version). */
  public static final String SELECTED_BY_PACKAGE_MASK = "SELECTED_BY_PACKAGE_MASK";
  /** S3: excluded because its KB number is in {@code kbNumbersToExclude}. */
  public static final String EXCLUDED_BY_KB_NUMBER = "EXCLUDED_BY_KB_NUMBER";
  /** S3: excluded because its name matches a {@code patchNameMasksToExclude} entry. */
  public static final String EXCLUDED_BY_PATCH_NAME_MASK = "EXCLUDED_BY_PATCH_NAME_MASK";
  /** S3: excluded by {@code excludeKbsRequiringReboot}: its reboot behaviour is not {@code NeverReboots}. */
  public static final String EXCLUDED_MAY_REQUIRE_REBOOT = "EXCLUDED_MAY_REQUIRE_REBOOT";
  /** S4: excluded because its package name matches a {@code packageNameMasksToExclude} entry. */
  public static final String EXCLUDED_BY_PACKAGE_MASK = "EXCLUDED_BY_PACKAGE_MASK";
  /** S3: not selected because it was published after {@code maxPatchPublishDate}. */
  public static final String NOT_SELECTED_PUBLISHED_AFTER_MAX_DATE = "NOT_SELECTED_PUBLISHED_AFTER_MAX_DATE";
  /** S3: not selected because {@code maxPatchPublishDate} is given and the patch has no published date. */
  public static final String NOT_SELECTED_PUBLISH_DATE_UNKNOWN = "NOT_SELECTED_PUBLISH_DATE_UNKNOWN";
  /** S4: not selected: an include entry matched the package name but not its pinned version. */
  public static final String NOT_SELECTED_VERSION_MISMATCH = "NOT_SELECTED_VERSION_MISMATCH";
  /** S2: not selected: no classification and no include entry matches. */
  public static final String NOT_SELECTED_NO_MATCH = "NOT_SELECTED_NO_MATCH";

  /** Package-name suffixes ignored when Linux masks are matched (S4). */
  static final List<String> ARCHITECTURE_SUFFIXES = List.of(".x86_64", ".noarch", ".i686", ".aarch64");

  private static final InstallSelector DEFAULTS = new InstallSelector(PatchClassifier.ofDefaults());

  private final PatchClassifier classifier;

  private InstallSelector(PatchClassifier classifier) {
    this.classifier = classifier;
  }

  /** The selector with Azure's rules and the default {@link PatchClassifier}. */
  public static InstallSelector ofDefaults() {
    return DEFAULTS;
  }

  // =====================================================================================
  // validation

  /**
   * Every finding of S1 and of the S3/S4 input rules at once; an empty report means valid. Targets are
   * Azure's property paths ({@code rebootSetting}, {@code windowsParameters.kbNumbersToInclude}, ...).
   *
   * @throws IllegalArgumentException when {@code os} is neither Windows nor Linux
   */
  public ValidationReport validate(VirtualMachineInstallPatchesParameters params, OperatingSystemTypes os) {
    Objects.requireNonNull(params, "params");
    boolean windows = PatchClassifier.isWindows(os);
    List<Violation> out = new ArrayList<>(0);
    if (windows) {
      validateWindows(params.windowsParameters(), out);
    } else {
      validateLinux(params.linuxParameters(), out);
    }
    if (params.rebootSetting().isEmpty()) {
      out.add(Violation.invalidParameter("rebootSetting", INSTALL_REBOOT_SETTING_REQUIRED,
          "rebootSetting is required: set it to IfRequired, Never or Always."));
    } else if (!params.rebootSetting().get().isKnown()) {
      out.add(Violation.invalidParameter("rebootSetting", INSTALL_REBOOT_SETTING_UNKNOWN,
          "rebootSetting '" + params.rebootSetting().get().value()
              + "' is not supported: use IfRequired, Never or Always."));
    }
    validateDuration(params, out);
    if (windows && params.linuxParameters().isPresent()) {
      out.add(Violation.warning("linuxParameters", INSTALL_PARAMETERS_FOR_OTHER_OS,
          "linuxParameters are ignored for a Windows VM: remove them or put the selection in windowsParameters."));
    } else if (!windows && params.windowsParameters().isPresent()) {
      out.add(Violation.warning("windowsParameters", INSTALL_PARAMETERS_FOR_OTHER_OS,
          "windowsParameters are ignored for a Linux VM: remove them or put the selection in linuxParameters."));
    }
    return ValidationReport.of(out);
  }

  private static void validateDuration(VirtualMachineInstallPatchesParameters params, List<Violation> out) {
    Optional<Duration> d;
    try {
      d = params.maximumDurationValue();
    } catch (IllegalArgumentException e) {
      out.add(Violation.invalidParameter("maximumDuration", INSTALL_MAXIMUM_DURATION_INVALID,
          "maximumDuration '" + params.maximumDuration().orElse("")
              + "' is not an ISO-8601 duration: write it like PT4H or PT90M."));
      return;
    }
    if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
      out.add(Violation.invalidParameter("maximumDuration", INSTALL_MAXIMUM_DURATION_NOT_POSITIVE,
          "maximumDuration '" + params.maximumDuration().orElse("")
              + "' must be longer than zero: give the time the installation may take, such as PT4H."));
    }
  }

  private static void validateWindows(Optional<WindowsParameters> wp, List<Violation> out) {
    if (wp.isEmpty()
        || (wp.get().classificationsToInclude().isEmpty()
            && wp.get().kbNumbersToInclude().isEmpty()
            && wp.get().patchNameMasksToInclude().isEmpty())) {
      out.add(Violation.invalidParameter("windowsParameters", INSTALL_NOTHING_TO_INCLUDE,
          "The request selects nothing for a Windows VM: name at least one classification in "
              + "windowsParameters.classificationsToInclude or one entry in kbNumbersToInclude or "
              + "patchNameMasksToInclude."));
    }
    if (wp.isEmpty()) {
      return;
    }
    WindowsParameters p = wp.get();
    for (VMGuestPatchClassificationWindows c : p.classificationsToInclude()) {
      if (!c.isKnown()) {
        out.add(Violation.invalidParameter("windowsParameters.classificationsToInclude",
            INSTALL_CLASSIFICATION_UNKNOWN,
            "Classification '" + c.value() + "' is not a Windows classification: use Critical, Security, "
                + "UpdateRollUp, FeaturePack, ServicePack, Definition, Tools or Updates."));
      }
    }
    checkKbs(p.kbNumbersToInclude(), "windowsParameters.kbNumbersToInclude", out);
    checkKbs(p.kbNumbersToExclude(), "windowsParameters.kbNumbersToExclude", out);
    checkWindowsMasks(p.patchNameMasksToInclude(), "windowsParameters.patchNameMasksToInclude", out);
    checkWindowsMasks(p.patchNameMasksToExclude(), "windowsParameters.patchNameMasksToExclude", out);
  }

  private static void checkKbs(List<String> kbs, String target, List<Violation> out) {
    for (String kb : kbs) {
      if (!isValidKb(kb)) {
        out.add(Violation.invalidParameter(target, INSTALL_KB_NUMBER_INVALID,
            "KB number '" + kb + "' must be digits, optionally after KB, such as 5034441 or KB5034441."));
      }
    }
  }

  static boolean isValidKb(String kb) {
    String digits = stripKb(kb);
    if (digits.isEmpty()) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The KB number without a leading {@code KB} (any case). */
  static String stripKb(String kb) {
    return kb.length() >= 2 && kb.regionMatches(true, 0, "KB", 0, 2) ? kb.substring(2) : kb;
  }

  private static void checkWindowsMasks(List<String> masks, String target, List<Violation> out) {
    for (String mask : masks) {
      if (mask.isBlank()) {
        out.add(Violation.invalidParameter(target, INSTALL_PATCH_NAME_MASK_INVALID,
            "A patch name mask must not be empty or blank: remove the entry or write a mask such as *SQL*."));
        continue;
      }
      for (int i = 0; i < mask.length(); i++) {
        char c = mask.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '*' && c != '?') {
          out.add(Violation.invalidParameter(target, INSTALL_PATCH_NAME_MASK_INVALID,
              "Patch name mask '" + mask + "' has '" + c + "': Azure allows only letters, digits and the "
                  + "wildcards * and ?; replace the character with ? or *, e.g. *Windows*Defender*."));
          break;
        }
      }
    }
  }

  private static void validateLinux(Optional<LinuxParameters> lp, List<Violation> out) {
    if (lp.isEmpty()
        || (lp.get().classificationsToInclude().isEmpty() && lp.get().packageNameMasksToInclude().isEmpty())) {
      out.add(Violation.invalidParameter("linuxParameters", INSTALL_NOTHING_TO_INCLUDE,
          "The request selects nothing for a Linux VM: name at least one classification in "
              + "linuxParameters.classificationsToInclude or one entry in packageNameMasksToInclude."));
    }
    if (lp.isEmpty()) {
      return;
    }
    LinuxParameters p = lp.get();
    for (VMGuestPatchClassificationLinux c : p.classificationsToInclude()) {
      if (!c.isKnown()) {
        out.add(Violation.invalidParameter("linuxParameters.classificationsToInclude",
            INSTALL_CLASSIFICATION_UNKNOWN,
            "Classification '" + c.value() + "' is not a Linux classification: use Critical, Security or Other."));
      }
    }
    String includeTarget = "linuxParameters.packageNameMasksToInclude";
    for (String mask : p.packageNameMasksToInclude()) {
      String problem = packageMaskProblem(mask, true);
      if (problem != null) {
        out.add(Violation.invalidParameter(includeTarget, INSTALL_PACKAGE_MASK_INVALID, problem));
      }
    }
    String excludeTarget = "linuxParameters.packageNameMasksToExclude";
    for (String mask : p.packageNameMasksToExclude()) {
      if (mask.indexOf('=') >= 0) {
        out.add(Violation.invalidParameter(excludeTarget, INSTALL_PACKAGE_EXCLUDE_PINS_VERSION,
            "Exclude mask '" + mask + "' pins a version with '=', which only packageNameMasksToInclude "
                + "may do: exclude the package by name, e.g. '" + mask.substring(0, mask.indexOf('=')) + "'."));
        continue;
      }
      String problem = packageMaskProblem(mask, false);
      if (problem != null) {
        out.add(Violation.invalidParameter(excludeTarget, INSTALL_PACKAGE_MASK_INVALID, problem));
      }
    }
  }

  /** What is wrong with a package mask, or null. */
  private static @Nullable String packageMaskProblem(String mask, boolean include) {
    if (mask.isBlank()) {
      return "A package mask must not be empty or blank: remove the entry or write a glob such as kernel*.";
    }
    for (int i = 0; i < mask.length(); i++) {
      if (Character.isWhitespace(mask.charAt(i))) {
        return "Package mask '" + mask + "' contains whitespace: give one package glob per entry, e.g. 'openssl*'.";
      }
    }
    if (include) {
      int eq = mask.indexOf('=');
      if (eq >= 0 && (eq == 0 || eq == mask.length() - 1 || mask.indexOf('=', eq + 1) >= 0)) {
        return "Package mask '" + mask + "' must pin a version as name=versionglob with one '=' and both "
            + "parts given, e.g. 'libc=1.0.1*'.";
      }
    }
    return null;
  }

  // =====================================================================================
  // selection

  /**
   * Decides every patch (S2-S5): Pending, Excluded or NotSelected, with the reason.
   *
   * @param params the request; it must pass {@link #validate} (warnings are kept in the result)
   * @param patches the assessed patches, for example {@code assessResult.availablePatches()}
   * @param os {@code Windows} or {@code Linux}
   * @throws IllegalArgumentException listing every error when the request is invalid, or when
   *     {@code os} is neither Windows nor Linux
   */
  public InstallSelection select(VirtualMachineInstallPatchesParameters params,
      List<VirtualMachineSoftwarePatchProperties> patches, OperatingSystemTypes os) {
    Objects.requireNonNull(patches, "patches");
    ValidationReport report = validate(params, os);
    if (!report.isValid()) {
      StringBuilder sb = new StringBuilder("install parameters are invalid; validate them and fix:");
      for (Violation v : report.violations()) {
        if (v.isError()) {
          sb.append("\n  ").append(v);
        }
      }
      throw new IllegalArgumentException(sb.toString());
    }
    boolean windows = PatchClassifier.isWindows(os);
    Decider decider = windows
        ? new WindowsDecider(params.windowsParameters().orElseThrow())
        : new LinuxDecider(params.linuxParameters().orElseThrow());
    List<PatchSelection> out = new ArrayList<>(patches.size());
    int pending = 0;
    int excluded = 0;
    for (VirtualMachineSoftwarePatchProperties p : patches) {
      PatchSelection s = decider.decide(classifier.classify(p, os));
      out.add(s);
      if (s.state() == SelectionState.PENDING) {
        pending++;
      } else if (s.state() == SelectionState.EXCLUDED) {
        excluded++;
      }
    }
    return ImmutableInstallSelection.builder()
        .os(os)
        .selections(out)
        .warnings(report)
        .pendingPatchCount(pending)
        .excludedPatchCount(excluded)
        .notSelectedPatchCount(out.size() - pending - excluded)
        .build();
  }

  private static PatchSelection decision(ClassifiedPatch p, SelectionState state, String reason,
      String rule, Optional<String> entry, String detail) {
    return ImmutablePatchSelection.builder()
        .patch(p)
        .state(state)
        .reason(reason)
        .ruleId(rule)
        .matchedEntry(entry)
        .detail(detail)
        .build();
  }

  private interface Decider {
    PatchSelection decide(ClassifiedPatch p);
  }

  /** The Windows request, compiled once per call (S3). */
  private static final class WindowsDecider implements Decider {
    private final List<VMGuestPatchClassificationWindows> classifications;
    private final Map<String, String> kbInclude = new HashMap<>();
    private final Map<String, String> kbExclude = new HashMap<>();
    private final List<Globs.Glob> maskInclude = new ArrayList<>();
    private final List<Globs.Glob> maskExclude = new ArrayList<>();
    private final boolean excludeReboot;
    private final Optional<AzureDateTime> maxPublish;

    WindowsDecider(WindowsParameters p) {
      classifications = p.classificationsToInclude();
      for (String kb : p.kbNumbersToInclude()) {
        kbInclude.putIfAbsent(stripKb(kb), kb);
      }
      for (String kb : p.kbNumbersToExclude()) {
        kbExclude.putIfAbsent(stripKb(kb), kb);
      }
      for (String m : p.patchNameMasksToInclude()) {
        maskInclude.add(Globs.windowsMask(m));
      }
      for (String m : p.patchNameMasksToExclude()) {
        maskExclude.add(Globs.windowsMask(m));
      }
      excludeReboot = p.excludeKbsRequiringReboot().orElse(false);
      maxPublish = p.maxPatchPublishDate();
    }

    @Override
    public PatchSelection decide(ClassifiedPatch cp) {
      VirtualMachineSoftwarePatchProperties p = cp.patch();
      String name = cp.displayName();
      Optional<String> kb = p.kbId().map(InstallSelector::stripKb);
      if (kb.isPresent() && kbExclude.containsKey(kb.get())) {
        String entry = kbExclude.get(kb.get());
        return decision(cp, SelectionState.EXCLUDED, EXCLUDED_BY_KB_NUMBER, "S3", Optional.of(entry),
            "KB" + kb.get() + " is in kbNumbersToExclude ('" + entry + "'); exclusion wins (S3)");
      }
      Optional<Globs.Glob> ex = firstMatch(maskExclude, p.name());
      if (ex.isPresent()) {
        return decision(cp, SelectionState.EXCLUDED, EXCLUDED_BY_PATCH_NAME_MASK, "S3",
            Optional.of(ex.get().pattern()),
            "'" + name + "' matches patchNameMasksToExclude '" + ex.get().pattern() + "'; exclusion wins (S3)");
      }
      if (excludeReboot) {
        Optional<VMGuestPatchRebootBehavior> rb = p.rebootBehavior();
        if (rb.isEmpty() || !rb.get().equals(VMGuestPatchRebootBehavior.NEVER_REBOOTS)) {
          return decision(cp, SelectionState.EXCLUDED, EXCLUDED_MAY_REQUIRE_REBOOT, "S3",
              Optional.of("excludeKbsRequiringReboot"),
              "excludeKbsRequiringReboot is true and the reboot behaviour is "
                  + rb.map(VMGuestPatchRebootBehavior::value).orElse("not reported")
                  + ", not NeverReboots (S3)");
        }
      }
      if (maxPublish.isPresent()) {
        Instant max = maxPublish.get().toInstant();
        if (p.publishedDate().isEmpty()) {
          return decision(cp, SelectionState.NOT_SELECTED, NOT_SELECTED_PUBLISH_DATE_UNKNOWN, "S3",
              Optional.of(maxPublish.get().text()),
              "maxPatchPublishDate is " + maxPublish.get().text()
                  + " and the patch has no published date, so it cannot be shown to be older (S3)");
        }
        if (p.publishedDate().get().toInstant().isAfter(max)) {
          return decision(cp, SelectionState.NOT_SELECTED, NOT_SELECTED_PUBLISHED_AFTER_MAX_DATE, "S3",
              Optional.of(maxPublish.get().text()),
              "published " + p.publishedDate().get().text() + ", after maxPatchPublishDate "
                  + maxPublish.get().text() + " (S3)");
        }
      }
      if (kb.isPresent() && kbInclude.containsKey(kb.get())) {
        String entry = kbInclude.get(kb.get());
        return decision(cp, SelectionState.PENDING, SELECTED_BY_KB_NUMBER, "S3", Optional.of(entry),
            "KB" + kb.get() + " is in kbNumbersToInclude ('" + entry + "') (S3)");
      }
      Optional<Globs.Glob> in = firstMatch(maskInclude, p.name());
      if (in.isPresent()) {
        return decision(cp, SelectionState.PENDING, SELECTED_BY_PATCH_NAME_MASK, "S3",
            Optional.of(in.get().pattern()),
            "'" + name + "' matches patchNameMasksToInclude '" + in.get().pattern() + "' (S3)");
      }
      for (PatchClassification c : cp.allClassifications()) {
        Optional<VMGuestPatchClassificationWindows> w = c.toWindows();
        if (w.isPresent() && classifications.contains(w.get())) {
          return decision(cp, SelectionState.PENDING, SELECTED_BY_CLASSIFICATION, "S2",
              Optional.of(w.get().value()),
              "classification " + w.get().value() + " is in classificationsToInclude (S2; " + cp.source() + ")");
        }
      }
      return decision(cp, SelectionState.NOT_SELECTED, NOT_SELECTED_NO_MATCH, "S2", Optional.empty(),
          "classification " + cp.classification().azureName()
              + " is not in classificationsToInclude and no KB number or name mask includes it (S2)");
    }

    private static Optional<Globs.Glob> firstMatch(List<Globs.Glob> globs, Optional<String> name) {
      if (name.isEmpty()) {
        return Optional.empty();
      }
      for (Globs.Glob g : globs) {
        if (g.matches(name.get())) {
          return Optional.of(g);
        }
      }
      return Optional.empty();
    }
  }

  /** One Linux include entry: a name glob and an optional version glob. */
  private static final class PackageMask {
    final String text;
    final Globs.Glob name;
    final Optional<Globs.Glob> version;

    PackageMask(String text) {
      this.text = text;
      int eq = text.indexOf('=');
      if (eq < 0) {
        name = Globs.shell(text);
        version = Optional.empty();
      } else {
        name = Globs.shell(text.substring(0, eq));
        version = Optional.of(Globs.shell(text.substring(eq + 1)));
      }
    }
  }

  /** The Linux request, compiled once per call (S4). */
  private static final class LinuxDecider implements Decider {
    private final List<VMGuestPatchClassificationLinux> classifications;
    private final List<PackageMask> include = new ArrayList<>();
    private final List<Globs.Glob> exclude = new ArrayList<>();

    LinuxDecider(LinuxParameters p) {
      classifications = p.classificationsToInclude();
      for (String m : p.packageNameMasksToInclude()) {
        include.add(new PackageMask(m));
      }
      for (String m : p.packageNameMasksToExclude()) {
        exclude.add(Globs.shell(m));
      }
    }

    @Override
    public PatchSelection decide(ClassifiedPatch cp) {
      Optional<String> name = cp.patch().name();
      PackageMask versionMiss = null;
      if (name.isPresent()) {
        String bare = withoutArchitecture(name.get());
        for (Globs.Glob g : exclude) {
          if (g.matches(name.get()) || g.matches(bare)) {
            return decision(cp, SelectionState.EXCLUDED, EXCLUDED_BY_PACKAGE_MASK, "S4",
                Optional.of(g.pattern()),
                "package '" + name.get() + "' matches packageNameMasksToExclude '" + g.pattern()
                    + "'; exclusion wins (S4)");
          }
        }
        for (PackageMask m : include) {
          if (!m.name.matches(name.get()) && !m.name.matches(bare)) {
            continue;
          }
          if (m.version.isEmpty()
              || (cp.patch().version().isPresent() && m.version.get().matches(cp.patch().version().get()))) {
            return decision(cp, SelectionState.PENDING, SELECTED_BY_PACKAGE_MASK, "S4", Optional.of(m.text),
                "package '" + name.get() + "'" + cp.patch().version().map(v -> " version '" + v + "'").orElse("")
                    + " matches packageNameMasksToInclude '" + m.text + "' (S4)");
          }
          if (versionMiss == null) {
            versionMiss = m;
          }
        }
      }
      PatchSelection byClass = byClassification(cp);
      if (byClass != null) {
        return byClass;
      }
      if (versionMiss != null) {
        // Only a named package can have matched an include entry by name.
        return decision(cp, SelectionState.NOT_SELECTED, NOT_SELECTED_VERSION_MISMATCH, "S4",
            Optional.of(versionMiss.text),
            "package '" + name.orElseThrow() + "' matches packageNameMasksToInclude '" + versionMiss.text
                + "' by name, but its version '" + cp.patch().version().orElse("(none)")
                + "' does not match the pinned version (S4)");
      }
      return decision(cp, SelectionState.NOT_SELECTED, NOT_SELECTED_NO_MATCH, "S2", Optional.empty(),
          "classification " + cp.classification().azureName()
              + " is not in classificationsToInclude and no package mask includes it (S2)");
    }

    private @Nullable PatchSelection byClassification(ClassifiedPatch cp) {
      for (PatchClassification c : cp.allClassifications()) {
        VMGuestPatchClassificationLinux l = c.toLinux();
        if (classifications.contains(l)) {
          return decision(cp, SelectionState.PENDING, SELECTED_BY_CLASSIFICATION, "S2", Optional.of(l.value()),
              "classification " + l.value() + " is in classificationsToInclude (S2; " + cp.source() + ")");
        }
      }
      return null;
    }
  }

  /** The package name without a trailing architecture suffix such as {@code .x86_64} (S4). */
  static String withoutArchitecture(String name) {
    for (String suffix : ARCHITECTURE_SUFFIXES) {
      if (name.length() > suffix.length() && name.regionMatches(true,
          name.length() - suffix.length(), suffix, 0, suffix.length())) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  @Override
  public String toString() {
    return "InstallSelector[defaults]";
  }
}
