/**
 * Sagas: units of work across datasources that no single transaction can cover. A saga is a list of
 * named steps run one after the other; each step's action may read what the steps before it returned
 * ({@link dev.refract.saga.SagaResults}) and may declare a compensation that undoes it. When a step
 * fails, the steps completed before it are compensated one at a time in reverse order, and the
 * {@link dev.refract.saga.SagaOutcome} says what happened. Start one with {@code client.saga()} or
 * {@link dev.refract.saga.Saga#create()}.
 */
package dev.refract.saga;
