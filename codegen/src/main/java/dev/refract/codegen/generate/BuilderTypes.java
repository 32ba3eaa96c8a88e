package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code is written against, named once. */
final class BuilderTypes {

    private static final String BUILDER = "dev.refract.builder";
    private static final String QUERY = "dev.refract.query";
    private static final String META = "dev.refract.meta";

    static final ClassName WHERE_BUILDER = ClassName.get(BUILDER, "WhereBuilder");
    static final ClassName VALUE_CONDITION = ClassName.get(BUILDER, "ValueCondition");
    static final ClassName COMPARABLE_CONDITION = ClassName.get(BUILDER, "ComparableCondition");
    static final ClassName STRING_CONDITION = ClassName.get(BUILDER, "StringCondition");
    static final ClassName LIST_CONDITION = ClassName.get(BUILDER, "ListCondition");
    static final ClassName JSON_CONDITION = ClassName.get(BUILDER, "JsonCondition");
    static final ClassName FIELD_REF = ClassName.get(BUILDER, "FieldRef");
    static final ClassName ORDER_BY_BUILDER = ClassName.get(BUILDER, "OrderByBuilder");
    static final ClassName SORT_FIELD = ClassName.get(BUILDER, "SortField");
    static final ClassName RELATION_SORT = ClassName.get(BUILDER, "RelationSort");
    static final ClassName RELATION_FILTER = ClassName.get(BUILDER, "RelationFilter");
    static final ClassName COMPOSITE_FILTER = ClassName.get(BUILDER, "CompositeFilter");
    static final ClassName FIELD_SET_BUILDER = ClassName.get(BUILDER, "FieldSetBuilder");
    static final ClassName WRITE_BUILDER = ClassName.get(BUILDER, "WriteBuilder");
    static final ClassName NUMBER_UPDATE = ClassName.get(BUILDER, "NumberUpdate");
    static final ClassName RELATED_BUILDER = ClassName.get(BUILDER, "RelatedBuilder");
    static final ClassName TO_MANY_CREATE = ClassName.get(BUILDER, "ToManyCreate");
    static final ClassName TO_MANY_WRITE = ClassName.get(BUILDER, "ToManyWrite");
    static final ClassName TO_ONE_CREATE = ClassName.get(BUILDER, "ToOneCreate");
    static final ClassName TO_ONE_WRITE = ClassName.get(BUILDER, "ToOneWrite");
    static final ClassName TO_ONE_WRITE_NULLABLE = ClassName.get(BUILDER, "ToOneWrite", "Nullable");
    static final ClassName SELECTIONS = ClassName.get(BUILDER, "Selections");

    static final ClassName FILTER = ClassName.get(QUERY, "Filter");
    static final ClassName ORDER_BY = ClassName.get(QUERY, "OrderBy");
    static final ClassName QUERY_TYPE = ClassName.get(QUERY, "Query");
    static final ClassName SELECTION = ClassName.get(QUERY, "Selection");
    static final ClassName CACHE_POLICY = ClassName.get(QUERY, "CachePolicy");
    static final ClassName INCLUDE = ClassName.get(QUERY, "Selection", "Include");
    static final ClassName RELATION_COUNT = ClassName.get(QUERY, "Selection", "RelationCount");
    static final ClassName WRITE_DATA = ClassName.get(QUERY, "WriteData");
    static final ClassName OPERATION = ClassName.get(QUERY, "Operation");
    static final ClassName AGGREGATIONS = ClassName.get(QUERY, "Aggregations");

    static final ClassName SCHEMA_META = ClassName.get(META, "SchemaMeta");
    static final ClassName MODEL_META = ClassName.get(META, "ModelMeta");
    static final ClassName FIELD_META = ClassName.get(META, "FieldMeta");
    static final ClassName DATASOURCE_META = ClassName.get(META, "DatasourceMeta");
    static final ClassName POOL_META = ClassName.get(META, "PoolMeta");
    static final ClassName RELATION_META = ClassName.get(META, "RelationMeta");
    static final ClassName KEY_META = ClassName.get(META, "KeyMeta");
    static final ClassName CACHE_META = ClassName.get(META, "CacheMeta");
    static final ClassName ENUM_META = ClassName.get(META, "EnumMeta");
    static final ClassName COMPOSITE_META = ClassName.get(META, "CompositeMeta");
    static final ClassName ARITY = ClassName.get(META, "Arity");
    static final ClassName SCALAR_TYPE = ClassName.get(META, "ScalarType");
    static final ClassName PROVIDER = ClassName.get(META, "Provider");
    static final ClassName DEFAULT_VALUE = ClassName.get(META, "DefaultValue");
    static final ClassName REFERENTIAL_ACTION = ClassName.get(META, "ReferentialAction");

    static final ClassName CLIENT_CORE = ClassName.get("dev.refract.client", "ClientCore");
    static final ClassName CLIENT_OPTIONS = ClassName.get("dev.refract.client", "ClientOptions");
    static final ClassName MODEL_DELEGATE = ClassName.get("dev.refract.client", "ModelDelegate");
    static final ClassName ADAPTER_PROVIDER = ClassName.get("dev.refract.spi", "AdapterProvider");
    static final ClassName ID_GENERATORS = ClassName.get("dev.refract.id", "IdGenerators");
    static final ClassName INVALID_QUERY = ClassName.get("dev.refract.error", "InvalidQueryException");

    private BuilderTypes() {}
}
