/**
 * Certificates made by the tests with the JDK's keytool (a CA and leaves it signs), and a key pair
 * with the JWTs it signs.
 */
package it.support.tls;
