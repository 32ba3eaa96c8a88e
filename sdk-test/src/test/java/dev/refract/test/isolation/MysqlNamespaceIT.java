package dev.refract.test.isolation;

import dev.refract.test.services.MysqlService;

class MysqlNamespaceIT extends SqlNamespaceContract<MysqlNamespace> {

    MysqlNamespaceIT() {
        super(new Kind<>(MysqlNamespace::create, MysqlNamespace::jdbcUrl, MysqlNamespace::r2dbcUrl,
                MysqlNamespace::connect, "varchar(64)", identifier -> "`" + identifier + "`", MysqlService::connect));
    }
}
