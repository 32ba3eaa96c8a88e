package dev.refract.boot.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link RefractJsonModule} when Jackson 3 is on the class path. Spring Boot's Jackson
 * support adds every module bean to the mappers it builds, those of the HTTP codecs included, so
 * controllers can return and accept generated records and {@code Json} values as they are. An
 * application that declares a {@code RefractJsonModule} bean of its own keeps it.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapper.class)
public class RefractJsonAutoConfiguration {

    /** The module, picked up by Spring Boot's Jackson auto-configuration. */
    @Bean
    @ConditionalOnMissingBean
    RefractJsonModule refractJsonModule() {
        return new RefractJsonModule();
    }
}
