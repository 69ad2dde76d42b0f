/**
 * The durable store end to end (issue 12): Liberty instances of their own, stopped gracefully,
 * killed with {@code kill -9}, kept down for a minute, on the embedded default database and on a
 * real PostgreSQL that is taken away for 30 s; real agent processes streaming every second. Each
 * test prints its figures (lost seconds, time to ready) into the build log.
 */
package it.server.durable;
