/** The typed error family: one small set of exceptions with stable codes, the model and fields involved. */
package dev.refract.error;
