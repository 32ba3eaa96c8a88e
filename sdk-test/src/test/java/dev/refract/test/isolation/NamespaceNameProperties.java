package dev.refract.test.isolation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a test class is called, its namespace name is safe in every store. */
class NamespaceNameProperties {

    @Property
    void everyNameIsASafeIdentifierInEveryStore(@ForAll String label) {
        // unquoted identifier in PostgreSQL and MySQL, database name in MongoDB, glob-free in Redis
        assertThat(NamespaceNames.generate(label)).matches("rt_[a-z0-9]+(_[a-z0-9]+)*_[0-9a-f]{12}").hasSizeLessThanOrEqualTo(48);
    }
}
