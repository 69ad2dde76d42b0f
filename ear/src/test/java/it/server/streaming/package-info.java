/** Manual streaming control, current snapshots and tasks. */
package it.server.streaming;
