/**
 * {@code refract db}: commands that bring a database to the schema without a migration history,
 * for prototyping ({@code push}), and an existing database into the schema ({@code pull}).
 */
package dev.refract.cli.db;
