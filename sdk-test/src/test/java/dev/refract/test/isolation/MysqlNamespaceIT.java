package dev.refract.test.isolation;

import dev.refract.test.services.MysqlService;
import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;

class MysqlNamespaceIT extends SqlNamespaceContract<MysqlNamespace> {

    @Override
    MysqlNamespace create(String label) {
        return MysqlNamespace.create(label);
    }

    @Override
    String jdbcUrl(MysqlNamespace namespace) {
        return namespace.jdbcUrl();
    }

    @Override
    String r2dbcUrl(MysqlNamespace namespace) {
        return namespace.r2dbcUrl();
    }

    @Override
    Connection connect(MysqlNamespace namespace) throws SQLException {
        return namespace.connect();
    }

    @Override
    String textType() {
        return "varchar(64)";
    }

    @Override
    String quote(String identifier) {
        return "`" + identifier + "`";
    }

    @Override
    Connection connectToServer(ServerEndpoint endpoint) throws SQLException {
        return MysqlService.connect(endpoint);
    }
}
