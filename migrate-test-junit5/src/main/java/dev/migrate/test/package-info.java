/** JUnit 5 extension for migrate; grows in a later issue. */
package dev.migrate.test;
