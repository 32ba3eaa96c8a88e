/** The Maven plugin that generates the Refract client sources during a build. */
package dev.refract.maven;
