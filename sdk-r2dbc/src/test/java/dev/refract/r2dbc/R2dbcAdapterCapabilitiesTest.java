package dev.refract.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Capabilities;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the relational adapter declares it can do, per database, read without connecting. */
class R2dbcAdapterCapabilitiesTest {

    private static Capabilities declaredFor(Provider provider, String url) {
        DatasourceMeta datasource = DatasourceMeta.withUrl("db", 0, provider, url, PoolMeta.DEFAULTS);
        R2dbcAdapter adapter = new R2dbcAdapter(new AdapterConfig(new SchemaMeta(List.of(datasource), List.of()),
                datasource, url, PoolMeta.DEFAULTS));
        try {
            return adapter.capabilities();
        } finally {
            adapter.close().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void postgresqlDeclaresEveryAbility() {
        assertThat(declaredFor(Provider.POSTGRESQL, "r2dbc:postgresql://localhost:5432/app")).isEqualTo(Capabilities.ALL);
    }

    @Test
    void mysqlDeclaresEverythingButScalarLists() {
        Capabilities mysql = declaredFor(Provider.MYSQL, "r2dbc:mysql://localhost:3306/app");
        assertThat(mysql.scalarLists()).isFalse();
        assertThat(mysql).isEqualTo(new Capabilities(true, true, true, true, true, false, true, true));
    }
}
