/**
 * Real time-series databases from Debian ({@code prometheus}, {@code victoria-metrics}) that the
 * Prometheus ITs start on loopback ports with their data under {@code ear/target}, and query.
 */
package it.support.tsdb;
