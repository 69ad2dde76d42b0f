/** Access control of the HTTP API and the dashboard on the build's server (login required). */
package it.server.security;
