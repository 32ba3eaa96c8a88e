/**
 * Canonical formatting of schema files, as {@code prisma format} does it: two-space indentation,
 * fields, enum values and properties aligned in columns, block attributes after the fields, one
 * blank line between blocks. Comments and documentation are kept; a file with syntax errors is
 * refused rather than rewritten.
 */
package dev.refract.codegen.format;
