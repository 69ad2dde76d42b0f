/** System information: refresh task, stored answer, its JSON. */
package it.server.system;
