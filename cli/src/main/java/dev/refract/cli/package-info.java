/**
 * The {@code refract} command line as shipped: {@link dev.refract.cli.RefractCli} joins the schema
 * commands of the code generator with the database commands, which need the adapters.
 */
package dev.refract.cli;
