/** Error responses: JSON everywhere, right status codes, hostile paths. */
package it.server.errors;
