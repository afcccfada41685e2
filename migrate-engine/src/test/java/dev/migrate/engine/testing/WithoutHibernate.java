package dev.migrate.engine.testing;

import java.net.URL;

/** The test classpath with Hibernate ORM hidden, as an application without it has. */
public final class WithoutHibernate extends ClassLoader {
  public WithoutHibernate(ClassLoader parent) {
    super(parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("org.hibernate.")) {
      throw new ClassNotFoundException(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return name.startsWith("org/hibernate/") ? null : super.getResource(name);
  }
}
