/** JSON values of {@code Json} fields. */
package dev.refract.json;
