/**
 * The Maven goals of the database commands: {@code refract-db:push}, {@code refract-db:deploy} and
 * {@code refract-db:status}, each running the {@code refract} command of the same name in the build.
 */
package dev.refract.maven.db;
