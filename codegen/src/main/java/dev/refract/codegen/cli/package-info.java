/**
 * The {@code refract} command line: {@code generate}, {@code validate} and {@code format}, each a
 * picocli subcommand of {@link dev.refract.codegen.cli.RefractCommand}. Exit codes: 0 success, 1
 * an invalid schema or a failed check, 2 a usage error.
 */
package dev.refract.codegen.cli;
