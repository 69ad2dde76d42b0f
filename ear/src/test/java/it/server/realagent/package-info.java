/** End to end with the real agent process. */
package it.server.realagent;
