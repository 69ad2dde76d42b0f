/** Agent registration over gRPC: visibility, online/offline, replacement, authentication. */
package it.server.agents;
