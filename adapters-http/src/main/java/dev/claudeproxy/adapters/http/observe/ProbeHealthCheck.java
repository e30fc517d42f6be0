package dev.claudeproxy.adapters.http.observe;

import dev.claudeproxy.application.port.out.HealthProbe;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** A health probe as a Helidon readiness check of the same name: UP or DOWN, with what the probe saw. */
record ProbeHealthCheck(HealthProbe probe) implements HealthCheck {

    @Override
    public String name() {
        return probe.name();
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        HealthProbe.Result result = probe.check();
        return HealthCheckResponse.builder().status(result.up()).detail("detail", result.detail()).build();
    }
}
