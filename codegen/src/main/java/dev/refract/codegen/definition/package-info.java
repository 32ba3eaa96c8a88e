/**
 * The resolved form of a valid schema: every name looked up, every relation paired with its
 * opposite side, every default and native type understood. The validator builds it; the generator
 * reads only this, never the syntax tree.
 */
package dev.refract.codegen.definition;
