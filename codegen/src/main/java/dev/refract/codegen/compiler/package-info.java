/**
 * The compile pipeline shared by the command line, the Maven plugin and the benchmarks: read a
 * schema file, parse, validate, generate, and write only the sources that changed.
 */
package dev.refract.codegen.compiler;
