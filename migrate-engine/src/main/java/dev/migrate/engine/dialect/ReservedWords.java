package dev.migrate.engine.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * Words that cannot be used as bare identifiers on at least one of our databases (PostgreSQL, MySQL
 * 8 / MariaDB, SQLite). Quoting a word that one database would have accepted bare changes nothing,
 * so one union list serves all three.
 */
final class ReservedWords {
  private ReservedWords() {}

  private static final Set<String> WORDS =
      Set.of(
          """
          abort accessible action add after all alter analyse analyze and any array as asc
          asensitive asymmetric attach authorization autoincrement before begin between bigint
          binary blob both by call cascade case cast change char character check collate collation
          column commit concurrently condition conflict constraint continue convert create cross
          cube cume_dist current current_catalog current_date current_role current_schema
          current_time current_timestamp current_user cursor database databases day_hour
          day_microsecond day_minute day_second dec decimal declare default deferrable deferred
          delayed delete dense_rank desc describe detach deterministic distinct distinctrow div do
          double drop dual each else elseif empty enclosed end escape escaped except exclusive
          exists exit explain false fetch filter first_value float float4 float8 for force foreign
          freeze from full fulltext function generated get glob grant group grouping groups having
          high_priority hour_microsecond hour_minute hour_second if ignore ilike immediate in index
          indexed infile initially inner inout insensitive insert instead int int1 int2 int3 int4
          int8 integer intersect interval into io_after_gtids io_before_gtids is isnull iterate
          join json_table key keys kill lag last_value lateral lead leading leave left like limit
          linear lines load localtime localtimestamp lock long longblob longtext loop low_priority
          match maxvalue mediumblob mediumint mediumtext member middleint minute_microsecond
          minute_second mod modifies natural no no_write_to_binlog not nothing notnull nth_value
          ntile null numeric of offset on only optimize optimizer_costs option optionally or order
          out outer outfile over overlaps partition percent_rank placing plan pragma precision
          primary procedure purge raise range rank read read_write reads real recursive references
          regexp reindex release rename repeat replace require resignal restrict return returning
          revoke right rlike rollback row row_number rows savepoint schema schemas
          second_microsecond select sensitive separator session_user set show signal similar
          smallint some spatial specific sql sql_big_result sql_calc_found_rows sql_small_result
          sqlexception sqlstate sqlwarning ssl starting stored straight_join symmetric system
          system_user table tablesample temp temporary terminated then tinyblob tinyint tinytext to
          trailing transaction trigger true undo union unique unlock unsigned update upgrade usage
          use user using utc_date utc_time utc_timestamp vacuum values varbinary varchar
          varcharacter variadic varying verbose view virtual when where while window with without
          write xor year_month zerofill
          """
              .trim()
              .split("\\s+"));

  static boolean contains(String identifier) {
    return WORDS.contains(identifier.toLowerCase(Locale.ROOT));
  }
}
