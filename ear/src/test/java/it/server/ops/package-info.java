/** Operations: MicroProfile Health and Metrics on the admin port, port separation. */
package it.server.ops;
