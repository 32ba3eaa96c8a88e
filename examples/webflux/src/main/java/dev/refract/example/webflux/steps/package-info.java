/** The REST resource of a run's steps: read them in order, add one at a free position. */
package dev.refract.example.webflux.steps;
