/**
 * Reading the rows of raw SQL reads into the caller's own record classes: components matched to
 * columns by name, values converted where no information is lost, the canonical constructor called
 * through a method handle looked up once per class.
 */
package dev.refract.raw;
