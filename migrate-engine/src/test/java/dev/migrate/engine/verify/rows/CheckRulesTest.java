package dev.migrate.engine.verify.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check forms as PostgreSQL, MariaDB and SQLite store them, read into column rules. */
class CheckRulesTest {

  private static CheckRules.Rule rule(String expression, String column) {
    Map<String, CheckRules.Rule> rules = CheckRules.parse(List.of(expression));
    assertThat(rules).as(expression).containsKey(column);
    return rules.get(column);
  }

  @Test
  void postgresqlForms() {
    assertThat(rule("prio >= 1 AND prio <= 5", "prio").min).isEqualByComparingTo("1");
    assertThat(rule("prio >= 1 AND prio <= 5", "prio").max).isEqualByComparingTo("5");
    assertThat(
            rule(
                    "s::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])",
                    "s")
                .allowed)
        .containsExactly("a", "b");
    assertThat(rule("x = ANY (ARRAY['p'::text, 'it''s'::text])", "x").allowed)
        .containsExactly("p", "it's");
    assertThat(rule("length(n::text) <= 5", "n").maxLength).isEqualTo(5);
    assertThat(rule("e <> ''::text", "e").excluded).containsExactly("");
    CheckRules.Rule negative = rule("d > '-5'::integer::numeric", "d");
    assertThat(negative.min).isEqualByComparingTo("-5");
    assertThat(negative.minExclusive).isTrue();
    assertThat(rule("f < 1.5::double precision", "f").max).isEqualByComparingTo("1.5");
    assertThat(rule("char_length(c) >= 2", "c").minLength).isEqualTo(2);
    assertThat(rule("code <> ALL (ARRAY['x'::text, 'y'::text])", "code").excluded)
        .containsExactly("x", "y");
  }

  @Test
  void mariaDbAndSqliteForms() {
    CheckRules.Rule between = rule("`prio` between 1 and 5", "prio");
    assertThat(List.of(between.min, between.max))
        .containsExactly(BigDecimal.ONE, BigDecimal.valueOf(5));
    assertThat(rule("`s` in ('a','b')", "s").allowed).containsExactly("a", "b");
    CheckRules.Rule bytes = rule("octet_length(`n`) <= 5", "n");
    assertThat(bytes.maxLength).isEqualTo(5);
    assertThat(bytes.lengthInBytes).isTrue();
    assertThat(rule("\"qty\" BETWEEN 0 AND 10 AND qty <> 3", "qty").excluded).containsExactly("3");
    assertThat(rule("length(name) BETWEEN 2 AND 8", "name").minLength).isEqualTo(2);
    assertThat(rule("5 < qty", "qty").min).isEqualByComparingTo("5");
    assertThat(rule("code NOT IN ('x', 'y')", "code").excluded).containsExactly("x", "y");
  }

  @Test
  void otherFormsSayNothing() {
    assertThat(CheckRules.parse(List.of("a > 1 OR b > 2"))).isEmpty();
    assertThat(CheckRules.parse(List.of("prio * 0 = 1"))).isEmpty();
    assertThat(CheckRules.parse(List.of("start_at < end_at"))).isEmpty();
  }
}
