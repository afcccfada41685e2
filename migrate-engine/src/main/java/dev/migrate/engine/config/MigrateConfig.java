package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.source.FlywayRevisions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a command runs with, after {@link ConfigLoader} merged the properties file, the
 * environment and the options. Paths are absolute. {@link #toString()} never shows the password.
 *
 * @param url JDBC URL, or null when none was given
 * @param user database user, or null (it may also be part of the URL)
 * @param password database password, or null (it may also be part of the URL)
 * @param revisions directory of SQL revision files (and where new revisions are written), or of
 *     Flyway's migrations
 * @param flyway present when the revisions are Flyway's ({@code revisions=flyway:<dir>}): what a
 *     version without an undo file means
 * @param javaPackage package scanned for {@code @Revision} classes, or null for none
 * @param classpath extra directories and jars holding compiled Java revisions
 * @param versionTable name of the version table
 * @param historyTable name of the history table
 * @param file the properties file that was read, if any
 * @param models where the models are, or null: {@code jpa:<package>}, {@code dsl:<class>} or the
 *     absolute path of a SQL models file (see {@code dev.migrate.engine.model.ModelSource})
 * @param includeTables table names or patterns a comparison with the models looks at; empty for
 *     every table
 * @param excludeTables table names or patterns a comparison with the models leaves out
 * @param verify the {@code verify.*} settings as given, for {@code migrate verify}
 */
public record MigrateConfig(
    String url,
    String user,
    String password,
    Path revisions,
    Optional<FlywayRevisions.MissingUndo> flyway,
    String javaPackage,
    List<Path> classpath,
    String versionTable,
    String historyTable,
    Optional<Path> file,
    String models,
    List<String> includeTables,
    List<String> excludeTables,
    Map<ConfigKey, String> verify) {

  public MigrateConfig {
    classpath = List.copyOf(classpath);
    verify = Map.copyOf(verify);
    includeTables = List.copyOf(includeTables);
    excludeTables = List.copyOf(excludeTables);
  }

  /** The URL, or a bad-input error saying where to set it. */
  public String requireUrl() {
    if (url == null) {
      throw MigrateException.badInput(
          "No database URL given; set "
              + ConfigKey.URL.howToSet(fileName())
              + " (e.g. jdbc:sqlite:app.db or jdbc:postgresql://localhost:5432/app)");
    }
    return url;
  }

  /** The file name to mention in messages: the one read, else the default name. */
  public String fileName() {
    return file.map(Path::toString).orElse(ConfigLoader.FILE_NAME);
  }

  @Override
  public String toString() {
    return "MigrateConfig[url="
        + Urls.mask(url)
        + ", user="
        + user
        + ", password="
        + (password == null ? null : "***")
        + ", revisions="
        + flyway.map(f -> FlywayRevisions.PREFIX).orElse("")
        + revisions
        + flyway.map(f -> " (flyway.missing_undo=" + f.id() + ")").orElse("")
        + ", javaPackage="
        + javaPackage
        + ", classpath="
        + classpath
        + ", versionTable="
        + versionTable
        + ", historyTable="
        + historyTable
        + ", file="
        + file.orElse(null)
        + ", models="
        + models
        + ", includeTables="
        + includeTables
        + ", excludeTables="
        + excludeTables
        + ", verify="
        + verify.entrySet().stream()
            .map(e -> e.getKey().property() + "=" + Urls.mask(e.getValue()))
            .sorted()
            .toList()
        + "]";
  }
}
