package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  @Test
  void guestsHaveNoOtherRole() {
    Principal guest = Principal.guest(ConnectionId.of("s1"));
    assertThat(guest.isGuest()).isTrue();
    assertThat(guest.user()).isEqualTo(UserId.of("guest:s1"));
    assertThatThrownBy(() -> Principal.of(UserId.of("u1"), Set.of(Role.GUEST, Role.ADMIN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Principal.of(UserId.of("u1"), Set.of(Role.SERVICE)).isTrusted()).isTrue();
  }

  @Test
  void principalsWithOneRoleShareOneUnmodifiableSetOfIt() {
    Principal one = Principal.of(UserId.of("u1"), new java.util.HashSet<>(Set.of(Role.CUSTOMER)));
    Principal two = Principal.of(UserId.of("u2"), Set.of(Role.CUSTOMER));

    assertThat(two.roles()).isSameAs(one.roles()).containsExactly(Role.CUSTOMER);
    assertThatThrownBy(() -> one.roles().add(Role.ADMIN))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Principal.of(UserId.of("u3"), Set.of(Role.CUSTOMER, Role.VENDOR)).roles())
        .containsExactlyInAnyOrder(Role.CUSTOMER, Role.VENDOR);
    assertThatThrownBy(() -> Principal.of(UserId.of("u4"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
