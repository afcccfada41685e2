package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

/** What someone did; kept when the account is deleted (the application clears the account). */
@Entity
public class AuditLog {
  @Id Integer id;

  @ManyToOne
  @JoinColumn(name = "account_id", foreignKey = @ForeignKey(name = "fk_audit_account"))
  Account account;

  @Column(nullable = false, length = 50)
  String action;

  @Lob String detail;
}
