/** Server-Sent Events: snapshot on connect, shared streaming, status events, CORS. */
package it.server.sse;
