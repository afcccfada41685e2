package dev.migrate.engine.verify.unstable;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import java.util.UUID;

/** Builds its statement from a random value: a different checksum on every load. */
@Revision(id = "c20000000002", revises = "c20000000001", message = "Seed the install id")
public final class SeedInstallId implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.execute(
        "INSERT INTO setting (name, value) VALUES ('install_id', '" + UUID.randomUUID() + "')");
  }

  @Override
  public void downgrade(Ops op) {
    op.execute("DELETE FROM setting WHERE name = 'install_id'");
  }
}
