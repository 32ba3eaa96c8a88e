package dev.refract.test.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import org.junit.jupiter.api.Test;

/** Whatever a test class is called, its namespace name is safe in every store. */
class NamespaceNameProperties {

    @Test
    void everyNameIsASafeIdentifierInEveryStore() {
        // unquoted identifier in PostgreSQL and MySQL, database name in MongoDB, glob-free in Redis
        RandomCases.forAll(1000, random -> Draw.anyString(random, 0, 80), label -> assertThat(NamespaceNames.generate(label))
                .matches("rt_[a-z0-9]+(_[a-z0-9]+)*_[0-9a-f]{12}").hasSizeLessThanOrEqualTo(48));
    }
}
