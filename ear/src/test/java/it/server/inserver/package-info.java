/** Arquillian tests that run inside Liberty against server beans. */
package it.server.inserver;
