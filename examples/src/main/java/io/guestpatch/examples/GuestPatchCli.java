package io.guestpatch.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code guestpatch} command-line tool (SPEC 5): validate VM patch settings, classify an
 * assessment, generate a synthetic fleet, plan a cycle, simulate it in virtual time and audit a trace.
 *
 * <p>Exit codes: {@value #OK} on success; {@value #NEGATIVE} when the input is valid but the answer is
 * negative (a violation, a safety breach, a halted rollout); {@value #BAD_INPUT} on bad usage or
 * unreadable input, with a one-line message naming the culprit on standard error (and a stack trace
 * only with {@code --verbose}).
 *
 * <pre>{@code
 * java -jar examples/target/guestpatch.jar validate vm.json
 * int code = GuestPatchCli.run(new String[] {"plan", "--fleet", "fleet.jsonl"}, System.out, System.err);
 * }</pre>
 *
 * <p>{@link #run} builds a fresh command tree per call, so several calls may run at once on different
 * streams; a command tree itself is not thread-safe.
 */
@Command(
    name = "guestpatch",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = "Patch policy and availability-first patch orchestration for Azure-style VM fleets.",
    subcommands = {
      ValidateCommand.class,
      ClassifyCommand.class,
      GenerateCommand.class,
      PlanCommand.class,
      SimulateCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success; 1 valid input but a negative answer (violation, safety breach, halted",
      "rollout); 2 bad usage or unreadable input."
    })
public final class GuestPatchCli implements Callable<Integer> {
  /** Success. */
  public static final int OK = 0;
  /** Valid input, negative answer. */
  public static final int NEGATIVE = 1;
  /** Bad usage or unreadable input. */
  public static final int BAD_INPUT = 2;

  /** The version the tool prints. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (for bug reports).")
  boolean verbose;

  /** Runs the tool and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the tool in-process.
   *
   * @param args the command line, without the program name
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code: {@value #OK}, {@value #NEGATIVE} or {@value #BAD_INPUT}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cl = new CommandLine(new GuestPatchCli());
    cl.setOut(o);
    cl.setErr(e);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(new BadUsage(verbose));
    cl.setExecutionExceptionHandler(new Failure(verbose));
    cl.setExitCodeExceptionMapper(t -> BAD_INPUT);
    try {
      return cl.execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** Prints {@code guestpatch}'s version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"guestpatch " + VERSION};
    }
  }

  /** Bad usage (unknown option, bad value): one line naming it, then exit 2. */
  static final class BadUsage implements IParameterExceptionHandler {
    private final boolean verbose;

    BadUsage(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage())
          + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
      if (verbose) {
        ex.printStackTrace(err);
      }
      return BAD_INPUT;
    }
  }

  /** A failure while running a command: one line naming the input, then exit 2. */
  static final class Failure implements IExecutionExceptionHandler {
    private final boolean verbose;

    Failure(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
      PrintWriter err = cmd.getErr();
      String message = ex instanceof CliException
          ? ex.getMessage()
          : CliSupport.describe(ex);
      err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(message));
      if (verbose) {
        ex.printStackTrace(err);
      }
      return BAD_INPUT;
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "failed";
    }
    return s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
