/**
 * Faults injected between a client and a real server in tests: {@link dev.refract.test.faults.FaultProxy}
 * is a loopback TCP proxy that forwards, stalls (stops forwarding and keeps its sockets open), drops
 * every open connection with a reset, and resumes.
 */
package dev.refract.test.faults;
