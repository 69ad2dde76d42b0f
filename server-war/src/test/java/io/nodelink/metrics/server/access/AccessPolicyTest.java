package io.nodelink.metrics.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static final Predicate<String> NO_ROLES = role -> false;

  private static Predicate<String> roles(String... names) {
    return Set.of(names)::contains;
  }

  @Test
  void readsNeedViewerAndEverythingElseNeedsOperator() {
    assertThat(AccessPolicy.required("GET")).isEqualTo(Role.VIEWER);
    assertThat(AccessPolicy.required("HEAD")).isEqualTo(Role.VIEWER);
    assertThat(AccessPolicy.required("POST")).isEqualTo(Role.OPERATOR);
    assertThat(AccessPolicy.required("DELETE")).isEqualTo(Role.OPERATOR);
    assertThat(AccessPolicy.required("PUT")).isEqualTo(Role.OPERATOR);
  }

  @Test
  void anonymousCallersAreRefusedByDefault() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.NONE);
    assertThat(policy.decide(Role.VIEWER, false, NO_ROLES))
        .isEqualTo(AccessDecision.UNAUTHENTICATED);
  }

  @Test
  void viewerReadsButMayNotChangeState() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.NONE);
    assertThat(policy.decide(Role.VIEWER, true, roles("viewer"))).isEqualTo(AccessDecision.ALLOW);
    assertThat(policy.decide(Role.OPERATOR, true, roles("viewer")))
        .isEqualTo(AccessDecision.FORBIDDEN);
  }

  @Test
  void operatorIsAViewerToo() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.NONE);
    assertThat(policy.decide(Role.VIEWER, true, roles("operator"))).isEqualTo(AccessDecision.ALLOW);
    assertThat(policy.decide(Role.OPERATOR, true, roles("operator")))
        .isEqualTo(AccessDecision.ALLOW);
  }

  @Test
  void authenticatedUserWithoutRolesIsForbidden() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.NONE);
    assertThat(policy.decide(Role.VIEWER, true, NO_ROLES)).isEqualTo(AccessDecision.FORBIDDEN);
  }

  @Test
  void anonymousViewerRoleOpensReadsOnly() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.VIEWER);
    assertThat(policy.decide(Role.VIEWER, false, NO_ROLES)).isEqualTo(AccessDecision.ALLOW);
    assertThat(policy.decide(Role.OPERATOR, false, NO_ROLES))
        .isEqualTo(AccessDecision.UNAUTHENTICATED);
    assertThat(policy.decide(Role.OPERATOR, true, roles("viewer")))
        .isEqualTo(AccessDecision.FORBIDDEN);
  }

  @Test
  void anonymousOperatorRoleOpensEverything() {
    AccessPolicy policy = new AccessPolicy(AnonymousRole.OPERATOR);
    assertThat(policy.decide(Role.OPERATOR, false, NO_ROLES)).isEqualTo(AccessDecision.ALLOW);
    assertThat(policy.decide(Role.OPERATOR, true, NO_ROLES)).isEqualTo(AccessDecision.ALLOW);
  }

  @Test
  void anonymousRoleParsesItsThreeValuesOnly() {
    assertThat(AnonymousRole.parse(" Viewer ")).isEqualTo(AnonymousRole.VIEWER);
    assertThatThrownBy(() -> AnonymousRole.parse("admin"))
        .hasMessageContaining("none, viewer or operator");
  }
}
