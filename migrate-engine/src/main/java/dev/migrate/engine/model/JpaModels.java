package dev.migrate.engine.model;

import dev.migrate.engine.ClassScan;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads JPA entity classes into a {@link Schema} by reflection, without a JPA provider: migrate's
 * own reading of the annotations with field access, close to but not the same as any provider's
 * mapping (with Hibernate ORM on the classpath {@link ModelSource} reads {@code jpa:} through
 * {@link HibernateModels} instead).
 *
 * <p>Supported: {@code @Entity} (name), {@code @Table} (name, indexes, uniqueConstraints),
 * {@code @Column} (name, nullable, length, precision, scale, secondPrecision, unique,
 * columnDefinition — its type taken as a custom type, its DEFAULT and [NOT] NULL as such),
 * {@code @Id}, {@code @GeneratedValue} (IDENTITY or AUTO on an integer id is autoincrement;
 * SEQUENCE, TABLE and UUID are not), {@code @ManyToOne} and owning {@code @OneToOne} with
 * {@code @JoinColumn} (name, nullable, unique, foreignKey name or NO_CONSTRAINT; the column is
 * typed like the target's id, named {@code <field>_<target id column>} by default; a one-to-one
 * adds a unique constraint as Hibernate does), {@code @Enumerated} (STRING → VARCHAR(255) or the
 * {@code @Column} length, ORDINAL and the default → INTEGER), {@code @Lob} (text → TEXT, bytes →
 * BLOB), {@code @Temporal}, {@code @Transient} and {@code transient} fields (skipped),
 * {@code @Embedded}/{@code @Embeddable} (columns flattened, named after the embeddable's fields),
 * {@code @MappedSuperclass} (its fields first), {@code @Version} (NOT NULL),
 * {@code @Basic(optional)}.
 *
 * <p>Types: String → VARCHAR(255 or length), char → CHAR(1), byte/short → SMALLINT, int → INTEGER,
 * long → BIGINT, boolean → BOOLEAN, float → REAL, double → DOUBLE, BigDecimal → DECIMAL(38,2)
 * (Hibernate 6's default precision; a {@code @Column} precision or scale replaces both), BigInteger
 * → DECIMAL(38,0), LocalDate → DATE, LocalTime → TIME, LocalDateTime → TIMESTAMP,
 * Instant/OffsetDateTime/ZonedDateTime → TIMESTAMP_TZ, UUID → UUID, byte[] → BLOB, java.util.Date
 * and Calendar → TIMESTAMP (or as {@code @Temporal} says). Primitives, ids and versions are NOT
 * NULL.
 *
 * <p>Skipped with a line in {@link LoadedModels#warnings()}: {@code @OneToMany} and
 * {@code @ManyToMany} without {@code mappedBy} (join tables and one-to-many join columns are not
 * modelled), {@code @ElementCollection} (collection tables), {@code @Table} schema or catalog.
 * Inverse sides ({@code mappedBy}) are skipped silently since they map no column.
 *
 * <p>Rejected with an error naming the class and field: entity inheritance ({@code @Inheritance} or
 * an entity extending an entity), {@code @SecondaryTable}, {@code @IdClass}, {@code @EmbeddedId},
 * {@code @MapsId}, {@code @JoinColumns}, a join column referencing anything but the target's id,
 * {@code @AttributeOverride}/{@code @AssociationOverride}, {@code @Convert} without a {@code
 * columnDefinition}, property access (annotations on getters), entities without exactly one
 * {@code @Id}, relations to a class that is not among the entities, and field types without a
 * default mapping.
 */
public final class JpaModels {
  private final NamingStrategy naming;
  private final List<String> warnings = new ArrayList<>();
  private final Map<Class<?>, String> tableNames = new LinkedHashMap<>();
  private final Map<Class<?>, IdColumn> ids = new LinkedHashMap<>();

  private JpaModels(NamingStrategy naming) {
    this.naming = naming;
  }

  /** Reads these entity classes; each must be annotated {@code @Entity}. */
  public static LoadedModels read(Collection<Class<?>> entities, NamingStrategy naming) {
    return new JpaModels(naming).run(entities);
  }

  /** Reads the {@code @Entity} classes of a package and its sub-packages. */
  public static LoadedModels read(String packageName, ClassLoader loader, NamingStrategy naming) {
    List<Class<?>> entities =
        ClassScan.classes(packageName, loader, "JPA entities").stream()
            .filter(type -> type.isAnnotationPresent(Entity.class))
            .toList();
    if (entities.isEmpty()) {
      throw MigrateException.badInput(
          "Package '" + packageName + "' holds no @Entity classes; check the models setting");
    }
    return read(entities, naming);
  }

  /** The id of an entity: its physical and logical column name and its column. */
  private record IdColumn(String logicalName, Schema.Column column) {}

  private LoadedModels run(Collection<Class<?>> entities) {
    for (Class<?> type : entities) {
      checkEntity(type);
      tableNames.put(type, naming.physicalName(logicalTableName(type)));
    }
    for (Class<?> type : entities) {
      ids.put(type, idColumn(type));
    }
    List<Schema.Table> tables = new ArrayList<>();
    for (Class<?> type : entities) {
      tables.add(table(type));
    }
    return new LoadedModels(new Schema(tables), warnings);
  }

  private static void checkEntity(Class<?> type) {
    if (!type.isAnnotationPresent(Entity.class)) {
      throw fail(type, "is not annotated @Entity; list only entity classes");
    }
    if (type.isAnnotationPresent(Inheritance.class)) {
      throw fail(type, "uses @Inheritance; entity inheritance is not supported by the models");
    }
    for (Class<?> up = type.getSuperclass(); up != null; up = up.getSuperclass()) {
      if (up.isAnnotationPresent(Entity.class)) {
        throw fail(
            type,
            "extends the entity "
                + up.getName()
                + "; entity inheritance is not supported by the models (a @MappedSuperclass is)");
      }
    }
    if (type.isAnnotationPresent(SecondaryTable.class)
        || type.isAnnotationPresent(SecondaryTables.class)) {
      throw fail(type, "uses @SecondaryTable, which the models do not support");
    }
    if (type.isAnnotationPresent(IdClass.class)) {
      throw fail(type, "uses @IdClass; composite ids are not supported by the models");
    }
  }

  private static String logicalTableName(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    if (table != null && !table.name().isEmpty()) {
      return table.name();
    }
    String entityName = type.getAnnotation(Entity.class).name();
    return entityName.isEmpty() ? type.getSimpleName() : entityName;
  }

  private IdColumn idColumn(Class<?> type) {
    List<Field> idFields =
        persistentFields(type).stream().filter(f -> f.isAnnotationPresent(Id.class)).toList();
    if (idFields.isEmpty()) {
      boolean onGetter = false;
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          onGetter |= m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class);
        }
      }
      throw fail(
          type,
          onGetter
              ? "puts @Id on a getter; property access is not supported, annotate the fields"
              : "has no @Id field; the models need exactly one");
    }
    if (idFields.size() > 1) {
      throw fail(type, "has several @Id fields; composite ids are not supported by the models");
    }
    Field field = idFields.get(0);
    String logical = logicalColumnName(field);
    return new IdColumn(logical, basicColumn(type, field, naming.physicalName(logical)));
  }

  private Schema.Table table(Class<?> type) {
    String tableName = tableNames.get(type);
    Table table = type.getAnnotation(Table.class);
    if (table != null && (!table.schema().isEmpty() || !table.catalog().isEmpty())) {
      warnings.add(
          type.getName()
              + ": the @Table schema/catalog is ignored; the models describe the schema migrate"
              + " connects to");
    }
    TableDraft draft = new TableDraft(type, tableName);
    warnHibernateOnly(type.getName(), type.getAnnotations());
    for (Field field : persistentFields(type)) {
      warnHibernateOnly(type.getName() + ", field " + field.getName(), field.getAnnotations());
      addField(type, field, draft);
    }
    IdColumn id = ids.get(type);
    draft.primaryKey = new Schema.PrimaryKey(null, List.of(id.column().name()));
    if (table != null) {
      for (jakarta.persistence.Index index : table.indexes()) {
        List<String> columns = new ArrayList<>();
        for (String part : index.columnList().split(",")) {
          String column = part.trim().replaceFirst("(?i)\\s+(asc|desc)$", "");
          if (!column.isEmpty()) {
            columns.add(draft.requireColumn(naming.physicalName(column), "@Index"));
          }
        }
        if (columns.isEmpty()) {
          throw fail(type, "has an @Index without columns; fill its columnList");
        }
        draft.indexes.add(new Schema.Index(emptyToNull(index.name()), columns, index.unique()));
      }
      for (jakarta.persistence.UniqueConstraint unique : table.uniqueConstraints()) {
        List<String> columns =
            Arrays.stream(unique.columnNames())
                .map(c -> draft.requireColumn(naming.physicalName(c), "@UniqueConstraint"))
                .toList();
        if (columns.isEmpty()) {
          throw fail(type, "has a @UniqueConstraint without columns; fill its columnNames");
        }
        draft.uniques.add(new Schema.UniqueConstraint(emptyToNull(unique.name()), columns));
      }
    }
    return new Schema.Table(
        tableName,
        draft.columns,
        draft.primaryKey,
        draft.indexes,
        draft.uniques,
        draft.foreignKeys,
        List.of());
  }

  /**
   * Hibernate's own annotations ({@code @ColumnDefault}, {@code @Check}, {@code @OnDelete}, ...)
   * shape the schema Hibernate makes, and this reader does not read them: each gets a warning.
   */
  private void warnHibernateOnly(String where, Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      Class<?> type = annotation.annotationType();
      if (type.getName().startsWith("org.hibernate.annotations.")) {
        warnings.add(
            where
                + ": @"
                + type.getSimpleName()
                + " is Hibernate's own and is ignored by the JPA reflection reader; read the"
                + " models with Hibernate ORM 6 or 7 (models=hibernate:<package>) to have it"
                + " count");
      }
    }
  }

  private void addField(Class<?> entity, Field field, TableDraft draft) {
    String where = entity.getName() + ", field " + field.getName();
    OneToMany oneToMany = field.getAnnotation(OneToMany.class);
    ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
    if (oneToMany != null || manyToMany != null) {
      String mappedBy = oneToMany != null ? oneToMany.mappedBy() : manyToMany.mappedBy();
      if (mappedBy.isEmpty()) {
        warnings.add(
            where
                + ": "
                + (oneToMany != null ? "@OneToMany" : "@ManyToMany")
                + " without mappedBy is skipped; its join table or join column is not in the"
                + " models");
      }
      return;
    }
    if (field.isAnnotationPresent(ElementCollection.class)) {
      warnings.add(where + ": @ElementCollection is skipped; its collection table is not modelled");
      return;
    }
    for (Class<? extends java.lang.annotation.Annotation> unsupported :
        List.of(
            EmbeddedId.class,
            MapsId.class,
            JoinColumns.class,
            AttributeOverride.class,
            AttributeOverrides.class,
            AssociationOverride.class,
            AssociationOverrides.class)) {
      if (field.isAnnotationPresent(unsupported)) {
        throw MigrateException.badInput(
            "JPA entity "
                + where
                + ": @"
                + unsupported.getSimpleName()
                + " is not supported by the models");
      }
    }
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
    if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
      return;
    }
    if (oneToOne != null || manyToOne != null) {
      Class<?> declared = oneToOne != null ? oneToOne.targetEntity() : manyToOne.targetEntity();
      boolean optional = oneToOne != null ? oneToOne.optional() : manyToOne.optional();
      joinColumn(
          entity, field, declared == void.class ? field.getType() : declared, optional, draft);
      if (oneToOne != null) {
        String column = draft.columns.get(draft.columns.size() - 1).name();
        if (draft.uniques.stream().noneMatch(u -> u.columns().equals(List.of(column)))) {
          draft.uniques.add(new Schema.UniqueConstraint(null, List.of(column)));
        }
      }
      return;
    }
    if (field.isAnnotationPresent(Embedded.class)
        || field.getType().isAnnotationPresent(Embeddable.class)) {
      if (!field.getType().isAnnotationPresent(Embeddable.class)) {
        throw MigrateException.badInput(
            "JPA entity "
                + where
                + ": @Embedded type "
                + field.getType().getName()
                + " is not annotated @Embeddable");
      }
      for (Field inner : persistentFields(field.getType())) {
        addField(entity, inner, draft);
      }
      return;
    }
    Schema.Column column =
        basicColumn(entity, field, naming.physicalName(logicalColumnName(field)));
    draft.add(column, field);
    Column annotation = field.getAnnotation(Column.class);
    if (annotation != null && annotation.unique() && !field.isAnnotationPresent(Id.class)) {
      draft.uniques.add(new Schema.UniqueConstraint(null, List.of(column.name())));
    }
  }

  private void joinColumn(
      Class<?> entity, Field field, Class<?> target, boolean optional, TableDraft draft) {
    String where = entity.getName() + ", field " + field.getName();
    IdColumn targetId = ids.get(target);
    if (targetId == null) {
      throw MigrateException.badInput(
          "JPA entity "
              + where
              + " refers to "
              + target.getName()
              + ", which is not among the entities read; add it to the models");
    }
    JoinColumn join = field.getAnnotation(JoinColumn.class);
    if (join != null
        && !join.referencedColumnName().isEmpty()
        && !naming
            .physicalName(join.referencedColumnName())
            .equalsIgnoreCase(targetId.column().name())) {
      throw MigrateException.badInput(
          "JPA entity "
              + where
              + ": @JoinColumn references column "
              + join.referencedColumnName()
              + "; the models support references to the target's id only");
    }
    String logical =
        join != null && !join.name().isEmpty()
            ? join.name()
            : field.getName() + "_" + targetId.logicalName();
    boolean nullable = optional && (join == null || join.nullable());
    Schema.Column targetColumn = targetId.column();
    Schema.Column column =
        new Schema.Column(naming.physicalName(logical), targetColumn.type(), nullable, null, false);
    draft.add(column, field);
    if (join != null && join.unique()) {
      draft.uniques.add(new Schema.UniqueConstraint(null, List.of(column.name())));
    }
    if (join == null || join.foreignKey().value() != ConstraintMode.NO_CONSTRAINT) {
      String name = join == null ? null : emptyToNull(join.foreignKey().name());
      draft.foreignKeys.add(
          new Schema.ForeignKey(
              name,
              List.of(column.name()),
              tableNames.get(target),
              List.of(targetColumn.name()),
              null,
              null));
    }
  }

  private static String logicalColumnName(Field field) {
    Column column = field.getAnnotation(Column.class);
    return column != null && !column.name().isEmpty() ? column.name() : field.getName();
  }

  private Schema.Column basicColumn(Class<?> entity, Field field, String name) {
    Column column = field.getAnnotation(Column.class);
    Basic basic = field.getAnnotation(Basic.class);
    boolean id = field.isAnnotationPresent(Id.class);
    boolean notNull =
        field.getType().isPrimitive()
            || id
            || field.isAnnotationPresent(Version.class)
            || (column != null && !column.nullable())
            || (basic != null && !basic.optional());
    String where = "JPA entity " + entity.getName() + ", field " + field.getName();
    ColumnDefinition definition =
        column == null || column.columnDefinition().isBlank()
            ? null
            : ColumnDefinition.parse(column.columnDefinition(), where);
    notNull = notNull || (definition != null && definition.notNull());
    ColumnType type =
        definition != null
            ? ColumnType.custom(definition.type())
            : columnType(entity, field, column);
    String defaultValue = definition == null ? null : definition.defaultValue();
    GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
    boolean autoincrement =
        id
            && generated != null
            && (generated.strategy() == GenerationType.IDENTITY
                || generated.strategy() == GenerationType.AUTO)
            && (type.kind() == ColumnType.Kind.SMALLINT
                || type.kind() == ColumnType.Kind.INTEGER
                || type.kind() == ColumnType.Kind.BIGINT);
    return new Schema.Column(name, type, !notNull, defaultValue, autoincrement);
  }

  /**
   * A {@code columnDefinition} split into its type and the clauses a column may add: {@code DEFAULT
   * expr}, {@code NOT NULL}, {@code NULL} ({@code "BOOLEAN DEFAULT FALSE"} is a BOOLEAN with a
   * default, not a type of that name).
   */
  record ColumnDefinition(String type, String defaultValue, boolean notNull) {
    private static final List<String> KEYWORDS = List.of("DEFAULT", "NOT NULL", "NULL");

    static ColumnDefinition parse(String text, String where) {
      List<int[]> clauses = new ArrayList<>();
      int depth = 0;
      char quote = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (depth == 0 && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
          for (int k = 0; k < KEYWORDS.size(); k++) {
            String word = KEYWORDS.get(k);
            int end = i + word.length();
            if (text.regionMatches(true, i, word, 0, word.length())
                && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
              clauses.add(new int[] {i, k});
              i = end - 1;
              break;
            }
          }
        }
      }
      int typeEnd = clauses.isEmpty() ? text.length() : clauses.get(0)[0];
      String type = text.substring(0, typeEnd).trim();
      if (type.isEmpty()) {
        throw MigrateException.badInput(
            where + ": @Column(columnDefinition = \"" + text + "\") does not start with a type");
      }
      String defaultValue = null;
      boolean notNull = false;
      for (int n = 0; n < clauses.size(); n++) {
        int start = clauses.get(n)[0];
        int keyword = clauses.get(n)[1];
        int end = n + 1 < clauses.size() ? clauses.get(n + 1)[0] : text.length();
        String rest = text.substring(start + KEYWORDS.get(keyword).length(), end).trim();
        if (keyword == 0 && rest.isEmpty() && end < text.length() && clauses.get(n + 1)[1] == 2) {
          n++; // DEFAULT NULL: no default
          if (!text.substring(clauses.get(n)[0] + 4).isBlank()) {
            throw MigrateException.badInput(
                where
                    + ": @Column(columnDefinition = \""
                    + text
                    + "\") has text after DEFAULT NULL");
          }
        } else if (keyword == 0) {
          if (rest.isEmpty()) {
            throw MigrateException.badInput(
                where
                    + ": @Column(columnDefinition = \""
                    + text
                    + "\") has DEFAULT without a value");
          }
          defaultValue = rest;
        } else {
          notNull = keyword == 1;
          if (!rest.isEmpty()) {
            throw MigrateException.badInput(
                where
                    + ": @Column(columnDefinition = \""
                    + text
                    + "\") has '"
                    + rest
                    + "' after "
                    + KEYWORDS.get(keyword)
                    + "; the models read a type, DEFAULT and [NOT] NULL from it");
          }
        }
      }
      return new ColumnDefinition(type, defaultValue, notNull);
    }
  }

  private static ColumnType columnType(Class<?> entity, Field field, Column column) {
    String where = "JPA entity " + entity.getName() + ", field " + field.getName();
    return withSecondPrecision(where, column, defaultType(where, field, column));
  }

  /**
   * A time type keeping the digits {@code @Column(secondPrecision)} asks for (JPA 3.2; -1, the
   * default, leaves the type's own 6).
   */
  private static ColumnType withSecondPrecision(String where, Column column, ColumnType type) {
    if (!type.keepsFractionalSeconds() || column == null || column.secondPrecision() < 0) {
      return type;
    }
    int digits = column.secondPrecision();
    if (digits > ColumnType.DEFAULT_SECONDS_PRECISION) {
      throw MigrateException.badInput(
          where + ": @Column(secondPrecision = " + digits + ") must be 0 to 6");
    }
    return type.withSecondsPrecision(digits);
  }

  private static ColumnType defaultType(String where, Field field, Column column) {
    if (field.isAnnotationPresent(Convert.class)) {
      throw MigrateException.badInput(
          where
              + ": @Convert hides the database type; give @Column(columnDefinition = \"...\") or"
              + " mark it @Transient");
    }
    Class<?> type = field.getType();
    int length = column == null ? 255 : column.length();
    if (type.isEnum()) {
      Enumerated enumerated = field.getAnnotation(Enumerated.class);
      return enumerated != null && enumerated.value() == EnumType.STRING
          ? ColumnType.varchar(length)
          : ColumnType.INTEGER;
    }
    if (field.isAnnotationPresent(Lob.class)) {
      if (type == String.class || type == char[].class || type == Character[].class) {
        return ColumnType.TEXT;
      }
      if (type == byte[].class || type == Byte[].class) {
        return ColumnType.BLOB;
      }
      throw MigrateException.badInput(
          where + ": @Lob on a " + type.getName() + " is not supported; use String or byte[]");
    }
    if (type == String.class) {
      return ColumnType.varchar(length);
    }
    if (type == char.class || type == Character.class) {
      return ColumnType.fixedChar(1);
    }
    if (type == long.class || type == Long.class) {
      return ColumnType.BIGINT;
    }
    if (type == int.class || type == Integer.class) {
      return ColumnType.INTEGER;
    }
    if (type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
      return ColumnType.SMALLINT;
    }
    if (type == boolean.class || type == Boolean.class) {
      return ColumnType.BOOLEAN;
    }
    if (type == float.class || type == Float.class) {
      return ColumnType.REAL;
    }
    if (type == double.class || type == Double.class) {
      return ColumnType.DOUBLE;
    }
    if (type == BigDecimal.class) {
      boolean given = column != null && (column.precision() > 0 || column.scale() > 0);
      int precision = column != null && column.precision() > 0 ? column.precision() : 38;
      return ColumnType.decimal(precision, given ? column.scale() : 2);
    }
    if (type == BigInteger.class) {
      return ColumnType.decimal(
          column != null && column.precision() > 0 ? column.precision() : 38, 0);
    }
    if (type == byte[].class || type == Byte[].class) {
      return ColumnType.BLOB;
    }
    if (type == UUID.class) {
      return ColumnType.UUID;
    }
    if (type == java.time.LocalDate.class || type == java.sql.Date.class) {
      return ColumnType.DATE;
    }
    if (type == java.time.LocalTime.class || type == java.sql.Time.class) {
      return ColumnType.TIME;
    }
    if (type == java.time.LocalDateTime.class || type == java.sql.Timestamp.class) {
      return ColumnType.TIMESTAMP;
    }
    if (type == java.time.Instant.class
        || type == java.time.OffsetDateTime.class
        || type == java.time.ZonedDateTime.class) {
      return ColumnType.TIMESTAMP_TZ;
    }
    if (type == java.util.Date.class || type == java.util.Calendar.class) {
      Temporal temporal = field.getAnnotation(Temporal.class);
      if (temporal == null) {
        return ColumnType.TIMESTAMP;
      }
      return switch (temporal.value()) {
        case DATE -> ColumnType.DATE;
        case TIME -> ColumnType.TIME;
        case TIMESTAMP -> ColumnType.TIMESTAMP;
      };
    }
    throw MigrateException.badInput(
        where
            + ": no default column type for "
            + type.getName()
            + "; give @Column(columnDefinition = \"...\") or mark it @Transient");
  }

  /**
   * The persistent fields of a class: those of its {@code @MappedSuperclass} ancestors first, then
   * its own, without static, transient and {@code @Transient} ones.
   */
  private static List<Field> persistentFields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    chain.add(type);
    for (Class<?> up = type.getSuperclass(); up != null; up = up.getSuperclass()) {
      if (up.isAnnotationPresent(MappedSuperclass.class)) {
        chain.add(0, up);
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers)
            && !Modifier.isTransient(modifiers)
            && !field.isSynthetic()
            && !field.isAnnotationPresent(Transient.class)) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static MigrateException fail(Class<?> type, String what) {
    return MigrateException.badInput("JPA entity " + type.getName() + " " + what);
  }

  private static String emptyToNull(String name) {
    return name == null || name.isEmpty() ? null : name;
  }

  /** The parts of one table while its fields are read. */
  private static final class TableDraft {
    final Class<?> entity;
    final String name;
    final List<Schema.Column> columns = new ArrayList<>();
    final Map<String, String> fieldsByColumn = new LinkedHashMap<>();
    final List<Schema.Index> indexes = new ArrayList<>();
    final List<Schema.UniqueConstraint> uniques = new ArrayList<>();
    final List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
    Schema.PrimaryKey primaryKey;

    TableDraft(Class<?> entity, String name) {
      this.entity = entity;
      this.name = name;
    }

    void add(Schema.Column column, Field field) {
      String key = column.name().toLowerCase(Locale.ROOT);
      String previous = fieldsByColumn.putIfAbsent(key, field.getName());
      if (previous != null) {
        throw fail(
            entity,
            "maps column "
                + column.name()
                + " of table "
                + name
                + " twice (fields "
                + previous
                + " and "
                + field.getName()
                + "); rename one with @Column(name = ...)");
      }
      columns.add(column);
    }

    String requireColumn(String column, String where) {
      return columns.stream()
          .map(Schema.Column::name)
          .filter(c -> c.equalsIgnoreCase(column))
          .findFirst()
          .orElseThrow(
              () ->
                  fail(
                      entity,
                      "names column "
                          + column
                          + " in "
                          + where
                          + " but table "
                          + name
                          + " has no such column; columns: "
                          + columns.stream().map(Schema.Column::name).toList()));
    }
  }
}
