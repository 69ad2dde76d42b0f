/**
 * Churn against the build's server: agents connecting and leaving by the thousand and hosts whose
 * interface names never repeat leave the server's live heap where it was.
 */
package it.server.churn;
