package org.unbinddesk.merchant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TerminalRepository extends JpaRepository<Terminal, String> {

	Optional<Terminal> findByTerminalId(String terminalId);

}
