package io.nodelink.metrics.server.access;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one rule of the API: safe methods (GET, HEAD, OPTIONS) need {@link Role#VIEWER}, every other
 * method changes state and needs {@link Role#OPERATOR}. Decided by method, not by a list of
 * endpoints, so a new write endpoint can never be left open by omission.
 */
public final class AccessPolicy {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final AnonymousRole anonymous;

  public AccessPolicy(AnonymousRole anonymous) {
    this.anonymous = anonymous;
  }

  /** The role an HTTP method needs. */
  public static Role required(String method) {
    return SAFE_METHODS.contains(method) ? Role.VIEWER : Role.OPERATOR;
  }

  /**
   * Decides for a caller: {@code authenticated} says whether Liberty knows who it is, {@code
   * inRole} asks Liberty whether it holds a role name.
   */
  public AccessDecision decide(Role wanted, boolean authenticated, Predicate<String> inRole) {
    if (authenticated && holds(wanted, inRole)) {
      return AccessDecision.ALLOW;
    }
    Optional<Role> anonymousRole = anonymous.role();
    if (anonymousRole.isPresent() && anonymousRole.get().grants(wanted)) {
      return AccessDecision.ALLOW;
    }
    return authenticated ? AccessDecision.FORBIDDEN : AccessDecision.UNAUTHENTICATED;
  }

  private static boolean holds(Role wanted, Predicate<String> inRole) {
    for (Role role : Role.values()) {
      if (role.grants(wanted) && inRole.test(role.roleName())) {
        return true;
      }
    }
    return false;
  }
}
