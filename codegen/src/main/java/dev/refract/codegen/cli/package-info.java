/**
 * The schema commands of the {@code refract} command line: {@code generate}, {@code validate} and
 * {@code format}, each a picocli subcommand of {@link dev.refract.codegen.cli.RefractCommand}, and
 * {@link dev.refract.codegen.cli.SchemaSubcommand}, the base of every command that reads a schema
 * file (the database commands of the {@code refract-cli} module extend it too). Exit codes: 0
 * success, 1 an invalid schema or a failed check, 2 a usage error.
 */
package dev.refract.codegen.cli;
