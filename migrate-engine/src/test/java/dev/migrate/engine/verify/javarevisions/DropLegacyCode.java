package dev.migrate.engine.verify.javarevisions;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Irreversible;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.VerifySkip;

@Revision(id = "b10000000002", revises = "b10000000001", message = "Drop the legacy code")
@Irreversible(reason = "the legacy codes are gone for good")
@VerifySkip(check = "destructive_change", reason = "the legacy code was unused since 2024")
public final class DropLegacyCode implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.dropColumn("account", "legacy_code");
  }

  @Override
  public void downgrade(Ops op) {}
}
