/**
 * Who may use the HTTP API and the dashboard: Liberty authenticates (user registry, HTTP Basic,
 * bearer tokens through MicroProfile JWT, form login with its single sign-on cookie), this package
 * decides what the caller may do with the roles Liberty reports ({@code viewer} reads, {@code
 * operator} changes state) and the configured role of anonymous callers.
 */
package io.nodelink.metrics.server.access;
