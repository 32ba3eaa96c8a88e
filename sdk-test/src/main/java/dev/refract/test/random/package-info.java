/**
 * Property and fuzz checks on plain JUnit: inputs drawn from seeded random sources, so every run is
 * reproducible and a failure names the seed that replays it.
 */
package dev.refract.test.random;
