package dev.migrate.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code migrate} in-process in a given working directory with a given environment. */
final class Cli {
  private final Path workingDir;
  private final Map<String, String> env;
  private boolean terminal;

  Cli(Path workingDir, Map<String, String> env) {
    this.workingDir = workingDir;
    this.env = env;
  }

  Cli(Path workingDir) {
    this(workingDir, Map.of());
  }

  /** Runs as if standard output and error were a terminal. */
  Cli onTerminal() {
    terminal = true;
    return this;
  }

  /** Copies the directory tree {@code from} into {@code to}, replacing files already there. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main main = new Main(workingDir, env);
    main.terminal = terminal;
    CommandLine commandLine = Main.commandLine(main);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString(), String.join(" ", args));
  }

  /** Exit code and the two streams of one run. */
  record Result(int exitCode, String out, String err, String command) {
    List<String> lines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "migrate "
          + command
          + " -> exit "
          + exitCode
          + "\n--- out:\n"
          + out
          + "--- err:\n"
          + err;
    }
  }
}
