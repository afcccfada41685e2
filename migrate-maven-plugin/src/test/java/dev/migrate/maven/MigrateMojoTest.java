package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.config.ConfigKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run directly on a project of a temporary directory; the sample builds do the rest. */
class MigrateMojoTest {
  @TempDir Path dir;

  @Test
  void infoOnASqliteFileThatIsNotThereFailsAndCreatesNothing() throws IOException {
    Files.createDirectories(dir.resolve("versions"));
    InfoMojo info = new InfoMojo();
    info.project = project();
    info.url = "jdbc:sqlite:app.db";

    assertThatThrownBy(info::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("SQLite database file " + dir.resolve("app.db") + " does not exist")
        .hasMessageContaining("check <url>, 'url' in migrate.properties or MIGRATE_URL");
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  @Test
  void messagesHideThePasswordAndNameThePomElement() throws Exception {
    Files.writeString(
        dir.resolve("migrate.properties"),
        "url=jdbc:postgresql://db:5432/app?user=app&password=s3cret-one\npassword=s3cret-two\n");
    CheckMojo check = new CheckMojo();
    check.project = project();
    check.config();

    assertThat(
            check.shown(
                "failed on jdbc:postgresql://db:5432/app?user=app&password=s3cret-one with"
                    + " s3cret-two; set --url, 'url' in migrate.properties or MIGRATE_URL"))
        .doesNotContain("s3cret")
        .endsWith("set <url>, 'url' in migrate.properties or MIGRATE_URL");
  }

  @Test
  void eachSettingHasThePomElementOfItsGoalParameter() {
    assertThat(MigrateMojo.pomElement(ConfigKey.VERIFY_POSTGRESQL_URL)).isEqualTo("postgresqlUrl");
    assertThat(MigrateMojo.pomElement(ConfigKey.JAVA_PACKAGE)).isEqualTo("javaPackage");
    assertThat(MigrateMojo.pomElement(ConfigKey.VERIFY_MINIMUM_DOWNGRADE))
        .isEqualTo("minimumDowngrade");
    assertThat(MigrateMojo.pomElement(ConfigKey.VERIFY_SKIP)).isEqualTo("skipChecks");
    for (ConfigKey key : ConfigKey.values()) {
      String element = MigrateMojo.pomElement(key);
      if (element != null) {
        assertThat(parameterExists(element)).as(key + " -> " + element).isTrue();
      }
    }
  }

  private static boolean parameterExists(String name) {
    for (Class<?> type = VerifyMojo.class; type != null; type = type.getSuperclass()) {
      try {
        type.getDeclaredField(name);
        return true;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return false;
  }

  @Test
  void skipRunsNothing() {
    InfoMojo info = new InfoMojo();
    info.project = project();
    info.skip = true;
    info.url = "jdbc:sqlite:app.db";

    assertThatCode(info::execute).doesNotThrowAnyException();
    assertThat(dir.resolve("app.db")).doesNotExist();
  }

  private MavenProject project() {
    MavenProject project = new MavenProject();
    project.setFile(new File(dir.toFile(), "pom.xml"));
    Build build = new Build();
    build.setOutputDirectory(dir.resolve("target/classes").toString());
    build.setTestOutputDirectory(dir.resolve("target/test-classes").toString());
    project.getModel().setBuild(build);
    return project;
  }
}
