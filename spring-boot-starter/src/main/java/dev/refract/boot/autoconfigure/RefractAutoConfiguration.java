package dev.refract.boot.autoconfigure;

import dev.refract.client.ClientCore;
import dev.refract.client.GeneratedClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Builds the generated client that {@code refract.client} names, with the {@code refract.datasources.*}
 * properties over the schema's URLs and pools, and closes it when the context stops. Backs off when the
 * application declares a client bean of its own.
 */
@AutoConfiguration
@ConditionalOnClass(ClientCore.class)
@ConditionalOnProperty(prefix = "refract", name = "client")
@ConditionalOnMissingBean(GeneratedClient.class)
@EnableConfigurationProperties(RefractProperties.class)
@Import(GeneratedClientRegistrar.class)
public class RefractAutoConfiguration {

    /** Closes the client on shutdown and waits for its pools to be released. */
    @Bean
    SmartLifecycle refractClientShutdown(GeneratedClient client) {
        return new ClientShutdown(client);
    }
}
