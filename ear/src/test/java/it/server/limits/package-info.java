/**
 * The server's cost limits on API callers, in a copy of the server WAR deployed with low limits
 * (the shared test server keeps its defaults): values per history answer, SSE clients over all
 * agents.
 */
package it.server.limits;
