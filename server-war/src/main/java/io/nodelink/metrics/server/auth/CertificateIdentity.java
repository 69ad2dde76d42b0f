package io.nodelink.metrics.server.auth;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a client certificate gives its holder (the subject's CN and the DNS entries of its
 * subject alternative names), and whether one of them is a given agent id. With mutual TLS on the
 * gRPC port an agent may only connect under an id its certificate names.
 */
public final class CertificateIdentity {

  private static final int SAN_DNS = 2;

  private CertificateIdentity() {}

  /** Whether {@code certificate} names {@code agentId} (exactly, ignoring case). */
  public static boolean names(X509Certificate certificate, String agentId) {
    for (String name : namesOf(certificate)) {
      if (name.toLowerCase(Locale.ROOT).equals(agentId.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The CN values of the subject, then the DNS subject alternative names. */
  static List<String> namesOf(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      // No usable subject: only the alternative names can name the agent.
    }
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          if (entry.size() == 2 && Integer.valueOf(SAN_DNS).equals(entry.get(0))) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // Unreadable extension: the CN alone decides.
    }
    return names;
  }
}
