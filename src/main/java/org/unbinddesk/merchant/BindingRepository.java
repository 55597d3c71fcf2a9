package org.unbinddesk.merchant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BindingRepository extends JpaRepository<Binding, Long> {

	Optional<Binding> findByTerminalSn(String terminalSn);

}
