package org.unbinddesk.unbind;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeviceReturnRepository extends JpaRepository<DeviceReturn, String> {

}
