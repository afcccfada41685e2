package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code migrate} command line [contract]. Exit codes: 0 success; 1 the command ran and found a
 * problem; 2 bad usage or bad input. Every error is one line {@code FAILED: <message>} on standard
 * error; {@code --debug} adds the stack trace.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Database migrations with a revision graph: branches, merges, SQL and Java revisions.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      InitCommand.class,
      RevisionCommand.class,
      MergeCommand.class,
      UpgradeCommand.class,
      DowngradeCommand.class,
      StampCommand.class,
      CurrentCommand.class,
      HistoryCommand.class,
      HeadsCommand.class,
      BranchesCommand.class,
      ShowCommand.class,
      CheckCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nSettings:%n",
    footer = {
      "Settings come from migrate.properties in the working directory (or --config FILE), then"
          + " the environment (MIGRATE_URL, MIGRATE_USER, MIGRATE_PASSWORD, MIGRATE_REVISIONS,"
          + " MIGRATE_JAVA_PACKAGE, MIGRATE_CLASSPATH, MIGRATE_VERSION_TABLE,"
          + " MIGRATE_HISTORY_TABLE, MIGRATE_MODELS, MIGRATE_INCLUDE_TABLES,"
          + " MIGRATE_EXCLUDE_TABLES, MIGRATE_CONFIG), then the options; later ones win.",
      "",
      "Exit codes: 0 success; 1 the command ran and found a problem (failed migration, failed"
          + " check); 2 bad usage or bad input. Errors are printed as 'FAILED: <message>'."
    })
public final class Main implements Runnable {
  final Path workingDir;
  final Map<String, String> env;

  /** Run by {@link #main}: the process is migrate's own, see {@link ProcessSetup}. */
  boolean ownProcess;

  /**
   * Whether standard output and error are a terminal (a console), where {@code verify} shows one
   * live progress line instead of a line per revision; false in tests and when piped.
   */
  boolean terminal;

  /** The configuration of the running command, so that errors can hide its password. */
  MigrateConfig config;

  @Spec CommandSpec spec;

  /** Options given before the command; the command's own options override them. */
  @Mixin ConfigOptions options = new ConfigOptions();

  public Main() {
    this(Path.of("").toAbsolutePath(), System.getenv());
  }

  /** A CLI that resolves paths against {@code workingDir} and reads {@code env}, for tests. */
  public Main(Path workingDir, Map<String, String> env) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
  }

  public static void main(String[] args) {
    ProcessSetup.apply();
    Main main = new Main();
    main.ownProcess = true;
    main.terminal = System.console() != null;
    CommandLine commandLine = commandLine(main);
    int code = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(code);
  }

  /** A command line with migrate's error handling and exit codes installed. */
  public static CommandLine commandLine(Main main) {
    CommandLine commandLine = new CommandLine(main);
    commandLine.setParameterExceptionHandler(main::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> main.failure(exception, failed, parseResult));
    return commandLine;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command; run 'migrate --help' for the list");
  }

  private int usageError(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    PrintWriter err = failed.getErr();
    String message =
        hidePasswords(
            exception instanceof UnmatchedArgumentException unmatched
                    && unmatched.getUnmatched().stream().anyMatch(arg -> arg.startsWith("-"))
                ? unmatchedMessage(unmatched)
                : exception.getMessage());
    String help = "'" + failed.getCommandSpec().qualifiedName() + " --help'";
    err.println("FAILED: " + message + (message.contains("--help") ? "" : " (see " + help + ")"));
    err.flush();
    return failed.getCommandSpec().exitCodeOnInvalidInput();
  }

  private int failure(Exception exception, CommandLine failed, ParseResult parseResult) {
    PrintWriter err = failed.getErr();
    failed.getOut().flush();
    int code;
    String message;
    if (exception instanceof MigrateException migrate) {
      code = ExitCodes.of(migrate);
      message = migrate.getMessage();
    } else if (exception instanceof SQLException sql) {
      code = 1;
      message = "Database error: " + sql.getMessage();
    } else {
      code = 1;
      message = exception.toString();
    }
    err.println("FAILED: " + hidePasswords(message));
    if (debug(parseResult)) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      err.print(hidePasswords(trace.toString()));
    }
    err.flush();
    return code;
  }

  /**
   * Names the unknown options and unmatched arguments without quoting the value given to an unknown
   * option ({@code --pasword VALUE}, {@code --pasword=VALUE}): it may be a password.
   */
  private static String unmatchedMessage(UnmatchedArgumentException exception) {
    List<String> shown = new ArrayList<>();
    boolean afterUnknownOption = false;
    for (String arg : exception.getUnmatched()) {
      if (arg.startsWith("-")) {
        int equals = arg.indexOf('=');
        shown.add("'" + (equals < 0 ? arg : arg.substring(0, equals) + "=…") + "'");
        afterUnknownOption = true;
      } else if (afterUnknownOption) {
        shown.add("(a value)");
        afterUnknownOption = false;
      } else {
        shown.add("'" + arg + "'");
      }
    }
    String message =
        (exception.isUnknownOption() ? "Unknown option" : "Unmatched argument")
            + (shown.size() > 1 ? "s: " : ": ")
            + String.join(", ", shown);
    List<String> suggestions = exception.getSuggestions();
    return suggestions.isEmpty()
        ? message
        : message + "; did you mean " + String.join(" or ", suggestions) + "?";
  }

  /** Masks URL credentials and the configured password wherever they appear. */
  String hidePasswords(String text) {
    String hidden = text == null ? "" : text;
    if (config == null) {
      return Urls.hide(hidden, null, List.of());
    }
    return Urls.hide(hidden, config.url(), Arrays.asList(config.password()));
  }

  private static boolean debug(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Version from the Maven descriptor packed into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migrate " + version()};
    }

    static String version() {
      try (InputStream in =
          Main.class.getResourceAsStream(
              "/META-INF/maven/dev.migrate/migrate-engine/pom.properties")) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          return properties.getProperty("version", "unknown");
        }
      } catch (IOException e) {
        // fall through to the development marker
      }
      return "development build";
    }
  }
}
