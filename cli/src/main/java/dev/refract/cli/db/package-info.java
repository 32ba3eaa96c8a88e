/**
 * {@code refract db}: commands that bring a database to the schema without a migration history,
 * for prototyping, and the choice of datasources and their URLs they share.
 */
package dev.refract.cli.db;
