/** The uniform type of relation fields in generated records: loaded or not loaded. */
package dev.refract.relation;
